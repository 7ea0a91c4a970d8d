import express, { Router, type RequestHandler } from 'express';
import { refuseCrossSite } from '../platform/same-origin.middleware';

/** Paths under /api that never use a session: device posts and public reads. */
const SESSIONLESS = new Set(['/v1/events', '/v1/snapshot']);

/** What every /api request goes through before its route: cross-site refusal, JSON bodies, the session. */
export function apiPrelude(sessionMiddleware: RequestHandler, allowedOrigins: readonly string[]): Router {
  const router = Router();
  router.use('/api', refuseCrossSite(allowedOrigins));
  router.use('/api', express.json({ limit: '512kb', strict: true }));
  // Skipping the session where it is never used saves an id and a store lookup per device post.
  router.use('/api', (req, res, next) => (SESSIONLESS.has(req.path) ? next() : sessionMiddleware(req, res, next)));
  return router;
}
