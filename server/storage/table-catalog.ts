import { sql } from 'kysely';
import type { Storage } from './storage';

/** One table of the showfloor schema, as the database itself describes it. */
export interface CatalogTable {
  name: string;
  /** In the table's own order. */
  columns: string[];
  /** The primary key's columns in key order; empty for a table without one (`meeting_steps`, `day_resets`). */
  primaryKey: string[];
  /** Tables this one's foreign keys point at. */
  references: string[];
}

/**
 * Bookkeeping that each engine keeps for itself and that a copy must not carry over: SQLite's
 * AUTOINCREMENT high-water marks (it maintains them as rows go in) and the PostgreSQL migrations'
 * version table (the target's own migrations wrote it).
 */
const BOOKKEEPING = new Set(['sqlite_sequence', 'sqlite_stat1', 'schema_version']);

/**
 * The schema version the database is at: SQLite's `PRAGMA user_version`, the highest row of
 * PostgreSQL's `schema_version`. The numbers line up between the two engines (see the migrations).
 */
export async function schemaVersion(storage: Storage): Promise<number> {
  if (storage.engine === 'sqlite') {
    const { rows } = await sql<{ user_version: number }>`PRAGMA user_version`.execute(storage.db);
    return Number(rows[0]?.user_version ?? 0);
  }
  const { rows } = await sql<{ version: number | null }>`SELECT max(version) AS version FROM schema_version`.execute(storage.db);
  return Number(rows[0]?.version ?? 0);
}

/**
 * Every data table, parents before the tables whose foreign keys point at them (so rows can go in
 * in this order and be deleted in the reverse), alphabetical otherwise so two runs agree.
 */
export async function dataTables(storage: Storage): Promise<CatalogTable[]> {
  const schema = storage.engine === 'postgres' ? (await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(storage.db)).rows[0]?.schema : undefined;
  const tables = (await storage.db.introspection.getTables())
    .filter((table) => !table.isView && !BOOKKEEPING.has(table.name) && (schema === undefined || table.schema === schema))
    .sort((a, b) => a.name.localeCompare(b.name));
  const described = await Promise.all(
    tables.map(async (table) => ({
      name: table.name,
      columns: table.columns.map((column) => column.name),
      ...(await keys(storage, table.name)),
    })),
  );
  return inForeignKeyOrder(described);
}

async function keys(storage: Storage, table: string): Promise<{ primaryKey: string[]; references: string[] }> {
  if (storage.engine === 'sqlite') {
    const columns = await sql<{ name: string; pk: number }>`SELECT name, pk FROM pragma_table_info(${table}) WHERE pk > 0 ORDER BY pk`.execute(storage.db);
    const references = await sql<{ table: string }>`SELECT DISTINCT "table" FROM pragma_foreign_key_list(${table})`.execute(storage.db);
    return { primaryKey: columns.rows.map((r) => r.name), references: references.rows.map((r) => r.table) };
  }
  const columns = await sql<{ name: string }>`
    SELECT a.attname AS name
    FROM pg_index i
    JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position) ON true
    JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
    WHERE i.indrelid = to_regclass(${table}) AND i.indisprimary
    ORDER BY k.position`.execute(storage.db);
  const references = await sql<{ table: string }>`
    SELECT DISTINCT c.confrelid::regclass::text AS table
    FROM pg_constraint c
    WHERE c.conrelid = to_regclass(${table}) AND c.contype = 'f'`.execute(storage.db);
  return { primaryKey: columns.rows.map((r) => r.name), references: references.rows.map((r) => r.table) };
}

/** Orders tables so that every table comes after those it references (a self-reference is ignored). */
export function inForeignKeyOrder(tables: readonly CatalogTable[]): CatalogTable[] {
  const byName = new Map(tables.map((table) => [table.name, table]));
  const ordered: CatalogTable[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (table: CatalogTable, path: readonly string[]) => {
    if (state.get(table.name) === 'done') return;
    if (state.get(table.name) === 'visiting') throw new Error(`Foreign keys form a cycle: ${[...path, table.name].join(' → ')}`);
    state.set(table.name, 'visiting');
    for (const parent of table.references) {
      const referenced = byName.get(parent);
      if (referenced && referenced !== table) visit(referenced, [...path, table.name]);
    }
    state.set(table.name, 'done');
    ordered.push(table);
  };
  for (const table of tables) visit(table, []);
  return ordered;
}

/**
 * After rows came in with their ids, moves every PostgreSQL identity sequence (`audit_log.id`,
 * `events.seq`) past the highest id, so the next insert does not collide with a copied row.
 * Sequences are not transactional: a sequence is only ever moved forward (never below its own
 * last value), so a copy that rolls back afterwards leaves nothing that could collide. SQLite
 * needs nothing: it keeps AUTOINCREMENT's high-water mark as rows go in.
 */
export async function advanceIdentitySequences(storage: Storage): Promise<void> {
  if (storage.engine !== 'postgres') return;
  const { rows } = await sql<{ table: string; column: string }>`
    SELECT table_name AS table, column_name AS column
    FROM information_schema.columns
    WHERE table_schema = current_schema() AND (is_identity = 'YES' OR column_default LIKE 'nextval(%')`.execute(storage.db);
  for (const { table, column } of rows) {
    await sql`
      SELECT setval(s.seq, GREATEST(COALESCE((SELECT max(${sql.ref(column)}) FROM ${sql.table(table)}), 0), COALESCE(pg_sequence_last_value(s.seq), 0), 1))
      FROM (SELECT pg_get_serial_sequence(${table}, ${column})::regclass AS seq) s`.execute(storage.db);
  }
}
