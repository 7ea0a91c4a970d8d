import { openPostgresStorage } from '../storage/postgres-storage';
import { openSqliteStorage } from '../storage/sqlite-storage';
import type { Storage } from '../storage/storage';
import type { DatabaseLocation } from './database-location';

/**
 * Opens a database that a command names (and migrates it, as a server would on start). A copy or
 * a backup needs one connection and no statement timeout: the show's limits are for requests,
 * and counting a day's events may take longer than one.
 */
export async function openLocation(location: DatabaseLocation): Promise<Storage> {
  if (location.engine === 'sqlite') return openSqliteStorage({ dataDir: location.dataDir });
  return openPostgresStorage({ url: location.url, poolSize: 1, statementTimeoutMs: 0 });
}
