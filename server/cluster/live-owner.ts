import type { LiveView } from '../../shared/live-views';
import type { AnnouncementsService } from '../announcements/announcements.service';
import type { CountersService } from '../counters/counters.service';
import type { LiveBroadcaster } from '../live/live.broadcaster';
import type { SharedSnapshot } from '../live/snapshot.cache';
import type { SnapshotViews } from '../live/snapshot.views';
import type { BackgroundTasks } from '../platform/background';
import type { OwnerLease } from './owner-lease';
import { RELAY_EVENTS, RelayedSnapshots, type RelayedState } from './snapshot-relay';

/** The part of the /live namespace the nodes talk through (socket.io's server-side emits, carried by the cluster adapter). */
export interface NodeChannel {
  serverSideEmit(event: string, text: string): unknown;
  on(event: string, listener: (text: unknown) => void): unknown;
}

export interface SharedLiveProjectionDeps {
  channel: NodeChannel;
  lease: OwnerLease;
  broadcaster: LiveBroadcaster;
  /** This node's own snapshots: served while it owns the projection. */
  snapshots: SnapshotViews;
  counters: Pick<CountersService, 'catchUp'>;
  announcements: Pick<AnnouncementsService, 'active'>;
  tasks: BackgroundTasks;
  logger: { warn(obj: object, msg: string): void };
  now: () => number;
  publicUrl: () => string;
  /** How often a node without the owner's state asks for it (the lease interval). */
  intervalMs: number;
}

export interface SharedLiveProjection {
  /** The snapshots this node serves: its own while it owns the projection, else the owner's. */
  snapshots: { current(view?: LiveView | null): SharedSnapshot };
  /**
   * Resolves once this node can serve a snapshot (it owns the projection, or holds the owner's
   * state), or after `timeoutMs` (no owner yet: the node serves 503 until one appears). The server
   * waits for it before it listens, so a load balancer never sends a screen to a node with nothing.
   */
  ready(timeoutMs: number): Promise<void>;
  close(): void;
}

/**
 * Runs the live projection on the node that holds the owner lease, and only there: it numbers and
 * sends the patches (through the cluster adapter, to every node's clients) and hands every other
 * node its state at each seq, which they serve as the snapshot. See the README, "Owner and failover".
 */
export function shareLiveProjection(deps: SharedLiveProjectionDeps): SharedLiveProjection {
  const { channel, lease, broadcaster, tasks } = deps;
  const relayed = new RelayedSnapshots({ now: deps.now, publicUrl: deps.publicUrl });
  let sentContentVersion: string | undefined;

  /** The state at the current seq, kept here too (a node that steps down serves from it) and sent to the others. */
  const sendState = (withContent: boolean) => {
    const { exhibition, sections, ...state } = deps.snapshots.state();
    const content = { contentVersion: state.contentVersion, exhibition, sections };
    relayed.hold({ seq: state.seq, state, content });
    const message: RelayedState = { seq: state.seq, state };
    if (withContent || state.contentVersion !== sentContentVersion) message.content = content;
    sentContentVersion = state.contentVersion;
    channel.serverSideEmit(RELAY_EVENTS.state, JSON.stringify(message));
  };
  // Sent before the patch of the same seq, on the same Redis connection: every node holds the
  // state of a seq before any of its clients can hold that seq's patch.
  broadcaster.beforeEmit(() => tasks.run('live.relay', () => sendState(false)));

  channel.on(RELAY_EVENTS.state, (text) => {
    if (broadcaster.isActive) return void deps.logger.warn({}, 'live state from another node while this node owns the projection; ignored');
    if (tasks.run('live.relay', () => relayed.receive(text)) === 'needs-content') channel.serverSideEmit(RELAY_EVENTS.wanted, '');
  });
  channel.on(RELAY_EVENTS.wanted, () => {
    if (broadcaster.isActive) tasks.run('live.relay', () => sendState(true));
  });
  // A node that starts (or missed a content version) has nothing to serve until the owner answers.
  const ask = () => {
    if (!broadcaster.isActive && !relayed.ready) channel.serverSideEmit(RELAY_EVENTS.wanted, '');
  };
  const asking = setInterval(ask, deps.intervalMs);
  asking.unref();
  ask();

  // Ownership changes are applied one after another, each checking the lease again when it runs.
  let applying: Promise<unknown> = Promise.resolve();
  const follow = () => {
    applying = applying.then(() => tasks.runAsync('live.owner', () => (lease.isOwner() ? takeOver() : Promise.resolve(broadcaster.standBy()))));
  };
  const takeOver = async () => {
    if (broadcaster.isActive) return;
    // The previous owner may have died between a commit and telling this node: storage has it.
    await deps.counters.catchUp();
    if (!lease.isOwner()) return;
    await broadcaster.takeOver(relayed.seq);
    // Every client now holds a seq below the next one: this first patch shows it a gap (to every
    // view: announcements go to all), and the snapshot it asks for is this owner's.
    sendState(true);
    broadcaster.publish({ type: 'announcements', announcements: deps.announcements.active() });
    broadcaster.countersChanged();
  };
  const stopFollowing = lease.onChange(follow);
  if (lease.isOwner()) follow();

  return {
    async ready(timeoutMs) {
      // Asked again every half second: the owner may not have been subscribed yet at the first question.
      for (let waited = 0; !broadcaster.isActive && !relayed.ready && waited < timeoutMs; waited += 50) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        if (waited % 500 === 450) ask();
      }
    },
    snapshots: { current: (view = null) => (broadcaster.isActive ? deps.snapshots.current(view) : relayed.current(view)) },
    close() {
      stopFollowing();
      clearInterval(asking);
    },
  };
}
