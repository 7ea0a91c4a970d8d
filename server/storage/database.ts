import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from './migrations';

export type Db = Database.Database;

/**
 * Opens (or creates) the database file in `dataDir` and brings its schema up to date.
 * WAL lets readers run beside the writer; synchronous=FULL makes every commit durable
 * before we acknowledge it (a power cut after a 200 loses nothing).
 */
export function openDatabase(dataDir: string, fileName = 'showfloor.sqlite'): Db {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, fileName));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}
