import { sql, type RawBuilder } from 'kysely';
import type { AuditEntry, AuditQuery } from '../../shared/audit.schema';
import type { Storage } from '../storage/storage';

export type NewAuditEntry = Omit<AuditEntry, 'id'>;

export interface AuditRepository {
  append(entry: NewAuditEntry): Promise<void>;
  query(query: AuditQuery): Promise<AuditEntry[]>;
}

interface Row {
  id: number;
  at: string;
  user_id: string | null;
  username: string;
  action: string;
  target_type: string;
  target_id: string | null;
  before: string | null;
  after: string | null;
}

const parse = (json: string | null): unknown => (json === null ? null : JSON.parse(json));

/** Append-only: there is no update or delete. */
export class SqlAuditRepository implements AuditRepository {
  constructor(private readonly storage: Storage) {}

  async append(e: NewAuditEntry): Promise<void> {
    // No id: the engine numbers the entries (AUTOINCREMENT on SQLite, an identity on PostgreSQL).
    const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
    await sql`INSERT INTO audit_log (at, user_id, username, action, target_type, target_id, before, after)
      VALUES (${e.at}, ${e.userId}, ${e.username}, ${e.action}, ${e.targetType}, ${e.targetId}, ${json(e.before)}, ${json(e.after)})`.execute(this.storage.db);
  }

  async query(q: AuditQuery): Promise<AuditEntry[]> {
    const where: RawBuilder<unknown>[] = [];
    if (q.action !== undefined) where.push(sql`action = ${q.action}`);
    if (q.targetType !== undefined) where.push(sql`target_type = ${q.targetType}`);
    if (q.username !== undefined) where.push(sql`username = ${q.username}`);
    if (q.screen !== undefined) {
      // The screen itself, or a group or announcement whose recorded values name it.
      const quoted = `%${JSON.stringify(q.screen).replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
      where.push(sql`((target_type = 'device' AND target_id = ${q.screen}) OR before LIKE ${quoted} ESCAPE '\\' OR after LIKE ${quoted} ESCAPE '\\')`);
    }
    if (q.from !== undefined) where.push(sql`at >= ${new Date(q.from).toISOString()}`);
    if (q.to !== undefined) where.push(sql`at <= ${new Date(q.to).toISOString()}`);
    const filters = where.length ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``;
    const { rows } = await sql<Row>`SELECT * FROM audit_log ${filters} ORDER BY id DESC LIMIT ${q.limit}`.execute(this.storage.db);
    return rows.map((r) => ({
      // A BIGINT identity on PostgreSQL: Number() whatever the driver hands back.
      id: Number(r.id),
      at: r.at,
      userId: r.user_id,
      username: r.username,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      before: parse(r.before),
      after: parse(r.after),
    }));
  }
}
