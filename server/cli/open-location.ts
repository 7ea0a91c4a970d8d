import { openStorage } from '../storage/open-storage';
import type { Storage } from '../storage/storage';
import type { DatabaseLocation } from './database-location';

/**
 * Opens a database that a command names, through the server's own opener (so it is migrated as a
 * server would migrate it). A copy needs one connection and no statement timeout: the show's
 * limits are for requests, and counting a long day's events may take longer than one.
 */
export async function openLocation(location: DatabaseLocation): Promise<Storage> {
  try {
    return await openStorage(
      location.engine === 'sqlite'
        ? { dataDir: location.dataDir, databaseUrl: undefined, databasePoolSize: 1, databaseStatementTimeoutMs: 0 }
        : { dataDir: '', databaseUrl: location.url, databasePoolSize: 1, databaseStatementTimeoutMs: 0 },
    );
  } catch (error) {
    // The opener speaks of DATABASE_URL, which a command's option stands in for here.
    throw new Error((error as Error).message.replace(/^DATABASE_URL: /, ''), { cause: error });
  }
}
