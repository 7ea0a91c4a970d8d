import type { Db } from '../storage/database';

/** Small named values the server keeps across restarts (the last `seq`, the session secret). */
export interface SettingsRepository {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
}

export class SqliteSettingsRepository implements SettingsRepository {
  private readonly select;
  private readonly upsert;

  constructor(db: Db) {
    this.select = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
    this.upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  }

  async get(key: string): Promise<string | undefined> {
    return this.select.get(key)?.value;
  }

  async set(key: string, value: string): Promise<void> {
    this.upsert.run(key, value);
  }
}
