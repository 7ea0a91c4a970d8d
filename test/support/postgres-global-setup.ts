import { startPostgres } from './postgres';

/**
 * The integration-postgres project's global setup: ONE private cluster for the whole run, stopped
 * when the run ends. Its superuser URL goes to the workers (started after this) and to the
 * processes they spawn through SHOWFLOOR_TEST_POSTGRES_URL; test/support/test-storage.ts reads it
 * and every test server gets a database of its own on the cluster.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const cluster = await startPostgres();
  process.env.SHOWFLOOR_TEST_POSTGRES_URL = cluster.url();
  return async () => {
    delete process.env.SHOWFLOOR_TEST_POSTGRES_URL;
    await cluster.stop();
  };
}
