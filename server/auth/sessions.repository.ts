import type { Db } from '../storage/database';

/** One signed-in session as stored: express-session's JSON, whose user it belongs to, when it ends. */
export interface SessionRow {
  data: string;
  userId: string | null;
  expiresAt: number;
}

/**
 * Where operators' sessions are kept. Synchronous for now; every method takes and returns plain
 * values, so an async engine changes only the signatures (and the store awaits them).
 */
export interface SessionsRepository {
  /** The session `sid` unless it expired at `now`. */
  find(sid: string, now: number): Promise<SessionRow | undefined>;
  save(sid: string, row: SessionRow): Promise<void>;
  /** Moves the end of an existing session. */
  touch(sid: string, expiresAt: number): Promise<void>;
  delete(sid: string): Promise<void>;
  /** Deletes every session of a user; returns their ids. */
  deleteForUser(userId: string): Promise<string[]>;
  deleteExpired(now: number): Promise<void>;
}

interface Row {
  data: string;
  user_id: string | null;
  expires_at: number;
}

/** Statements prepared once; a user's sessions are found through the indexed `user_id` column. */
export class SqliteSessionsRepository implements SessionsRepository {
  private readonly selectOne;
  private readonly upsert;
  private readonly updateExpiry;
  private readonly deleteOne;
  private readonly selectOfUser;
  private readonly deleteOfUser;
  private readonly deleteBefore;

  constructor(db: Db) {
    this.selectOne = db.prepare<[string, number], Row>('SELECT data, user_id, expires_at FROM sessions WHERE sid = ? AND expires_at > ?');
    this.upsert = db.prepare<[string, string, string | null, number]>(
      'INSERT INTO sessions (sid, data, user_id, expires_at) VALUES (?, ?, ?, ?) ON CONFLICT(sid) DO UPDATE SET data = excluded.data, user_id = excluded.user_id, expires_at = excluded.expires_at',
    );
    this.updateExpiry = db.prepare<[number, string]>('UPDATE sessions SET expires_at = ? WHERE sid = ?');
    this.deleteOne = db.prepare<[string]>('DELETE FROM sessions WHERE sid = ?');
    this.selectOfUser = db.prepare<[string], { sid: string }>('SELECT sid FROM sessions WHERE user_id = ?');
    this.deleteOfUser = db.prepare<[string]>('DELETE FROM sessions WHERE user_id = ?');
    this.deleteBefore = db.prepare<[number]>('DELETE FROM sessions WHERE expires_at <= ?');
  }

  async find(sid: string, now: number): Promise<SessionRow | undefined> {
    const row = this.selectOne.get(sid, now);
    return row && { data: row.data, userId: row.user_id, expiresAt: row.expires_at };
  }

  async save(sid: string, row: SessionRow): Promise<void> {
    this.upsert.run(sid, row.data, row.userId, row.expiresAt);
  }

  async touch(sid: string, expiresAt: number): Promise<void> {
    this.updateExpiry.run(expiresAt, sid);
  }

  async delete(sid: string): Promise<void> {
    this.deleteOne.run(sid);
  }

  async deleteForUser(userId: string): Promise<string[]> {
    const sids = this.selectOfUser.all(userId).map((r) => r.sid);
    this.deleteOfUser.run(userId);
    return sids;
  }

  async deleteExpired(now: number): Promise<void> {
    this.deleteBefore.run(now);
  }
}
