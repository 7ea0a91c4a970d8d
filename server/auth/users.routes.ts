import { Router } from 'express';
import { CreateUserSchema, ResetPasswordSchema, UpdateUserSchema, type SessionUser } from '../../shared/auth.schema';
import { parseOrThrow } from '../platform/errors';
import { requireRole } from './auth.middleware';
import type { AuthService } from './auth.service';
import type { UsersService } from './users.service';

export function usersRoutes(deps: { users: UsersService; auth: AuthService }): Router {
  const router = Router();
  const admin = requireRole(deps.auth, 'admin');
  const actor = (locals: Record<string, unknown>) => locals.user as SessionUser;

  router.get('/api/v1/users', admin, async (_req, res) => {
    res.json({ users: await deps.users.list() });
  });
  router.post('/api/v1/users', admin, async (req, res) => {
    res.status(201).json(await deps.users.create(parseOrThrow(CreateUserSchema, req.body ?? {}), actor(res.locals)));
  });
  router.patch('/api/v1/users/:id', admin, async (req, res) => {
    res.json(await deps.users.update(String(req.params.id), parseOrThrow(UpdateUserSchema, req.body ?? {}), actor(res.locals)));
  });
  router.post('/api/v1/users/:id/password', admin, async (req, res) => {
    await deps.users.resetPassword(String(req.params.id), parseOrThrow(ResetPasswordSchema, req.body ?? {}).password, actor(res.locals));
    res.status(204).end();
  });
  return router;
}
