import type { Actor, AuditService } from '../audit/audit.service';
import { AppError } from '../platform/errors';
import type { Db } from '../storage/database';

/** Tables that hold what happened during a show (not content, accounts or screens). */
const SHOW_TABLES = ['events', 'badge_scans', 'counter_values', 'device_counts', 'counter_corrections', 'day_resets', 'meeting_steps', 'meetings', 'organisations', 'partners', 'roadshow_scores', 'roadshow_state', 'roadshow_projects', 'roadshow_criteria'];

/**
 * On a rehearsal server (npm run demo), one action clears everything the simulator (or people
 * rehearsing) produced; content, accounts and paired screens stay. Refused on a real server.
 */
export class RehearsalService {
  constructor(
    private readonly deps: { db: Db; audit: AuditService; rehearsal: boolean; onCleared: () => void },
  ) {}

  clear(actor: Actor): void {
    if (!this.deps.rehearsal) throw new AppError(409, 'not_rehearsal', 'Only a rehearsal server (npm run demo) can clear its show data');
    this.deps.db.transaction(() => {
      for (const table of SHOW_TABLES) this.deps.db.prepare(`DELETE FROM ${table}`).run();
      this.deps.audit.record(actor, { action: 'rehearsal.clear', targetType: 'rehearsal' });
    })();
    this.deps.onCleared();
  }
}
