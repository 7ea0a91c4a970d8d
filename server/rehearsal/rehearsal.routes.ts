import { Router } from 'express';
import type { SessionUser } from '../../shared/auth.schema';
import { requireRole } from '../auth/auth.middleware';
import type { AuthService } from '../auth/auth.service';
import type { RehearsalService } from './rehearsal.service';

export function rehearsalRoutes(deps: { rehearsal: RehearsalService; auth: AuthService }): Router {
  const router = Router();
  router.post('/api/v1/rehearsal/clear', requireRole(deps.auth, 'admin', 'operator'), async (_req, res) => {
    await deps.rehearsal.clear(res.locals.user as SessionUser);
    res.json({ ok: true });
  });
  return router;
}
