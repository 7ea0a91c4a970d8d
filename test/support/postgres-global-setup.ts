import type { TestProject } from 'vitest/node';
import { startPostgres } from './postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The superuser URL of the run's PostgreSQL cluster (see test/support/postgres.ts). */
    postgresAdminUrl: string;
  }
}

/**
 * The integration-postgres project's global setup: ONE private cluster for the whole run (every
 * test server gets a database of its own on it), stopped when the run ends.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startPostgres();
  project.provide('postgresAdminUrl', cluster.url());
  return () => cluster.stop();
}
