import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followLive, type FailoverClient } from '../support/failover-client';
import { holdsLease } from '../support/lease-log';
import { connectLive } from '../support/live-client';
import type { PostgresServer } from '../support/postgres';
import { startRedis, type RedisInstance } from '../support/redis';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { createDevice, postEvents, visitEvent } from '../support/test-server';
import { testPostgres } from '../support/test-storage';

interface Node {
  id: string;
  process: ServerProcess;
  url: string;
  killed: boolean;
}

/** SIGKILL, as a crash would; marked at once (the exit event comes a little later). */
function kill(node: Node): void {
  node.killed = true;
  node.process.child.kill('SIGKILL');
}

async function until<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs: number): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const visitorsTotal = (client: FailoverClient) => client.data()?.counters.visitors.total ?? -1;

describe('three nodes: one owner, one ordered seq, failover', () => {
  let redis: RedisInstance;
  let postgres: { server: PostgresServer; release: () => Promise<void> };
  let databaseUrl: string;
  let dataDir: string;
  let token: string;
  const nodes: Node[] = [];

  const startNode = async (id: string): Promise<Node> => {
    const process = await startServerProcess({
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.url,
      NODE_ID: id,
      DATA_DIR: join(dataDir, id),
      // Info: the lease's hand-over is logged there, and the test reads it.
      LOG_LEVEL: 'info',
    });
    const node: Node = { id, process, url: process.url, killed: false };
    nodes.push(node);
    // Ready once it serves the owner's state (a non-owner answers 503 until the owner's first state arrives).
    await until(`${id} serves a snapshot`, async () => (await fetch(`${node.url}/api/v1/snapshot`)).status === 200, 20_000);
    return node;
  };
  const owner = () => alive().find((n) => holdsLease(n.process.output()));
  const alive = () => nodes.filter((n) => !n.killed && n.process.child.exitCode === null);

  beforeAll(async () => {
    redis = await startRedis();
    postgres = await testPostgres();
    databaseUrl = await postgres.server.createDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'showfloor-cluster-'));
    // One after another: the first one migrates the database and takes the lease.
    const first = await startNode('node-a');
    ({ token } = await createDevice(first.url));
    await startNode('node-b');
    await startNode('node-c');
  });

  afterAll(async () => {
    for (const node of nodes) {
      kill(node);
      await node.process.exited.catch(() => {});
    }
    await postgres?.server.dropDatabase(databaseUrl);
    await postgres?.release();
    await redis?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('has one owner, and a change on one node reaches the clients of the other two with the same seq', async () => {
    const theOwner = await until('an owner', () => owner(), 5_000);
    expect(alive().filter((n) => holdsLease(n.process.output()))).toHaveLength(1);
    const [a, b, c] = nodes as [Node, Node, Node];
    const onB = await connectLive(b.url);
    const onC = await connectLive(c.url);
    try {
      // Posted to a node that does not own the projection: it tells the owner through the cluster bus.
      const accepted = await postEvents((theOwner === a ? b : a).url, token, { events: [visitEvent()] });
      expect(accepted.status).toBe(200);
      const isCounters = (p: { type: string }) => p.type === 'counters';
      const [atB, atC] = await Promise.all([onB.nextPatch(isCounters, 5_000), onC.nextPatch(isCounters, 5_000)]);
      expect(atB.seq).toBe(atC.seq);
      expect(atB).toEqual(atC);
      // And the snapshot each of them serves is the owner's, at that seq or later.
      for (const node of [a, b, c]) {
        const snapshot = (await (await fetch(`${node.url}/api/v1/snapshot`)).json()) as { seq: number; counters: { visitors: { total: number } } };
        expect(snapshot.seq).toBeGreaterThanOrEqual(atB.seq);
        expect(snapshot.counters.visitors.total).toBeGreaterThanOrEqual(1);
      }
    } finally {
      onB.close();
      onC.close();
    }
  });

  it('survives a SIGKILL of the owner under load: a new owner within 5 s, nothing goes backwards, nothing acknowledged is lost', async () => {
    const urls = nodes.map((n) => n.url);
    const clients = Array.from({ length: 9 }, (_, i) => followLive(urls, i));
    await until('every client holds a snapshot', () => clients.every((c) => c.data() !== null), 10_000);
    const before = visitorsTotal(clients[0]!);

    const theOwner = await until('an owner', () => owner(), 5_000);
    let acknowledged = 0;
    let posting = true;
    // Devices keep posting throughout to the nodes that do not own the projection (they tell the
    // owner through the cluster bus), and to the owner itself: what the dying owner acknowledged
    // last may be in storage only, and must still reach every screen.
    const load = (async () => {
      for (let i = 0; posting; i++) {
        const targets = alive();
        const target = targets[i % targets.length];
        if (target) {
          const answer = await postEvents(target.url, token, { events: Array.from({ length: 5 }, () => visitEvent()) }).catch(() => undefined);
          if (answer?.status === 200) acknowledged += (answer.body as { accepted: number }).accepted;
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    let takeover = Infinity;
    try {
      await until('load reaches the screens', () => clients.every((c) => visitorsTotal(c) > before + 20), 10_000);

      const killedAt = Date.now();
      kill(theOwner);
      const next = await until('a new owner', () => owner(), 10_000);
      takeover = Date.now() - killedAt;
      expect(next).not.toBe(theOwner);
      expect(takeover).toBeLessThan(5_000);

      // Screens keep moving under the new owner.
      const afterTakeover = visitorsTotal(clients[1]!);
      await until('patches from the new owner', () => clients.every((c) => visitorsTotal(c) > afterTakeover + 10), 10_000);
    } finally {
      posting = false;
      await load;
    }

    // Every acknowledged event shows on every screen, whichever node it is on now.
    await until('every acknowledged visit on every screen', () => clients.every((c) => visitorsTotal(c) === before + acknowledged), 15_000);
    for (const client of clients) expect(client.violations).toEqual([]);
    for (const client of clients) client.close();
    console.info(`owner failover: new owner after ${takeover} ms; ${acknowledged} visits acknowledged under load`);
  });

  it('moves the clients of a SIGKILLed non-owner to the other nodes within 10 s', async () => {
    // Back to three: the killed owner's replacement starts as a non-owner.
    await startNode('node-d');
    const theOwner = await until('an owner', () => owner(), 5_000);
    const victim = alive().find((n) => n !== theOwner)!;
    const urls = [victim.url, ...alive().filter((n) => n !== victim).map((n) => n.url)];
    const clients = Array.from({ length: 6 }, () => followLive(urls, 0));
    await until('every client is on the victim', () => clients.every((c) => c.node() === victim.url), 10_000);

    kill(victim);
    await until('every client is on another node', () => clients.every((c) => c.node() !== undefined && c.node() !== victim.url), 10_000);
    for (const client of clients) {
      expect(client.moves).toHaveLength(1);
      expect(client.moves[0]!.ms).toBeLessThan(10_000);
      expect(client.violations).toEqual([]);
    }
    // And they still follow the show.
    const total = visitorsTotal(clients[0]!);
    expect((await postEvents(theOwner.url, token, { events: [visitEvent()] })).status).toBe(200);
    await until('the next visit on every moved client', () => clients.every((c) => visitorsTotal(c) === total + 1), 5_000);
    for (const client of clients) client.close();
  });
});
