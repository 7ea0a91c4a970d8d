import { sql } from 'kysely';
import type { Storage } from '../storage/storage';

/** Small named values the server keeps across restarts (the last `seq`, the session secret). */
export interface SettingsRepository {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  /** Stores `value` unless the key already has one; returns the value kept (whoever wrote first wins). */
  setIfAbsent(key: string, value: string): Promise<string>;
}

export class SqlSettingsRepository implements SettingsRepository {
  constructor(private readonly storage: Storage) {}

  async get(key: string): Promise<string | undefined> {
    const { rows } = await sql<{ value: string }>`SELECT value FROM settings WHERE key = ${key}`.execute(this.storage.db);
    return rows[0]?.value;
  }

  async set(key: string, value: string): Promise<void> {
    await sql`INSERT INTO settings (key, value) VALUES (${key}, ${value}) ON CONFLICT (key) DO UPDATE SET value = excluded.value`.execute(this.storage.db);
  }

  async setIfAbsent(key: string, value: string): Promise<string> {
    await sql`INSERT INTO settings (key, value) VALUES (${key}, ${value}) ON CONFLICT (key) DO NOTHING`.execute(this.storage.db);
    return (await this.get(key)) ?? value;
  }
}
