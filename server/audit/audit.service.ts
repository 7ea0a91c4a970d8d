import type { SessionUser } from '../../shared/auth.schema';
import type { AuditEntry, AuditQuery } from '../../shared/audit.schema';
import { toCsv } from '../platform/csv';
import type { AuditRepository } from './audit.repository';

/** Who did it; the system itself (imports, the rehearsal simulator) has no user id. */
export type Actor = Pick<SessionUser, 'id' | 'username'> | { id: null; username: string };

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

  record(actor: Actor, change: AuditChange): Promise<void> {
    return this.repository.append({
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

  query(query: AuditQuery): Promise<AuditEntry[]> {
    return this.repository.query(query);
  }
}

/** The audit log as CSV, for spreadsheets. */
export function auditToCsv(entries: readonly AuditEntry[]): string {
  return toCsv(
    (['id', 'at', 'username', 'action', 'targetType', 'targetId', 'before', 'after'] as const).map((key) => ({ header: key, value: (e: AuditEntry) => e[key] })),
    entries,
  );
}
