import { afterAll, beforeAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServer, type ServerDeps, type ShowfloorServer } from '../../server/app';
import { parseConfig } from '../../server/config/config.schema';
import { usePostgres, type PostgresServer } from './postgres';
import { testEngine } from './test-storage';

export const FIXTURE_CONTENT = resolve(import.meta.dirname, '../fixtures/content');
export const ADMIN_PASSWORD = 'admin-test-password';

export interface TestServer {
  server: ShowfloorServer;
  url: string;
  port: number;
  dataDir: string;
  /** On PostgreSQL, the server's own database; a restart on the same DATA_DIR finds it again. */
  databaseUrl: string | undefined;
  /** Stops the server; `keepData` leaves the database for a restart on the same directory. */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

/**
 * On PostgreSQL (SHOWFLOOR_TEST_ENGINE=postgres), the database that stands for each data directory
 * in this worker: a test that restarts on the same DATA_DIR finds its data, as it does on SQLite.
 */
const databases = new Map<string, string>();

/** The run's cluster, started by the integration-postgres project's global setup. */
function runCluster(): PostgresServer {
  const url = process.env.SHOWFLOOR_TEST_POSTGRES_URL;
  if (!url) {
    throw new Error('SHOWFLOOR_TEST_ENGINE=postgres but the run has no PostgreSQL cluster: run it as the integration-postgres project (npx vitest run --project integration-postgres).');
  }
  return usePostgres(url);
}

/** DATABASE_URL for a server on `dataDir` when the run's engine is PostgreSQL (nothing on SQLite). */
export async function databaseEnv(dataDir: string): Promise<Record<string, string>> {
  if (testEngine() !== 'postgres') return {};
  let url = databases.get(dataDir);
  if (!url) {
    url = await runCluster().createDatabase();
    databases.set(dataDir, url);
  }
  return { DATABASE_URL: url };
}

async function dropDatabaseOf(dataDir: string): Promise<void> {
  const url = databases.get(dataDir);
  if (!url) return;
  databases.delete(dataDir);
  await runCluster().dropDatabase(url);
}

/**
 * Starts a real showfloor on port 0 with its own data directory (fixture content unless `env`
 * says otherwise), and on PostgreSQL its own database. Every test file gets independent instances.
 */
export async function startTestServer(env: Record<string, string> = {}, deps: ServerDeps = {}): Promise<TestServer> {
  const dataDir = env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'showfloor-test-'));
  const config = parseConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    CONTENT_DIR: FIXTURE_CONTENT,
    LOG_LEVEL: 'silent',
    SHOWFLOOR_ADMIN_PASSWORD: ADMIN_PASSWORD,
    ...(await databaseEnv(dataDir)),
    ...env,
  });
  const server = await createServer(config, deps);
  // The postgres run must not pass on SQLite because a server ignored DATABASE_URL.
  if (config.databaseUrl && !deps.storage && !deps.db && server.storage.engine !== 'postgres') {
    await server.close();
    throw new Error(`startTestServer: DATABASE_URL is set but the server opened ${server.storage.engine}`);
  }
  const port = await server.listen();
  return {
    server,
    port,
    url: `http://127.0.0.1:${port}`,
    dataDir,
    databaseUrl: config.databaseUrl,
    async stop(options = {}) {
      await server.close();
      if (options.keepData) return;
      rmSync(dataDir, { recursive: true, force: true });
      await dropDatabaseOf(dataDir);
    },
  };
}

/** Signs in and returns the session cookie header. */
export async function signIn(url: string, username = 'admin', password = ADMIN_PASSWORD): Promise<string> {
  const response = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

/**
 * The setup most suites share: a server of their own (as startTestServer) with the admin signed in.
 * Each suite still stops it in its afterAll.
 */
export async function startSignedIn(env: Record<string, string> = {}, deps: ServerDeps = {}): Promise<{ server: TestServer; cookie: string }> {
  const server = await startTestServer(env, deps);
  return { server, cookie: await signIn(server.url) };
}

/** A suite's server (see signedInSuite) with the admin's session cookie. */
export interface SignedInSuite extends TestServer {
  readonly cookie: string;
}

/**
 * For a describe block: its own server with the admin signed in, started before the block's tests
 * and stopped after them. Read it (`suite.url`, `suite.cookie`) inside tests and hooks only.
 */
export function signedInSuite(env: Record<string, string> = {}, deps: ServerDeps = {}): SignedInSuite {
  let started: { server: TestServer; cookie: string } | undefined;
  beforeAll(async () => {
    started = await startSignedIn(env, deps);
  });
  afterAll(() => started?.server.stop());
  const get = () => {
    if (!started) throw new Error('the suite server is read before its beforeAll ran');
    return started;
  };
  return {
    get server() {
      return get().server.server;
    },
    get url() {
      return get().server.url;
    },
    get port() {
      return get().server.port;
    },
    get dataDir() {
      return get().server.dataDir;
    },
    get databaseUrl() {
      return get().server.databaseUrl;
    },
    get cookie() {
      return get().cookie;
    },
    stop: (options) => get().server.stop(options),
  };
}

/** Creates a device as admin and returns its id and token. */
export async function createDevice(
  url: string,
  body: { name: string; role: 'booth' | 'stage' | 'sensor' | 'door'; section?: string; sceneSeconds?: number } = { name: 'Door sensor', role: 'sensor' },
  cookie?: string,
): Promise<{ id: string; token: string }> {
  const response = await fetch(`${url}/api/v1/devices`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: cookie ?? (await signIn(url)) },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`device creation failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string; token: string };
}

/** Posts events with a device token; returns status and parsed body. */
export async function postEvents(url: string, token: string, body: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${url}/api/v1/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

/** A valid visit event with a fresh id; override any field. */
export function visitEvent(over: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: crypto.randomUUID(), type: 'visit', section: 'alpha', at: new Date().toISOString(), ...over };
}
