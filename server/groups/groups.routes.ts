import { Router } from 'express';
import type { SessionUser } from '../../shared/auth.schema';
import { CreateGroupSchema, GroupCommandSchema, UpdateGroupSchema } from '../../shared/groups.schema';
import { requireRole } from '../auth/auth.middleware';
import type { AuthService } from '../auth/auth.service';
import { parseOrThrow } from '../platform/errors';
import type { GroupsService } from './groups.service';

export function groupsRoutes(deps: { groups: GroupsService; auth: AuthService }): Router {
  const router = Router();
  const staff = requireRole(deps.auth, 'admin', 'operator');
  const userOf = (locals: Record<string, unknown>) => locals.user as SessionUser;

  router.get('/api/v1/groups', staff, async (_req, res) => {
    res.json({ groups: deps.groups.list() });
  });
  router.post('/api/v1/groups', staff, async (req, res) => {
    res.status(201).json(await deps.groups.create(parseOrThrow(CreateGroupSchema, req.body ?? {}), userOf(res.locals)));
  });
  router.put('/api/v1/groups/:id', staff, async (req, res) => {
    res.json(await deps.groups.update(String(req.params.id), parseOrThrow(UpdateGroupSchema, req.body ?? {}), userOf(res.locals)));
  });
  router.delete('/api/v1/groups/:id', staff, async (req, res) => {
    await deps.groups.remove(String(req.params.id), userOf(res.locals));
    res.status(204).end();
  });
  router.post('/api/v1/groups/:id/commands', staff, async (req, res) => {
    res.status(202).json(await deps.groups.command(String(req.params.id), parseOrThrow(GroupCommandSchema, req.body ?? {}), userOf(res.locals)));
  });
  return router;
}
