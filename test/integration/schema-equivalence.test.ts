import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/storage/database';
import { openPostgresStorage } from '../../server/storage/postgres-storage';
import type { PostgresServer } from '../support/postgres';
import { testPostgres } from '../support/test-storage';

/** What must agree between the engines, per table: columns, the primary key and foreign keys. */
type Schema = Record<string, { columns: Record<string, string>; primaryKey: string[]; foreignKeys: string[] }>;
type TypeClass = 'text' | 'integer' | 'real' | 'bytes';

/** Tables each engine keeps for itself: SQLite's AUTOINCREMENT counters, PostgreSQL's migration log. */
const ENGINE_TABLES = new Set(['sqlite_sequence', 'schema_version']);

function typeClass(declared: string): TypeClass | `unknown ${string}` {
  const type = declared.toLowerCase();
  if (/^(text|character varying|varchar|character)/.test(type)) return 'text';
  if (/^(integer|bigint|smallint|int)/.test(type)) return 'integer';
  if (/^(real|double|numeric|float)/.test(type)) return 'real';
  if (/^(blob|bytea)/.test(type)) return 'bytes';
  return `unknown ${declared}`;
}

/** "integer not null": the coarse type and nullability, which is what repository SQL relies on. */
const column = (type: string, notNull: boolean) => `${typeClass(type)}${notNull ? ' not null' : ''}`;

/** "section_id -> sections(id) on delete cascade". */
const foreignKey = (from: string, table: string, to: string, cascade: boolean) => `${from} -> ${table}(${to})${cascade ? ' on delete cascade' : ''}`;

function sqliteSchema(dataDir: string): Schema {
  const db = openDatabase(dataDir);
  try {
    const schema: Schema = {};
    const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all();
    for (const { name } of tables.filter((t) => !ENGINE_TABLES.has(t.name))) {
      const info = db.prepare<[string], { name: string; type: string; notnull: number; pk: number }>('SELECT * FROM pragma_table_info(?)').all(name);
      schema[name] = {
        // A primary key column is NOT NULL on PostgreSQL by definition; SQLite's rowid key is too.
        columns: Object.fromEntries(info.map((c) => [c.name, column(c.type, c.notnull === 1 || c.pk > 0)])),
        primaryKey: info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name),
        foreignKeys: db
          .prepare<[string], { table: string; from: string; to: string; on_delete: string }>('SELECT * FROM pragma_foreign_key_list(?)')
          .all(name)
          .map((k) => foreignKey(k.from, k.table, k.to, k.on_delete === 'CASCADE'))
          .sort(),
      };
    }
    return schema;
  } finally {
    db.close();
  }
}

async function postgresSchema(url: string): Promise<Schema> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = await client.query<{ table_name: string; column_name: string; data_type: string; is_nullable: string }>(
      `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
        WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
    );
    const keys = await client.query<{ table_name: string; column_name: string }>(
      `SELECT k.table_name, k.column_name FROM information_schema.table_constraints c
         JOIN information_schema.key_column_usage k ON k.constraint_name = c.constraint_name AND k.table_schema = c.table_schema
        WHERE c.table_schema = 'public' AND c.constraint_type = 'PRIMARY KEY' ORDER BY k.table_name, k.ordinal_position`,
    );
    const references = await client.query<{ table_name: string; from: string; to_table: string; to: string; confdeltype: string }>(
      `SELECT c.conrelid::regclass::text AS table_name, a.attname AS from, c.confrelid::regclass::text AS to_table, r.attname AS to, c.confdeltype
         FROM pg_constraint c CROSS JOIN LATERAL unnest(c.conkey, c.confkey) AS k(col, ref)
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.col
         JOIN pg_attribute r ON r.attrelid = c.confrelid AND r.attnum = k.ref
        WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace`,
    );
    const schema: Schema = {};
    for (const row of columns.rows.filter((r) => !ENGINE_TABLES.has(r.table_name))) {
      schema[row.table_name] ??= { columns: {}, primaryKey: [], foreignKeys: [] };
      schema[row.table_name]!.columns[row.column_name] = column(row.data_type, row.is_nullable === 'NO');
    }
    for (const row of keys.rows.filter((r) => !ENGINE_TABLES.has(r.table_name))) schema[row.table_name]?.primaryKey.push(row.column_name);
    for (const row of references.rows) schema[row.table_name]?.foreignKeys.push(foreignKey(row.from, row.to_table, row.to, row.confdeltype === 'c'));
    for (const table of Object.values(schema)) table.foreignKeys.sort();
    return schema;
  } finally {
    await client.end();
  }
}

/** Every disagreement, one line each, so a failure says what to add to which engine's migrations. */
function differences(sqlite: Schema, postgres: Schema): string[] {
  const found: string[] = [];
  for (const table of new Set([...Object.keys(sqlite), ...Object.keys(postgres)])) {
    const a = sqlite[table];
    const b = postgres[table];
    if (!a || !b) {
      found.push(`table ${table} exists only on ${a ? 'SQLite' : 'PostgreSQL'}`);
      continue;
    }
    for (const name of new Set([...Object.keys(a.columns), ...Object.keys(b.columns)])) {
      const left = a.columns[name];
      const right = b.columns[name];
      if (left === undefined || right === undefined) found.push(`${table}.${name} exists only on ${left !== undefined ? 'SQLite' : 'PostgreSQL'}`);
      else if (left !== right) found.push(`${table}.${name} is ${left} on SQLite but ${right} on PostgreSQL`);
    }
    if (a.primaryKey.join() !== b.primaryKey.join()) {
      found.push(`${table} has primary key (${a.primaryKey.join(', ')}) on SQLite but (${b.primaryKey.join(', ')}) on PostgreSQL`);
    }
    if (a.foreignKeys.join() !== b.foreignKeys.join()) {
      found.push(`${table} has foreign keys [${a.foreignKeys.join('; ')}] on SQLite but [${b.foreignKeys.join('; ')}] on PostgreSQL`);
    }
  }
  return found.sort();
}

describe('schema equivalence between SQLite and PostgreSQL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'showfloor-schema-'));
  const databases: string[] = [];
  let cluster: PostgresServer;
  let release: () => Promise<void>;
  beforeAll(async () => {
    ({ server: cluster, release } = await testPostgres());
  });
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    for (const url of databases) await cluster.dropDatabase(url);
    await release();
  });
  const freshPostgres = async () => {
    const url = await cluster.createDatabase({ migrated: false });
    databases.push(url);
    // The way the server opens it: the migrations run on open.
    await (await openPostgresStorage({ url, poolSize: 1, statementTimeoutMs: 10_000 })).close();
    return url;
  };

  it('gives both engines the same tables, columns, types, NOT NULLs, primary and foreign keys once migrated', async () => {
    const sqlite = sqliteSchema(dataDir);
    const postgres = await postgresSchema(await freshPostgres());
    expect(Object.keys(sqlite).length).toBeGreaterThan(20);
    expect(differences(sqlite, postgres)).toEqual([]);
  });

  it('notices a column missing on one side, a changed type or nullability, a lost foreign key and a missing table', async () => {
    const url = await freshPostgres();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('ALTER TABLE devices DROP COLUMN state');
      await client.query('ALTER TABLE sessions ALTER COLUMN expires_at TYPE TEXT');
      await client.query('ALTER TABLE meetings ALTER COLUMN note DROP NOT NULL');
      await client.query('DROP TABLE badge_scans');
      await client.query('ALTER TABLE items DROP CONSTRAINT items_section_id_fkey');
    } finally {
      await client.end();
    }
    expect(differences(sqliteSchema(dataDir), await postgresSchema(url))).toEqual([
      'devices.state exists only on SQLite',
      'items has foreign keys [section_id -> sections(id) on delete cascade] on SQLite but [] on PostgreSQL',
      'meetings.note is text not null on SQLite but text on PostgreSQL',
      'sessions.expires_at is integer not null on SQLite but text not null on PostgreSQL',
      'table badge_scans exists only on SQLite',
    ]);
  });
});
