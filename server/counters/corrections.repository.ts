import type { CounterCorrection } from '../../shared/corrections.schema';
import { sql } from 'kysely';
import type { Storage } from '../storage/storage';
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

export class SqlCorrectionsRepository implements CorrectionsRepository {
  constructor(private readonly storage: Storage) {}

  async visits(day: string, section: string): Promise<number> {
    const { rows } = await sql<{ value: number }>`
      SELECT value FROM counter_values WHERE day = ${day} AND metric = 'visits' AND section = ${section} AND item = '' AND bucket = 0`.execute(this.storage.db);
    return Number(rows[0]?.value ?? 0);
  }

  async add(c: Omit<CounterCorrection, 'username'> & { userId: string }, increments: readonly CounterRow[]): Promise<void> {
    await this.storage.transaction(async () => {
      await sql`
        INSERT INTO counter_corrections (id, day, metric, section, delta, reason, user_id, at)
        VALUES (${c.id}, ${c.day}, 'visits', ${c.section ?? ''}, ${c.delta}, ${c.reason}, ${c.userId}, ${c.at})`.execute(this.storage.db);
      for (const row of increments) {
        await sql`
          INSERT INTO counter_values (day, metric, section, item, bucket, value) VALUES (${row.day}, ${row.metric}, ${row.section}, ${row.item}, ${row.bucket}, ${row.value})
          ON CONFLICT(day, metric, section, item, bucket) DO UPDATE SET value = counter_values.value + excluded.value`.execute(this.storage.db);
      }
    });
  }

  async list(limit: number): Promise<CounterCorrection[]> {
    const { rows } = await sql<{ id: string; day: string; section: string; delta: number; reason: string; username: string | null; at: string }>`
      SELECT c.id, c.day, c.section, c.delta, c.reason, u.username, c.at FROM counter_corrections c LEFT JOIN users u ON u.id = c.user_id
      ORDER BY c.at DESC LIMIT ${limit}`.execute(this.storage.db);
    return rows.map((r) => ({ id: r.id, day: r.day, section: r.section || null, delta: r.delta, reason: r.reason, username: r.username ?? 'unknown', at: r.at }));
  }

  async resetDay(day: string, at: string, userId: string, reason: string): Promise<CounterRow[]> {
    // What the day was, the record of it and the zeroing are one step: a count landing in between
    // would otherwise be lost from the record and still taken off the total.
    return this.storage.transaction(async () => {
      const db = this.storage.db;
      const { rows: before } = await sql<CounterRow>`SELECT day, metric, section, item, bucket, value FROM counter_values WHERE day = ${day}`.execute(db);
      await sql`INSERT INTO day_resets (day, at, user_id, reason, before) VALUES (${day}, ${at}, ${userId}, ${reason}, ${JSON.stringify(before)})`.execute(db);
      const dayVisits = before.find((r) => r.metric === 'visits' && r.section === '')?.value ?? 0;
      await sql`
        UPDATE counter_values SET value = value - ${dayVisits} WHERE day = ${ALL_TIME} AND metric = 'visits' AND section = '' AND item = '' AND bucket = 0`.execute(db);
      await sql`DELETE FROM counter_values WHERE day = ${day}`.execute(db);
      // The badges that day counted are in no figure any more: scanned again, they count again.
      await sql`DELETE FROM badge_scans WHERE day = ${day}`.execute(db);
      return before;
    });
  }

  transaction<T>(fn: () => Promise<T>): Promise<T> {
    return this.storage.transaction(fn);
  }
}
