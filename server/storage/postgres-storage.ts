import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migratePostgres } from './postgres-migrations';
import { KyselyStorage, type SqlDb, type Storage } from './storage';
import { describeDatabase } from './database-url';

export interface PostgresStorageOptions {
  /** `postgres://user:password@host:port/database`, as DATABASE_URL gives it. */
  url: string;
  /** The most connections this node holds open. */
  poolSize: number;
  /** A statement running longer than this is cancelled by the server. */
  statementTimeoutMs: number;
  /** Told about a pooled connection that broke while idle (the pool replaces it). */
  onIdleError?: (error: Error) => void;
}

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/**
 * pg hands BIGINT and NUMERIC back as strings, since they can exceed 2^53. Ours are counts,
 * epoch milliseconds and sums of them, far below that, and the repositories expect numbers as
 * SQLite gives them. Set on this pool only, so another pg user in the process is not surprised.
 */
const numericTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if ((oid === INT8_OID || oid === NUMERIC_OID) && format !== 'binary') return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  }) as pg.CustomTypesConfig['getTypeParser'],
};

/**
 * The server engine: a pool on DATABASE_URL, checked by one connection at open (so a wrong URL
 * stops the start, not the first request) and migrated under an advisory lock.
 */
export async function openPostgresStorage(options: PostgresStorageOptions): Promise<Storage> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize,
    statement_timeout: options.statementTimeoutMs,
    // An unreachable host must fail the start within seconds rather than hang it.
    connectionTimeoutMillis: 10_000,
    types: numericTypes,
  });
  // Without a listener an idle connection the server drops (restart, failover) crashes the process.
  pool.on('error', (error) => options.onIdleError?.(error));

  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    await pool.end().catch(() => {});
    throw new Error(`DATABASE_URL: cannot connect to PostgreSQL at ${describeDatabase(options.url)}: ${withoutPassword(errorMessage(error), options.url)}`);
  }
  try {
    await migratePostgres(client);
  } catch (error) {
    client.release();
    await pool.end().catch(() => {});
    throw new Error(`DATABASE_URL: migrating ${describeDatabase(options.url)} failed: ${withoutPassword(errorMessage(error), options.url)}`, { cause: error });
  }
  client.release();

  const kysely = new Kysely<Record<string, never>>({ dialect: new PostgresDialect({ pool }) });
  return new KyselyStorage('postgres', kysely as SqlDb, { pg: pool }, async () => {
    await kysely.destroy();
    // Kysely ends the pool only if it ever used it; a storage closed before any query still holds
    // the connection the migrations ran on.
    if (!pool.ended) await pool.end();
  });
}


function errorMessage(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return error.errors.map(errorMessage).join('; ');
  if (error instanceof Error) return error.message || (error as NodeJS.ErrnoException).code || error.name;
  return String(error);
}

/** A driver message should not quote the password, but one that does must not reach a log. */
function withoutPassword(message: string, url: string): string {
  let password = '';
  try {
    password = decodeURIComponent(new URL(url).password);
  } catch {
    return message;
  }
  return password ? message.split(password).join('***') : message;
}
