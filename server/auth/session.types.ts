import type { SessionUser } from '../../shared/auth.schema';

declare module 'express-session' {
  interface SessionData {
    user?: SessionUser;
  }
}
