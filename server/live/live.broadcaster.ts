import type { Namespace } from 'socket.io';
import type { Patch, PatchBody } from '../../shared/snapshot.schema';
import type { Metrics } from '../platform/metrics';
import type { SettingsRepository } from '../settings/settings.repository';

const SEQ_KEY = 'live.seq';

export interface LiveBroadcasterDeps {
  /** Where patches go; a namespace or anything with the same `emit`. */
  live: Pick<Namespace, 'emit'>;
  settings: SettingsRepository;
  metrics: Metrics;
  /** Minimum time between two counter patches. */
  counterIntervalMs: number;
  /** Builds the counters patch body when it is due (so it carries the latest values). */
  countersPatch: () => PatchBody;
  now: () => number;
}

/**
 * Numbers and sends patches on /live. Content and announcement changes go out at once; counter
 * changes are throttled on the leading edge: the first change after a quiet period is sent
 * immediately (low latency), later ones are merged into one patch per interval (bounded rate).
 */
export class LiveBroadcaster {
  private seqValue: number;
  private lastCountersAt = -Infinity;
  private countersTimer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: LiveBroadcasterDeps) {
    // seq continues across restarts so a client never mistakes a new server for an old patch.
    this.seqValue = Number(deps.settings.get(SEQ_KEY) ?? 0);
  }

  get seq(): number {
    return this.seqValue;
  }

  /** Sends one patch with the next seq. */
  publish(body: PatchBody): Patch {
    const patch = { ...body, seq: this.seqValue + 1 } as Patch;
    this.seqValue = patch.seq;
    this.deps.live.emit('patch', patch);
    this.deps.metrics.broadcasts.inc({ type: patch.type });
    this.deps.settings.set(SEQ_KEY, String(this.seqValue));
    return patch;
  }

  /** Counters moved: send them now, or once the interval since the last counters patch has passed. */
  countersChanged(): void {
    if (this.countersTimer) return;
    const wait = this.lastCountersAt + this.deps.counterIntervalMs - this.deps.now();
    if (wait <= 0) {
      this.sendCounters();
    } else {
      this.countersTimer = setTimeout(() => {
        this.countersTimer = undefined;
        this.sendCounters();
      }, wait);
    }
  }

  /** Sends what is pending now (used at shutdown) and stops the timer. */
  close(): void {
    if (this.countersTimer) {
      clearTimeout(this.countersTimer);
      this.countersTimer = undefined;
      this.sendCounters();
    }
  }

  private sendCounters(): void {
    this.lastCountersAt = this.deps.now();
    this.publish(this.deps.countersPatch());
  }
}
