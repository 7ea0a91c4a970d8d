import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_MIGRATIONS, SCHEMA_VERSION } from '../../server/storage/postgres-migrations';
import { openPostgresStorage } from '../../server/storage/postgres-storage';
import type { Storage } from '../../server/storage/storage';
import type { PostgresServer } from '../support/postgres';
import { testPostgres } from '../support/test-storage';

let cluster: PostgresServer;
let release: () => Promise<void>;
beforeAll(async () => {
  ({ server: cluster, release } = await testPostgres());
});
const opened: Storage[] = [];
const open = async (url: string, over: { poolSize?: number; statementTimeoutMs?: number } = {}) => {
  const storage = await openPostgresStorage({ url, poolSize: 3, statementTimeoutMs: 5_000, ...over });
  opened.push(storage);
  return storage;
};
afterAll(async () => {
  for (const storage of opened) await storage.close();
  await release();
});

/** The message an open fails with ('' if it does not fail). */
async function openError(url: string): Promise<string> {
  try {
    await open(url);
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}

describe('PostgreSQL storage', () => {
  it('migrates an empty database to the schema version SQLite has', async () => {
    const storage = await open(await cluster.createDatabase({ migrated: false }));
    const { rows } = await sql<{ version: number }>`SELECT max(version) AS version FROM schema_version`.execute(storage.db);
    expect(rows[0]!.version).toBe(SCHEMA_VERSION);
  });

  it('lets several nodes start on one empty database at once: one migrates, the others wait for it', async () => {
    const url = await cluster.createDatabase({ migrated: false });
    const nodes = await Promise.all([open(url), open(url), open(url), open(url)]);
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM schema_version`.execute(nodes[0]!.db);
    // Each migration ran once, whichever node took the lock first.
    expect(rows[0]!.n).toBe(POSTGRES_MIGRATIONS.length);
  });

  it('gives counts, sums and BIGINT columns back as numbers, as SQLite does', async () => {
    const storage = await open(await cluster.createDatabase());
    await sql`INSERT INTO counter_values (day, metric, value) VALUES ('2026-12-02', 'visits', 1700000000000), ('*', 'visits', 2)`.execute(storage.db);
    const { rows } = await sql<{ n: unknown; total: unknown; big: unknown; ratio: unknown }>`
      SELECT count(*) AS n, sum(value) AS total, max(value) AS big, avg(value)::numeric(20, 1) AS ratio FROM counter_values`.execute(storage.db);
    expect(rows[0]).toEqual({ n: 2, total: 1700000000002, big: 1700000000000, ratio: 850000000001 });
  });

  it('does not change how another pg user in the process reads BIGINT', async () => {
    const url = await cluster.createDatabase();
    await open(url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      expect((await client.query('SELECT 5::bigint AS n')).rows[0].n).toBe('5');
    } finally {
      await client.end();
    }
  });

  it('takes its pool size and statement timeout from the settings', async () => {
    const storage = await open(await cluster.createDatabase(), { poolSize: 7, statementTimeoutMs: 1_234 });
    expect(storage.pg!.options.max).toBe(7);
    const { rows } = await sql<{ statement_timeout: string }>`SHOW statement_timeout`.execute(storage.db);
    expect(rows[0]!.statement_timeout).toBe('1234ms');
  });

  it('joins repository calls made inside transaction() and rolls them all back when it throws', async () => {
    const storage = await open(await cluster.createDatabase());
    const insert = (key: string) => sql`INSERT INTO settings (key, value) VALUES (${key}, 'v')`.execute(storage.db);
    await expect(
      storage.transaction(async () => {
        await insert('a');
        await storage.transaction(() => insert('b'));
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await storage.transaction(() => insert('c'));
    const { rows } = await sql<{ key: string }>`SELECT key FROM settings ORDER BY key`.execute(storage.db);
    expect(rows.map((row) => row.key)).toEqual(['c']);
  });

  it('refuses to start on a database migrated by a newer showfloor', async () => {
    const url = await cluster.createDatabase();
    const storage = await open(url);
    await sql`INSERT INTO schema_version (version, applied_at) VALUES (${SCHEMA_VERSION + 1}, 0)`.execute(storage.db);
    expect(await openError(url)).toMatch(new RegExp(`DATABASE_URL: .*schema version ${SCHEMA_VERSION + 1} is newer than this showfloor`));
  });

  it('stops the start on a wrong password, naming DATABASE_URL and the host but never the password', async () => {
    const url = new URL(await cluster.createDatabase());
    url.password = 'not-the-password-9f3k';
    const message = await openError(url.toString());
    expect(message).toContain(`DATABASE_URL: cannot connect to PostgreSQL at 127.0.0.1:${url.port}${url.pathname}`);
    expect(message).toMatch(/password authentication failed/);
    expect(message).not.toContain('not-the-password-9f3k');
  });

  it('stops the start on an unreachable server or a missing database, never quoting the password', async () => {
    const good = new URL(cluster.url());
    const closedPort = `postgres://someone:hunter22secret@127.0.0.1:1/show`;
    const refused = await openError(closedPort);
    expect(refused).toContain('DATABASE_URL: cannot connect to PostgreSQL at 127.0.0.1:1/show');
    expect(refused).toMatch(/ECONNREFUSED/);
    expect(refused).not.toContain('hunter22secret');

    good.pathname = '/no_such_database';
    const missing = await openError(good.toString());
    expect(missing).toContain(`127.0.0.1:${good.port}/no_such_database`);
    expect(missing).toMatch(/does not exist/);
    expect(missing).not.toContain(decodeURIComponent(good.password));
  });
});
