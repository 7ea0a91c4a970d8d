import { describe, expect, it } from 'vitest';
import type { EditableContent, Item, ItemVersion } from '../../shared/content.schema';
import type { Patch } from '../../shared/snapshot.schema';
import { connectLive } from '../support/live-client';
import { signedInSuite } from '../support/test-server';

describe('editing content', () => {
  const t = signedInSuite();

  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${t.url}${path}`, { method, headers: { 'content-type': 'application/json', cookie: t.cookie }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, body: response.status === 204 ? null : ((await response.json()) as any) };
  };
  const editable = async () => (await call('GET', '/api/v1/content')).body as EditableContent;
  const itemOf = (content: EditableContent, id: string) => {
    const { version, updatedAt: _u, ...item } = content.items.find((i) => i.id === id)!;
    return { item: item as Item, version };
  };

  it('saves an edit in both languages and every screen receives it at once', async () => {
    const screen = await connectLive(t.url);
    const { item, version } = itemOf(await editable(), 'alpha-item-1');
    const edited = { ...item, title: { 'zh-CN': '新标题', en: 'New title' } };
    const saved = await call('PUT', '/api/v1/items/alpha-item-1', { item: edited, baseVersion: version });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(version + 1);
    const patch = (await screen.nextPatch((p) => p.type === 'content')) as Extract<Patch, { type: 'content' }>;
    expect(patch.sections[0]!.items.find((i) => i.id === 'alpha-item-1')!.title).toEqual({ 'zh-CN': '新标题', en: 'New title' });
    screen.close();
  });

  it('tells the second of two editors about the conflict instead of overwriting', async () => {
    const opened = itemOf(await editable(), 'alpha-item-2');
    const first = await call('PUT', '/api/v1/items/alpha-item-2', { item: { ...opened.item, summary: { 'zh-CN': '甲', en: 'First' } }, baseVersion: opened.version });
    expect(first.status).toBe(200);
    const second = await call('PUT', '/api/v1/items/alpha-item-2', { item: { ...opened.item, summary: { 'zh-CN': '乙', en: 'Second' } }, baseVersion: opened.version });
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({ code: 'conflict', currentVersion: opened.version + 1 });
    expect(itemOf(await editable(), 'alpha-item-2').item.summary.en).toBe('First');
  });

  it('keeps every save as a version and rolls back by saving an old version as the newest', async () => {
    const start = itemOf(await editable(), 'beta-item-1');
    const v2 = await call('PUT', '/api/v1/items/beta-item-1', { item: { ...start.item, summary: { 'zh-CN': '二', en: 'Two' } }, baseVersion: start.version });
    const history = (await call('GET', '/api/v1/items/beta-item-1/history')).body.versions as ItemVersion[];
    expect(history.map((v) => v.version)).toEqual([v2.body.version, start.version]);
    expect(history[0]!.savedBy).toBe('admin');
    const rolled = await call('POST', '/api/v1/items/beta-item-1/rollback', { version: start.version, baseVersion: v2.body.version });
    expect(rolled.status).toBe(200);
    expect(rolled.body.item.summary).toEqual(start.item.summary);
    expect(rolled.body.version).toBe(v2.body.version + 1);
    const audit = (await call('GET', '/api/v1/audit?action=item.rollback')).body.entries;
    expect(audit[0]).toMatchObject({ targetId: 'beta-item-1', username: 'admin' });
    expect(audit[0].before.summary).toEqual({ 'zh-CN': '二', en: 'Two' });
  });

  it('answers field by field when a save is invalid', async () => {
    const { item, version } = itemOf(await editable(), 'alpha-item-1');
    const bad = await call('PUT', '/api/v1/items/alpha-item-1', { item: { ...item, title: { 'zh-CN': '', en: 'x' }, facts: 'none' }, baseVersion: version });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toMatchObject({ 'item.title.zh-CN': 'must not be empty', 'item.facts': expect.any(String) });
  });

  it('stores operator rich text sanitised: no scripts, handlers or javascript: links', async () => {
    const { item, version } = itemOf(await editable(), 'alpha-item-1');
    const body = { 'zh-CN': '<p>安全</p>', en: '<img src=x onerror="alert(1)"><script>alert(2)</script><p onclick="x()">Hi <a href="javascript:alert(3)">link</a></p>' };
    const saved = await call('PUT', '/api/v1/items/alpha-item-1', { item: { ...item, body }, baseVersion: version });
    expect(saved.body.item.body.en).toBe('<p>Hi <a>link</a></p>');
  });

  it('unpublishing an item takes it off public screens; creating and deleting work too', async () => {
    const { item, version } = itemOf(await editable(), 'alpha-item-2');
    await call('PUT', '/api/v1/items/alpha-item-2', { item: { ...item, published: false }, baseVersion: version });
    const snapshot = (await (await fetch(`${t.url}/api/v1/snapshot`)).json()) as { sections: { items: { id: string }[] }[] };
    expect(snapshot.sections[0]!.items.map((i) => i.id)).not.toContain('alpha-item-2');

    const created = await call('POST', '/api/v1/items', { item: { ...item, id: 'alpha-item-3', published: true } });
    expect(created.status).toBe(201);
    expect((await call('POST', '/api/v1/items', { item: { ...item, id: 'alpha-item-3' } })).status).toBe(409);
    expect((await call('DELETE', '/api/v1/items/alpha-item-3', { baseVersion: created.body.version })).status).toBe(204);
    const history = (await call('GET', '/api/v1/items/alpha-item-3/history')).body.versions as ItemVersion[];
    expect(history[0]!.item).toBeNull();
  });

  it('edits a section with the same conflict rule', async () => {
    const content = await editable();
    const { version, ...section } = content.sections[0]!;
    const saved = await call('PUT', `/api/v1/sections/${section.id}`, { section: { ...section, color: '#123456' }, baseVersion: version });
    expect(saved.status).toBe(200);
    expect((await call('PUT', `/api/v1/sections/${section.id}`, { section, baseVersion: version })).status).toBe(409);
  });
});
