import { Router } from 'express';
import type { SessionUser } from '../../shared/auth.schema';
import { CounterCorrectionInputSchema, DayResetSchema } from '../../shared/corrections.schema';
import { requireRole } from '../auth/auth.middleware';
import type { AuthService } from '../auth/auth.service';
import { parseOrThrow } from '../platform/errors';
import type { CorrectionsService } from './corrections.service';

export function correctionsRoutes(deps: { corrections: CorrectionsService; auth: AuthService }): Router {
  const router = Router();
  const staff = requireRole(deps.auth, 'admin', 'operator');
  router.get('/api/v1/counters/corrections', staff, async (_req, res) => {
    res.json({ corrections: await deps.corrections.list() });
  });
  router.post('/api/v1/counters/corrections', staff, async (req, res) => {
    res.status(201).json(await deps.corrections.correct(parseOrThrow(CounterCorrectionInputSchema, req.body ?? {}), res.locals.user as SessionUser));
  });
  router.post('/api/v1/counters/reset', staff, async (req, res) => {
    await deps.corrections.resetDay(parseOrThrow(DayResetSchema, req.body ?? {}), res.locals.user as SessionUser);
    res.json({ ok: true });
  });
  return router;
}
