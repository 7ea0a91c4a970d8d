import express, { Router } from 'express';
import { resolve } from 'node:path';
import { notFound } from '../platform/errors';
import { isUploadName, type ImagesService } from './images.service';

/** How long screens and browsers may keep an image without asking again. */
const MAX_AGE_SECONDS = 7 * 24 * 3600;

/**
 * `/media/<name>`: images are public (they are on every screen). Files on disk first — images
 * uploaded before uploads moved into the database (`DATA_DIR/media`) and the content folder's own
 * — then the uploads in the database, which any node serves.
 */
export function mediaRoutes(deps: { images: Pick<ImagesService, 'read'>; dirs: string[] }): Router {
  const router = Router();
  for (const dir of deps.dirs) router.use('/media', express.static(resolve(dir), { maxAge: MAX_AGE_SECONDS * 1000, dotfiles: 'deny', index: false }));
  router.get('/media/:name', async (req, res, next) => {
    const name = String(req.params.name);
    if (!isUploadName(name)) return next();
    // An upload's name is generated and never reused, and its bytes never change: the name is a
    // strong validator, so a screen revalidating its cache is answered without reading the row.
    const validators = { 'Cache-Control': `public, max-age=${MAX_AGE_SECONDS}, immutable`, ETag: `"${name}"` };
    if (matchesEtag(req.get('if-none-match'), validators.ETag)) return void res.set(validators).status(304).end();
    const image = await deps.images.read(name);
    if (!image) return next();
    res.set({ ...validators, 'Last-Modified': new Date(image.createdAt).toUTCString() }).type(image.contentType).send(image.bytes);
  });
  router.use('/media', (req, _res, next) => next(notFound(`No image ${req.path}`)));
  return router;
}

/** If-None-Match names `etag`, weakly or not (`*` is left to the full answer: it depends on the row existing). */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === etag || t === `W/${etag}`;
  });
}
