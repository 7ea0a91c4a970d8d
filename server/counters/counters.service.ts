import type { Counters } from '../../shared/counters.schema';
import { foldCounters } from './counters.rules';
import type { DeviceCounts, EventsRepository } from './events.repository';
import { localTime } from '../../shared/time-zone';

export interface CountersServiceDeps {
  events: EventsRepository;
  timeZone: string;
  now: () => number;
}

/**
 * Today's live figures. Kept folded in memory and rebuilt from the database only after a
 * commit touched today (or the day turned), so snapshots for thousands of screens cost nothing.
 */
export class CountersService {
  private cached: Counters | undefined;

  constructor(private readonly deps: CountersServiceDeps) {}

  today(): string {
    return localTime(this.deps.now(), this.deps.timeZone).day;
  }

  /** What each device counted today (door entries, booth visits), for the console's fleet view. */
  deviceCountsToday(): Map<string, DeviceCounts> {
    return this.deps.events.deviceCounts(this.today());
  }

  current(): Counters {
    const day = this.today();
    if (!this.cached || this.cached.day !== day) {
      this.cached = foldCounters(this.deps.events.counterRows(day), day, this.deps.timeZone);
    }
    return this.cached;
  }

  /** Marks the figures stale after a commit (even a late event for another day moves the all-time total). */
  invalidate(): void {
    this.cached = undefined;
  }

  /** True when the calendar day in TIME_ZONE is no longer the one the figures were built for. */
  dayTurned(): boolean {
    return this.cached !== undefined && this.cached.day !== this.today();
  }
}
