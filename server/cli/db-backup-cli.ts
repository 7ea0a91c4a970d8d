import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseConfig } from '../config/config.schema';
import { backupSqlite } from '../storage/sqlite-backup';
import { SQLITE_FILE, UsageError } from './database-location';

const USAGE = 'usage: npm run db:backup -- --to <new file>   (DATA_DIR picks the database)';

/** Reads db:backup's one option: the file to write, which must not exist yet, in a folder that does. */
export function parseBackupArgs(argv: readonly string[]): { to: string } {
  let to: string | undefined;
  try {
    ({ values: { to } } = parseArgs({ args: [...argv], options: { to: { type: 'string' } }, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (to === undefined || to.trim() === '') throw new UsageError('--to is missing: give the file to write the backup to.');
  const file = resolve(to);
  if (existsSync(file)) throw new UsageError(`--to: ${file} already exists; a backup never overwrites a file, give a new name.`);
  if (!existsSync(dirname(file)) || !statSync(dirname(file)).isDirectory()) throw new UsageError(`--to: the folder ${dirname(file)} does not exist.`);
  return { to: file };
}

/**
 * `db:backup`: a consistent copy of the SQLite database in DATA_DIR, taken while the show runs.
 * PostgreSQL has its own tools (pg_dump), which the message points to. Resolves to the exit code.
 */
export async function runDbBackup(argv: readonly string[], env: Record<string, string | undefined>, out: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }): Promise<number> {
  try {
    if (env.DATABASE_URL) throw new Error('DATABASE_URL is set: this server keeps its data in PostgreSQL; back it up with pg_dump -Fc (see Backups in the README).');
    const { to } = parseBackupArgs(argv);
    const file = join(resolve(parseConfig(env).dataDir), SQLITE_FILE);
    if (!existsSync(file)) throw new Error(`DATA_DIR: there is no showfloor database at ${file}.`);
    const result = await backupSqlite(file, to);
    out.stdout.write(`Backed up ${file} to ${to} (${(result.bytes / 1e6).toFixed(1)} MB, schema version ${result.schemaVersion}, integrity checked)\n`);
    return 0;
  } catch (error) {
    out.stderr.write(`db:backup: ${(error as Error).message}\n${error instanceof UsageError ? `${USAGE}\n` : ''}`);
    return 1;
  }
}
