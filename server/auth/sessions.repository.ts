import { sql } from 'kysely';
import type { Storage } from '../storage/storage';

/** One signed-in session as stored: express-session's JSON, whose user it belongs to, when it ends. */
export interface SessionRow {
  data: string;
  userId: string | null;
  expiresAt: number;
}

/** Where operators' sessions are kept; every method takes and returns plain values, whatever the engine. */
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

/** A user's sessions are found through the indexed `user_id` column, never by reading their JSON. */
export class SqlSessionsRepository implements SessionsRepository {
  constructor(private readonly storage: Storage) {}

  async find(sid: string, now: number): Promise<SessionRow | undefined> {
    const { rows } = await sql<Row>`SELECT data, user_id, expires_at FROM sessions WHERE sid = ${sid} AND expires_at > ${now}`.execute(this.storage.db);
    const row = rows[0];
    // expires_at is milliseconds: a BIGINT on PostgreSQL, so Number() whatever the driver hands back.
    return row && { data: row.data, userId: row.user_id, expiresAt: Number(row.expires_at) };
  }

  async save(sid: string, row: SessionRow): Promise<void> {
    await sql`INSERT INTO sessions (sid, data, user_id, expires_at) VALUES (${sid}, ${row.data}, ${row.userId}, ${row.expiresAt})
      ON CONFLICT (sid) DO UPDATE SET data = excluded.data, user_id = excluded.user_id, expires_at = excluded.expires_at`.execute(this.storage.db);
  }

  async touch(sid: string, expiresAt: number): Promise<void> {
    await sql`UPDATE sessions SET expires_at = ${expiresAt} WHERE sid = ${sid}`.execute(this.storage.db);
  }

  async delete(sid: string): Promise<void> {
    await sql`DELETE FROM sessions WHERE sid = ${sid}`.execute(this.storage.db);
  }

  async deleteForUser(userId: string): Promise<string[]> {
    // RETURNING names exactly the sessions this statement removed, on both engines.
    const { rows } = await sql<{ sid: string }>`DELETE FROM sessions WHERE user_id = ${userId} RETURNING sid`.execute(this.storage.db);
    return rows.map((r) => r.sid);
  }

  async deleteExpired(now: number): Promise<void> {
    await sql`DELETE FROM sessions WHERE expires_at <= ${now}`.execute(this.storage.db);
  }
}
