import { Router } from 'express';
import type { SessionUser } from '../../shared/auth.schema';
import { ProjectInputSchema, RoadshowActionSchema, RubricSchema, ScoreInputSchema, type Criterion } from '../../shared/roadshow.schema';
import { requireRole } from '../auth/auth.middleware';
import type { AuthService } from '../auth/auth.service';
import { parseOrThrow } from '../platform/errors';
import type { RoadshowService } from './roadshow.service';

export function roadshowRoutes(deps: { roadshow: RoadshowService; auth: AuthService }): Router {
  const router = Router();
  const staff = requireRole(deps.auth, 'admin', 'operator');
  const judge = requireRole(deps.auth, 'judge');
  const user = (locals: Record<string, unknown>) => locals.user as SessionUser;
  const { roadshow } = deps;

  router.get('/api/v1/roadshow', staff, async (_req, res) => {
    res.set('Cache-Control', 'no-store').json(roadshow.staffView());
  });
  router.post('/api/v1/roadshow/projects', staff, async (req, res) => {
    res.status(201).json(await roadshow.addProject(parseOrThrow(ProjectInputSchema, req.body ?? {}), user(res.locals)));
  });
  router.delete('/api/v1/roadshow/projects/:id', staff, async (req, res) => {
    await roadshow.deleteProject(String(req.params.id), user(res.locals));
    res.status(204).end();
  });
  router.put('/api/v1/roadshow/rubric', staff, async (req, res) => {
    const { criteria } = parseOrThrow(RubricSchema, req.body ?? {});
    res.json({ criteria: await roadshow.setRubric(criteria as Criterion[], user(res.locals)) });
  });
  router.post('/api/v1/roadshow/actions', staff, async (req, res) => {
    res.json(await roadshow.act(parseOrThrow(RoadshowActionSchema, req.body ?? {}).action, user(res.locals)));
  });
  router.get('/api/v1/roadshow/judging', judge, async (_req, res) => {
    res.set('Cache-Control', 'no-store').json(roadshow.judging(user(res.locals)));
  });
  router.put('/api/v1/roadshow/scores', judge, async (req, res) => {
    res.json({ myScores: await roadshow.score(parseOrThrow(ScoreInputSchema, req.body ?? {}), user(res.locals)) });
  });
  return router;
}
