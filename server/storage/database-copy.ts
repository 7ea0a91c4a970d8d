import { sql } from 'kysely';
import type { Storage } from './storage';
import { advanceIdentitySequences, dataTables, schemaVersion, type CatalogTable } from './table-catalog';

/** One table's rows on each side after a copy. */
export interface TableCount {
  table: string;
  source: number;
  target: number;
}

/** Told how a copy advances; `copied` is the running total of `table`'s rows now in the target. */
export interface CopyProgress {
  start(tables: readonly { table: string; rows: number }[]): void;
  copied(table: string, rows: number): void;
}

export interface CopyOptions {
  /** Empties a target that holds data, in the copy's own transaction; without it such a target is refused. */
  replace?: boolean;
  /** Rows per read and per insert statement (fewer for wide tables, to stay under the engines' bound-parameter limits). */
  batchRows?: number;
  /** Roughly how many bytes of values one batch may hold (fewer rows for tables of images); 16 MB by default. */
  batchBytes?: number;
  progress?: CopyProgress;
}

/** The copy was refused before anything was written: what is wrong is in the message. */
export class CopyRefusedError extends Error {}

/** The target's row counts differ from the source's after the copy; it was rolled back. */
export class CopyMismatchError extends Error {
  constructor(readonly counts: TableCount[]) {
    super(`Row counts differ after the copy (${counts.filter((c) => c.source !== c.target).map((c) => c.table).join(', ')}); the target was left as it was.`);
  }
}

/** SQLite binds at most 32,766 parameters in one statement, PostgreSQL 65,535. */
const MAX_PARAMETERS = 30_000;
/**
 * Uploaded images are rows of up to a few MB: 500 of them at once would hold gigabytes. Each table
 * starts with a small batch, and each next batch is sized from the bytes the last one held.
 */
const BATCH_BYTES = 16 * 1024 * 1024;
const FIRST_BATCH_ROWS = 16;

/**
 * Copies every data table of `source` into `target`, whichever engine each runs on, as one
 * transaction on the target: any error (or a count that does not match at the end) rolls it back
 * and leaves the target as it was. The source is read from one snapshot, so a server still
 * writing to it cannot tear the copy. Both sides must be at the same schema version.
 */
export async function copyDatabase(source: Storage, target: Storage, options: CopyOptions = {}): Promise<TableCount[]> {
  const [from, to] = await Promise.all([schemaVersion(source), schemaVersion(target)]);
  if (from !== to) throw new CopyRefusedError(`The source is at schema version ${from} and the target at ${to}: both must run the same showfloor.`);
  const tables = await dataTables(source);
  sameTables(tables, await dataTables(target));

  return source.transaction(async () => {
    if (source.engine === 'postgres') await sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY`.execute(source.db);
    const sourceRows = await countRows(source, tables);
    options.progress?.start(tables.map((t) => ({ table: t.name, rows: sourceRows.get(t.name)! })));
    return target.transaction(async () => {
      await emptyTarget(target, tables, options.replace ?? false);
      for (const table of tables) await copyTable(source, target, table, options);
      await advanceIdentitySequences(target);
      const targetRows = await countRows(target, tables);
      const counts = tables.map((t) => ({ table: t.name, source: sourceRows.get(t.name)!, target: targetRows.get(t.name)! }));
      if (counts.some((c) => c.source !== c.target)) throw new CopyMismatchError(counts);
      return counts;
    });
  });
}

/** Equal versions should mean equal schemas; a hand-altered database is refused before it fails halfway. */
function sameTables(source: readonly CatalogTable[], target: readonly CatalogTable[]): void {
  const targetByName = new Map(target.map((t) => [t.name, t]));
  for (const table of source) {
    const other = targetByName.get(table.name);
    if (!other) throw new CopyRefusedError(`The target has no table ${table.name}.`);
    const missing = table.columns.filter((c) => !other.columns.includes(c));
    if (missing.length) throw new CopyRefusedError(`The target's table ${table.name} has no column ${missing.join(', ')}.`);
    targetByName.delete(table.name);
  }
  if (targetByName.size) throw new CopyRefusedError(`The source has no table ${[...targetByName.keys()].join(', ')}.`);
}

async function countRows(storage: Storage, tables: readonly CatalogTable[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const table of tables) {
    const row = await storage.db.selectFrom(table.name).select((eb) => eb.fn.countAll().as('rows')).executeTakeFirst();
    counts.set(table.name, Number(row?.rows ?? 0));
  }
  return counts;
}

async function emptyTarget(target: Storage, tables: readonly CatalogTable[], replace: boolean): Promise<void> {
  const held = [...(await countRows(target, tables))].filter(([, rows]) => rows > 0);
  if (held.length === 0) return;
  if (!replace) {
    const list = held.map(([table, rows]) => `${table}: ${rows}`).join(', ');
    throw new CopyRefusedError(`The target already holds data (${list}); give --replace to empty it in the same transaction as the copy.`);
  }
  // Children before their parents, so no foreign key is left dangling on the way.
  for (const table of [...tables].reverse()) await target.db.deleteFrom(table.name).execute();
}

async function copyTable(source: Storage, target: Storage, table: CatalogTable, options: CopyOptions): Promise<void> {
  const most = Math.max(1, Math.min(options.batchRows ?? 500, Math.floor(MAX_PARAMETERS / table.columns.length)));
  const budget = options.batchBytes ?? BATCH_BYTES;
  let size = Math.min(most, FIRST_BATCH_ROWS);
  let copied = 0;
  for await (const rows of readBatches(source, table, () => size)) {
    await target.db.insertInto(table.name).values(rows).execute();
    copied += rows.length;
    options.progress?.copied(table.name, copied);
    const bytes = rows.reduce((sum, row) => sum + rowBytes(row), 0);
    size = Math.max(1, Math.min(most, Math.floor((rows.length * budget) / Math.max(bytes, 1))));
  }
}

/** About what a row's values take in memory: bytes of binary values and text, 8 for anything else. */
function rowBytes(row: Record<string, unknown>): number {
  let bytes = 0;
  for (const value of Object.values(row)) bytes += value instanceof Uint8Array ? value.byteLength : typeof value === 'string' ? value.length : 8;
  return bytes;
}

/**
 * Reads a table in key order, `batchSize()` rows at a time (asked before each read): after the last key seen (a row-value
 * comparison both engines index), or by offset for the two small tables without a primary key.
 */
async function* readBatches(storage: Storage, table: CatalogTable, batchSize: () => number): AsyncGenerator<Record<string, unknown>[]> {
  const key = table.primaryKey;
  const order = key.length ? key : table.columns;
  let last: Record<string, unknown> | undefined;
  for (let offset = 0; ; ) {
    const size = batchSize();
    let query = storage.db.selectFrom(table.name).selectAll();
    if (key.length && last) {
      const after = last;
      query = query.where(sql<boolean>`(${sql.join(key.map((c) => sql.ref(c)))}) > (${sql.join(key.map((c) => after[c]))})`);
    }
    if (!key.length) query = query.offset(offset);
    for (const column of order) query = query.orderBy(column);
    const rows = (await query.limit(size).execute()) as Record<string, unknown>[];
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < size) return;
    offset += rows.length;
    last = rows[rows.length - 1];
  }
}
