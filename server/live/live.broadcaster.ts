import type { Namespace } from 'socket.io';
import type { Patch, PatchBody } from '../../shared/snapshot.schema';
import type { BackgroundTasks } from '../platform/background';
import type { Metrics } from '../platform/metrics';
import type { SettingsRepository } from '../settings/settings.repository';

const SEQ_KEY = 'live.seq';
/** How often the current seq is written down; see the constructor for why this is safe. */
const SEQ_PERSIST_MS = 2_000;
/**
 * Added to the stored seq at start. A crash loses at most SEQ_PERSIST_MS of patches (≤ ~30 at
 * ten a second), so starting this far ahead keeps seq increasing across any restart.
 */
const SEQ_RESTART_MARGIN = 10_000;

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
  /** Runs the timers' work so that a failure (a full disk) is logged, never thrown out of a timer. */
  tasks: BackgroundTasks;
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
  private persistedSeq: number;
  private readonly persistTimer: NodeJS.Timeout;

  constructor(private readonly deps: LiveBroadcasterDeps) {
    // seq keeps increasing across restarts so a client never mistakes a new server's patch for an
    // old one. Writing it on every patch would add a durable commit to each broadcast (measured:
    // as costly as the ingest commit itself), so it is written every few seconds and restarts
    // jump ahead by a margin larger than what could have been lost.
    const stored = deps.settings.get(SEQ_KEY);
    this.seqValue = stored === undefined ? 0 : Number(stored) + SEQ_RESTART_MARGIN;
    this.persistedSeq = -1;
    // On a full disk this write fails; the server still starts (read-only) and retries every few seconds.
    deps.tasks.run('live.seq.persist', () => this.persistSeq());
    this.persistTimer = setInterval(() => deps.tasks.run('live.seq.persist', () => this.persistSeq()), SEQ_PERSIST_MS);
    this.persistTimer.unref();
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
        this.deps.tasks.run('live.counters', () => this.sendCounters());
      }, wait);
    }
  }

  /** Sends what is pending now (used at shutdown), writes down the seq and stops the timers. */
  close(): void {
    if (this.countersTimer) {
      clearTimeout(this.countersTimer);
      this.countersTimer = undefined;
      this.sendCounters();
    }
    clearInterval(this.persistTimer);
    this.deps.tasks.run('live.seq.persist', () => this.persistSeq());
  }

  private persistSeq(): void {
    if (this.seqValue === this.persistedSeq) return;
    this.deps.settings.set(SEQ_KEY, String(this.seqValue));
    this.persistedSeq = this.seqValue;
  }

  private sendCounters(): void {
    this.lastCountersAt = this.deps.now();
    this.publish(this.deps.countersPatch());
  }
}
