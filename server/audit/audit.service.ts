import type { SessionUser } from '../../shared/auth.schema';
import type { AuditEntry, AuditQuery } from '../../shared/audit.schema';
import type { AuditRepository } from './audit.repository';

/** Who did it; the system itself (timers, imports) has no user. */
export type Actor = Pick<SessionUser, 'id' | 'username'> | { id: null; username: 'system' };

export interface AuditChange {
  action: string;
  targetType: string;
  targetId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Records who changed what, with the value before and after. Call it inside the change's transaction. */
export class AuditService {
  constructor(
    private readonly repository: AuditRepository,
    private readonly now: () => number,
  ) {}

  record(actor: Actor, change: AuditChange): void {
    this.repository.append({
      at: new Date(this.now()).toISOString(),
      userId: actor.id,
      username: actor.username,
      action: change.action,
      targetType: change.targetType,
      targetId: change.targetId ?? null,
      before: change.before ?? null,
      after: change.after ?? null,
    });
  }

  query(query: AuditQuery): AuditEntry[] {
    return this.repository.query(query);
  }
}

const CSV_COLUMNS = ['id', 'at', 'username', 'action', 'targetType', 'targetId', 'before', 'after'] as const;

/**
 * RFC 4180 CSV. Cells that a spreadsheet would run as a formula (=, +, -, @ first) get a leading
 * apostrophe, so an exported log cannot attack whoever opens it.
 */
export function auditToCsv(entries: readonly AuditEntry[]): string {
  const cell = (value: unknown) => {
    let text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = [CSV_COLUMNS.join(','), ...entries.map((e) => CSV_COLUMNS.map((c) => cell(e[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
