import session from 'express-session';
import type { BackgroundTasks } from '../platform/background';
import type { Db } from '../storage/database';

/**
 * express-session's Store over our SQLite file, so operators stay signed in across restarts.
 * Expired rows are removed lazily on read and in a periodic sweep.
 */
export class SqliteSessionStore extends session.Store {
  private readonly sweepTimer: NodeJS.Timeout;

  constructor(
    private readonly db: Db,
    private readonly now: () => number,
    private readonly defaultTtlMs: number,
    tasks: BackgroundTasks,
  ) {
    super();
    this.sweepTimer = setInterval(() => tasks.run('sessions.sweep', () => this.sweep()), 10 * 60_000);
    this.sweepTimer.unref();
  }

  override get(sid: string, callback: (err: unknown, session?: session.SessionData | null) => void): void {
    try {
      const row = this.db.prepare<[string], { data: string; expires_at: number }>('SELECT data, expires_at FROM sessions WHERE sid = ?').get(sid);
      if (!row || row.expires_at <= this.now()) return callback(null, null);
      callback(null, JSON.parse(row.data) as session.SessionData);
    } catch (error) {
      callback(error);
    }
  }

  override set(sid: string, data: session.SessionData, callback?: (err?: unknown) => void): void {
    try {
      this.db
        .prepare('INSERT INTO sessions (sid, data, expires_at) VALUES (?, ?, ?) ON CONFLICT(sid) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at')
        .run(sid, JSON.stringify(data), this.expiry(data));
      callback?.();
    } catch (error) {
      callback?.(error);
    }
  }

  override touch(sid: string, data: session.SessionData, callback?: (err?: unknown) => void): void {
    try {
      this.db.prepare('UPDATE sessions SET expires_at = ? WHERE sid = ?').run(this.expiry(data), sid);
      callback?.();
    } catch (error) {
      callback?.(error);
    }
  }

  override destroy(sid: string, callback?: (err?: unknown) => void): void {
    try {
      this.db.prepare('DELETE FROM sessions WHERE sid = ?').run(sid);
      callback?.();
    } catch (error) {
      callback?.(error);
    }
  }

  /** The user signed in with session `sid`, if the session exists and has not expired. */
  userIdOf(sid: string): string | undefined {
    const row = this.db
      .prepare<[string, number], { userId: string | null }>("SELECT json_extract(data, '$.user.id') AS userId FROM sessions WHERE sid = ? AND expires_at > ?")
      .get(sid, this.now());
    return row?.userId ?? undefined;
  }

  /** Ends every session of a user (disabled, or password reset). Returns their ids. */
  destroyForUser(userId: string): string[] {
    const rows = this.db.prepare<[string], { sid: string }>("SELECT sid FROM sessions WHERE json_extract(data, '$.user.id') = ?").all(userId);
    this.db.prepare("DELETE FROM sessions WHERE json_extract(data, '$.user.id') = ?").run(userId);
    return rows.map((r) => r.sid);
  }

  close(): void {
    clearInterval(this.sweepTimer);
  }

  private expiry(data: session.SessionData): number {
    const expires = data.cookie?.expires;
    return expires ? new Date(expires).getTime() : this.now() + this.defaultTtlMs;
  }

  private sweep(): void {
    this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(this.now());
  }
}
