import type { Config } from '../config/config.schema';
import { openSqliteStorage } from './sqlite-storage';
import type { Storage } from './storage';

/**
 * The engine the configuration asks for: PostgreSQL when DATABASE_URL is set, else the SQLite
 * file in DATA_DIR, as showfloor has always run. Either is migrated before it is returned.
 */
export async function openStorage(
  config: Pick<Config, 'dataDir' | 'databaseUrl' | 'databasePoolSize' | 'databaseStatementTimeoutMs'>,
  options: { onIdleError?: (error: Error) => void } = {},
): Promise<Storage> {
  if (config.databaseUrl) {
    // Loaded only here: a booth box on SQLite never pays for loading the PostgreSQL driver at start.
    const { openPostgresStorage } = await import('./postgres-storage');
    return openPostgresStorage({
      url: config.databaseUrl,
      poolSize: config.databasePoolSize,
      statementTimeoutMs: config.databaseStatementTimeoutMs,
      onIdleError: options.onIdleError,
    });
  }
  return openSqliteStorage({ dataDir: config.dataDir });
}
