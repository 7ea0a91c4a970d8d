import { Router } from 'express';
import type { Registry } from 'prom-client';

export interface HealthDeps {
  /** Problems that make the server not ready (database unreachable, content missing); empty when ready. */
  readinessProblems: () => Promise<string[]>;
  registry: Registry;
}

export function healthRoutes(deps: HealthDeps): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const problems = await deps.readinessProblems();
    res.set('Cache-Control', 'no-store').status(problems.length ? 503 : 200).json(problems.length ? { status: 'not ready', problems } : { status: 'ready' });
  });
  router.get('/metrics', async (_req, res) => {
    res.set('Content-Type', deps.registry.contentType).send(await deps.registry.metrics());
  });
  return router;
}
