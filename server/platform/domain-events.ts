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
  /** A matchmaking record changed the public deal figures. */
  'deal.changed': { meetingId: string | null };
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
export type DomainEventHandler<K extends DomainEventName> = (payload: DomainEventMap[K]) => void;

/** What a service needs to announce what happened. */
export interface DomainEventPublisher {
  publish<K extends DomainEventName>(name: K, payload: DomainEventMap[K]): void;
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
  private readonly handlers = new Map<DomainEventName, Set<(payload: never) => void>>();

  constructor(private readonly tasks: Pick<BackgroundTasks, 'run'>) {}

  publish<K extends DomainEventName>(name: K, payload: DomainEventMap[K]): void {
    const handlers = this.handlers.get(name);
    if (!handlers) return;
    // A copy: a handler may unsubscribe (itself or another) while the event is delivered.
    for (const handler of [...handlers]) this.tasks.run(`event ${name}`, () => (handler as DomainEventHandler<K>)(payload));
  }

  on<K extends DomainEventName>(name: K, handler: DomainEventHandler<K>): () => void {
    let set = this.handlers.get(name);
    if (!set) this.handlers.set(name, (set = new Set()));
    set.add(handler as (payload: never) => void);
    return () => void set.delete(handler as (payload: never) => void);
  }
}
