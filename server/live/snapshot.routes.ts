import { Router } from 'express';

/** The public snapshot as JSON text, serialised once per seq and shared (see SnapshotCache). */
export function snapshotRoutes(snapshotJson: () => string): Router {
  const router = Router();
  router.get('/api/v1/snapshot', (_req, res) => {
    res.set('Cache-Control', 'no-store').type('application/json').send(snapshotJson());
  });
  return router;
}
