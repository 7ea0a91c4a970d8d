import express, { Router } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { notFound } from '../platform/errors';

/** The apps and the page each is served from; `/kiosk/anything` falls back to the app's page (client-side routes). */
export const APPS = ['kiosk', 'stage', 'console', 'm', 'door'] as const;

export function pagesRoutes(deps: { webDir: string }): Router {
  const router = Router();
  const webDir = resolve(deps.webDir);
  if (!existsSync(join(webDir, 'index.html'))) {
    router.get(['/', ...APPS.map((app) => `/${app}{/*rest}`)], (_req, res) => {
      res.status(503).type('text/plain').send(`The pages are not built yet: run "npm run build" (looked in ${webDir}).`);
    });
    return router;
  }
  // Hashed asset names never change content, so they may be cached for a year.
  router.use('/assets', express.static(join(webDir, 'assets'), { immutable: true, maxAge: '365d', index: false }));
  // A missing asset is an ordinary 404 (an old page asking for a previous build's chunk, a scanner),
  // not a server error: nothing is logged for it, so nobody can fill the log by asking.
  router.use('/assets', (req, _res, next) => next(notFound(`No asset ${req.path}`)));
  router.use(express.static(webDir, { index: 'index.html', maxAge: 0, redirect: true }));
  for (const app of APPS) {
    router.get(`/${app}{/*rest}`, (_req, res) => {
      res.set('Cache-Control', 'no-cache').sendFile(join(webDir, app, 'index.html'));
    });
  }
  return router;
}
