import { Router } from 'express';
import type { SessionUser } from '../../shared/auth.schema';
import { CreateItemSchema, DeleteItemSchema, RollbackSchema, SaveExhibitionSchema, SaveItemSchema, SaveSectionSchema } from '../../shared/content.schema';
import { requireRole } from '../auth/auth.middleware';
import type { AuthService } from '../auth/auth.service';
import { parseOrThrow } from '../platform/errors';
import type { ContentService } from './content.service';

/** Content editing for operators; the public reads content through the snapshot. */
export function contentRoutes(deps: { content: ContentService; auth: AuthService }): Router {
  const router = Router();
  const staff = requireRole(deps.auth, 'admin', 'operator');
  const actor = (locals: Record<string, unknown>) => locals.user as SessionUser;
  const { content } = deps;

  router.get('/api/v1/content', staff, async (_req, res) => {
    res.set('Cache-Control', 'no-store').json(content.editable());
  });
  router.put('/api/v1/exhibition', staff, async (req, res) => {
    res.json({ exhibition: await content.saveExhibition(parseOrThrow(SaveExhibitionSchema, req.body ?? {}).exhibition, actor(res.locals)) });
  });
  router.put('/api/v1/sections/:id', staff, async (req, res) => {
    const { section, baseVersion } = parseOrThrow(SaveSectionSchema, req.body ?? {});
    res.json(await content.saveSection(String(req.params.id), section, baseVersion, actor(res.locals)));
  });
  router.post('/api/v1/items', staff, async (req, res) => {
    res.status(201).json(await content.createItem(parseOrThrow(CreateItemSchema, req.body ?? {}).item, actor(res.locals)));
  });
  router.put('/api/v1/items/:id', staff, async (req, res) => {
    const { item, baseVersion } = parseOrThrow(SaveItemSchema, req.body ?? {});
    res.json(await content.saveItem(String(req.params.id), item, baseVersion, actor(res.locals)));
  });
  router.delete('/api/v1/items/:id', staff, async (req, res) => {
    await content.deleteItem(String(req.params.id), parseOrThrow(DeleteItemSchema, req.body ?? {}).baseVersion, actor(res.locals));
    res.status(204).end();
  });
  router.get('/api/v1/items/:id/history', staff, async (req, res) => {
    res.json({ versions: await content.history(String(req.params.id)) });
  });
  router.post('/api/v1/items/:id/rollback', staff, async (req, res) => {
    const { version, baseVersion } = parseOrThrow(RollbackSchema, req.body ?? {});
    res.json(await content.rollbackItem(String(req.params.id), version, baseVersion, actor(res.locals)));
  });
  return router;
}
