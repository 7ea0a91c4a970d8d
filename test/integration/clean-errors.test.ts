import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import WebSocket from 'ws';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDevice, startSignedIn, type TestServer } from '../support/test-server';

/**
 * Whatever a client sends (a broken upload, a missing file, a malformed address, absurdly deep
 * JSON), the answer is a 4xx and the log stays clean: an error line per request would let anyone
 * on the show-floor network fill the disk with logs.
 */
describe('clean 4xx answers to bad requests, with nothing in the error log', () => {
  let t: TestServer;
  let cookie: string;
  let webDir: string;
  const logLines: Array<{ level: number; msg?: string; err?: { message?: string } }> = [];
  const errorLines = () => logLines.filter((line) => line.level >= 50);

  beforeAll(async () => {
    // A tiny build of our own, so the static routes are exercised without `vite build`.
    webDir = mkdtempSync(join(tmpdir(), 'showfloor-web-'));
    mkdirSync(join(webDir, 'assets'));
    mkdirSync(join(webDir, 'kiosk'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>showfloor</title>');
    writeFileSync(join(webDir, 'kiosk/index.html'), '<!doctype html><title>kiosk</title>');
    writeFileSync(join(webDir, 'assets/app-1234.js'), 'export {};');
    const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(JSON.parse(line)) });
    ({ server: t, cookie } = await startSignedIn({ WEB_DIR: webDir }, { logger }));
  });
  beforeEach(() => {
    logLines.length = 0;
  });
  afterAll(async () => {
    await t.stop();
    rmSync(webDir, { recursive: true, force: true });
  });

  /** A request with the path sent exactly as written (fetch would normalise a malformed one). */
  const raw = (method: string, path: string) =>
    new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: t.port, method, path }, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, type: String(res.headers['content-type'] ?? ''), body }));
      });
      req.on('error', reject);
      req.end();
    });

  const multipart = (body: string, contentType = 'multipart/form-data; boundary=XX') =>
    fetch(`${t.url}/api/v1/images`, { method: 'POST', headers: { cookie, 'content-type': contentType }, body });

  it('answers a truncated or malformed multipart upload with 400, not 500', async () => {
    const part = '--XX\r\nContent-Disposition: form-data; name="image"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG';
    for (const [body, type] of [
      [part, undefined],
      ['--XX\r\nnot a header\r\n\r\nabc\r\n--XX--\r\n', undefined],
      ['just bytes', undefined],
      ['--XX--\r\n', 'multipart/form-data'],
    ] as const) {
      const response = await multipart(body, type);
      expect(response.status).toBe(400);
      const answer = (await response.json()) as { error: { code: string; message: string } };
      expect(answer.error.code).toBe('invalid_multipart');
      expect(answer.error.message).toMatch(/^image: the upload is not a complete multipart\/form-data body \(.+\)/);
    }
    expect(errorLines()).toEqual([]);
  });

  it('answers a missing asset or any other missing file with a JSON 404', async () => {
    expect((await raw('GET', '/assets/app-1234.js')).status).toBe(200);
    for (const path of ['/assets/app-0000.js', '/assets/', '/assets/%2e%2e/index.html', '/favicon.ico', '/nothing/here.txt', '/.env', '/media/nothing.webp']) {
      const answer = await raw('GET', path);
      expect(answer.status, path).toBe(404);
      expect(answer.type, path).toContain('application/json');
      expect(JSON.parse(answer.body).error.code, path).toBe('not_found');
    }
    for (let i = 0; i < 20; i++) expect((await raw('GET', `/assets/chunk-${i}.js`)).status).toBe(404);
    expect(errorLines()).toEqual([]);
  });

  it('answers unknown API paths with a JSON 404 whatever the method', async () => {
    for (const [method, path] of [
      ['GET', '/api'],
      ['GET', '/api/'],
      ['GET', '/api/v1'],
      ['GET', '/api/v2/snapshot'],
      ['POST', '/api/v1/nothing'],
      ['PROPFIND', '/api/v1/snapshot'],
      ['OPTIONS', '/api/v1/nothing'],
      ['TRACE', '/api/'],
      ['PATCH', '/api/v1/snapshot'],
    ] as const) {
      const answer = await raw(method, path);
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(JSON.parse(answer.body).error.code).toBe('not_found');
    }
    expect(errorLines()).toEqual([]);
  });

  it('answers a malformed percent-encoding with 400 or 404, never 500', async () => {
    for (const path of ['/%E0%A4%A', '/kiosk/%E0%A4%A', '/m/item/%E0%A4%A', '/api/v1/items/%E0%A4%A/history', '/assets/%E0%A4%A', '/media/%E0%A4%A', '/%']) {
      const answer = await raw('GET', path);
      expect([400, 404], path).toContain(answer.status);
      expect(answer.type, path).toContain('application/json');
    }
    expect(errorLines()).toEqual([]);
  });

  it('answers 100,000 nested brackets on every JSON route with 400 (or the route refusal), never 500', async () => {
    const device = await createDevice(t.url, { name: 'Door', role: 'sensor' }, cookie);
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const bodies = [deep, `{"item":${deep}}`, `{"events":${deep}}`, '['.repeat(100_000), `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`];
    const routes = [
      ['POST', '/api/v1/events'],
      ['POST', '/api/v1/session'],
      ['POST', '/api/v1/items'],
      ['PUT', '/api/v1/items/alpha-item-1'],
      ['POST', '/api/v1/items/alpha-item-1/rollback'],
      ['PUT', '/api/v1/sections/alpha'],
      ['PUT', '/api/v1/exhibition'],
      ['POST', '/api/v1/announcements'],
      ['POST', '/api/v1/counters/corrections'],
      ['POST', '/api/v1/counters/reset'],
      ['POST', '/api/v1/deals/organisations'],
      ['POST', '/api/v1/deals/meetings'],
      ['POST', '/api/v1/devices'],
      ['POST', '/api/v1/pairing/claim'],
      ['POST', '/api/v1/pairing/approve'],
      ['POST', '/api/v1/roadshow/projects'],
      ['PUT', '/api/v1/roadshow/rubric'],
      ['POST', '/api/v1/roadshow/actions'],
      ['POST', '/api/v1/users'],
    ] as const;
    for (const [method, path] of routes) {
      for (const body of bodies) {
        const authorization: Record<string, string> = path === '/api/v1/events' ? { authorization: `Bearer ${device.token}` } : { cookie };
        const response = await fetch(`${t.url}${path}`, { method, headers: { 'content-type': 'application/json', ...authorization }, body });
        expect(response.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
        expect(response.status, `${method} ${path}`).toBeLessThan(500);
        expect(((await response.json()) as { error: { code: string } }).error.code).toBeTruthy();
      }
    }
    expect(errorLines()).toEqual([]);
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  });

  it('survives deeply nested socket.io payloads on /live: no crash, no error line, other screens still served', async () => {
    const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    const placeholder = (n: number) => `${'['.repeat(n)}{"_placeholder":true,"num":0}${']'.repeat(n)}`;
    // Each attack: what is sent once connected to the namespace. Sizes stay below the 64 KB
    // message limit, so the server really has to parse them.
    const attacks: Array<Array<string | Buffer>> = [
      [`42/live,["snapshot:request",${deep(30_000)}]`],
      [`42/live,1["snapshot:request",${deep(30_000)}]`],
      [`42/live,["anything",${`${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`}]`],
      [`451-/live,["snapshot:request",${placeholder(30_000)}]`, Buffer.from([1, 2, 3])],
      [`451-/live,1["snapshot:request",${placeholder(30_000)}]`, Buffer.from([1, 2, 3])],
    ];
    for (const packets of attacks) {
      const ws = new WebSocket(`ws://127.0.0.1:${t.port}/socket.io/?EIO=4&transport=websocket`);
      await new Promise<void>((resolve) => {
        const done = setTimeout(() => ws.close(), 1_000);
        ws.on('message', (data) => {
          const text = data.toString();
          if (text.startsWith('0{')) ws.send('40/live');
          // Connected to /live: now the attack.
          if (text.startsWith('40/live,')) for (const packet of packets) ws.send(packet);
        });
        ws.on('close', () => {
          clearTimeout(done);
          resolve();
        });
        ws.on('error', () => ws.close());
      });
    }
    // Connect-time payloads (the auth object) go through the namespaces' middleware.
    for (const connect of [`40/live,{"token":${deep(30_000)}}`, `40/device,${'{"token":'.repeat(5_000)}1${'}'.repeat(5_000)}`, `40/console,${deep(30_000)}`]) {
      const ws = new WebSocket(`ws://127.0.0.1:${t.port}/socket.io/?EIO=4&transport=websocket`);
      await new Promise<void>((resolve) => {
        ws.on('message', (data) => {
          if (data.toString().startsWith('0{')) ws.send(connect);
          else ws.close();
        });
        ws.on('close', () => resolve());
        ws.on('error', () => ws.close());
      });
    }
    expect(errorLines()).toEqual([]);
    const snapshot = await fetch(`${t.url}/api/v1/snapshot`);
    expect(snapshot.status).toBe(200);
  });
});
