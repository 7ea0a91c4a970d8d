import { Router } from 'express';
import { sendPrecompressed } from '../platform/precompressed';
import type { SharedSnapshot } from './snapshot.cache';
import type { VersionedContent } from './content-version';

/**
 * The public snapshot as JSON text, serialised and compressed once per seq and shared (see SnapshotCache), and the
 * content on its own (/api/v1/snapshot/content) with its version as ETag. A client that holds the current content asks for
 * `/api/v1/snapshot?content=<version>` and gets the snapshot without it (a few KB instead of ~70).
 */
export function snapshotRoutes(deps: { snapshots: { current(): SharedSnapshot }; content: { current(): VersionedContent } }): Router {
  const router = Router();
  router.get('/api/v1/snapshot', (req, res) => {
    const shared = deps.snapshots.current();
    const held = typeof req.query.content === 'string' ? req.query.content : undefined;
    res.set('Cache-Control', 'no-store');
    sendPrecompressed(req, res, held === shared.snapshot.contentVersion ? shared.liveBody : shared.body);
  });
  router.get('/api/v1/snapshot/content', (req, res) => {
    const { content, body } = deps.content.current();
    const etag = `"${content.contentVersion}"`;
    // no-cache: a browser may keep it, but asks each time (a 304 costs a few bytes).
    res.set({ 'Cache-Control': 'no-cache', ETag: etag });
    const match = req.get('If-None-Match');
    if (match !== undefined && match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) return void res.status(304).end();
    sendPrecompressed(req, res, body);
  });
  return router;
}
