/**
 * Fan-out across nodes (`BENCH_CLUSTER=1 npm run bench`, or `npx tsx test/bench/cluster-fanout.ts`):
 * the same number of /live clients on one node, then spread over three nodes sharing PostgreSQL and
 * Redis, in the same run. Each round posts one visit to the node that owns the live projection and
 * times the counters patch at the last client (p50/p99), with each node's CPU over the rounds.
 * Then the owner is SIGKILLed and the time until another node holds the lease is measured.
 *
 * Environment: BENCH_CLUSTER_CLIENTS (default 3000; BENCH_QUICK=1: 300), BENCH_CLUSTER_ROUNDS
 * (default 30; quick: 10). The issue asks for 10,000 clients; a loaded 2-core machine cannot hold
 * that many sockets next to three nodes, so the figures say how many were measured.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { forkTs, type Child } from './children';
import { clock, sleep } from './clock';
import type { FromClients, ToClients } from './ipc';
import { summarize, type Summary } from './stats';
import { holdsLease } from '../support/lease-log';
import { startPostgres, type PostgresCluster } from '../support/postgres';
import { startRedis, type RedisInstance } from '../support/redis';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { createDevice, postEvents, visitEvent } from '../support/test-server';

const CLIENTS_PROCESS = resolve(import.meta.dirname, 'fanout-clients.ts');

export interface ClusterFanoutSettings {
  clients: number;
  rounds: number;
}

export interface ClusterFanoutRun {
  clients: number;
  rounds: number;
  /** POST answered → patch at the last client, per round (ms). */
  oneNode: Summary | undefined;
  threeNodes: Summary | undefined;
  /** Share of one core each node used during the rounds (owner first). */
  cpu: { oneNode: number[]; threeNodes: number[] };
  /** SIGKILL of the owner → another node holds the lease (ms). */
  failoverMs: number;
}

export function clusterSettingsFromEnv(): ClusterFanoutSettings {
  const quick = process.env.BENCH_QUICK === '1';
  const number = (name: string, fallback: number) => {
    const raw = process.env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name}: "${raw}" is not a positive whole number`);
    return value;
  };
  return { clients: number('BENCH_CLUSTER_CLIENTS', quick ? 300 : 3_000), rounds: number('BENCH_CLUSTER_ROUNDS', quick ? 10 : 30) };
}

/** CPU seconds a process has used so far (utime + stime from /proc, in clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function until<T>(what: string, check: () => T | undefined | false, timeoutMs: number): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(20);
  }
}

/** Clients split over `urls` (one child process of clients per node), all holding a snapshot. */
async function connectClients(urls: string[], total: number): Promise<{ children: Child<ToClients, FromClients>[]; seq: number }> {
  const children = urls.map(() => forkTs<ToClients, FromClients>(CLIENTS_PROCESS, {}));
  const readies = await Promise.all(
    children.map((child, i) => {
      const count = Math.floor(total / urls.length) + (i < total % urls.length ? 1 : 0);
      child.send({ cmd: 'connect', url: urls[i]!, count, concurrency: 50, timeoutMs: 30_000 });
      return child.next('ready', 30_000 + count * 20);
    }),
  );
  for (const ready of readies) if (ready.failed > 0) throw new Error(`clients failed to connect: ${ready.errors.join('; ')}`);
  const seqs = new Set(readies.map((r) => r.snapshotSeq));
  if (seqs.size !== 1 || readies[0]!.snapshotSeq === null) throw new Error(`clients hold different snapshots: ${[...seqs].join(', ')}`);
  return { children, seq: readies[0]!.snapshotSeq };
}

/** Rounds of one POST each to `owner`; per round, the time from the answer to the patch at the last client. */
async function measureRounds(owner: string, token: string, clients: { children: Child<ToClients, FromClients>[]; seq: number }, rounds: number): Promise<number[]> {
  const latencies: number[] = [];
  let seq = clients.seq;
  for (let round = 0; round < rounds; round++) {
    seq++;
    for (const child of clients.children) child.send({ cmd: 'expect', seq, timeoutMs: 10_000 });
    const [answeredAt, arrivals] = await Promise.all([
      postEvents(owner, token, { events: [visitEvent()] }).then(() => clock()),
      Promise.all(clients.children.map((child) => child.next('round', 20_000))),
    ]);
    const last = Math.max(...arrivals.flatMap((a) => [...a.times]));
    if (Number.isFinite(last)) latencies.push(last - answeredAt);
    // Past the counters interval (100 ms), so that each post is its own patch.
    await sleep(150);
  }
  return latencies;
}

async function closeClients(children: Child<ToClients, FromClients>[]): Promise<void> {
  await Promise.all(children.map((child) => child.stop(5_000)));
}

export async function benchClusterFanout(settings: ClusterFanoutSettings): Promise<ClusterFanoutRun> {
  const postgres: PostgresCluster = await startPostgres();
  const redis: RedisInstance = await startRedis();
  const dataDir = mkdtempSync(join(tmpdir(), 'showfloor-cluster-bench-'));
  const started: ServerProcess[] = [];
  const node = async (env: Record<string, string>) => {
    const process = await startServerProcess({ LOG_LEVEL: 'info', ...env });
    started.push(process);
    return process;
  };
  try {
    // One node: PostgreSQL, no Redis.
    const single = await node({ DATABASE_URL: await postgres.createDatabase(), DATA_DIR: join(dataDir, 'single') });
    const singleToken = (await createDevice(single.url)).token;
    const singleClients = await connectClients([single.url], settings.clients);
    const singleCpu = cpuSeconds(single.child.pid!);
    const singleStarted = Date.now();
    const oneNode = await measureRounds(single.url, singleToken, singleClients, settings.rounds);
    const singleShare = (cpuSeconds(single.child.pid!) - singleCpu) / ((Date.now() - singleStarted) / 1000);
    await closeClients(singleClients.children);
    single.child.kill('SIGTERM');
    await single.exited;

    // Three nodes: one PostgreSQL database and one Redis.
    const shared = { DATABASE_URL: await postgres.createDatabase(), REDIS_URL: redis.url };
    const nodes = [await node({ ...shared, NODE_ID: 'bench-1', DATA_DIR: join(dataDir, '1') })];
    const token = (await createDevice(nodes[0]!.url)).token;
    nodes.push(await node({ ...shared, NODE_ID: 'bench-2', DATA_DIR: join(dataDir, '2') }), await node({ ...shared, NODE_ID: 'bench-3', DATA_DIR: join(dataDir, '3') }));
    const owner = await until('an owner', () => nodes.find((n) => holdsLease(n.output())), 10_000);
    // A non-owner serves snapshots once the owner's state reached it.
    for (const n of nodes) await waitForSnapshot(n.url);
    const clusterClients = await connectClients(
      nodes.map((n) => n.url),
      settings.clients,
    );
    const ordered = [owner, ...nodes.filter((n) => n !== owner)];
    const cpuBefore = ordered.map((n) => cpuSeconds(n.child.pid!));
    const clusterStarted = Date.now();
    const threeNodes = await measureRounds(owner.url, token, clusterClients, settings.rounds);
    const wall = (Date.now() - clusterStarted) / 1000;
    const clusterShares = ordered.map((n, i) => (cpuSeconds(n.child.pid!) - cpuBefore[i]!) / wall);
    await closeClients(clusterClients.children);

    const killedAt = Date.now();
    owner.child.kill('SIGKILL');
    await until('a new owner', () => ordered.slice(1).find((n) => holdsLease(n.output())), 15_000);
    const failoverMs = Date.now() - killedAt;

    return {
      ...settings,
      oneNode: summarize(oneNode),
      threeNodes: summarize(threeNodes),
      cpu: { oneNode: [singleShare], threeNodes: clusterShares },
      failoverMs,
    };
  } finally {
    for (const process of started) process.child.kill('SIGKILL');
    await Promise.all(started.map((p) => p.exited.catch(() => {})));
    await redis.stop();
    await postgres.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function waitForSnapshot(url: string): Promise<void> {
  const started = Date.now();
  while ((await fetch(`${url}/api/v1/snapshot`)).status !== 200) {
    if (Date.now() - started > 20_000) throw new Error(`${url} serves no snapshot after 20 s`);
    await sleep(100);
  }
}

/** The figures as lines for the bench's report. */
export function clusterFanoutReport(run: ClusterFanoutRun): string {
  const line = (s: Summary | undefined) => (s ? `p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms (${s.count} rounds)` : 'no round completed');
  const cores = (shares: number[]) => shares.map((share) => `${(share * 100).toFixed(0)}%`).join(' / ');
  return [
    `Cluster fan-out: ${run.clients} /live clients, POST answered → patch at the last client`,
    `  one node:    ${line(run.oneNode)}; CPU ${cores(run.cpu.oneNode)}`,
    `  three nodes: ${line(run.threeNodes)}; CPU owner / others ${cores(run.cpu.threeNodes)}`,
    `  owner SIGKILL → new owner: ${run.failoverMs} ms`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const run = await benchClusterFanout(clusterSettingsFromEnv());
  console.log(clusterFanoutReport(run));
}
