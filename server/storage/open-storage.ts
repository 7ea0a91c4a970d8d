import type { Config } from '../config/config.schema';
import { openPostgresStorage } from './postgres-storage';
import { openSqliteStorage } from './sqlite-storage';
import type { Storage } from './storage';

/**
 * The engine the configuration asks for: PostgreSQL when DATABASE_URL is set, else the SQLite
 * file in DATA_DIR, as showfloor has always run. Either is migrated before it is returned.
 */
export function openStorage(
  config: Pick<Config, 'dataDir' | 'databaseUrl' | 'databasePoolSize' | 'databaseStatementTimeoutMs'>,
  options: { onIdleError?: (error: Error) => void } = {},
): Promise<Storage> {
  if (config.databaseUrl) {
    return openPostgresStorage({
      url: config.databaseUrl,
      poolSize: config.databasePoolSize,
      statementTimeoutMs: config.databaseStatementTimeoutMs,
      onIdleError: options.onIdleError,
    });
  }
  return Promise.resolve(openSqliteStorage({ dataDir: config.dataDir }));
}
