import { AsyncLocalStorage } from 'node:async_hooks';
import type { Kysely } from 'kysely';
import type { Pool } from 'pg';
import type { Db } from './database';

export type Engine = 'sqlite' | 'postgres';

/** Kysely without table types: repositories write raw `sql` templates and type each row they read. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type SqlDb = Kysely<any>;

/**
 * The one storage seam every repository is built on: engine-neutral queries through Kysely
 * (`sql\`…\`.execute(storage.db)` reads the same on SQLite and PostgreSQL), transactions that the
 * repositories called inside them join by themselves, and the raw handle of the engine that runs,
 * for the hot paths that hand-write SQL per engine. Only repositories and `server/storage/` read
 * `engine`, `sqlite` or `pg`.
 */
export interface Storage {
  readonly engine: Engine;
  /** The executor for the current async context: the open transaction inside `transaction()`, else the pool. */
  readonly db: SqlDb;
  /**
   * Runs `fn` in one transaction. Every repository call made inside it (in its async context)
   * takes part; a nested call joins the outer transaction. Rolled back if `fn` throws.
   */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  /** Set on SQLite: the better-sqlite3 handle. */
  readonly sqlite?: Db;
  /** Set on PostgreSQL: the pg pool. */
  readonly pg?: Pool;
  close(): Promise<void>;
}

/** A Storage over a Kysely instance; `raw` is the engine's own handle. */
export class KyselyStorage implements Storage {
  private readonly current = new AsyncLocalStorage<SqlDb>();

  constructor(
    readonly engine: Engine,
    private readonly root: SqlDb,
    private readonly raw: { sqlite?: Db; pg?: Pool },
    private readonly onClose: () => Promise<void>,
  ) {}

  get db(): SqlDb {
    return this.current.getStore() ?? this.root;
  }

  get sqlite(): Db | undefined {
    return this.raw.sqlite;
  }

  get pg(): Pool | undefined {
    return this.raw.pg;
  }

  transaction<T>(fn: () => Promise<T>): Promise<T> {
    if (this.current.getStore()) return fn();
    return this.root.transaction().execute((trx) => this.current.run(trx, fn));
  }

  close(): Promise<void> {
    return this.onClose();
  }
}
