import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A PostgreSQL server this process started from the system's binaries (tests, benches, npm run cluster). */
export interface PostgresProcess {
  /** The superuser's URL for `database` (its maintenance database by default). */
  url(database?: string): string;
  /** Stops the server (`fast` lets sessions end; `immediate` is a crash-like stop). */
  stop(mode?: 'fast' | 'immediate'): void;
  /** The postmaster's process id. */
  pid(): number | undefined;
}

export interface PostgresServerOptions {
  /** Holds `data/` (the cluster), the socket and `server.log`; created by the caller. */
  root: string;
  port: number;
  user: string;
  password: string;
}

/**
 * Starts a private PostgreSQL on 127.0.0.1:`port` whose files live in `root`: initdb the first
 * time (an existing `root/data` is started again, so a rehearsal keeps its show), its own socket
 * directory, fsync on. Never touches a system cluster. As root, the server runs as the `postgres`
 * user, since it refuses root.
 */
export function startPostgresServer(options: PostgresServerOptions): PostgresProcess {
  const { root, port, user, password } = options;
  const bin = findPostgresBinaries();
  const dataDir = join(root, 'data');
  const asUser = process.getuid?.() === 0 ? postgresUser() : undefined;
  if (asUser) {
    chownSync(root, asUser.uid, asUser.gid);
    if (spawnSync('runuser', ['-u', 'postgres', '--', 'test', '-x', root]).status !== 0) {
      throw new Error(`the postgres user cannot reach ${root}: its parent folders must be searchable by others (chmod o+x), or choose a folder elsewhere`);
    }
  }
  const run = (program: string, args: string[]) => {
    const command = asUser ? (['runuser', ['-u', 'postgres', '--', join(bin, program), ...args]] as const) : ([join(bin, program), args] as const);
    const result = spawnSync(command[0], command[1], { encoding: 'utf8', cwd: root });
    if (result.status !== 0) {
      throw new Error(`${program} failed (${result.status ?? result.signal}): ${result.stderr || result.stdout}${logTail(root)}`);
    }
  };

  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    const passwordFile = join(root, 'password');
    writeFileSync(passwordFile, password, { mode: 0o600 });
    if (asUser) chownSync(passwordFile, asUser.uid, asUser.gid);
    // C collation and UTF-8: text sorts and lower() behave as SQLite's BINARY and NOCASE do.
    try {
      run('initdb', ['-D', dataDir, '-U', user, `--pwfile=${passwordFile}`, '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--locale=C']);
    } finally {
      rmSync(passwordFile, { force: true });
    }
  }

  const settings = [`-p ${port}`, `-k ${root}`, '-c listen_addresses=127.0.0.1', '-c fsync=on', '-c max_connections=200'];
  run('pg_ctl', ['start', '-w', '-t', '60', '-D', dataDir, '-l', join(root, 'server.log'), '-o', settings.join(' ')]);

  let stopped = false;
  return {
    url: (database = 'postgres') => `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    pid() {
      try {
        return Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
      } catch {
        return undefined;
      }
    },
    stop(mode = 'fast') {
      if (stopped) return;
      stopped = true;
      run('pg_ctl', ['stop', '-w', '-m', mode, '-D', dataDir]);
    },
  };
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
        '(Debian, Ubuntu; showfloor starts its own private cluster, not the system one), or set PG_BIN to their directory.',
    );
  }
  return found;
}

function postgresUser(): { uid: number; gid: number } {
  try {
    const [uid, gid] = ['-u', '-g'].map((flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim()));
    return { uid: uid!, gid: gid! };
  } catch {
    throw new Error("PostgreSQL refuses to run as root and there is no `postgres` user to run it as: install Debian's `postgresql` (apt-get install -y postgresql), which creates it, or run as another user.");
  }
}

function logTail(root: string): string {
  try {
    return `\nserver log:\n${readFileSync(join(root, 'server.log'), 'utf8').split('\n').slice(-20).join('\n')}`;
  } catch {
    return '';
  }
}
