import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPostgresStorage } from '../../server/storage/postgres-storage';
import { openSqliteStorage } from '../../server/storage/sqlite-storage';
import type { Engine, Storage } from '../../server/storage/storage';
import { startPostgres, usePostgres, type PostgresServer } from './postgres';

/** The engine this run of the integration suite is for (SHOWFLOOR_TEST_ENGINE, SQLite by default). */
export function testEngine(): Engine {
  const engine = process.env.SHOWFLOOR_TEST_ENGINE ?? 'sqlite';
  if (engine !== 'sqlite' && engine !== 'postgres') throw new Error(`SHOWFLOOR_TEST_ENGINE: "${engine}" is neither sqlite nor postgres`);
  return engine;
}

/**
 * A fresh, migrated Storage on `engine` for a repository-level test, and what removes it again.
 * PostgreSQL: a new database on the run's cluster (SHOWFLOOR_TEST_POSTGRES_URL, its superuser
 * URL), or on a private cluster started for this file when the run has none.
 */
export async function openTestStorage(engine: Engine): Promise<{ storage: Storage; close: () => Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'showfloor-storage-'));
    const storage = openSqliteStorage({ dataDir: dir });
    return {
      storage,
      close: async () => {
        await storage.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const shared = process.env.SHOWFLOOR_TEST_POSTGRES_URL;
  const cluster = shared ? undefined : await startPostgres();
  const server: PostgresServer = cluster ?? usePostgres(shared!);
  const url = await server.createDatabase();
  const storage = await openPostgresStorage({ url, poolSize: 10, statementTimeoutMs: 30_000 });
  return {
    storage,
    close: async () => {
      await storage.close();
      await server.dropDatabase(url);
      await cluster?.stop();
    },
  };
}
