import { z } from 'zod';
import { countersForView, LIVE_VIEWS, type LiveView } from '../../shared/live-views';
import { ContentSchema, LiveSnapshotSchema, SeqSchema, type Content, type LiveSnapshot, type Snapshot } from '../../shared/snapshot.schema';
import { AppError } from '../platform/errors';
import { SnapshotCache, type SharedSnapshot } from '../live/snapshot.cache';

/** socket.io server-side events between the nodes of the /live namespace. */
export const RELAY_EVENTS = {
  /** The owner's state at one seq (JSON of RelayedState), sent before that seq's patch. */
  state: 'cluster:live-state',
  /** A node without the owner's state (it just started, or missed a content version) asks for it. */
  wanted: 'cluster:live-state-wanted',
} as const;

/**
 * The owner's state at one seq, without its content unless the content changed (or was asked for):
 * the content is ~70 KB and changes rarely, the rest is a few KB and changes ten times a second.
 */
const RelayedStateSchema = z.object({ seq: SeqSchema, state: LiveSnapshotSchema, content: ContentSchema.optional() });
export type RelayedState = z.infer<typeof RelayedStateSchema>;

export type ReceiveOutcome = 'stored' | 'stale' | 'needs-content' | 'invalid';

/**
 * What a node that does not own the live projection serves as the snapshot: the state the owner
 * last published, per view, serialised once per seq (as SnapshotCache does for the owner). It
 * never goes back: a state older than the one held is dropped, so a client that already applied
 * a patch relayed by this node is never handed a snapshot below it. `serverTime` and `publicUrl`
 * are this node's own, as they would be if it had built the snapshot itself.
 */
export class RelayedSnapshots {
  private latest: { state: LiveSnapshot; content: Content } | undefined;
  /** The content of the newest version received, kept for the states that come without it. */
  private content: Content | undefined;
  private readonly all: SnapshotCache;
  private readonly byView: Map<LiveView, SnapshotCache>;

  constructor(private readonly deps: { now: () => number; publicUrl: () => string }) {
    const cache = (view: LiveView | null) => new SnapshotCache(() => this.build(view), () => [this.latest], deps.now);
    this.all = cache(null);
    this.byView = new Map(LIVE_VIEWS.map((view) => [view, cache(view)]));
  }

  /** The highest seq whose state this node holds (0 before any). */
  get seq(): number {
    return this.latest?.state.seq ?? 0;
  }

  get ready(): boolean {
    return this.latest !== undefined;
  }

  /** Takes a state from the owner (JSON text from another node, or this node's own as owner). */
  receive(message: unknown): ReceiveOutcome {
    let parsed: unknown;
    try {
      parsed = typeof message === 'string' ? JSON.parse(message) : message;
    } catch {
      return 'invalid';
    }
    const result = RelayedStateSchema.safeParse(parsed);
    if (!result.success || result.data.state.seq !== result.data.seq) return 'invalid';
    return this.hold(result.data);
  }

  /** As `receive`, for a state this node built itself (already valid). */
  hold(relayed: RelayedState): ReceiveOutcome {
    if (relayed.content && relayed.content.contentVersion === relayed.state.contentVersion) this.content = relayed.content;
    if (this.latest && relayed.seq <= this.latest.state.seq) return 'stale';
    if (this.content?.contentVersion !== relayed.state.contentVersion) return 'needs-content';
    this.latest = { state: relayed.state, content: this.content };
    return 'stored';
  }

  /** The snapshot for `view` (or every view); 503 while no owner's state has arrived yet. */
  current(view: LiveView | null = null): SharedSnapshot {
    if (!this.latest) throw new AppError(503, 'no_live_state', 'This node has no live state from the owner yet; try again in a few seconds');
    return (view ? this.byView.get(view)! : this.all).current();
  }

  private build(view: LiveView | null): Snapshot {
    const { state, content } = this.latest!;
    return {
      ...state,
      publicUrl: this.deps.publicUrl(),
      serverTime: new Date(this.deps.now()).toISOString(),
      exhibition: content.exhibition,
      sections: content.sections,
      counters: view ? countersForView(view, state.counters) : state.counters,
    };
  }
}
