import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Snapshot } from '../../shared/snapshot.schema';
import { ADMIN_PASSWORD, createDevice, FIXTURE_CONTENT } from '../support/test-server';
import { forkTs, type Child } from './children';
import { HttpClient } from './http-client';
import type { FromServer, ToServer } from './ipc';

const SERVER_PROCESS = resolve(import.meta.dirname, 'server-process.ts');

/** A showfloor running in its own process, with a fresh database and one sensor device. */
export interface ShowfloorProcess {
  url: string;
  /** Bearer token of a sensor device, for POST /api/v1/events. */
  token: string;
  child: Child<ToServer, FromServer>;
  /** Keep-alive client for the posts that are measured. */
  http: HttpClient;
  snapshot(): Promise<Snapshot>;
  /** Text of /metrics (Prometheus format). */
  metrics(): Promise<string>;
  /** Stops the process and deletes its database. */
  stop(): Promise<void>;
}

/**
 * Starts server-process.ts on a new data directory. The directory is under os.tmpdir() unless
 * BENCH_DATA_DIR says otherwise: it must be a real disk, since the figures include fsync.
 * `contentDir` seeds the database (default the test fixture; the page benches use content/, so
 * the pages carry the real exhibition).
 */
export async function startShowfloor(env: Record<string, string> = {}, options: { contentDir?: string } = {}): Promise<ShowfloorProcess> {
  const dataDir = mkdtempSync(join(process.env.BENCH_DATA_DIR ?? tmpdir(), 'showfloor-bench-'));
  // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of every showfloor process, to see where its time goes.
  const profileDir = process.env.BENCH_CPU_PROF;
  const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${resolve(profileDir)}`] : [];
  // Fixed whatever the shell exports: the bench's events name the content's sections, and it signs in with the test password.
  // The per-device ingest limit is lifted: the bench measures how fast the server stores events,
  // posted through one sensor token, not how fast it refuses them.
  const fixed = {
    PORT: '0',
    HOST: '127.0.0.1',
    CONTENT_DIR: options.contentDir ?? FIXTURE_CONTENT,
    SHOWFLOOR_ADMIN_PASSWORD: ADMIN_PASSWORD,
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    INGEST_DEVICE_EVENTS_PER_SECOND: '1000000',
    INGEST_DEVICE_BURST: '10000000',
  };
  const child = forkTs<ToServer, FromServer>(SERVER_PROCESS, { ...env, ...fixed }, nodeArgs);
  try {
    const { port } = await child.next('listening', 60_000);
    const url = `http://127.0.0.1:${port}`;
    const { token } = await createDevice(url, { name: 'Bench sensor', role: 'sensor' });
    const http = new HttpClient(url);
    return {
      url,
      token,
      child,
      http,
      async snapshot() {
        const response = await fetch(`${url}/api/v1/snapshot`);
        if (!response.ok) throw new Error(`GET /api/v1/snapshot: ${response.status}`);
        return (await response.json()) as Snapshot;
      },
      async metrics() {
        return (await fetch(`${url}/metrics`)).text();
      },
      async stop() {
        http.close();
        await child.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await child.stop();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/** Posts one batch of events with the device token; resolves with the parsed answer. */
export async function postEvents(client: HttpClient, token: string, events: readonly object[]): Promise<{ status: number; accepted: number; duplicates: number }> {
  const { status, text } = await client.post('/api/v1/events', { events }, { authorization: `Bearer ${token}` });
  if (status !== 200) return { status, accepted: 0, duplicates: 0 };
  const body = JSON.parse(text) as { accepted: number; duplicates: number };
  return { status, accepted: body.accepted, duplicates: body.duplicates };
}

/** Sum and count of a Prometheus histogram in /metrics text, e.g. to get a mean. */
export function histogramMean(metricsText: string, name: string): number | undefined {
  const read = (suffix: string) => {
    const match = new RegExp(`^${name}_${suffix}(?:\\{[^}]*\\})? ([0-9.e+-]+)$`, 'm').exec(metricsText);
    return match ? Number(match[1]) : undefined;
  };
  const sum = read('sum');
  const count = read('count');
  return sum !== undefined && count ? sum / count : undefined;
}
