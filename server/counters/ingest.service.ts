import type { EventBatch, IngestResult, VisitorEvent } from '../../shared/events.schema';
import { badRequest } from '../platform/errors';
import type { Metrics } from '../platform/metrics';
import { badgeHash } from './badge-hash';
import { effectiveTime, incrementsFor, staleEventProblem, type CounterRow } from './counters.rules';
import type { EventsRepository, PreparedEvent, StoredBatch } from './events.repository';
import { localTime } from '../../shared/time-zone';
import type { DomainEventPublisher } from '../platform/domain-events';

export interface IngestDeps {
  events: EventsRepository;
  /** Which sections and items exist, to refuse events that name neither. */
  catalog: { sectionOf(itemId: string): string | undefined; hasSection(sectionId: string): boolean };
  metrics: Metrics;
  timeZone: string;
  now: () => number;
  /** Events older than this many days (at arrival) are refused. */
  maxEventAgeDays: number;
  /** The secret badge codes are hashed with (badge-hash.ts); the codes themselves are never stored. */
  badgeKey: string;
  /** `group`: concurrent posts share one transaction; `per-request`: one transaction per post, the naive server the benchmark compares against. */
  mode: 'group' | 'per-request';
  /** Told after a commit that stored new events (before the posts are answered; handlers only mark and schedule). */
  bus: DomainEventPublisher;
}

/** A batch that passed IngestService.check, ready for IngestService.store. */
export interface PreparedBatch {
  readonly events: PreparedEvent[];
}

interface Pending {
  batch: PreparedEvent[];
  resolve: (result: StoredBatch) => void;
  reject: (error: unknown) => void;
}

/**
 * Durable ingest with group commit. Posts are queued and written in one transaction, so one
 * commit (one fsync) acknowledges many of them; each post is answered only after that commit
 * returns. At most one group is in flight: posts arriving while it commits wait and form the
 * next group. On SQLite the commit blocks the event loop, so that changes nothing; on
 * PostgreSQL the commit is a round trip, and without the limit every post would start its own
 * transaction (the naive server) instead of sharing the next one. One group at a time also
 * keeps a node to one transaction waiting on the hot counter rows.
 */
export class IngestService {
  private queue: Pending[] = [];
  private flushScheduled = false;
  /** The group being committed, if any; it never rejects (its posts do). */
  private inFlight: Promise<void> | undefined;
  /** In per-request mode: every post's own transaction still running. */
  private readonly alone = new Set<Promise<unknown>>();

  constructor(private readonly deps: IngestDeps) {}

  /** Validates references, stores the batch durably, then resolves with what was new. */
  async ingest(deviceId: string, batch: EventBatch): Promise<IngestResult> {
    return this.store(this.check(deviceId, batch));
  }

  /**
   * The first half of ingest: checks the batch against the content and the clock (throws a 400
   * naming the event) and prepares it for storing. Split out so the events route can charge a
   * device's rate limit only for a batch that would be stored: a kiosk splitting a refused batch
   * to find the bad event must not spend its allowance on refusals.
   */
  check(deviceId: string, batch: EventBatch): PreparedBatch {
    return { events: this.prepareEvents(deviceId, batch.events) };
  }

  /** The second half: stores a checked batch durably, then resolves with what was new. */
  async store(batch: PreparedBatch): Promise<IngestResult> {
    const stored = this.deps.mode === 'group' ? await this.enqueue(batch.events) : await this.storeAlone(batch.events);
    // The answer integrators know stays as it was unless a badge was refused.
    return { accepted: stored.accepted.length, duplicates: stored.duplicates, ...(stored.repeatedBadges > 0 ? { repeatedBadges: stored.repeatedBadges } : {}) };
  }

  /**
   * Commits everything queued now instead of at the next turn, and resolves once nothing is
   * queued or being committed (used at shutdown).
   */
  async drain(): Promise<void> {
    while (this.inFlight || this.queue.length > 0 || this.alone.size > 0) {
      if (!this.inFlight && this.queue.length > 0) this.flush();
      await Promise.allSettled([this.inFlight, ...this.alone]);
    }
  }

  private prepareEvents(deviceId: string, events: readonly VisitorEvent[]): PreparedEvent[] {
    const { catalog, timeZone } = this.deps;
    const receivedAt = this.deps.now();
    return events.map((event, index) => {
      const stale = staleEventProblem(event, receivedAt, this.deps.maxEventAgeDays);
      if (stale) throw badRequest(`events[${index}].at: ${stale}`, 'validation_failed');
      if (event.section !== undefined && !catalog.hasSection(event.section)) {
        throw badRequest(`events[${index}].section: unknown section "${event.section}"`, 'validation_failed');
      }
      if (event.item !== undefined) {
        const owner = catalog.sectionOf(event.item);
        if (owner === undefined) throw badRequest(`events[${index}].item: unknown item "${event.item}"`, 'validation_failed');
        if (owner !== event.section) {
          throw badRequest(`events[${index}].item: item "${event.item}" belongs to section "${owner}", not "${event.section}"`, 'validation_failed');
        }
      }
      const atMs = effectiveTime(event, receivedAt);
      const day = localTime(atMs, timeZone).day;
      // The code goes no further than this: what is stored and compared is its hash with the day.
      const { badge, ...counted } = event;
      return {
        event: counted,
        deviceId,
        day,
        increments: incrementsFor(event, atMs, timeZone),
        ...(badge === undefined ? {} : { badgeHash: badgeHash(this.deps.badgeKey, day, badge) }),
      };
    });
  }

  private enqueue(batch: PreparedEvent[]): Promise<StoredBatch> {
    return new Promise((resolve, reject) => {
      this.queue.push({ batch, resolve, reject });
      this.scheduleFlush();
    });
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || this.inFlight) return;
    this.flushScheduled = true;
    // setImmediate runs after the poll phase, so every request already readable joins this group.
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.inFlight || this.queue.length === 0) return;
    const group = this.queue;
    this.queue = [];
    this.inFlight = this.commit(group).finally(() => {
      this.inFlight = undefined;
      // What arrived during this commit is the next group.
      if (this.queue.length > 0) this.scheduleFlush();
    });
  }

  /** Stores one group; a failure refuses exactly that group's posts. */
  private async commit(group: Pending[]): Promise<void> {
    let results: StoredBatch[];
    try {
      results = await this.deps.events.storeBatches(
        group.map((pending) => pending.batch),
        new Date(this.deps.now()).toISOString(),
      );
    } catch (error) {
      for (const pending of group) pending.reject(error);
      return;
    }
    try {
      this.deps.metrics.ingestGroupSize.observe(group.length);
      this.afterCommit(results);
    } finally {
      // Committed is committed: the posts are answered whatever the telling did.
      group.forEach((pending, i) => pending.resolve(results[i]!));
    }
  }

  private async storeAlone(batch: PreparedEvent[]): Promise<StoredBatch> {
    const storing = this.deps.events.storeBatches([batch], new Date(this.deps.now()).toISOString());
    this.alone.add(storing);
    try {
      const results = await storing;
      this.afterCommit(results);
      return results[0]!;
    } finally {
      this.alone.delete(storing);
    }
  }

  private afterCommit(results: readonly StoredBatch[]): void {
    const { metrics } = this.deps;
    const increments: CounterRow[] = [];
    for (const result of results) {
      metrics.eventDuplicates.inc(result.duplicates);
      for (const prepared of result.accepted) {
        metrics.eventsIngested.inc({ type: prepared.event.type });
        increments.push(...prepared.increments);
      }
    }
    if (increments.length > 0) this.deps.bus.publish('counters.changed', { cause: 'events', increments });
  }
}
