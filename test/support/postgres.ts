import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { openPostgresStorage } from '../../server/storage/postgres-storage';
import { freePort } from './free-port';

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
 * Starts a private PostgreSQL cluster for tests and benches: initdb in a temp directory, its own
 * free port on 127.0.0.1 and its own socket directory, fsync on (durability tests mean it). Never
 * touches a system cluster. As root, the server runs as the `postgres` user, since it refuses root.
 */
export async function startPostgres(): Promise<PostgresCluster> {
  const bin = findPostgresBinaries();
  const root = mkdtempSync(join(tmpdir(), 'showfloor-pg-'));
  const dataDir = join(root, 'data');
  const asUser = process.getuid?.() === 0 ? postgresUser() : undefined;
  if (asUser) chownSync(root, asUser.uid, asUser.gid);
  const run = (program: string, args: string[]) => {
    const command = asUser ? ['runuser', ['-u', 'postgres', '--', join(bin, program), ...args]] as const : [join(bin, program), args] as const;
    const result = spawnSync(command[0], command[1], { encoding: 'utf8', cwd: root });
    if (result.status !== 0) {
      throw new Error(`${program} failed (${result.status ?? result.signal}): ${result.stderr || result.stdout}${logTail(root)}`);
    }
  };

  const passwordFile = join(root, 'password');
  writeFileSync(passwordFile, PASSWORD);
  if (asUser) chownSync(passwordFile, asUser.uid, asUser.gid);
  // C collation and UTF-8: text sorts and lower() behave as SQLite's BINARY and NOCASE do.
  run('initdb', ['-D', dataDir, '-U', USER, `--pwfile=${passwordFile}`, '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--locale=C']);
  rmSync(passwordFile);

  const port = await freePort();
  const settings = [`-p ${port}`, `-k ${root}`, '-c listen_addresses=127.0.0.1', '-c fsync=on', '-c max_connections=200'];
  run('pg_ctl', ['start', '-w', '-t', '60', '-D', dataDir, '-l', join(root, 'server.log'), '-o', settings.join(' ')]);

  // If this process dies without stop(), do not leave a server running behind it.
  let stopped = false;
  const stopNow = (mode: 'fast' | 'immediate') => {
    if (stopped) return;
    stopped = true;
    try {
      run('pg_ctl', ['stop', '-w', '-m', mode, '-D', dataDir]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  };
  const onExit = () => stopNow('immediate');
  process.once('exit', onExit);

  const server = usePostgres(`postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`);
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

/** The directory of initdb and pg_ctl: PG_BIN, else Debian's newest, else the PATH. */
export function findPostgresBinaries(env: Record<string, string | undefined> = process.env, debian = '/usr/lib/postgresql'): string {
  const candidates: string[] = [];
  if (env.PG_BIN) candidates.push(env.PG_BIN);
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => join(debian, v, 'bin')));
  }
  candidates.push(...(env.PATH ?? '').split(':').filter(Boolean));
  const found = candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
  if (!found) {
    throw new Error(
      'PostgreSQL server binaries (initdb, pg_ctl) were not found. Install them with `apt-get install -y postgresql` ' +
        '(Debian, Ubuntu; the tests start their own private cluster, not the system one), or set PG_BIN to their directory.',
    );
  }
  return found;
}

function postgresUser(): { uid: number; gid: number } {
  try {
    const [uid, gid] = ['-u', '-g'].map((flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim()));
    return { uid: uid!, gid: gid! };
  } catch {
    throw new Error('PostgreSQL refuses to run as root and there is no `postgres` user to run it as: install Debian\'s `postgresql` (apt-get install -y postgresql), which creates it, or run the tests as another user.');
  }
}

function logTail(root: string): string {
  try {
    return `\nserver log:\n${readFileSync(join(root, 'server.log'), 'utf8').split('\n').slice(-20).join('\n')}`;
  } catch {
    return '';
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
