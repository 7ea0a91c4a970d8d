import { parseArgs } from 'node:util';
import { copyDatabase, CopyMismatchError, type TableCount } from '../storage/database-copy';
import type { Storage } from '../storage/storage';
import { progressBar } from './copy-progress';
import { describeLocation, parseLocation, sameLocation, UsageError, type DatabaseLocation } from './database-location';
import { openLocation } from './open-location';

const USAGE = 'usage: npm run db:copy -- --from <data directory | postgres://…> --to <data directory | postgres://…> [--replace]';

export interface CopyArgs {
  from: DatabaseLocation;
  to: DatabaseLocation;
  replace: boolean;
}

/** Reads db:copy's options; a UsageError names the option that is wrong. */
export function parseCopyArgs(argv: readonly string[]): CopyArgs {
  let values: { from?: string; to?: string; replace?: boolean };
  try {
    ({ values } = parseArgs({ args: [...argv], options: { from: { type: 'string' }, to: { type: 'string' }, replace: { type: 'boolean' } }, strict: true, allowPositionals: false }));
  } catch (error) {
    // node's own messages name the option ("Unknown option '--form'").
    throw new UsageError((error as Error).message);
  }
  const from = parseLocation('--from', values.from, true);
  const to = parseLocation('--to', values.to, false);
  if (sameLocation(from, to)) throw new UsageError(`--from and --to name the same database (${describeLocation(from)}).`);
  return { from, to, replace: values.replace ?? false };
}

export interface Output {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream;
}

/**
 * `db:copy`: copies a whole showfloor database from one engine to another (or the same), all or
 * nothing, then prints each table's rows on both sides. Resolves to the process's exit code.
 */
export async function runDbCopy(argv: readonly string[], out: Output): Promise<number> {
  const fail = (message: string) => {
    out.stderr.write(`db:copy: ${message}\n`);
    return 1;
  };
  let args: CopyArgs;
  try {
    args = parseCopyArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) return fail(`${error.message}\n${USAGE}`);
    throw error;
  }
  const opened: Storage[] = [];
  try {
    const source = await open('--from', args.from, opened);
    const target = await open('--to', args.to, opened);
    const progress = progressBar(out.stderr);
    try {
      const counts = await copyDatabase(source, target, { replace: args.replace, progress });
      progress.finish('copied');
      out.stdout.write(countTable(args, counts));
      return 0;
    } catch (error) {
      progress.finish('rolled back');
      if (error instanceof CopyMismatchError) out.stdout.write(countTable(args, error.counts));
      return fail((error as Error).message);
    }
  } catch (error) {
    return fail((error as Error).message);
  } finally {
    await Promise.allSettled(opened.map((storage) => storage.close()));
  }
}

/** Opens (and migrates) one side; a failure names the option it came from. */
async function open(option: string, location: DatabaseLocation, opened: Storage[]): Promise<Storage> {
  try {
    const storage = await openLocation(location);
    opened.push(storage);
    return storage;
  } catch (error) {
    throw new Error(`${option} (${describeLocation(location)}): ${(error as Error).message}`, { cause: error });
  }
}

/** Each table's rows on both sides, and whether they agree. */
export function countTable(args: CopyArgs, counts: readonly TableCount[]): string {
  const rows = [['table', 'source', 'target', ''], ...counts.map((c) => [c.table, String(c.source), String(c.target), c.source === c.target ? 'ok' : 'DIFFERS'])];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ').trimEnd();
  return [`source: ${describeLocation(args.from)}`, `target: ${describeLocation(args.to)}`, '', ...rows.map(line), ''].join('\n');
}
