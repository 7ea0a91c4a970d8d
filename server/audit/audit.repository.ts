import type { AuditEntry, AuditQuery } from '../../shared/audit.schema';
import type { Db } from '../storage/database';

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
export class SqliteAuditRepository implements AuditRepository {
  constructor(private readonly db: Db) {}

  async append(e: NewAuditEntry): Promise<void> {
    this.db
      .prepare('INSERT INTO audit_log (at, user_id, username, action, target_type, target_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(e.at, e.userId, e.username, e.action, e.targetType, e.targetId, e.before === undefined ? null : JSON.stringify(e.before), e.after === undefined ? null : JSON.stringify(e.after));
  }

  async query(q: AuditQuery): Promise<AuditEntry[]> {
    const where: string[] = [];
    const params: (string | number)[] = [];
    const filter = (clause: string, value: string | undefined) => {
      if (value === undefined) return;
      where.push(clause);
      params.push(value);
    };
    filter('action = ?', q.action);
    filter('target_type = ?', q.targetType);
    filter('username = ?', q.username);
    if (q.screen !== undefined) {
      // The screen itself, or a group or announcement whose recorded values name it.
      const quoted = `%${JSON.stringify(q.screen).replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
      where.push("((target_type = 'device' AND target_id = ?) OR before LIKE ? ESCAPE '\\' OR after LIKE ? ESCAPE '\\')");
      params.push(q.screen, quoted, quoted);
    }
    filter('at >= ?', q.from && new Date(q.from).toISOString());
    filter('at <= ?', q.to && new Date(q.to).toISOString());
    params.push(q.limit);
    const sql = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`;
    return this.db
      .prepare<(string | number)[], Row>(sql)
      .all(...params)
      .map((r) => ({ id: r.id, at: r.at, userId: r.user_id, username: r.username, action: r.action, targetType: r.target_type, targetId: r.target_id, before: parse(r.before), after: parse(r.after) }));
  }
}
