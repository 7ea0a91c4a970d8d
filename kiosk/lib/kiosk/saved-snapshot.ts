import type { LiveData } from '../apply-patch';
import { SAVED_STORE, transact } from './idb';

/** The last public state this kiosk saw, kept so a cold start with the server down still shows it. */
export interface SavedSnapshot {
  data: LiveData;
  /** The address phones use (for the QR codes); null if the server did not say. */
  publicUrl: string | null;
  /** When this kiosk received that state (its own clock), to show the age of the figures. */
  receivedAt: number;
}

const KEY = 'last';

export async function loadSavedSnapshot(db: IDBDatabase): Promise<SavedSnapshot | null> {
  const saved = (await transact(db, SAVED_STORE, 'readonly', (store) => store.get(KEY))) as SavedSnapshot | undefined;
  // Written by an older build, or half-written: ignore rather than show something broken.
  if (!saved || typeof saved.receivedAt !== 'number' || !Number.isSafeInteger(saved.data?.seq) || !Array.isArray(saved.data?.sections) || !saved.data.counters) return null;
  return saved;
}

/** Writes the snapshot with relaxed durability: it is a cache, and a lost write only means an older one at a cold start. */
export async function saveSnapshot(db: IDBDatabase, saved: SavedSnapshot): Promise<void> {
  // $state.raw parts are plain objects, so structured cloning them works as is.
  await transact(db, SAVED_STORE, 'readwrite', (store) => store.put(saved, KEY), 'relaxed');
}

/** What the saver needs from the outside world, so a test drives its clock. */
export interface SnapshotSaverDeps {
  write: (saved: SavedSnapshot) => Promise<void>;
  /** The least time between two writes. */
  everyMs: number;
  setTimer?: (run: () => void, ms: number) => unknown;
}

/**
 * Keeps the saved snapshot in step with the live state without rewriting it for nothing.
 *
 * `changed()` is called on every change of the live state (counter patches come up to ten a
 * second): it marks the snapshot dirty and, if no write is waiting, schedules one `everyMs` later,
 * which takes the state as it is then (so a burst of patches costs one write). A write is skipped
 * when the state's `seq` and address are those of the last write. `now()` writes at once (the
 * connection dropped: the moment the figures were last known current must be kept).
 */
export class SnapshotSaver {
  #deps: Required<SnapshotSaverDeps>;
  #waiting = false;
  #lastWritten: string | null = null;

  constructor(deps: SnapshotSaverDeps) {
    this.#deps = { setTimer: (run, ms) => setTimeout(run, ms), ...deps };
  }

  /** The live state changed; `current` reads it when the write comes, or gives null when there is nothing to save. */
  changed(current: () => SavedSnapshot | null): void {
    if (this.#waiting) return;
    this.#waiting = true;
    this.#deps.setTimer(() => {
      this.#waiting = false;
      const saved = current();
      if (saved && keyOf(saved) !== this.#lastWritten) this.#write(saved);
    }, this.#deps.everyMs);
  }

  /** Writes now, even when the state is the one last written (its `receivedAt` says something new). */
  now(saved: SavedSnapshot): void {
    this.#write(saved);
  }

  #write(saved: SavedSnapshot): void {
    this.#lastWritten = keyOf(saved);
    // A failed write leaves the previous snapshot: the next change tries again.
    this.#deps.write(saved).catch(() => {
      this.#lastWritten = null;
    });
  }
}

/** Two states with the same seq are the same state (the server numbers every change it sends). */
const keyOf = (saved: SavedSnapshot): string => `${saved.data.seq} ${saved.publicUrl ?? ''}`;
