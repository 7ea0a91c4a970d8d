import type { Snapshot } from '../../shared/snapshot.schema';
import { countersForView, LIVE_VIEWS, type LiveView } from '../../shared/live-views';
import type { CountersService } from '../counters/counters.service';
import type { VersionedContent } from './content-version';
import type { LiveBroadcaster } from './live.broadcaster';
import { SnapshotCache, type SharedSnapshot } from './snapshot.cache';
import { buildSnapshot, type SnapshotDeps } from './snapshot.service';

export interface SnapshotViewsDeps extends Omit<SnapshotDeps, 'content' | 'counters' | 'seq'> {
  content: { current(): VersionedContent };
  broadcaster: Pick<LiveBroadcaster, 'observeCounters' | 'seq'>;
  counters: Pick<CountersService, 'current'>;
}

/**
 * The public snapshot, one cache per view (and one for clients without a view): each is built and
 * serialised once per version. Counters are read through the broadcaster, so that the deltas a
 * view is sent start from what its snapshot holds.
 */
export class SnapshotViews {
  private readonly all: SnapshotCache;
  private readonly byView: Map<LiveView, SnapshotCache>;
  private readonly build: (view: LiveView | null) => Snapshot;

  constructor(deps: SnapshotViewsDeps) {
    this.build = (view) =>
      buildSnapshot({
        ...deps,
        content: { current: () => deps.content.current().content },
        counters: () => (view ? countersForView(view, deps.broadcaster.observeCounters()) : deps.broadcaster.observeCounters()),
        seq: () => deps.broadcaster.seq,
      });
    const cache = (view: LiveView | null) => new SnapshotCache(() => this.build(view), () => [deps.broadcaster.seq, deps.counters.current()], deps.now);
    this.all = cache(null);
    this.byView = new Map(LIVE_VIEWS.map((view) => [view, cache(view)]));
  }

  /** The snapshot for `view` (or for every view, without one). */
  current(view: LiveView | null = null): SharedSnapshot {
    return (view ? this.byView.get(view)! : this.all).current();
  }

  /**
   * The snapshot for every view now, built but not serialised (nor cached): what the owner of a
   * cluster hands the other nodes at each seq. The content objects are shared, not copied.
   */
  state(): Snapshot {
    return this.build(null);
  }
}
