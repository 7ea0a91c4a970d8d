import Database from 'better-sqlite3';
import { statSync } from 'node:fs';

/** What a finished backup holds. */
export interface BackupResult {
  bytes: number;
  schemaVersion: number;
}

/**
 * Copies the SQLite database at `file` to `destination` with SQLite's online backup API, while a
 * server may go on writing to it. The file is opened as it is (no migration: a backup must not
 * change what it copies), and the copy is checked before it is reported.
 */
export async function backupSqlite(file: string, destination: string): Promise<BackupResult> {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // All pages in one step: the backup starts over whenever another connection writes between
    // two steps, which a live show does several times a second. One step holds only a read
    // snapshot, and in WAL mode a reader never blocks the server's writes.
    await db.backup(destination, { progress: () => 2 ** 31 - 1 });
  } finally {
    db.close();
  }
  const copy = new Database(destination, { fileMustExist: true });
  try {
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`the backup in ${destination} fails SQLite's integrity check: ${String(check)}`);
    return { bytes: statSync(destination).size, schemaVersion: copy.pragma('user_version', { simple: true }) as number };
  } finally {
    copy.close();
  }
}
