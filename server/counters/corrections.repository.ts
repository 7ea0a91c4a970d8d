import type { CounterCorrection } from '../../shared/corrections.schema';
import type { Db } from '../storage/database';
import { ALL_TIME, type CounterRow } from './counters.rules';

export interface CorrectionsRepository {
  /** The visitor count a correction would start from (`section` '' for the whole hall). */
  visits(day: string, section: string): Promise<number>;
  /** Stores a correction and applies its increments in one transaction. */
  add(correction: Omit<CounterCorrection, 'username'> & { userId: string }, increments: readonly CounterRow[]): Promise<void>;
  list(limit: number): Promise<CounterCorrection[]>;
  /** Zeroes a day: keeps what it was in day_resets, takes its visits off the all-time total, forgets its badges. */
  resetDay(day: string, at: string, userId: string, reason: string): Promise<CounterRow[]>;
  transaction<T>(fn: () => Promise<T>): Promise<T>;
}

export class SqliteCorrectionsRepository implements CorrectionsRepository {
  constructor(private readonly db: Db) {}

  async visits(day: string, section: string): Promise<number> {
    return (
      this.db
        .prepare<[string, string], { value: number }>("SELECT value FROM counter_values WHERE day = ? AND metric = 'visits' AND section = ? AND item = '' AND bucket = 0")
        .get(day, section)?.value ?? 0
    );
  }

  async add(c: Omit<CounterCorrection, 'username'> & { userId: string }, increments: readonly CounterRow[]): Promise<void> {
    this.db
      .prepare("INSERT INTO counter_corrections (id, day, metric, section, delta, reason, user_id, at) VALUES (?, ?, 'visits', ?, ?, ?, ?, ?)")
      .run(c.id, c.day, c.section ?? '', c.delta, c.reason, c.userId, c.at);
    const upsert = this.db.prepare(
      `INSERT INTO counter_values (day, metric, section, item, bucket, value) VALUES (@day, @metric, @section, @item, @bucket, @value)
       ON CONFLICT(day, metric, section, item, bucket) DO UPDATE SET value = value + excluded.value`,
    );
    for (const row of increments) upsert.run(row);
  }

  async list(limit: number): Promise<CounterCorrection[]> {
    return this.db
      .prepare<[number], { id: string; day: string; section: string; delta: number; reason: string; username: string | null; at: string }>(
        `SELECT c.id, c.day, c.section, c.delta, c.reason, u.username, c.at FROM counter_corrections c LEFT JOIN users u ON u.id = c.user_id
         ORDER BY c.at DESC LIMIT ?`,
      )
      .all(limit)
      .map((r) => ({ id: r.id, day: r.day, section: r.section || null, delta: r.delta, reason: r.reason, username: r.username ?? 'unknown', at: r.at }));
  }

  async resetDay(day: string, at: string, userId: string, reason: string): Promise<CounterRow[]> {
    const before = this.db.prepare<[string], CounterRow>('SELECT day, metric, section, item, bucket, value FROM counter_values WHERE day = ?').all(day);
    this.db.prepare('INSERT INTO day_resets (day, at, user_id, reason, before) VALUES (?, ?, ?, ?, ?)').run(day, at, userId, reason, JSON.stringify(before));
    const dayVisits = before.find((r) => r.metric === 'visits' && r.section === '')?.value ?? 0;
    this.db
      .prepare("UPDATE counter_values SET value = value - ? WHERE day = ? AND metric = 'visits' AND section = '' AND item = '' AND bucket = 0")
      .run(dayVisits, ALL_TIME);
    this.db.prepare('DELETE FROM counter_values WHERE day = ?').run(day);
    // The badges that day counted are in no figure any more: scanned again, they count again.
    this.db.prepare('DELETE FROM badge_scans WHERE day = ?').run(day);
    return before;
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }
}
