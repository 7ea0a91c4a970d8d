import type { Db } from './database';

/**
 * The storage as a whole, for what belongs to no one domain: whether it answers at all (the
 * readiness probe). Synchronous for now; an async engine makes `ping` return a promise.
 */
export interface StorageRepository {
  /** Throws when the database cannot answer a trivial query. */
  ping(): Promise<void>;
}

export class SqliteStorageRepository implements StorageRepository {
  constructor(private readonly db: Db) {}

  async ping(): Promise<void> {
    // Prepared per call: a probe runs every few seconds at most, and preparing is part of what it checks.
    this.db.prepare('SELECT 1').get();
  }
}
