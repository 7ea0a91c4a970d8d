import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { openPostgresStorage } from '../../server/storage/postgres-storage';
import { startPostgresServer, type PostgresProcess } from '../../server/cli/postgres-server';
import { freePort } from './free-port';

/** Where the binaries are found (PG_BIN, Debian, PATH); kept here for the tests that import it from here. */
export { findPostgresBinaries } from '../../server/cli/postgres-server';

/** The superuser of a test cluster, with a password so that PostgreSQL checks it as production does. */
const USER = 'showfloor';
const PASSWORD = 'showfloor-test';
/** Migrated once per cluster; every test database is a copy of it (a copy takes milliseconds, migrating does not). */
const TEMPLATE = 'showfloor_template';

/** Databases on a running PostgreSQL: what a test, a bench or a worker process needs. */
export interface PostgresServer {
  /** The URL of `database` on this server (the superuser's maintenance database by default). */
  url(database?: string): string;
  /** A new database with showfloor's schema (or none, with `migrated: false`); returns its URL. */
  createDatabase(options?: { migrated?: boolean }): Promise<string>;
  /** Drops the database of `url`, closing whatever is still connected to it. */
  dropDatabase(url: string): Promise<void>;
}

/** A private cluster this process started. */
export interface PostgresCluster extends PostgresServer {
  /** Stops the cluster and removes its directory. */
  stop(): Promise<void>;
}

/**
 * Starts a private PostgreSQL cluster for tests and benches (server/cli/postgres-server.ts) in a
 * temp directory on a free port, with a migrated template for fast test databases; stop() removes it.
 */
export async function startPostgres(): Promise<PostgresCluster> {
  const root = mkdtempSync(join(tmpdir(), 'showfloor-pg-'));
  let postgres: PostgresProcess;
  try {
    postgres = startPostgresServer({ root, port: await freePort(), user: USER, password: PASSWORD });
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }

  // If this process dies without stop(), do not leave a server running behind it.
  let stopped = false;
  const stopNow = (mode: 'fast' | 'immediate') => {
    if (stopped) return;
    stopped = true;
    try {
      postgres.stop(mode);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  };
  const onExit = () => stopNow('immediate');
  process.once('exit', onExit);

  const server = usePostgres(postgres.url());
  try {
    await prepareTemplate(server);
  } catch (error) {
    stopNow('immediate');
    throw error;
  }
  return {
    ...server,
    async stop() {
      process.off('exit', onExit);
      stopNow('fast');
    },
  };
}

/**
 * The databases of a server started elsewhere (by `startPostgres` in the test run's global
 * setup, or in another process), reached through its superuser URL.
 */
export function usePostgres(adminUrl: string): PostgresServer {
  const url = (database = 'postgres') => {
    const parsed = new URL(adminUrl);
    parsed.pathname = `/${database}`;
    return parsed.toString();
  };
  return {
    url,
    async createDatabase({ migrated = true } = {}) {
      const name = `t_${randomBytes(8).toString('hex')}`;
      await admin(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${migrated ? TEMPLATE : 'template0'}`);
      return url(name);
    },
    async dropDatabase(databaseUrl: string) {
      const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
      if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`dropDatabase: refusing the database name ${JSON.stringify(name)}`);
      await admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function prepareTemplate(server: PostgresServer): Promise<void> {
  await admin(server.url(), `CREATE DATABASE ${TEMPLATE}`);
  const storage = await openPostgresStorage({ url: server.url(TEMPLATE), poolSize: 1, statementTimeoutMs: 60_000 });
  await storage.close();
  // Nothing connects to the template again; wait for the migration's backend to be gone, since
  // CREATE DATABASE refuses a template that has a session.
  await admin(server.url(), `ALTER DATABASE ${TEMPLATE} WITH ALLOW_CONNECTIONS false`);
  await admin(
    server.url(),
    `DO $$ BEGIN
       WHILE EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = '${TEMPLATE}' AND backend_type = 'client backend') LOOP
         PERFORM pg_sleep(0.01);
         PERFORM pg_stat_clear_snapshot();
       END LOOP;
     END $$`,
  );
}

/**
 * One statement on the maintenance database. CREATE DATABASE refuses while anything else is
 * connected to its template, and parallel test files create databases at once: retry that briefly.
 */
async function admin(adminUrl: string, statement: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const client = new pg.Client({ connectionString: adminUrl });
    try {
      await client.connect();
      await client.query(statement);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error;
    } finally {
      await client.end().catch(() => {});
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// `npx tsx test/support/postgres.ts`: a private cluster for a manual run or a bench; prints its
// superuser URL and a migrated database's, and stops on Ctrl-C or SIGTERM.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const cluster = await startPostgres();
  const database = await cluster.createDatabase();
  console.log(`PostgreSQL is up.\n  superuser: ${cluster.url()}\n  DATABASE_URL=${database}`);
  const stop = () => void cluster.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  setInterval(() => {}, 1 << 30);
}
