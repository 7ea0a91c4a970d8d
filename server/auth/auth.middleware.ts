import type { NextFunction, Request, Response } from 'express';
import type { SessionUser, UserRole } from '../../shared/auth.schema';
import { forbidden, unauthorized } from '../platform/errors';
import type { AuthService } from './auth.service';
import './session.types';

/** The signed-in user, re-read so a disabled account loses access at once. */
export async function currentUser(req: Request, auth: AuthService): Promise<SessionUser | undefined> {
  const id = req.session?.user?.id;
  return id ? auth.sessionUser(id) : undefined;
}

/** Lets the request through only for a signed-in user with one of `roles`. */
export function requireRole(auth: AuthService, ...roles: UserRole[]) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const user = await currentUser(req, auth);
    if (!user) return next(unauthorized());
    if (!roles.includes(user.role)) return next(forbidden(`Only ${roles.join(' or ')} accounts may do this`));
    res.locals.user = user;
    next();
  };
}
