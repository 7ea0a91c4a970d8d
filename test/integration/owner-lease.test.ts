import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresOwnerLease, type OwnerLease } from '../../server/cluster/owner-lease';
import { testPostgres } from '../support/test-storage';
import type { PostgresServer } from '../support/postgres';

const quiet = { info: () => {}, warn: () => {} };
const timing = { intervalMs: 200, deadPeerSeconds: 3 };

async function until(check: () => boolean, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return Date.now() - started;
}

describe('the live owner lease (a PostgreSQL advisory lock)', () => {
  let server: PostgresServer;
  let release: () => Promise<void>;
  let url: string;
  const leases: OwnerLease[] = [];
  const start = async () => {
    const lease = await PostgresOwnerLease.start({ url, timing, logger: quiet });
    leases.push(lease);
    return lease;
  };

  beforeAll(async () => {
    ({ server, release } = await testPostgres());
    url = await server.createDatabase();
  });
  afterAll(async () => {
    await Promise.all(leases.map((lease) => lease.close()));
    await server.dropDatabase(url);
    await release();
  });

  it('has exactly one owner among three nodes, and hands over when the owner lets go', async () => {
    const [a, b, c] = [await start(), await start(), await start()];
    expect([a, b, c].filter((l) => l.isOwner())).toHaveLength(1);
    expect(a.isOwner()).toBe(true);
    const changes: boolean[] = [];
    a.onChange((owner) => changes.push(owner));
    await a.close();
    expect(changes).toEqual([false]);
    await until(() => b.isOwner() || c.isOwner(), 2_000);
    await new Promise((r) => setTimeout(r, 3 * timing.intervalMs));
    expect([b.isOwner(), c.isOwner()].filter(Boolean)).toHaveLength(1);
    await b.close();
    await c.close();
  });

  it('steps down when its session is killed, and another node takes over within a few intervals', async () => {
    const first = await start();
    const second = await start();
    expect(first.isOwner()).toBe(true);
    expect(second.isOwner()).toBe(false);
    const steps: boolean[] = [];
    first.onChange((owner) => steps.push(owner));
    // What a dead owner process or a broken connection looks like from PostgreSQL's side.
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`);
    await admin.end();
    // It noticed and stepped down; then one of the two (whichever polled first) holds the lease again.
    await until(() => steps[0] === false, 2_000);
    await until(() => first.isOwner() !== second.isOwner(), 5_000);
    await first.close();
    await second.close();
  });
});
