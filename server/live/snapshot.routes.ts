import { Router } from 'express';
import type { Snapshot } from '../../shared/snapshot.schema';

export function snapshotRoutes(snapshot: () => Snapshot): Router {
  const router = Router();
  router.get('/api/v1/snapshot', (_req, res) => {
    res.set('Cache-Control', 'no-store').json(snapshot());
  });
  return router;
}
