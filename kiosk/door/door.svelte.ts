import { mount } from 'svelte';
import { DOOR_CREDENTIALS_KEY } from '../lib/device/device-credentials';
import { startDevice, type DeviceClient } from '../lib/device/device-client';
import { DeviceState } from '../lib/device/device.svelte';
import { localDay, TapHold, tallyFor } from '../lib/door/tap-hold';
import { startEventSender } from '../lib/kiosk/event-sender';
import { deferredEventStore, IdbEventStore, MemoryEventStore } from '../lib/kiosk/event-store';
import { DOOR_DB_NAME, openKioskDb } from '../lib/kiosk/idb';
import { uuidV4 } from '../lib/kiosk/uuid';
import { connectLive } from '../lib/live-socket';
import { LiveState } from '../lib/live.svelte';
import App from './App.svelte';

const TALLY_KEY = 'showfloor.door.tally.v1';
/** How often held taps are checked for the end of their undo window, and the outbox counted. */
const TICK_MS = 500;

/**
 * What the door screen shows and can do. Only this module writes it; App.svelte reads it and
 * calls `tap` and `undo`.
 */
export class DoorModel {
  /** This door's count today (its own taps, undone ones taken back), kept across reloads. */
  tally = $state(0);
  /** Taps that can still be undone. */
  held = $state(0);
  /** When the newest held tap stops being undoable (ms since the epoch), or null. */
  undoUntil = $state<number | null>(null);
  /** Taps committed to the outbox that the server has not confirmed yet. */
  waiting = $state(0);
  now = $state(Date.now());

  constructor(
    readonly live: LiveState,
    readonly device: DeviceState,
    private readonly actions: { tap(): void; undo(): void },
  ) {}

  tap(): void {
    this.actions.tap();
  }

  undo(): void {
    this.actions.undo();
  }
}

/**
 * The door counter's composition root: paired like a kiosk (its own token and IndexedDB, so a
 * tablet that also runs a kiosk keeps them apart), with the kiosk's exactly-once outbox: a tap is
 * held for a few seconds (undo), then written to IndexedDB, and leaves it only once the server
 * has stored it. Offline, taps wait there and are sent when the server is back.
 */
export async function startDoor(target: HTMLElement): Promise<DoorModel> {
  const dbReady = openKioskDb(globalThis.indexedDB, DOOR_DB_NAME).catch((error: unknown) => {
    console.warn('showfloor: IndexedDB is unavailable; taps are kept in memory only', error);
    return null;
  });
  const store = deferredEventStore(dbReady.then((db) => (db ? new IdbEventStore(db) : new MemoryEventStore())));
  const live = new LiveState();
  const device = new DeviceState();
  let client: DeviceClient | null = null;
  const token = () => client?.token() ?? null;
  // Door taps come one at a time: send each soon after its undo window, not in long batches.
  const sender = startEventSender({ store, token, debounceMs: 300, pollMs: 3_000 });
  const hold = new TapHold();

  const saveTally = (count: number) => {
    try {
      localStorage.setItem(TALLY_KEY, JSON.stringify({ day: localDay(Date.now()), count }));
    } catch {
      // Storage full or refused: the tally is only a convenience; the outbox is what counts.
    }
  };

  const model: DoorModel = new DoorModel(live, device, {
    tap() {
      if (device.phase !== 'paired') return;
      hold.tap(Date.now(), uuidV4(), device.config?.section ?? null);
      model.tally += 1;
      saveTally(model.tally);
      sync();
      client?.report();
    },
    undo() {
      if (!hold.undo()) return;
      model.tally = Math.max(0, model.tally - 1);
      saveTally(model.tally);
      sync();
      client?.report();
    },
  });
  model.tally = tallyFor(localStorage.getItem(TALLY_KEY), localDay(Date.now()));

  const commit = (events: ReturnType<TapHold['releaseAll']>) => {
    for (const event of events) void sender.enqueue(event);
  };
  const sync = () => {
    model.held = hold.size;
    model.undoUntil = hold.undoUntil;
  };

  client = startDevice(device, {
    appVersion: __APP_VERSION__,
    currentView: () => 'door',
    // For the console's live mirror; a change of count is reported at once (see tap and undo).
    currentState: () => ({ app: 'door', view: 'counter', count: model.tally, offline: live.status === 'offline' }),
    onCommand: () => {},
    credentialsKey: DOOR_CREDENTIALS_KEY,
  });

  setInterval(() => {
    model.now = Date.now();
    // A new day: the door's own tally starts again (the taps still count on their own day).
    if (model.held === 0) model.tally = tallyFor(localStorage.getItem(TALLY_KEY), localDay(model.now));
    const due = hold.release(model.now);
    if (due.length > 0) {
      commit(due);
      sync();
    }
    void store.count().then((n) => (model.waiting = n));
  }, TICK_MS);

  // Leaving the page (switching apps on a phone, closing the tab): what is held goes to the outbox
  // now rather than being lost; it can no longer be undone, which is the safer mistake.
  const keep = () => {
    const all = hold.releaseAll();
    if (all.length > 0) {
      commit(all);
      sync();
    }
  };
  addEventListener('pagehide', keep);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') keep();
  });

  mount(App, { target, props: { door: model } });
  connectLive(live, { deviceToken: token });

  $effect.root(() => {
    // Back online, or paired: send what waited at once.
    $effect(() => {
      if (live.status === 'online' && device.phase === 'paired') void sender.nudge();
    });
  });
  return model;
}
