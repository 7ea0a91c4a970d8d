import { Kysely, SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';
import { openDatabase, type Db } from './database';
import { KyselyStorage, type SqlDb, type Storage } from './storage';

/**
 * The embedded engine: the SQLite file in `dataDir` (or an open handle a test shares), migrated
 * on open. Kysely serialises every query through the one connection, so a transaction holds it
 * until it ends; statements are prepared once per SQL text.
 */
export function openSqliteStorage(source: { dataDir: string } | { db: Db; closeWithStorage: boolean }): Storage {
  const db = 'db' in source ? source.db : openDatabase(source.dataDir);
  const owned = 'db' in source ? source.closeWithStorage : true;
  const kysely = new Kysely<Record<string, never>>({ dialect: new SqliteDialect({ database: withStatementCache(db) }) });
  return new KyselyStorage('sqlite', kysely as SqlDb, { sqlite: db }, async () => {
    await kysely.destroy();
    if (owned && db.open) db.close();
  });
}

/** better-sqlite3 compiles a statement on every prepare(); the same few hundred SQL texts run all day. */
function withStatementCache(db: Db): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    prepare(sql: string): SqliteStatement {
      let statement = statements.get(sql);
      if (!statement) {
        statement = db.prepare(sql) as unknown as SqliteStatement;
        statements.set(sql, statement);
      }
      return statement;
    },
    // The handle's owner closes it (see openSqliteStorage), not Kysely.
    close() {},
  };
}
