import type { VisitorEvent } from '../../../shared/events.schema';
import { overflow, type QueuedEvent } from './event-queue';
import { EVENTS_STORE, transact } from './idb';

/** Where interaction events wait until the server has stored them. */
export interface EventStore {
  /** Adds an event at the end; resolves once it is durably written. */
  add(event: VisitorEvent): Promise<void>;
  /** Up to `limit` of the oldest events, oldest first. */
  oldest(limit: number): Promise<QueuedEvent[]>;
  remove(keys: readonly number[]): Promise<void>;
  count(): Promise<number>;
}

/** The queue in IndexedDB: it survives reloads, crashes and power cycles. */
export class IdbEventStore implements EventStore {
  constructor(private readonly db: IDBDatabase) {}

  async add(event: VisitorEvent): Promise<void> {
    const excess = overflow(await this.count());
    if (excess > 0) {
      // Weeks offline: the oldest figures matter least; the kiosk must keep working.
      console.warn(`showfloor: the interaction queue is full; dropping the ${excess} oldest event(s)`);
      await this.remove((await this.oldest(excess)).map((q) => q.key));
    }
    await transact(this.db, EVENTS_STORE, 'readwrite', (store) => store.add(event));
  }

  oldest(limit: number): Promise<QueuedEvent[]> {
    return new Promise((resolve, reject) => {
      const found: QueuedEvent[] = [];
      const tx = this.db.transaction(EVENTS_STORE, 'readonly');
      const cursor = tx.objectStore(EVENTS_STORE).openCursor();
      cursor.onsuccess = () => {
        const at = cursor.result;
        if (!at || found.length >= limit) return;
        found.push({ key: at.key as number, event: at.value as VisitorEvent });
        at.continue();
      };
      tx.oncomplete = () => resolve(found);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB read failed'));
    });
  }

  async remove(keys: readonly number[]): Promise<void> {
    if (keys.length === 0) return;
    await transact(this.db, EVENTS_STORE, 'readwrite', (store) => {
      for (const key of keys) store.delete(key);
    });
  }

  async count(): Promise<number> {
    return (await transact(this.db, EVENTS_STORE, 'readonly', (store) => store.count())) ?? 0;
  }
}

/**
 * The queue in memory: the fallback where IndexedDB cannot be opened (a locked-down browser
 * profile), so the kiosk still records and sends what it can; and the store unit tests use.
 */
export class MemoryEventStore implements EventStore {
  private readonly queue: QueuedEvent[] = [];
  private next = 1;

  async add(event: VisitorEvent): Promise<void> {
    this.queue.splice(0, overflow(this.queue.length));
    this.queue.push({ key: this.next++, event });
  }

  async oldest(limit: number): Promise<QueuedEvent[]> {
    return this.queue.slice(0, limit);
  }

  async remove(keys: readonly number[]): Promise<void> {
    const gone = new Set(keys);
    for (let i = this.queue.length - 1; i >= 0; i--) if (gone.has(this.queue[i]!.key)) this.queue.splice(i, 1);
  }

  async count(): Promise<number> {
    return this.queue.length;
  }
}

/**
 * A store that becomes available later (IndexedDB opens asynchronously, and the kiosk does not
 * wait for it to paint): operations wait for it, in the order they were made.
 */
export function deferredEventStore(ready: Promise<EventStore>): EventStore {
  return {
    add: async (event) => (await ready).add(event),
    oldest: async (limit) => (await ready).oldest(limit),
    remove: async (keys) => (await ready).remove(keys),
    count: async () => (await ready).count(),
  };
}
