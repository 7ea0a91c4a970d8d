import { randomUUID } from 'node:crypto';
import type { SessionUser } from '../../shared/auth.schema';
import type { CounterCorrection, CounterCorrectionInput, DayReset } from '../../shared/corrections.schema';
import type { AuditService } from '../audit/audit.service';
import { badRequest } from '../platform/errors';
import { ALL_TIME, type CounterRow } from './counters.rules';
import type { CorrectionsRepository } from './corrections.repository';
import type { DomainEventPublisher } from '../platform/domain-events';

export interface CorrectionsServiceDeps {
  repository: CorrectionsRepository;
  audit: AuditService;
  catalog: { hasSection(sectionId: string): boolean };
  /** The calendar day in TIME_ZONE now. */
  counters: { today(): string; refresh(): Promise<void> };
  now: () => number;
  /** Told that the figures moved. */
  bus: DomainEventPublisher;
}

/**
 * Operators fix what sensors got wrong. A correction is its own record with a reason, added on
 * top of the counted events (which stay as they were); a day reset keeps what it erased.
 */
export class CorrectionsService {
  constructor(private readonly deps: CorrectionsServiceDeps) {}

  async correct(input: CounterCorrectionInput, user: SessionUser): Promise<CounterCorrection> {
    const day = input.day ?? this.deps.counters.today();
    const section = input.section ?? '';
    if (section && !this.deps.catalog.hasSection(section)) throw badRequest(`section: unknown section "${section}"`, 'validation_failed');
    if (day > this.deps.counters.today()) throw badRequest('day: cannot correct a day that has not begun', 'validation_failed');
    const row = (over: Partial<CounterRow>): CounterRow => ({ day, metric: 'visits', section: '', item: '', bucket: 0, value: input.delta, ...over });
    // A section's correction moves the hall's figures too, as a visit to that section would.
    const increments = [row({}), row({ day: ALL_TIME }), ...(section ? [row({ section })] : [])];
    const correction = { id: randomUUID(), day, section: section || null, delta: input.delta, reason: input.reason, at: new Date(this.deps.now()).toISOString() };
    await this.deps.repository.transaction(async () => {
      // Read inside the transaction, so the check and the correction it allows see the same figure.
      const current = await this.deps.repository.visits(day, section);
      if (current + input.delta < 0) throw badRequest(`delta: would make visitors negative (now ${current})`, 'validation_failed');
      await this.deps.repository.add({ ...correction, userId: user.id }, increments);
      await this.deps.audit.record(user, { action: 'counters.correct', targetType: 'counters', targetId: day, before: { visitors: current, section: section || null }, after: correction });
    });
    await this.deps.counters.refresh();
    this.deps.bus.publish('counters.changed', { cause: 'correction' });
    return { ...correction, username: user.username };
  }

  list(): Promise<CounterCorrection[]> {
    return this.deps.repository.list(200);
  }

  async resetDay(input: DayReset, user: SessionUser): Promise<void> {
    if (input.day > this.deps.counters.today()) throw badRequest('day: cannot reset a day that has not begun', 'validation_failed');
    await this.deps.repository.transaction(async () => {
      const before = await this.deps.repository.resetDay(input.day, new Date(this.deps.now()).toISOString(), user.id, input.reason);
      await this.deps.audit.record(user, { action: 'counters.reset-day', targetType: 'counters', targetId: input.day, before, after: { reason: input.reason } });
    });
    await this.deps.counters.refresh();
    this.deps.bus.publish('counters.changed', { cause: 'correction' });
  }
}
