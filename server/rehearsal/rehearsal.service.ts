import type { Actor, AuditService } from '../audit/audit.service';
import { AppError } from '../platform/errors';
import type { RehearsalRepository } from './rehearsal.repository';
import type { DomainEventPublisher } from '../platform/domain-events';
import type { CountersService } from '../counters/counters.service';

/**
 * On a rehearsal server (npm run demo), one action clears everything the simulator (or people
 * rehearsing) produced; content, accounts and paired screens stay. Refused on a real server.
 */
export class RehearsalService {
  constructor(
    private readonly deps: {
      repository: RehearsalRepository;
      audit: AuditService;
      rehearsal: boolean;
      bus: DomainEventPublisher;
      counters: Pick<CountersService, 'refresh'>;
    },
  ) {}

  async clear(actor: Actor): Promise<void> {
    if (!this.deps.rehearsal) throw new AppError(409, 'not_rehearsal', 'Only a rehearsal server (npm run demo) can clear its show data');
    await this.deps.repository.transaction(async () => {
      await this.deps.repository.clearShowData();
      await this.deps.audit.record(actor, { action: 'rehearsal.clear', targetType: 'rehearsal' });
    });
    await this.deps.counters.refresh();
    this.deps.bus.publish('rehearsal.cleared', {});
    this.deps.bus.publish('counters.changed', { cause: 'rehearsal' });
  }
}
