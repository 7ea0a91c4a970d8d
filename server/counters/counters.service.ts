import type { Counters } from '../../shared/counters.schema';
import { accumulate, ALL_TIME, foldCounters, type CounterRow } from './counters.rules';
import type { DeviceCounts, EventsRepository } from './events.repository';
import { localTime } from '../../shared/time-zone';
import type { DomainEventSource } from '../platform/domain-events';

export interface CountersServiceDeps {
  events: Pick<EventsRepository, 'counterRows' | 'deviceCounts'>;
  timeZone: string;
  now: () => number;
  /** Tells it what other nodes of a cluster changed (this node's own changes are applied by their publishers). */
  bus?: DomainEventSource;
}

/**
 * Today's live figures, kept in memory so snapshots for thousands of screens cost nothing.
 * An ingest commit adds its increments here as it commits (no read back); anything else that moves
 * the figures (a correction, a day reset, the day turning, another node) reloads them with
 * `refresh()` before it says so.
 */
export class CountersService {
  private rows = new Map<string, CounterRow>();
  private day: string | undefined;
  private cached: Counters | undefined;

  constructor(private readonly deps: CountersServiceDeps) {
    // Another node's ingest commit: add what it stored, as this node does with its own (the live
    // projection adds local commits). Any other cause changed storage in ways only a read shows.
    deps.bus?.on('counters.changed', (change, { origin }) => {
      if (origin === 'local') return undefined;
      if (change.cause === 'events') return this.recordCommitted(change.increments);
      return this.refresh();
    });
  }

  today(): string {
    return localTime(this.deps.now(), this.deps.timeZone).day;
  }

  /** What each device counted today (door entries, booth visits), for the console's fleet view. */
  deviceCountsToday(): Promise<Map<string, DeviceCounts>> {
    return this.deps.events.deviceCounts(this.today());
  }

  /** Reads today's and the all-time rows from storage (at start, and after any change not made by ingest). */
  async refresh(): Promise<void> {
    const day = this.today();
    const rows = new Map<string, CounterRow>();
    accumulate(rows, await this.deps.events.counterRows(day));
    this.rows = rows;
    this.day = day;
    this.cached = undefined;
  }

  /**
   * Raises every figure that storage holds higher than memory, and lowers none. A node taking over
   * the live projection calls it: the previous owner may have died between a commit and telling the
   * other nodes (those counts are stored, so they show now). It lowers none because memory may
   * already hold a commit that this read does not see yet, and a screen's figure must never step
   * back. Refresh instead where figures may legitimately fall (a correction, the day turning).
   */
  async catchUp(): Promise<void> {
    const day = this.today();
    if (day !== this.day) return this.refresh();
    const stored = new Map<string, CounterRow>();
    accumulate(stored, await this.deps.events.counterRows(day));
    for (const [key, row] of stored) {
      const held = this.rows.get(key);
      if (held === undefined) this.rows.set(key, row);
      else if (held.value < row.value) held.value = row.value;
    }
    this.cached = undefined;
  }

  /** Adds what an ingest commit stored (called right after the commit, before its posts are answered). */
  recordCommitted(increments: readonly CounterRow[]): void {
    accumulate(
      this.rows,
      increments.filter((row) => row.day === this.day || row.day === ALL_TIME),
    );
    this.cached = undefined;
  }

  /** The figures as of the last refresh and commit. `refresh()` must have run once (the server does at start). */
  current(): Counters {
    if (this.day === undefined) throw new Error('CountersService.current() before refresh()');
    this.cached ??= foldCounters([...this.rows.values()], this.day, this.deps.timeZone);
    return this.cached;
  }

  /** True when the calendar day in TIME_ZONE is no longer the one the figures were built for. */
  dayTurned(): boolean {
    return this.day !== undefined && this.day !== this.today();
  }
}
