import type { Counters } from '../../shared/counters.schema';
import { collectChangedPaths, deltaFor, type PathSet } from '../../shared/json-delta.rules';
import { LIVE_VIEWS, viewIncludes, type LiveView } from '../../shared/live-views';
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

/** The room of /live clients that declared no view: every patch, counters in full. */
export const DEFAULT_ROOM = 'view:default';
export function viewRoom(view: LiveView): string {
  return `view:${view}`;
}

/**
 * The least time between two counters patches to a view. Phones are many, on venue Wi-Fi, and show
 * a few headline figures: once a second is live enough. Screens keep the server's own rate.
 */
export const VIEW_COUNTER_INTERVAL_MS: Readonly<Record<LiveView, number>> = { phone: 1_000, kiosk: 0, stage: 0, console: 0 };

export interface LiveBroadcasterDeps {
  /** Where patches go: a namespace's rooms (DEFAULT_ROOM, viewRoom(view)). */
  live: { to(room: string): { emit(event: 'patch', patch: Patch): unknown } };
  settings: Pick<SettingsRepository, 'get' | 'set'>;
  metrics: Metrics;
  /** Minimum time between two counter patches. */
  counterIntervalMs: number;
  /** How many clients are in a room: a view nobody watches is not sent deltas nor kept waiting for one. */
  audience: (room: string) => number;
  /** The current counters, read when a patch is due (so it carries the latest values). */
  counters: { current(): Counters };
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
  private persistTimer: NodeJS.Timeout | undefined;
  /** False on a node of a cluster that does not own the live projection: it numbers and sends nothing. */
  private active = false;
  private seqListener: ((seq: number) => void) | undefined;
  /** The counters as last observed: every state a client can hold (snapshot or patch) was observed. */
  private observed: Counters | undefined;
  private readonly views: Record<LiveView, ViewStream>;

  /** Reads the last written seq from storage, then starts. */
  static async start(deps: LiveBroadcasterDeps, options: { standby?: boolean } = {}): Promise<LiveBroadcaster> {
    return new LiveBroadcaster(deps, await deps.settings.get(SEQ_KEY), options);
  }

  /** `stored`: the seq last written down (see `start`). */
  /** `stored`: the seq last written down (see `start`); `standby`: a cluster node that does not own the projection (yet). */
  constructor(
    private readonly deps: LiveBroadcasterDeps,
    stored: string | undefined,
    options: { standby?: boolean } = {},
  ) {
    this.seqValue = 0;
    this.persistedSeq = -1;
    this.views = Object.fromEntries(
      LIVE_VIEWS.map((view) => [view, { lastSentSeq: this.seqValue, pending: new Map(), lastCountersAt: -Infinity, timer: undefined }]),
    ) as Record<LiveView, ViewStream>;
    if (!options.standby) this.activate(stored, 0);
  }

  /**
   * Starts numbering: from the stored seq plus the margin, and above `seen` (the highest seq this
   * node knows was sent, by a previous owner of a cluster). Idempotent while active.
   */
  private activate(stored: string | undefined, seen: number): void {
    if (this.active) return;
    // seq keeps increasing across restarts so a client never mistakes a new server's patch for an
    // old one. Writing it on every patch would add a durable commit to each broadcast (measured:
    // as costly as the ingest commit itself), so it is written every few seconds and restarts
    // jump ahead by a margin larger than what could have been lost.
    this.seqValue = Math.max(this.seqValue, seen, stored === undefined ? 0 : Number(stored) + SEQ_RESTART_MARGIN);
    for (const view of LIVE_VIEWS) Object.assign(this.views[view], { lastSentSeq: this.seqValue, lastCountersAt: -Infinity });
    this.lastCountersAt = -Infinity;
    this.active = true;
    // On a full disk this write fails; the server still starts (read-only) and retries every few seconds.
    void this.deps.tasks.runAsync('live.seq.persist', () => this.persistSeq());
    this.persistTimer = setInterval(() => void this.deps.tasks.runAsync('live.seq.persist', () => this.persistSeq()), SEQ_PERSIST_MS);
    this.persistTimer.unref();
  }

  /**
   * This node now owns the live projection of a cluster: it numbers above anything the previous
   * owner may have sent (the stored seq plus the margin, which covers what the previous owner had
   * not written down, and `seen`, which covers a previous owner that jumped ahead itself).
   */
  async takeOver(seen: number): Promise<void> {
    if (this.active) return;
    this.activate(await this.deps.settings.get(SEQ_KEY), seen);
  }

  /**
   * This node no longer owns the projection: it sends nothing and writes no seq (the new owner
   * writes it; a late write from here could only lower it). What was pending is the new owner's.
   */
  standBy(): void {
    if (!this.active) return;
    this.active = false;
    this.stopTimers();
  }

  /**
   * Several nodes: `listener` runs with each new seq before its patch is emitted, so that the
   * snapshot of that seq leaves for the other nodes ahead of the patch (server/cluster/snapshot-relay.ts).
   */
  beforeEmit(listener: (seq: number) => void): void {
    this.seqListener = listener;
  }

  get isActive(): boolean {
    return this.active;
  }

  get seq(): number {
    return this.seqValue;
  }

  /**
   * The current counters, after noting which paths moved since they were last observed, for
   * every view. Snapshots read the counters through this, so that the next delta to a view carries
   * every path that moved after any state a client of that view holds (see ViewStream).
   */
  observeCounters(): Counters {
    const current = this.deps.counters.current();
    const observed = this.observed;
    this.observed = current;
    if (observed === undefined || observed === current) return current;
    const moved: PathSet = new Map();
    collectChangedPaths(observed, current, moved);
    for (const view of LIVE_VIEWS) {
      const pending = this.views[view].pending;
      for (const [key, path] of moved) if (viewIncludes(view, path)) pending.set(key, path);
    }
    return current;
  }

  /** Sends one patch with the next seq: to clients without a view as it is, to each view with its `prev`. Nothing on standby. */
  publish(body: PatchBody): Patch | undefined {
    if (!this.active) return undefined;
    const patch = { ...body, seq: this.seqValue + 1 } as Patch;
    this.seqValue = patch.seq;
    this.seqListener?.(patch.seq);
    this.deps.live.to(DEFAULT_ROOM).emit('patch', patch);
    for (const view of LIVE_VIEWS) {
      const stream = this.views[view];
      this.deps.live.to(viewRoom(view)).emit('patch', { ...patch, prev: stream.lastSentSeq } as Patch);
      stream.lastSentSeq = patch.seq;
    }
    this.deps.metrics.broadcasts.inc({ type: patch.type });
    return patch;
  }

  /** Counters moved: send them once the acknowledgements are out, or once the interval since the last counters patch has passed. */
  countersChanged(): void {
    if (this.countersTimer || !this.active) return;
    // Never sent from here, even when due at once: this is called right after an ingest commit,
    // and the posts of that commit are answered only when the caller returns. A timer of 0 runs
    // after those answers are written, so the fan-out (which grows with the clients) never delays them.
    const wait = Math.max(0, this.lastCountersAt + this.deps.counterIntervalMs - this.deps.now());
    this.countersTimer = setTimeout(() => {
      this.countersTimer = undefined;
      this.deps.tasks.run('live.counters', () => this.sendCounters());
    }, wait);
  }

  /** Sends what is pending now (used at shutdown), writes down the seq and stops the timers. */
  async close(): Promise<void> {
    if (!this.active) return;
    if (this.countersTimer) {
      clearTimeout(this.countersTimer);
      this.countersTimer = undefined;
      this.sendCounters();
    }
    this.active = false;
    this.stopTimers();
    await this.deps.tasks.runAsync('live.seq.persist', () => this.persistSeq());
  }

  private stopTimers(): void {
    clearTimeout(this.countersTimer);
    this.countersTimer = undefined;
    for (const view of LIVE_VIEWS) {
      clearTimeout(this.views[view].timer);
      this.views[view].timer = undefined;
    }
    clearInterval(this.persistTimer);
    this.persistTimer = undefined;
  }

  private async persistSeq(): Promise<void> {
    const seq = this.seqValue;
    if (seq === this.persistedSeq) return;
    await this.deps.settings.set(SEQ_KEY, String(seq));
    this.persistedSeq = seq;
  }

  private sendCounters(): void {
    const now = this.deps.now();
    this.lastCountersAt = now;
    const counters = this.observeCounters();
    const seq = this.seqValue + 1;
    this.seqValue = seq;
    this.seqListener?.(seq);
    this.deps.live.to(DEFAULT_ROOM).emit('patch', { seq, type: 'counters', counters });
    this.deps.metrics.broadcasts.inc({ type: 'counters' });
    for (const view of LIVE_VIEWS) this.sendDelta(view, seq, counters, now);
  }

  /** Sends a view what moved since its last counters patch, if anything did and its interval allows. */
  private sendDelta(view: LiveView, seq: number, counters: Counters, now: number): void {
    const stream = this.views[view];
    if (stream.pending.size === 0) return;
    // Nobody watches this view: what moved is dropped. A client that joins later starts from a
    // snapshot observed after now, so nothing before it can be missing from its next delta; and no
    // timer forces a counters patch (to every client) for a view without clients.
    if (this.deps.audience(viewRoom(view)) === 0) return void stream.pending.clear();
    const due = stream.lastCountersAt + VIEW_COUNTER_INTERVAL_MS[view];
    if (now < due) {
      // Not yet: what moved waits in `pending`, and a counters patch is due when the view may have one.
      stream.timer ??= setTimeout(() => {
        stream.timer = undefined;
        this.deps.tasks.run('live.counters', () => this.countersChanged());
      }, due - now);
      return;
    }
    const changes = deltaFor(counters, stream.pending.values());
    this.deps.live.to(viewRoom(view)).emit('patch', { seq, prev: stream.lastSentSeq, type: 'counters:delta', changes });
    stream.lastSentSeq = seq;
    stream.lastCountersAt = now;
    stream.pending.clear();
  }
}

/**
 * What one view has been sent. Its patches name `prev` (lastSentSeq), and a counters delta carries
 * every path that moved since the view's previous delta: every client of the view holds a state
 * observed at or after that delta, so the delta brings any of them to the new state exactly.
 */
interface ViewStream {
  lastSentSeq: number;
  pending: PathSet;
  lastCountersAt: number;
  timer: NodeJS.Timeout | undefined;
}
