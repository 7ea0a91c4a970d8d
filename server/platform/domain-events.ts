import type { CounterRow } from '../counters/counters.rules';
import type { Device } from '../../shared/devices.schema';
import type { BackgroundTasks } from './background';

/**
 * What happened in the domain, by name, with what a subscriber needs to react. Services publish
 * these after their change committed; the live projection (broadcaster and snapshot caches), the
 * console's fleet view, the session store and the other services subscribe. Nobody calls across
 * domains to say "something changed", so the composition root wires no callbacks.
 */
export interface DomainEventMap {
  /** Published content changed (an item, a section, the exhibition, an import). */
  'content.changed': Record<string, never>;
  /**
   * Today's figures may have moved: `events` stored (with what the commit added), a `correction`
   * recorded, the `day` turned in TIME_ZONE, or the `rehearsal` data cleared (those three have
   * already refreshed the counters from storage when they say so).
   */
  'counters.changed': { cause: 'events'; increments: readonly CounterRow[] } | { cause: 'correction' | 'day' | 'rehearsal' };
  /** Something the console's fleet view shows changed (devices, their connections, waiting codes, groups). */
  'fleet.changed': { cause: 'device' | 'connection' | 'heartbeat' | 'pairing' | 'group' };
  /** A screen opened a /device connection. */
  'device.connected': { deviceId: string };
  /** A screen reported what it shows. */
  'device.reported': { device: Device };
  /** A device's token stopped working; its open connections must close. */
  'device.revoked': { deviceId: string };
  /** A group's members or name changed (`groupId` null: any group, or several). */
  'group.changed': { groupId: string | null };
  /** The set of announcements live now changed (created, withdrawn, started or expired). */
  'announcement.active-changed': Record<string, never>;
  /** An announcement was created or withdrawn that is not showing now (other nodes reload their list and timers). */
  'announcement.stored': Record<string, never>;
  /** A matchmaking record changed the public deal figures. */
  'deal.changed': { meetingId: string | null };
  /** The run of show changed (a slot planned, moved, removed or applied): every node's copy of the plan follows. */
  'schedule.changed': Record<string, never>;
  /** The roadshow's public state changed (phase, scores, reveal). */
  'roadshow.changed': Record<string, never>;
  /** A rehearsal server's show data (counts, matchmaking, roadshow) was deleted. */
  'rehearsal.cleared': Record<string, never>;
  /** A user's sessions must end now: disabled, role changed or password reset. */
  'user.access-changed': { userId: string; reason: 'disabled' | 'role' | 'password' };
  /** An account was created or its role or state changed (the roadshow counts active judges). */
  'users.changed': Record<string, never>;
  /** One console session signed out. */
  'session.ended': { userId: string; sessionId: string };
}

export type DomainEventName = keyof DomainEventMap;

const LOCAL: DomainEventContext = { origin: 'local' };

/**
 * Where an event happened: on this node (`local`), or on another node of a cluster (`remote`, see
 * `server/cluster/cluster-bus.ts`). A read model reacts to a remote change by reloading from storage,
 * since the data it would otherwise reuse was never in this process; single-node events are all local.
 */
export interface DomainEventContext {
  origin: 'local' | 'remote';
}

/** A handler may return a promise (a reload from storage); `publishAndSettle` waits for it, `publish` does not. */
export type DomainEventHandler<K extends DomainEventName> = (payload: DomainEventMap[K], context: DomainEventContext) => unknown;

/** What a service needs to announce what happened. */
export interface DomainEventPublisher {
  publish<K extends DomainEventName>(name: K, payload: DomainEventMap[K]): void;
  /** As publish, then waits until every handler's work (a reload from storage) has finished or failed. Never rejects. */
  publishAndSettle<K extends DomainEventName>(name: K, payload: DomainEventMap[K]): Promise<void>;
}

/** What a subscriber needs; `on` returns the unsubscribe. */
export interface DomainEventSource {
  on<K extends DomainEventName>(name: K, handler: DomainEventHandler<K>): () => void;
}

/**
 * The in-process domain-event bus. Handlers run synchronously, in the order they subscribed, as
 * part of `publish` (so a service that publishes after its commit has every cache invalidated
 * before it answers, exactly as a direct call did). A handler that throws is logged by the
 * background-task guard and neither reaches the publisher nor stops the other handlers: a change
 * that committed must not be answered with an error because a screen could not be told.
 *
 * This is the seam the multi-node work builds on: a bus that also forwards each event to Redis
 * pub/sub or PostgreSQL LISTEN/NOTIFY (and delivers the other nodes' events to local handlers)
 * implements the same two interfaces, so no service or subscriber changes. Payloads are therefore
 * plain JSON-serialisable data.
 */
export class DomainEvents implements DomainEventPublisher, DomainEventSource {
  private readonly handlers = new Map<DomainEventName, Set<(payload: never, context: DomainEventContext) => unknown>>();

  constructor(protected readonly tasks: Pick<BackgroundTasks, 'run' | 'runAsync'>) {}

  publish<K extends DomainEventName>(name: K, payload: DomainEventMap[K]): void {
    void this.deliver(name, payload, LOCAL);
  }

  async publishAndSettle<K extends DomainEventName>(name: K, payload: DomainEventMap[K]): Promise<void> {
    await Promise.all(this.deliver(name, payload, LOCAL));
  }

  /** Runs every handler now, guarded; returns the work still going on (guarded too: never rejects). */
  protected deliver<K extends DomainEventName>(name: K, payload: DomainEventMap[K], context: DomainEventContext): Promise<unknown>[] {
    const pending: Promise<unknown>[] = [];
    for (const handler of this.handlersOf(name)) {
      const result = this.tasks.run(`event ${name}`, () => handler(payload, context));
      if (result instanceof Promise) pending.push(this.tasks.runAsync(`event ${name}`, () => result));
    }
    return pending;
  }

  /**
   * Runs the handlers one after the other, each one's work finished (or failed) before the next
   * starts: a read model that reloads from storage, subscribed early, is fresh when a later
   * subscriber (the live projection) reads it. Never rejects.
   */
  protected async deliverInSequence<K extends DomainEventName>(name: K, payload: DomainEventMap[K], context: DomainEventContext): Promise<void> {
    for (const handler of this.handlersOf(name)) {
      await this.tasks.runAsync(`event ${name}`, async () => handler(payload, context));
    }
  }

  /** A copy: a handler may unsubscribe (itself or another) while the event is delivered. */
  private handlersOf<K extends DomainEventName>(name: K): DomainEventHandler<K>[] {
    return [...(this.handlers.get(name) ?? [])] as unknown as DomainEventHandler<K>[];
  }

  on<K extends DomainEventName>(name: K, handler: DomainEventHandler<K>): () => void {
    let set = this.handlers.get(name);
    if (!set) this.handlers.set(name, (set = new Set()));
    set.add(handler as (payload: never, context: DomainEventContext) => unknown);
    return () => void set.delete(handler as (payload: never, context: DomainEventContext) => unknown);
  }
}
