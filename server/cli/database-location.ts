import { existsSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where a showfloor database lives: a SQLite data directory, or a PostgreSQL server's database. */
export type DatabaseLocation = { engine: 'sqlite'; dataDir: string } | { engine: 'postgres'; url: string };

/** The file showfloor keeps in a data directory (see openDatabase). */
export const SQLITE_FILE = 'showfloor.sqlite';

/** A command-line value that is wrong; the message names the option. */
export class UsageError extends Error {}

/**
 * Reads `--from`/`--to`: a `postgres://` or `postgresql://` URL, or a data directory. Anything else
 * with a scheme is refused by its scheme alone, so a password in it is never echoed. `mustExist`
 * refuses a directory that holds no showfloor database (opening it would create an empty one).
 */
export function parseLocation(option: string, value: string | undefined, mustExist: boolean): DatabaseLocation {
  if (value === undefined || value.trim() === '') throw new UsageError(`${option} is missing: give a SQLite data directory or a postgres:// URL.`);
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value)?.[1]?.toLowerCase();
  if (scheme === 'postgres' || scheme === 'postgresql') {
    if (!URL.canParse(value)) throw new UsageError(`${option} is not a valid URL (expected postgres://user:password@host:port/database).`);
    return { engine: 'postgres', url: value };
  }
  if (scheme !== undefined) throw new UsageError(`${option}: ${scheme}:// is not an engine showfloor runs on; give a SQLite data directory or a postgres:// URL.`);
  const dataDir = resolve(value);
  if (existsSync(dataDir) && !statSync(dataDir).isDirectory()) {
    throw new UsageError(`${option}: ${dataDir} is a file; give the data directory that holds ${SQLITE_FILE}.`);
  }
  if (mustExist && !existsSync(join(dataDir, SQLITE_FILE))) throw new UsageError(`${option}: there is no showfloor database in ${dataDir} (no ${SQLITE_FILE}).`);
  return { engine: 'sqlite', dataDir };
}

/** The location for messages and tables: a URL without its password. */
export function describeLocation(location: DatabaseLocation): string {
  if (location.engine === 'sqlite') return join(location.dataDir, SQLITE_FILE);
  const url = new URL(location.url);
  url.password = '';
  return url.toString();
}

/** Whether two locations name the same database (the same file, or the same server and database name). */
export function sameLocation(a: DatabaseLocation, b: DatabaseLocation): boolean {
  if (a.engine === 'sqlite' && b.engine === 'sqlite') return canonicalPath(a.dataDir) === canonicalPath(b.dataDir);
  if (a.engine === 'postgres' && b.engine === 'postgres') return serverAndDatabase(a.url) === serverAndDatabase(b.url);
  return false;
}

function canonicalPath(path: string): string {
  return existsSync(path) ? realpathSync(path) : path;
}

function serverAndDatabase(url: string): string {
  const parsed = new URL(url);
  const host = parsed.searchParams.get('host') ?? parsed.hostname.toLowerCase();
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || decodeURIComponent(parsed.username);
  return `${host}:${parsed.port || '5432'}/${database}`;
}
