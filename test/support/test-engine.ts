import { inject } from 'vitest';
import { usePostgres, type PostgresServer } from './postgres';

/** The engine this test run exercises: the integration-postgres project sets SHOWFLOOR_TEST_ENGINE. */
export const TEST_ENGINE: 'sqlite' | 'postgres' = process.env.SHOWFLOOR_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

/**
 * The run's PostgreSQL cluster, started by the project's global setup. A file that needs it
 * outside that project fails here with the way to run it, rather than skipping.
 */
export function testPostgres(): PostgresServer {
  const adminUrl = inject('postgresAdminUrl');
  if (!adminUrl) {
    throw new Error('No PostgreSQL cluster for this run: run the file in the integration-postgres project (npx vitest run --project integration-postgres <file>).');
  }
  return usePostgres(adminUrl);
}
