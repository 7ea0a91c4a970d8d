/**
 * The kiosk's IndexedDB database: the interaction events waiting to be sent, and the last public
 * snapshot (so a cold start with the server down still shows the exhibition). A tiny promise
 * wrapper instead of a library: two stores and four operations do not need one.
 */

const NAME = 'showfloor-kiosk';
const VERSION = 1;
export const EVENTS_STORE = 'events';
export const SAVED_STORE = 'saved';

/** The door counter's own database (same stores): a door and a kiosk on one browser keep apart queues. */
export const DOOR_DB_NAME = 'showfloor-door';

/** Opens (and on first use creates) the database; rejects where IndexedDB is unavailable. */
export function openKioskDb(indexedDb: IDBFactory | undefined = globalThis.indexedDB, name: string = NAME): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (!indexedDb) return reject(new Error('IndexedDB is not available'));
    const request = indexedDb.open(name, VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      // Out-of-line, auto-incremented keys keep the queue in the order events happened.
      if (!db.objectStoreNames.contains(EVENTS_STORE)) db.createObjectStore(EVENTS_STORE, { autoIncrement: true });
      if (!db.objectStoreNames.contains(SAVED_STORE)) db.createObjectStore(SAVED_STORE);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB open failed'));
    // Another tab holds an older version open: fail rather than wait forever.
    request.onblocked = () => reject(new Error('IndexedDB open blocked'));
  });
}

/**
 * How much a committed write must survive. The event outbox is the only record of taps not yet sent:
 * `strict` (flushed to disk before the commit is reported, where the browser supports it). The saved
 * snapshot is a cache the server can always refill: `relaxed`, so rewriting it costs no disk flush.
 */
export type WriteDurability = 'strict' | 'relaxed';

/** Runs `work` in one transaction and resolves once it is committed, with work's result. */
export function transact<T>(
  db: IDBDatabase,
  store: string,
  mode: IDBTransactionMode,
  work: (store: IDBObjectStore) => IDBRequest<T> | void,
  durability: WriteDurability = 'strict',
): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(store, mode, { durability: mode === 'readwrite' ? durability : 'default' });
    const request = work(tx.objectStore(store));
    tx.oncomplete = () => resolve(request ? request.result : undefined);
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}
