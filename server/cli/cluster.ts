import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { z } from 'zod';
import { resolvePublicUrl } from '../web/public-url';
import { CLUSTER_USAGE, parseClusterArgs, type ClusterArgs } from './cluster-args';
import { findClusterPrograms, type ClusterPrograms } from './cluster-prerequisites';
import { killRandomNode, removeClusterState, runningCluster, writeClusterState } from './cluster-state';
import { haproxyConfig } from './haproxy-config';
import { freePort, isPortFree } from './ports';
import { startPostgresServer, type PostgresProcess } from './postgres-server';
import { startRedisServer, type RedisServerProcess } from './redis-server';

/**
 * npm run cluster: the production topology (PostgreSQL, Redis, three nodes, HAProxy) on one machine.
 * Every service runs in a process group of its own (detached; pg_ctl does the same for PostgreSQL),
 * so Ctrl-C reaches this process alone, which stops them in order: HAProxy first (no new work),
 * then the nodes (they finish their requests), then Redis and PostgreSQL.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const SERVER_BUNDLE = join(ROOT, 'dist/server/main.js');
const NODE_COUNT = 3;
/** How long a killed node stays down before it is started again: long enough to watch the others carry on. */
const RESTART_AFTER_MS = 3_000;
/** A node gets this long to stop on SIGTERM (main.ts gives up after 10 s) before it is killed. */
const NODE_STOP_MS = 12_000;
const DATABASE = 'showfloor';

/** Passwords made at the first start and kept in the data folder, so a restart finds its show again. */
const SecretsSchema = z.object({ postgresPassword: z.string().min(16), adminPassword: z.string().min(8), sessionSecret: z.string().min(32) });
type Secrets = z.infer<typeof SecretsSchema>;

interface NodeSlot {
  id: string;
  port: number;
  child?: ChildProcess;
}

let args: ClusterArgs;
try {
  args = parseClusterArgs(process.argv.slice(2));
} catch (error) {
  fail(`${(error as Error).message}\n\n${CLUSTER_USAGE}`, 2);
}
if (args.help) {
  console.log(CLUSTER_USAGE);
  process.exit(0);
}
if (args.kill) {
  try {
    console.log(killRandomNode(args.dataDir));
    process.exit(0);
  } catch (error) {
    fail((error as Error).message);
  }
}

let programs: ClusterPrograms;
try {
  programs = findClusterPrograms();
} catch (error) {
  fail((error as Error).message);
}
const already = runningCluster(args.dataDir);
if (already) fail(`A cluster is already running from ${args.dataDir} (pid ${already.pid}); stop it with Ctrl-C there first.`);
if (!(await isPortFree(args.port))) fail(`--port: port ${args.port} is in use; choose another with npm run cluster -- --port <port>.`);
if (!existsSync(SERVER_BUNDLE)) {
  console.log('dist/server/main.js is missing: building first (npm run build)…');
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) fail('npm run build failed; see above.');
}

const dataDir = args.dataDir;
const logDir = join(dataDir, 'logs');
for (const dir of [dataDir, logDir, join(dataDir, 'postgres'), join(dataDir, 'redis'), join(dataDir, 'nodes')]) mkdirSync(dir, { recursive: true });
const secrets = loadSecrets(join(dataDir, 'secrets.json'));

let postgres: PostgresProcess | undefined;
let redis: RedisServerProcess | undefined;
let haproxy: ChildProcess | undefined;
const nodes: NodeSlot[] = [];
let stopping: Promise<void> | undefined;

// Whatever ends this process, the services it started do not outlive it.
process.on('exit', () => {
  for (const child of [haproxy, redis?.child, ...nodes.map((n) => n.child)]) if (child && child.exitCode === null) child.kill('SIGKILL');
  try {
    postgres?.stop('immediate');
  } catch {
    // Already stopped.
  }
});
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

try {
  console.log(`Starting PostgreSQL and Redis in ${dataDir}…`);
  postgres = startPostgresServer({ root: join(dataDir, 'postgres'), port: await freePort(), user: 'showfloor', password: secrets.postgresPassword });
  await ensureDatabase(postgres.url(), DATABASE);
  redis = await startRedisServer({ port: await freePort(), dir: join(dataDir, 'redis'), detached: true });
  redis.child.once('exit', () => void serviceDied('redis-server'));

  for (let i = 1; i <= NODE_COUNT; i++) nodes.push({ id: `node-${i}`, port: await nodePort(args.port + i, nodes) });
  // node-1 alone first: it migrates the database and creates the admin, which the others then find.
  console.log('Starting node-1…');
  await startNode(nodes[0]!);
  console.log('Starting node-2 and node-3…');
  await Promise.all(nodes.slice(1).map((node) => startNode(node)));

  const config = join(dataDir, 'haproxy.cfg');
  writeFileSync(config, haproxyConfig({ port: args.port, nodes }));
  haproxy = spawn(programs.haproxy, ['-f', config, '-db'], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  haproxy.stderr!.pipe(createWriteStream(join(logDir, 'haproxy.log'), { flags: 'a' }));
  haproxy.once('exit', () => void serviceDied('haproxy'));
  await waitReady(`http://127.0.0.1:${args.port}/readyz`, haproxy, 'haproxy');
  saveState();
  printBanner();
} catch (error) {
  console.error(`npm run cluster: ${(error as Error).message}`);
  await stopAll(1);
}

async function startNode(node: NodeSlot): Promise<void> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(node.port),
    // Only HAProxy reaches the nodes; browsers use its port.
    HOST: '127.0.0.1',
    NODE_ID: node.id,
    DATABASE_URL: postgres!.url(DATABASE),
    REDIS_URL: redis!.url,
    // One media folder for all three, so an image uploaded through one node is served by every node.
    DATA_DIR: join(dataDir, 'nodes'),
    SHOWFLOOR_ADMIN_PASSWORD: secrets.adminPassword,
    SESSION_SECRET: secrets.sessionSecret,
    // One proxy hop: sign-in limits see the browser's address, not HAProxy's.
    TRUST_PROXY: '1',
    // QR codes and links name the balancer's port, not this node's.
    PUBLIC_URL: process.env.PUBLIC_URL ?? resolvePublicUrl(undefined, args.port),
  };
  const child = spawn(process.execPath, ['--enable-source-maps', SERVER_BUNDLE], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const log = createWriteStream(join(logDir, `${node.id}.log`), { flags: 'a' });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  node.child = child;
  child.once('exit', (code, signal) => {
    if (stopping || node.child !== child) return;
    node.child = undefined;
    saveState();
    console.log(`${node.id} stopped (${signal ?? `exit ${code}`}); starting it again in ${RESTART_AFTER_MS / 1000} s.`);
    setTimeout(() => void restartNode(node), RESTART_AFTER_MS);
  });
  await waitReady(`http://127.0.0.1:${node.port}/readyz`, child, `${node.id} (log: ${join(logDir, `${node.id}.log`)})`);
  saveState();
}

async function restartNode(node: NodeSlot): Promise<void> {
  if (stopping) return;
  try {
    await startNode(node);
    console.log(`${node.id} is back (pid ${node.child?.pid}).`);
  } catch (error) {
    console.error(`${node.id} did not come back: ${(error as Error).message}`);
    if (!stopping && !node.child) setTimeout(() => void restartNode(node), RESTART_AFTER_MS);
  }
}

/** Redis, PostgreSQL's process or HAProxy gone: the rehearsal cannot go on, so everything stops. */
async function serviceDied(name: string): Promise<void> {
  if (stopping) return;
  console.error(`${name} exited unexpectedly; stopping the cluster (see ${logDir}).`);
  await stopAll(1);
}

function stopAll(code: number): Promise<void> {
  stopping ??= (async () => {
    console.log('Stopping the cluster…');
    await stopChild(haproxy, 'SIGTERM', 5_000);
    await Promise.all(nodes.map((node) => stopChild(node.child, 'SIGTERM', NODE_STOP_MS)));
    await redis?.stop();
    try {
      postgres?.stop('fast');
    } catch (error) {
      console.error(`PostgreSQL did not stop cleanly: ${(error as Error).message}`);
    }
    removeClusterState(dataDir);
    console.log('Stopped.');
    process.exit(code);
  })();
  return stopping;
}

async function stopChild(child: ChildProcess | undefined, signal: NodeJS.Signals, graceMs: number): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Resolves once `url` answers 200; rejects if `child` exits first or after 60 s. */
async function waitReady(url: string, child: ChildProcess, name: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${name} exited (${child.signalCode ?? child.exitCode}) while starting`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.body?.cancel();
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${name} was not ready within 60 s`);
}

/** `preferred` when it is free, else any free port (two clusters, or something on 3001). */
async function nodePort(preferred: number, taken: NodeSlot[]): Promise<number> {
  if (preferred <= 65_535 && (await isPortFree(preferred))) return preferred;
  let port = await freePort();
  while (taken.some((node) => node.port === port)) port = await freePort();
  return port;
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}

function loadSecrets(file: string): Secrets {
  if (existsSync(file)) {
    const parsed = SecretsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (parsed.success) return parsed.data;
    fail(`${file} is not what npm run cluster wrote; delete the data folder ${dataDir} to start a new show.`);
  }
  const secrets: Secrets = {
    postgresPassword: randomBytes(18).toString('base64url'),
    adminPassword: randomBytes(12).toString('base64url'),
    sessionSecret: randomBytes(32).toString('base64url'),
  };
  writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  return secrets;
}

function saveState(): void {
  if (stopping) return;
  writeClusterState(dataDir, {
    pid: process.pid,
    port: args.port,
    nodes: nodes.map((node) => ({ id: node.id, port: node.port, pid: node.child?.pid })),
    services: {
      ...(postgres?.pid() ? { postgres: postgres.pid()! } : {}),
      ...(redis?.child.pid ? { redis: redis.child.pid } : {}),
      ...(haproxy?.pid ? { haproxy: haproxy.pid } : {}),
    },
  });
}

function printBanner(): void {
  const url = `http://localhost:${args.port}`;
  console.log(
    [
      '',
      `  showfloor cluster is up on ${url}/ (HAProxy round-robin over ${nodes.map((n) => `${n.id} :${n.port}`).join(', ')})`,
      `  console ${url}/console/ · kiosk ${url}/kiosk/ · stage ${url}/stage/ · phone ${url}/m/`,
      `  sign in as admin with password: ${secrets.adminPassword}  (set at the first start; kept in ${join(dataDir, 'secrets.json')})`,
      `  data and logs: ${dataDir}`,
      '  kill a random node: npm run cluster -- --kill' + (args.dataDir === resolve('./cluster-data') ? '' : ` --data ${dataDir}`) + ' (it is restarted after 3 s)',
      '  Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
}

function fail(message: string, code = 1): never {
  console.error(`npm run cluster: ${message}`);
  process.exit(code);
}
