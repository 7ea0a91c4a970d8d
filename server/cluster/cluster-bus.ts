import { randomUUID } from 'node:crypto';
import type { BackgroundTasks } from '../platform/background';
import { DomainEvents, type DomainEventMap, type DomainEventName } from '../platform/domain-events';

/**
 * The two calls the cluster bus needs from a pub/sub system. `server/cluster/redis-messaging.ts`
 * implements them with Redis; the composition root may hand in any other client (the cluster's
 * shared Redis connection) that does the same.
 */
export interface ClusterMessaging {
  /** Sends `message` to every subscriber of `channel` (this node's own included). */
  publish(channel: string, message: string): Promise<unknown>;
  /** Calls `listener` with every message published on `channel` from now on. */
  subscribe(channel: string, listener: (message: string) => void): Promise<unknown>;
}

/** The channel every node of one show publishes its domain events on. */
export const CLUSTER_EVENTS_CHANNEL = 'showfloor:domain-events';

/**
 * Whether an event is sent to the other nodes. Written out for every event, so that a new event is
 * a compile error here until someone decides. Today every event is: even `device.connected` (a
 * screen connected to this node) matters elsewhere, since the run of show that tells the screen its
 * pinned scene may run on another node (the owner) and reaches the screen through the adapter.
 * An event that only means something where it happened would say `false`.
 */
const FORWARDED: Record<DomainEventName, boolean> = {
  'content.changed': true,
  'counters.changed': true,
  'fleet.changed': true,
  'device.connected': true,
  'device.reported': true,
  'device.revoked': true,
  'group.changed': true,
  'announcement.active-changed': true,
  'announcement.stored': true,
  'deal.changed': true,
  'roadshow.changed': true,
  'schedule.changed': true,
  'rehearsal.cleared': true,
  'user.access-changed': true,
  'users.changed': true,
  'session.ended': true,
};

/** What travels between nodes: who sent it (a bus ignores its own), the event and its JSON payload. */
export interface ClusterEnvelope {
  /** NODE_ID and a random id of the sending bus: two servers started with one NODE_ID still hear each other. */
  node: string;
  name: DomainEventName;
  payload: unknown;
}

export interface ClusterBusDeps {
  messaging: ClusterMessaging;
  /** This node's id (NODE_ID), shown in what it sends. */
  node: string;
  tasks: Pick<BackgroundTasks, 'run' | 'runAsync' | 'failed'>;
  channel?: string;
}

/**
 * The domain-event bus of a node in a cluster. `publish` runs the local handlers at once, exactly as
 * the single-node bus does, and sends `{ node, name, payload }` to the other nodes; the events the
 * other nodes send run the same handlers here with `{ origin: 'remote' }`, so a read model reloads
 * what another node changed and a namespace closes the sockets it holds.
 *
 * Remote events run one at a time, in the order they arrived, and each handler's work (a reload from
 * storage) finishes before the next handler starts: the read models subscribe before the live
 * projection does, so what the projection reads is already the other node's change.
 *
 * Redis down: local handlers still run and the publisher never sees an error (the change committed;
 * only the other nodes learn it late — at their next reload); the failure is logged at most once a
 * minute by the background-task guard.
 */
export class ClusterBus extends DomainEvents {
  private readonly channel: string;
  /** Who this bus is in the envelopes: it skips its own messages, its handlers already ran. */
  private readonly sender: string;
  /** The remote events still to run, in arrival order. */
  private remoteQueue: Promise<void> = Promise.resolve();

  constructor(private readonly deps: ClusterBusDeps) {
    super(deps.tasks);
    this.channel = deps.channel ?? CLUSTER_EVENTS_CHANNEL;
    this.sender = `${deps.node}/${randomUUID()}`;
  }

  /** Starts receiving the other nodes' events (rejects when the subscription cannot be made). */
  async start(): Promise<void> {
    await this.deps.messaging.subscribe(this.channel, (message) => this.receive(message));
  }

  override publish<K extends DomainEventName>(name: K, payload: DomainEventMap[K]): void {
    super.publish(name, payload);
    this.forward(name, payload);
  }

  override async publishAndSettle<K extends DomainEventName>(name: K, payload: DomainEventMap[K]): Promise<void> {
    this.forward(name, payload);
    await super.publishAndSettle(name, payload);
  }

  /** Resolves once every remote event received so far has been handled (tests, shutdown). */
  settled(): Promise<void> {
    return this.remoteQueue;
  }

  private forward<K extends DomainEventName>(name: K, payload: DomainEventMap[K]): void {
    if (!FORWARDED[name]) return;
    const envelope: ClusterEnvelope = { node: this.sender, name, payload };
    let message: string;
    try {
      message = JSON.stringify(envelope);
      // Never rejects into the publisher: a commit is not undone because Redis is away.
      this.deps.messaging.publish(this.channel, message).catch((error: unknown) => this.deps.tasks.failed('cluster-bus.publish', error));
    } catch (error) {
      this.deps.tasks.failed('cluster-bus.publish', error);
    }
  }

  private receive(message: string): void {
    const envelope = parseEnvelope(message);
    if (!envelope) {
      this.deps.tasks.failed('cluster-bus.receive', new Error(`ignored a message that is not a domain event: ${message.slice(0, 200)}`));
      return;
    }
    if (envelope.node === this.sender) return;
    const { name, payload } = envelope;
    this.remoteQueue = this.remoteQueue.then(() => this.deliverInSequence(name, payload as DomainEventMap[typeof name], { origin: 'remote' }));
  }
}

/**
 * The envelope of a message, or undefined when it is not one. Only the nodes of this show publish on
 * the channel (a private Redis), so the payload is trusted as the sending node's typed payload once
 * the envelope's shape and the event name check out.
 */
export function parseEnvelope(message: string): ClusterEnvelope | undefined {
  let value: unknown;
  try {
    value = JSON.parse(message);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { node, name, payload } = value as Record<string, unknown>;
  if (typeof node !== 'string' || typeof name !== 'string' || !Object.hasOwn(FORWARDED, name) || !FORWARDED[name as DomainEventName]) return undefined;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return undefined;
  return { node, name: name as DomainEventName, payload };
}
