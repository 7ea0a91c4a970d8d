import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { signedInSuite, startTestServer } from '../support/test-server';

describe('image uploads', () => {
  const t = signedInSuite();

  const upload = (bytes: Buffer, name: string, type: string, withCookie = true) => {
    const form = new FormData();
    form.append('image', new Blob([new Uint8Array(bytes)], { type }), name);
    return fetch(`${t.url}/api/v1/images`, { method: 'POST', body: form, headers: withCookie ? { cookie: t.cookie } : {} });
  };

  it('re-encodes a photo to a resized WebP with a generated name and serves it', async () => {
    const png = await sharp({ create: { width: 3000, height: 1500, channels: 3, background: '#0b5d66' } }).png().toBuffer();
    const response = await upload(png, 'booth photo.png', 'image/png');
    expect(response.status).toBe(201);
    const stored = (await response.json()) as { src: string; width: number; height: number };
    expect(stored.src).toMatch(/^[0-9a-f-]{36}\.webp$/);
    expect([stored.width, stored.height]).toEqual([1920, 960]);
    const served = await fetch(`${t.url}/media/${stored.src}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/webp');
    expect((await sharp(Buffer.from(await served.arrayBuffer())).metadata()).format).toBe('webp');
  });

  const uploadPhoto = async () => {
    const png = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#c8102e' } }).png().toBuffer();
    const response = await upload(png, 'stand.png', 'image/png');
    expect(response.status).toBe(201);
    return (await response.json()) as { src: string; width: number; height: number };
  };

  it('keeps uploads in the database, not on this node\'s disk: a second server on the database serves them', async () => {
    const stored = await uploadPhoto();
    const mediaDir = join(t.dataDir, 'media');
    expect(existsSync(mediaDir) ? readdirSync(mediaDir) : []).toEqual([]);
    // Another node on the same database (on SQLite: the same file).
    const other = await startTestServer({ DATA_DIR: t.dataDir });
    try {
      const served = await fetch(`${other.url}/media/${stored.src}`);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe('image/webp');
      const bytes = Buffer.from(await served.arrayBuffer());
      expect(Number(served.headers.get('content-length'))).toBe(bytes.length);
      expect(await sharp(bytes).metadata()).toMatchObject({ format: 'webp', width: 400, height: 300 });
    } finally {
      await other.stop({ keepData: true });
    }
  });

  it('lets screens cache an upload for a week and revalidate it by its ETag', async () => {
    const stored = await uploadPhoto();
    const served = await fetch(`${t.url}/media/${stored.src}`);
    expect(served.headers.get('cache-control')).toBe('public, max-age=604800, immutable');
    const etag = served.headers.get('etag')!;
    expect(etag).toBeTruthy();
    expect(served.headers.get('last-modified')).toBeTruthy();
    const again = await fetch(`${t.url}/media/${stored.src}`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    const other = await fetch(`${t.url}/media/${stored.src}`, { headers: { 'if-none-match': '"something-else"' } });
    expect(other.status).toBe(200);
  });

  it('still serves images uploaded to the data directory before uploads moved into the database', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } }).webp().toBuffer();
    const old = `${crypto.randomUUID()}.webp`;
    mkdirSync(join(t.dataDir, 'media'), { recursive: true });
    writeFileSync(join(t.dataDir, 'media', old), png);
    const served = await fetch(`${t.url}/media/${old}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('cache-control')).toBe('public, max-age=604800');
    expect(Buffer.from(await served.arrayBuffer())).toEqual(png);
  });

  it('refuses SVG and files that only claim to be images, judging by content', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>');
    const refused = await upload(svg, 'logo.svg', 'image/svg+xml');
    expect(refused.status).toBe(415);
    const disguised = await upload(Buffer.from('<html><script>alert(1)</script></html>'), 'photo.png', 'image/png');
    expect(disguised.status).toBe(415);
  });

  it('refuses files over the size limit and anonymous uploads', async () => {
    const huge = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(9 * 1024 * 1024)]);
    expect((await upload(huge, 'big.png', 'image/png')).status).toBe(413);
    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } }).png().toBuffer();
    expect((await upload(png, 'x.png', 'image/png', false)).status).toBe(401);
  });

  it('answers 404 for media that does not exist', async () => {
    expect((await fetch(`${t.url}/media/nothing.webp`)).status).toBe(404);
    const unknown = `${crypto.randomUUID()}.webp`;
    expect((await fetch(`${t.url}/media/${unknown}`)).status).toBe(404);
    expect((await fetch(`${t.url}/media/..%2Fshowfloor.sqlite`)).status).toBe(404);
  });
});
