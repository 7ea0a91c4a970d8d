import { sql } from 'kysely';
import type { Storage } from '../storage/storage';

/**
 * Tables that hold what happened during a show (not content, accounts or screens), each listed
 * before the tables it references, so that deleting in this order never breaks a foreign key.
 */
const SHOW_TABLES = ['events', 'badge_scans', 'counter_values', 'device_counts', 'counter_corrections', 'day_resets', 'meeting_steps', 'meetings', 'organisations', 'partners', 'roadshow_scores', 'roadshow_state', 'roadshow_projects', 'roadshow_criteria'] as const;

export interface RehearsalRepository {
  /** Deletes everything a show produced: counts, corrections, matchmaking, the roadshow. */
  clearShowData(): Promise<void>;
  /** Runs `fn` in one transaction (the clearing and its audit entry commit together). */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
}

export class SqlRehearsalRepository implements RehearsalRepository {
  constructor(private readonly storage: Storage) {}

  async clearShowData(): Promise<void> {
    if (this.storage.engine === 'postgres') {
      // One statement instead of fourteen, and RESTART IDENTITY starts events.seq again from 1,
      // as SQLite's rowid does once its table is empty. Still transactional on PostgreSQL.
      await sql`TRUNCATE ${sql.join(SHOW_TABLES.map((table) => sql.table(table)))} RESTART IDENTITY`.execute(this.storage.db);
      return;
    }
    await this.storage.transaction(async () => {
      for (const table of SHOW_TABLES) await sql`DELETE FROM ${sql.table(table)}`.execute(this.storage.db);
    });
  }

  transaction<T>(fn: () => Promise<T>): Promise<T> {
    return this.storage.transaction(fn);
  }
}
