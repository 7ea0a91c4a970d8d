import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EditableContent, Item } from '../../shared/content.schema';
import { MAX_RICH_TEXT_DEPTH } from '../../shared/rich-text.rules';
import { runContentCli } from '../../server/cli/content-cli';
import { readContentFolder } from '../../server/content/content.files';
import { FIXTURE_CONTENT, startSignedIn, type TestServer } from '../support/test-server';

const nested = (depth: number, tag = 'b') => `${`<${tag}>`.repeat(depth)}deep${`</${tag}>`.repeat(depth)}`;

describe('item bodies nested too deeply', () => {
  let t: TestServer;
  let cookie: string;
  const dirs: string[] = [];
  beforeAll(async () => {
    ({ server: t, cookie } = await startSignedIn());
  });
  afterAll(async () => {
    await t.stop();
    dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  });

  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${t.url}${path}`, { method, headers: { 'content-type': 'application/json', cookie }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as any };
  };
  const current = async (id: string) => {
    const content = (await call('GET', '/api/v1/content')).body as EditableContent;
    const { version, updatedAt: _u, ...item } = content.items.find((i) => i.id === id)!;
    return { item: item as Item, version };
  };

  it('refuses a save of 2,000 nested <b> with 400 naming the field, and stores nothing', async () => {
    const { item, version } = await current('alpha-item-1');
    const saved = await call('PUT', '/api/v1/items/alpha-item-1', { item: { ...item, body: { ...item.body, en: nested(2000) } }, baseVersion: version });
    expect(saved.status).toBe(400);
    expect(saved.body.error.code).toBe('validation_failed');
    expect(saved.body.error.message).toMatch(/^item\.body\.en: is nested 2000 elements deep/);
    expect(saved.body.error.fields).toEqual({ 'item.body.en': expect.stringContaining(`at most ${MAX_RICH_TEXT_DEPTH}`) });
    expect((await current('alpha-item-1')).item.body).toEqual(item.body);
  });

  it('refuses a new item with a deep body in either language', async () => {
    const { item } = await current('alpha-item-1');
    const created = await call('POST', '/api/v1/items', { item: { ...item, id: 'deep-item', body: { 'zh-CN': nested(MAX_RICH_TEXT_DEPTH + 1, 'blockquote'), en: 'flat' } } });
    expect(created.status).toBe(400);
    expect(created.body.error.fields).toHaveProperty(['item.body.zh-CN']);
  });

  it('keeps a body exactly at the limit', async () => {
    const { item, version } = await current('alpha-item-2');
    const saved = await call('PUT', '/api/v1/items/alpha-item-2', { item: { ...item, body: { ...item.body, en: nested(MAX_RICH_TEXT_DEPTH) } }, baseVersion: version });
    expect(saved.status).toBe(200);
    expect(saved.body.item.body.en).toBe(nested(MAX_RICH_TEXT_DEPTH));
  });

  it('measures the sanitised body: tags the sanitiser drops do not count', async () => {
    const { item, version } = await current('beta-item-1');
    const saved = await call('PUT', '/api/v1/items/beta-item-1', { item: { ...item, body: { ...item.body, en: nested(200, 'div') } }, baseVersion: version });
    expect(saved.status).toBe(200);
    expect(saved.body.item.body.en).toBe('deep');
  });

  it('refuses a content folder (start or content:import) with a deep body, naming the file and field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'showfloor-content-'));
    dirs.push(dir);
    cpSync(FIXTURE_CONTENT, dir, { recursive: true });
    const file = join(dir, 'sections/alpha/items/alpha-item-1.json');
    const item = JSON.parse(readFileSync(file, 'utf8')) as Item;
    writeFileSync(file, JSON.stringify({ ...item, body: { ...item.body, en: nested(2000) } }));
    expect(() => readContentFolder(dir)).toThrow(/alpha-item-1\.json: body\.en: is nested 2000 elements deep/);
    const dataDir = mkdtempSync(join(tmpdir(), 'showfloor-data-'));
    dirs.push(dataDir);
    await expect(runContentCli('import', [dir], { DATA_DIR: dataDir })).rejects.toThrow(/alpha-item-1\.json: body\.en: is nested/);
  });
});
