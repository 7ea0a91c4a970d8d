import type { Db } from '../storage/database';

/** Tables that hold what happened during a show (not content, accounts or screens). */
const SHOW_TABLES = ['events', 'badge_scans', 'counter_values', 'device_counts', 'counter_corrections', 'day_resets', 'meeting_steps', 'meetings', 'organisations', 'partners', 'roadshow_scores', 'roadshow_state', 'roadshow_projects', 'roadshow_criteria'] as const;

export interface RehearsalRepository {
  /** Deletes everything a show produced: counts, corrections, matchmaking, the roadshow. */
  clearShowData(): Promise<void>;
  /** Runs `fn` in one transaction (the clearing and its audit entry commit together). */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
}

export class SqliteRehearsalRepository implements RehearsalRepository {
  private readonly deletes;

  constructor(private readonly db: Db) {
    this.deletes = SHOW_TABLES.map((table) => db.prepare(`DELETE FROM ${table}`));
  }

  async clearShowData(): Promise<void> {
    for (const statement of this.deletes) statement.run();
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }
}
