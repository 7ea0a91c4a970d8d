import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { request } from 'node:http';
import { connectLive } from '../support/live-client';
import { signIn, startTestServer, type TestServer } from '../support/test-server';

/** A GET that sees the bytes on the wire (fetch would decompress them). */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('content version, ETag and compression', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.stop());

  it('serves the content with its version as ETag, and 304 while it is unchanged', async () => {
    const snapshot = (await (await fetch(`${t.url}/api/v1/snapshot`)).json()) as { contentVersion: string; sections: unknown[] };
    const first = await fetch(`${t.url}/api/v1/snapshot/content`);
    const content = (await first.json()) as { contentVersion: string; sections: unknown[] };
    expect(content.contentVersion).toBe(snapshot.contentVersion);
    expect(content.sections).toEqual(snapshot.sections);
    expect(first.headers.get('etag')).toBe(`"${snapshot.contentVersion}"`);
    const again = await fetch(`${t.url}/api/v1/snapshot/content`, { headers: { 'if-none-match': `"${snapshot.contentVersion}"` } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('changes the version when the content changes, and tells /live clients in the content patch', async () => {
    const cookie = await signIn(t.url);
    const before = (await (await fetch(`${t.url}/api/v1/snapshot/content`)).json()) as { contentVersion: string };
    const live = await connectLive(t.url, { view: 'phone' });
    const editable = (await (await fetch(`${t.url}/api/v1/content`, { headers: { cookie } })).json()) as { items: { id: string; version: number; updatedAt: string }[] };
    const { version, updatedAt: _u, ...item } = editable.items.find((i) => i.id === 'alpha-item-1')!;
    const saved = await fetch(`${t.url}/api/v1/items/alpha-item-1`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ item: { ...item, summary: { 'zh-CN': '新', en: 'New' } }, baseVersion: version }),
    });
    expect(saved.status).toBe(200);
    const patch = await live.nextPatch((p) => p.type === 'content');
    const after = await fetch(`${t.url}/api/v1/snapshot/content`, { headers: { 'if-none-match': `"${before.contentVersion}"` } });
    expect(after.status).toBe(200);
    const body = (await after.json()) as { contentVersion: string };
    expect(body.contentVersion).not.toBe(before.contentVersion);
    expect(patch.type === 'content' && patch.contentVersion).toBe(body.contentVersion);
    live.close();
  });

  it('leaves the content out of snapshots for a client that holds the current version', async () => {
    const full = await connectLive(t.url, { view: 'kiosk' });
    const version = full.snapshots[0]!.contentVersion;
    full.close();
    const holding = await connectLive(t.url, { view: 'kiosk', contentVersion: version });
    expect(holding.snapshots[0]).not.toHaveProperty('sections');
    expect(holding.snapshots[0]).not.toHaveProperty('exhibition');
    expect(holding.snapshots[0]!.counters).toBeDefined();
    holding.close();
    const stale = await connectLive(t.url, { view: 'kiosk', contentVersion: 'not-the-current-one' });
    expect(stale.snapshots[0]!.sections.length).toBeGreaterThan(0);
    stale.close();

    const live = await fetch(`${t.url}/api/v1/snapshot?content=${version}`);
    const body = (await live.json()) as Record<string, unknown>;
    expect(body).not.toHaveProperty('sections');
    expect(body.contentVersion).toBe(version);
  });

  it('compresses HTTP answers for clients that accept it', async () => {
    const plain = await rawGet(`${t.url}/api/v1/snapshot`);
    const gzip = await rawGet(`${t.url}/api/v1/snapshot`, { 'accept-encoding': 'gzip' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.body.length).toBeLessThan(plain.body.length);
    expect(JSON.parse(gunzipSync(gzip.body).toString('utf8'))).toMatchObject({ contentVersion: expect.any(String) });
  });

  it('answers brotli or gzip (brotli preferred) with the same JSON as the plain answer, for the snapshot, its live part and the content', async () => {
    const { contentVersion } = (await (await fetch(`${t.url}/api/v1/snapshot`)).json()) as { contentVersion: string };
    for (const path of ['/api/v1/snapshot', `/api/v1/snapshot?content=${contentVersion}`, '/api/v1/snapshot/content']) {
      const plain = await rawGet(`${t.url}${path}`);
      const br = await rawGet(`${t.url}${path}`, { 'accept-encoding': 'gzip, deflate, br' });
      const gzip = await rawGet(`${t.url}${path}`, { 'accept-encoding': 'gzip' });
      expect(br.headers['content-encoding'], path).toBe('br');
      expect(gzip.headers['content-encoding'], path).toBe('gzip');
      expect(br.headers.vary, path).toContain('Accept-Encoding');
      expect(br.headers['content-type'], path).toContain('application/json');
      const text = plain.body.toString('utf8');
      // serverTime may move between the requests; everything else is the same snapshot.
      const strip = (json: string) => ({ ...(JSON.parse(json) as object), serverTime: undefined });
      expect(strip(brotliDecompressSync(br.body).toString('utf8')), path).toEqual(strip(text));
      expect(strip(gunzipSync(gzip.body).toString('utf8')), path).toEqual(strip(text));
    }
  });
});
