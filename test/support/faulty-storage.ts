import Database from 'better-sqlite3';
import type { Db } from '../../server/storage/database';

export interface FaultyStorage {
  db: Db;
  /** From now on every write fails the way SQLite fails on a full disk (SQLITE_FULL). */
  fill(): void;
  /** Space is back: writes succeed again. */
  free(): void;
}

/**
 * Injects a full disk into a real SQLite database: every statement that writes (and every
 * `exec`) throws SQLite's own "database or disk is full" error while the disk is "full"; reads
 * keep working, as they do on a real full disk. The server under test uses this database exactly
 * as it uses any other, so what it does with the fault is what it would do in the hall.
 */
export function faultyStorage(db: Db): FaultyStorage {
  let full = false;
  const diskFull = () => new Database.SqliteError('database or disk is full', 'SQLITE_FULL');
  const prepare = db.prepare.bind(db);
  (db as { prepare: unknown }).prepare = (source: string) => {
    const statement = prepare(source);
    if (statement.reader) return statement;
    const run = statement.run.bind(statement);
    (statement as { run: unknown }).run = (...args: unknown[]) => {
      if (full) throw diskFull();
      return run(...(args as []));
    };
    return statement;
  };
  const exec = db.exec.bind(db);
  (db as { exec: unknown }).exec = (source: string) => {
    if (full) throw diskFull();
    return exec(source);
  };
  return {
    db,
    fill: () => void (full = true),
    free: () => void (full = false),
  };
}
