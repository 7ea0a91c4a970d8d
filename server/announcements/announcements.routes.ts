import { Router } from 'express';
import type { SessionUser } from '../../shared/auth.schema';
import { CreateAnnouncementSchema } from '../../shared/announcements.schema';
import { requireRole } from '../auth/auth.middleware';
import type { AuthService } from '../auth/auth.service';
import { parseOrThrow } from '../platform/errors';
import type { AnnouncementsService } from './announcements.service';

export function announcementsRoutes(deps: { announcements: AnnouncementsService; auth: AuthService }): Router {
  const router = Router();
  const staff = requireRole(deps.auth, 'admin', 'operator');
  router.get('/api/v1/announcements', staff, async (_req, res) => {
    res.json({ announcements: await deps.announcements.recent() });
  });
  router.post('/api/v1/announcements', staff, async (req, res) => {
    const input = parseOrThrow(CreateAnnouncementSchema, req.body ?? {});
    res.status(201).json(await deps.announcements.create(input, res.locals.user as SessionUser));
  });
  router.delete('/api/v1/announcements/:id', staff, async (req, res) => {
    await deps.announcements.withdraw(String(req.params.id), res.locals.user as SessionUser);
    res.status(204).end();
  });
  return router;
}
