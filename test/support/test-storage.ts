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
 * The PostgreSQL server to make test databases on: the run's cluster (SHOWFLOOR_TEST_POSTGRES_URL,
 * its superuser URL), or a private cluster started for the caller when the run has none.
 * `release()` stops the private one.
 */
export async function testPostgres(): Promise<{ server: PostgresServer; release: () => Promise<void> }> {
  const shared = process.env.SHOWFLOOR_TEST_POSTGRES_URL;
  if (shared) return { server: usePostgres(shared), release: async () => {} };
  const cluster = await startPostgres();
  return { server: cluster, release: () => cluster.stop() };
}

/** A fresh, migrated Storage on `engine` for a repository-level test, and what removes it again. */
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
  const postgres = await testPostgres();
  const url = await postgres.server.createDatabase();
  const storage = await openPostgresStorage({ url, poolSize: 10, statementTimeoutMs: 30_000 });
  return {
    storage,
    close: async () => {
      await storage.close();
      await postgres.server.dropDatabase(url);
      await postgres.release();
    },
  };
}
