import { defineConfig } from 'vitest/config';

/**
 * Integration files that only run on PostgreSQL: they test the PostgreSQL engine itself, or (db-copy)
 * move a show between the two engines, which needs the run's cluster and is the same test on either run.
 */
const POSTGRES_ONLY = [
  'test/integration/postgres-storage.test.ts',
  'test/integration/schema-equivalence.test.ts',
  'test/integration/db-copy.test.ts',
  // Several nodes share one database, which only PostgreSQL offers.
  'test/integration/cluster-nodes.test.ts',
  // Several nodes share one PostgreSQL (REDIS_URL refuses SQLite).
  'test/integration/cluster-plumbing.test.ts',
  // npm run cluster starts its own PostgreSQL: one run is enough.
  'test/integration/cluster-script.test.ts',
];

/**
 * Integration files that read or break the SQLite file itself (its pages, its handle, its
 * faults), so they have no PostgreSQL run. What they cover through the API runs on both.
 */
const SQLITE_ONLY = [
  'test/integration/events-compact.test.ts',
  'test/integration/storage-faults.test.ts',
  'test/integration/content-validation-memo.test.ts',
  'test/integration/sessions-repository.test.ts',
  // SQLite's own online backup API (PostgreSQL is backed up with pg_dump).
  'test/integration/db-backup.test.ts',
];

export default defineConfig({
  test: {
    environment: 'node',
    // Integration tests start real servers and hash real passwords (scrypt, 128 MB each): on a
    // shared, loaded CI machine they need room. Speed is measured by npm run bench, not here.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One JSON report for every project: .ci/run sums it.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    // The integration suite runs once per engine, on the same files.
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'integration-sqlite', include: ['test/integration/**/*.test.ts'], exclude: POSTGRES_ONLY },
      },
      {
        extends: true,
        test: {
          name: 'integration-postgres',
          include: ['test/integration/**/*.test.ts'],
          exclude: SQLITE_ONLY,
          env: { SHOWFLOOR_TEST_ENGINE: 'postgres' },
          // One private cluster for the whole run; each test server gets its own database on it.
          globalSetup: ['test/support/postgres-global-setup.ts'],
        },
      },
    ],
  },
});
