import { describe, expect, it } from 'vitest';
import type { LiveData } from '../../kiosk/lib/apply-patch';
import { EVENTS_STORE, SAVED_STORE } from '../../kiosk/lib/kiosk/idb';
import { IdbEventStore } from '../../kiosk/lib/kiosk/event-store';
import { saveSnapshot, SnapshotSaver, type SavedSnapshot } from '../../kiosk/lib/kiosk/saved-snapshot';

const snapshot = (seq: number, receivedAt = 1_000): SavedSnapshot => ({ data: { seq } as unknown as LiveData, publicUrl: 'https://show.example', receivedAt });

/** A saver whose timer is run by hand, and the writes it made. */
function rig() {
  const writes: SavedSnapshot[] = [];
  const timers: (() => void)[] = [];
  const saver = new SnapshotSaver({
    write: async (saved) => void writes.push(saved),
    everyMs: 2_000,
    setTimer: (run) => void timers.push(run),
  });
  const fire = () => timers.splice(0).forEach((run) => run());
  return { saver, writes, timers, fire };
}

describe('the kiosk’s saved snapshot', () => {
  it('writes a burst of changes once, with the state as it is when the write comes', () => {
    const { saver, writes, timers, fire } = rig();
    let current = snapshot(1);
    for (let seq = 1; seq <= 10; seq++) {
      current = snapshot(seq);
      saver.changed(() => current);
    }
    expect(timers).toHaveLength(1);
    fire();
    expect(writes.map((w) => w.data.seq)).toEqual([10]);
  });

  it('does not rewrite a state it already wrote', () => {
    const { saver, writes, fire } = rig();
    saver.changed(() => snapshot(5, 1_000));
    fire();
    saver.changed(() => snapshot(5, 3_000));
    fire();
    expect(writes.map((w) => w.receivedAt)).toEqual([1_000]);
    saver.changed(() => snapshot(6, 5_000));
    fire();
    expect(writes.map((w) => w.data.seq)).toEqual([5, 6]);
  });

  it('writes at once when the connection drops, even an unchanged state (its receivedAt is news)', () => {
    const { saver, writes, fire } = rig();
    saver.changed(() => snapshot(5, 1_000));
    fire();
    saver.now(snapshot(5, 9_000));
    expect(writes.map((w) => w.receivedAt)).toEqual([1_000, 9_000]);
  });

  it('writes nothing when there is no state to save', () => {
    const { saver, writes, fire } = rig();
    saver.changed(() => null);
    fire();
    expect(writes).toEqual([]);
  });

  it('tries again after a failed write', async () => {
    const writes: number[] = [];
    let fail = true;
    const timers: (() => void)[] = [];
    const saver = new SnapshotSaver({
      write: async (saved) => {
        writes.push(saved.data.seq);
        if (fail) throw new Error('quota');
      },
      everyMs: 2_000,
      setTimer: (run) => void timers.push(run),
    });
    saver.changed(() => snapshot(7));
    timers.shift()!();
    await Promise.resolve();
    fail = false;
    saver.changed(() => snapshot(7));
    timers.shift()!();
    expect(writes).toEqual([7, 7]);
  });
});

/** Just enough of IndexedDB to see which durability each write asks for. */
function recordingDb() {
  const transactions: { store: string; mode: IDBTransactionMode; durability: string | undefined }[] = [];
  const db = {
    transaction(store: string, mode: IDBTransactionMode, options?: IDBTransactionOptions) {
      transactions.push({ store, mode, durability: options?.durability });
      const tx: Partial<IDBTransaction> & { oncomplete: (() => void) | null } = {
        oncomplete: null,
        objectStore: () => ({ put: () => ({ result: undefined }), add: () => ({ result: 1 }), count: () => ({ result: 0 }) }) as unknown as IDBObjectStore,
      };
      queueMicrotask(() => tx.oncomplete?.());
      return tx as IDBTransaction;
    },
  } as unknown as IDBDatabase;
  return { db, transactions };
}

describe('IndexedDB durability', () => {
  it('writes the saved snapshot, a cache, with relaxed durability', async () => {
    const { db, transactions } = recordingDb();
    await saveSnapshot(db, snapshot(1));
    expect(transactions).toEqual([{ store: SAVED_STORE, mode: 'readwrite', durability: 'relaxed' }]);
  });

  it('keeps strict durability for the event outbox', async () => {
    const { db, transactions } = recordingDb();
    await new IdbEventStore(db).add({ id: 'e1' } as never);
    expect(transactions.filter((t) => t.mode === 'readwrite')).toEqual([{ store: EVENTS_STORE, mode: 'readwrite', durability: 'strict' }]);
  });
});
