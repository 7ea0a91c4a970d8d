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

export async function saveSnapshot(db: IDBDatabase, saved: SavedSnapshot): Promise<void> {
  // $state.raw parts are plain objects, so structured cloning them works as is.
  await transact(db, SAVED_STORE, 'readwrite', (store) => store.put(saved, KEY));
}
