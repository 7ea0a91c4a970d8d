/**
 * Soak (`npm run soak -- --minutes 60`): one real showfloor process (server/main.ts, the bundled
 * content, its own data directory) under a show-floor load for a given time — `--clients` /live
 * clients (default 200), steady ingest (20 kiosks posting an interaction a second and a door
 * sensor posting 5 visits a second), and optionally `--attackers` sockets that flood
 * `snapshot:request` and never read. Prints the server's RSS and heap every minute and, at the
 * end, the growth per hour after the warm-up (a least-squares line through the minutes after the
 * first five). Not part of CI: it runs as long as it is asked to.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';

const ROOT = resolve(import.meta.dirname, '../..');
const PASSWORD = 'soak-admin-password';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '60' },
    clients: { type: 'string', default: '200' },
    attackers: { type: 'string', default: '0' },
    'sample-seconds': { type: 'string', default: '60' },
  },
});
const minutes = Number(values.minutes);
const clientCount = Number(values.clients);
const attackerCount = Number(values.attackers);
const sampleMs = Number(values['sample-seconds']) * 1000;
for (const [name, value] of Object.entries({ minutes, clients: clientCount, attackers: attackerCount, 'sample-seconds': sampleMs })) {
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number ≥ 0`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

function rssOf(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : NaN;
}

async function metric(url: string, name: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const match = new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.e+]+)$`, 'm').exec(text);
  return match ? Number(match[1]) : NaN;
}

async function startServer(dataDir: string): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATA_DIR: dataDir, SHOWFLOOR_ADMIN_PASSWORD: PASSWORD, INGEST_DEVICE_BURST: '100000', INGEST_DEVICE_EVENTS_PER_SECOND: '10000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolvePromise, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /open http:\/\/localhost:(\d+)\//.exec(output);
      if (match) resolvePromise(`http://127.0.0.1:${match[1]}`);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise((r) => {
        child.once('exit', () => r());
        child.kill('SIGTERM');
      }),
  };
}

async function signIn(url: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: PASSWORD }) });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

async function createDevice(url: string, cookie: string, body: object): Promise<string> {
  const response = await fetch(`${url}/api/v1/devices`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
  if (response.status !== 201) throw new Error(`device creation failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

/** A socket that joins /live, asks for a snapshot over and over, and stops reading (see slow-readers.test.ts). */
function attacker(url: string): { stop(): void } {
  let ws: WebSocket | undefined;
  let stopped = false;
  const connect = () => {
    if (stopped) return;
    ws = new WebSocket(`${url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
    ws.once('message', () => {
      ws!.send('40/live,');
      (ws as unknown as { _socket: { pause(): void } })._socket.pause();
      const flood = setInterval(() => {
        if (ws!.readyState !== WebSocket.OPEN) return clearInterval(flood);
        for (let i = 0; i < 100; i++) ws!.send(`42/live,${i}["snapshot:request"]`);
      }, 1_000);
    });
    // Cut off by the server: come back, the way a script in a loop would.
    ws.once('close', () => setTimeout(connect, 1_000));
    ws.on('error', () => {});
  };
  connect();
  return {
    stop() {
      stopped = true;
      ws?.terminate();
    },
  };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'showfloor-soak-'));
  const server = await startServer(dataDir);
  process.stdout.write(`soak: server ${server.url} (pid ${server.pid}), ${clientCount} /live clients, ${attackerCount} attackers, ${minutes} min\n`);
  const cookie = await signIn(server.url);
  const snapshot = (await (await fetch(`${server.url}/api/v1/snapshot`)).json()) as { sections: { id: string; items: { id: string }[] }[] };
  const items = snapshot.sections.flatMap((s) => s.items.map((i) => ({ section: s.id, item: i.id })));
  const kiosks = await Promise.all(Array.from({ length: 20 }, (_, i) => createDevice(server.url, cookie, { name: `Soak kiosk ${i + 1}`, role: 'booth', section: items[i % items.length]!.section })));
  const door = await createDevice(server.url, cookie, { name: 'Soak door', role: 'sensor' });

  const sockets: Socket[] = [];
  let patches = 0;
  for (let i = 0; i < clientCount; i++) {
    const socket = io(`${server.url}/live`, { transports: ['websocket'], forceNew: true });
    socket.on('patch', () => patches++);
    sockets.push(socket);
  }
  const attackers = Array.from({ length: attackerCount }, () => attacker(server.url));

  let acked = 0;
  let failed = 0;
  /** Why events were not acknowledged: an HTTP status or a network error code, with counts. */
  const failures = new Map<string, number>();
  const fail = (reason: string, events: number) => {
    failed += events;
    failures.set(reason, (failures.get(reason) ?? 0) + events);
  };
  const post = async (token: string, events: object[]) => {
    try {
      const response = await fetch(`${server.url}/api/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ events }) });
      if (response.ok) acked += events.length;
      else fail(`HTTP ${response.status}`, events.length);
      await response.arrayBuffer();
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause;
      fail(cause?.code ?? (error as Error).message, events.length);
    }
  };
  const load = setInterval(() => {
    const at = new Date().toISOString();
    kiosks.forEach((token, i) => {
      const { section, item } = items[(i + Math.floor(Math.random() * items.length)) % items.length]!;
      const id = crypto.randomUUID();
      void post(token, [Math.random() < 0.5 ? { id, type: 'tap', section, at } : { id, type: 'view', section, item, at }]);
    });
    void post(door, Array.from({ length: 5 }, () => ({ id: crypto.randomUUID(), type: 'visit', at })));
  }, 1_000);

  const samples: { minute: number; rss: number; heap: number }[] = [];
  const started = Date.now();
  process.stdout.write('minute  rss MB  heap MB  /live clients  events acked  failed  patches/client\n');
  for (let n = 1; Date.now() - started < minutes * 60_000; n++) {
    await sleep(Math.max(0, started + n * sampleMs - Date.now()));
    const rss = rssOf(server.pid);
    const heap = await metric(server.url, 'showfloor_nodejs_heap_size_used_bytes');
    const live = await metric(server.url, 'showfloor_connected_clients');
    const minute = (Date.now() - started) / 60_000;
    samples.push({ minute, rss, heap });
    process.stdout.write(
      `${minute.toFixed(1).padStart(6)}  ${mb(rss).padStart(6)}  ${mb(heap).padStart(7)}  ${String(live).padStart(13)}  ${String(acked).padStart(12)}  ${String(failed).padStart(6)}  ${(patches / Math.max(1, clientCount)).toFixed(0).padStart(14)}\n`,
    );
  }
  clearInterval(load);
  attackers.forEach((a) => a.stop());
  sockets.forEach((s) => s.close());

  const warm = samples.filter((s) => s.minute > 5);
  const slope = (key: 'rss' | 'heap') => {
    if (warm.length < 2) return NaN;
    const mx = warm.reduce((a, s) => a + s.minute, 0) / warm.length;
    const my = warm.reduce((a, s) => a + s[key], 0) / warm.length;
    const num = warm.reduce((a, s) => a + (s.minute - mx) * (s[key] - my), 0);
    const den = warm.reduce((a, s) => a + (s.minute - mx) ** 2, 0);
    return (num / den) * 60;
  };
  const first = samples[0];
  const last = samples[samples.length - 1];
  process.stdout.write(
    `soak: ${minutes} min, ${acked} events acknowledged, ${failed} failed${failed ? ` (${[...failures].map(([why, n]) => `${n} ${why}`).join(', ')})` : ''}; RSS ${first ? mb(first.rss) : '?'} → ${last ? mb(last.rss) : '?'} MB, ` +
      `growth after warm-up ${mb(slope('rss'))} MB/h RSS, ${mb(slope('heap'))} MB/h heap\n`,
  );
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stderr.write(`soak failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
