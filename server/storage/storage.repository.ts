import { sql } from 'kysely';
import type { Storage } from './storage';

/**
 * The storage as a whole, for what belongs to no one domain: whether it answers at all (the
 * readiness probe).
 */
export interface StorageRepository {
  /** Throws when the database cannot answer a trivial query. */
  ping(): Promise<void>;
}

export class SqlStorageRepository implements StorageRepository {
  constructor(private readonly storage: Storage) {}

  async ping(): Promise<void> {
    // A real round trip: on PostgreSQL it takes a pooled connection, on SQLite it reads through the handle.
    await sql`SELECT 1`.execute(this.storage.db);
  }
}
