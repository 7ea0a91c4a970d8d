import { Router } from 'express';
import type { SessionUser } from '../../shared/auth.schema';
import { CreateSlotSchema, ScheduleQuerySchema } from '../../shared/schedule.schema';
import { requireRole } from '../auth/auth.middleware';
import type { AuthService } from '../auth/auth.service';
import { parseOrThrow } from '../platform/errors';
import type { ScheduleService } from './schedule.service';

export function scheduleRoutes(deps: { schedule: ScheduleService; auth: AuthService }): Router {
  const router = Router();
  const staff = requireRole(deps.auth, 'admin', 'operator');
  router.get('/api/v1/schedule', staff, async (req, res) => {
    res.json(await deps.schedule.day(parseOrThrow(ScheduleQuerySchema, req.query).day));
  });
  router.post('/api/v1/schedule', staff, async (req, res) => {
    res.status(201).json(await deps.schedule.create(parseOrThrow(CreateSlotSchema, req.body ?? {}), res.locals.user as SessionUser));
  });
  router.put('/api/v1/schedule/:id', staff, async (req, res) => {
    res.json(await deps.schedule.update(String(req.params.id), parseOrThrow(CreateSlotSchema, req.body ?? {}), res.locals.user as SessionUser));
  });
  router.delete('/api/v1/schedule/:id', staff, async (req, res) => {
    await deps.schedule.remove(String(req.params.id), res.locals.user as SessionUser);
    res.status(204).end();
  });
  return router;
}
