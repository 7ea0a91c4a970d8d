import express, { Router } from 'express';
import { z } from 'zod';
import type { SessionUser } from '../../shared/auth.schema';
import { MeetingStepSchema, OrganisationInputSchema, PartnerInputSchema, RecordMeetingSchema } from '../../shared/deals.schema';
import { requireRole } from '../auth/auth.middleware';
import type { AuthService } from '../auth/auth.service';
import { badRequest, parseOrThrow } from '../platform/errors';
import type { DealsService } from './deals.service';

const ImportKindSchema = z.enum(['organisations', 'partners']);

export function dealsRoutes(deps: { deals: DealsService; auth: AuthService }): Router {
  const router = Router();
  const staff = requireRole(deps.auth, 'admin', 'operator');
  const actor = (locals: Record<string, unknown>) => locals.user as SessionUser;
  const { deals } = deps;

  router.get('/api/v1/deals', staff, async (_req, res) => {
    res.set('Cache-Control', 'no-store').json(deals.records());
  });
  router.post('/api/v1/deals/organisations', staff, async (req, res) => {
    res.status(201).json(await deals.addOrganisation(parseOrThrow(OrganisationInputSchema, req.body ?? {}), actor(res.locals)));
  });
  router.post('/api/v1/deals/partners', staff, async (req, res) => {
    res.status(201).json(await deals.addPartner(parseOrThrow(PartnerInputSchema, req.body ?? {}), actor(res.locals)));
  });
  router.post('/api/v1/deals/:kind/import', staff, express.text({ type: ['text/csv', 'text/plain'], limit: '2mb' }), async (req, res) => {
    const kind = parseOrThrow(ImportKindSchema, req.params.kind, 'kind');
    if (typeof req.body !== 'string') throw badRequest('Send the CSV file as the body with Content-Type: text/csv');
    res.status(201).json({ imported: await deals.importCsv(kind, req.body, actor(res.locals)) });
  });
  router.post('/api/v1/deals/meetings', staff, async (req, res) => {
    res.status(201).json(await deals.recordMeeting(parseOrThrow(RecordMeetingSchema, req.body ?? {}), actor(res.locals)));
  });
  router.post('/api/v1/deals/meetings/:id/step', staff, async (req, res) => {
    res.json(await deals.step(String(req.params.id), parseOrThrow(MeetingStepSchema, req.body ?? {}), actor(res.locals)));
  });
  router.get('/api/v1/deals/meetings/:id/steps', staff, async (req, res) => {
    res.json({ steps: await deals.steps(String(req.params.id)) });
  });
  router.get('/api/v1/deals/export.csv', staff, async (_req, res) => {
    res.type('text/csv; charset=utf-8').attachment(`showfloor-meetings-${new Date().toISOString().slice(0, 10)}.csv`).send(deals.exportCsv());
  });
  return router;
}
