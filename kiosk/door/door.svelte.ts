import { mount } from 'svelte';
import type { VisitorEvent } from '../../shared/events.schema';
import { DOOR_CREDENTIALS_KEY } from '../lib/device/device-credentials';
import { startDevice, type DeviceClient } from '../lib/device/device-client';
import { DeviceState } from '../lib/device/device.svelte';
import { BadgeLog, type ScanOutcome } from '../lib/door/badge-log';
import { parseDoorSettings, type DoorSettings } from '../lib/door/door-settings';
import { localDay, storedTally, TapHold, tallyAfter, tallyFor, type DoorDirection, type DoorTally } from '../lib/door/tap-hold';
import { AppUpdate } from '../lib/kiosk/app-update.svelte';
import { startEventSender } from '../lib/kiosk/event-sender';
import { deferredEventStore, IdbEventStore, MemoryEventStore } from '../lib/kiosk/event-store';
import { DOOR_DB_NAME, openKioskDb } from '../lib/kiosk/idb';
import { registerServiceWorker } from '../lib/kiosk/sw-client';
import { uuidV4 } from '../lib/kiosk/uuid';
import { connectLive } from '../lib/live-socket';
import { LiveState } from '../lib/live.svelte';
import App from './App.svelte';

const TALLY_KEY = 'showfloor.door.tally.v1';
const SETTINGS_KEY = 'showfloor.door.settings.v1';
const BADGES_KEY = 'showfloor.door.badges.v1';
/** How often held taps are checked for the end of their undo window, and the outbox counted. */
const TICK_MS = 500;
/** How long the answer to a badge reading stays on screen. */
const NOTICE_MS = 4_000;

/** The camera part of the door, when it scans badges. */
export type ScanState = { phase: 'off' | 'starting' | 'scanning' } | { phase: 'failed'; message: string };

/**
 * What the door screen shows and can do. Only this module writes it; App.svelte reads it and
 * calls its methods.
 */
export class DoorModel {
  /** This door's counts today (its own taps and badges, undone ones taken back), kept across reloads. */
  tally = $state<DoorTally>({ in: 0, out: 0 });
  /** How this door counts (set on the door by staff, kept on the device). */
  settings = $state<DoorSettings>(parseDoorSettings(null));
  /** Taps that can still be undone. */
  held = $state(0);
  /** When the newest held tap stops being undoable (ms since the epoch), or null. */
  undoUntil = $state<number | null>(null);
  /** Taps committed to the outbox that the server has not confirmed yet. */
  waiting = $state(0);
  now = $state(Date.now());
  scan = $state<ScanState>({ phase: 'off' });
  /** The answer to the last badge reading, shown until `until`. */
  badgeNotice = $state<{ outcome: Exclude<ScanOutcome, 'same-scan'>; until: number } | null>(null);

  constructor(
    readonly live: LiveState,
    readonly device: DeviceState,
    private readonly actions: {
      tap(direction: DoorDirection): void;
      undo(): void;
      configure(settings: DoorSettings): void;
      startScanner(video: HTMLVideoElement): () => void;
    },
  ) {}

  tap(direction: DoorDirection = 'visit'): void {
    this.actions.tap(direction);
  }

  undo(): void {
    this.actions.undo();
  }

  configure(settings: DoorSettings): void {
    this.actions.configure(settings);
  }

  /** Starts reading badges into `video`; returns what stops it (the video leaves the page). */
  startScanner(video: HTMLVideoElement): () => void {
    return this.actions.startScanner(video);
  }
}

/** Staff-readable words for why the camera did not start (getUserMedia's error names). */
function cameraProblem(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return '相机未获允许 · The camera was not allowed';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return '没有可用的相机 · No camera found';
  if (name === 'NotReadableError') return '相机被占用 · The camera is in use by another app';
  return '无法打开相机 · The camera could not start';
}

function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStorage(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Storage full or refused: these are conveniences; the outbox is what counts.
  }
}

/**
 * The door counter's composition root: paired like a kiosk (its own token and IndexedDB, so a
 * tablet that also runs a kiosk keeps them apart), with the kiosk's exactly-once outbox: a tap is
 * held for a few seconds (undo), then written to IndexedDB, and leaves it only once the server
 * has stored it. Offline, taps wait there and are sent when the server is back; the kiosk's
 * service worker (scope /door/) keeps the app itself loadable without the server.
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
  const sender = startEventSender({ store, token, debounceMs: 300, pollMs: 3_000, onStored: (_events, answer) => otherDoorCounted(answer.repeatedBadges ?? 0) });
  const hold = new TapHold();
  const badges = new BadgeLog(readStorage(BADGES_KEY), localDay(Date.now()));

  const count = (event: Pick<VisitorEvent, 'type'>, step: 1 | -1) => {
    model.tally = tallyAfter(model.tally, event, step);
    writeStorage(TALLY_KEY, storedTally(model.tally, localDay(Date.now())));
  };
  const section = () => device.config?.section ?? null;

  /** A badge read by the camera: counted at once (nothing to undo: a badge counts once a day anyway). */
  const badgeRead = (code: string) => {
    if (device.phase !== 'paired') return;
    const now = Date.now();
    const outcome = badges.scan(code, now, localDay(now));
    if (outcome === 'same-scan') return;
    model.badgeNotice = { outcome, until: now + NOTICE_MS };
    navigator.vibrate?.(outcome === 'counted' ? 30 : [40, 80, 40]);
    if (outcome === 'already-counted') return;
    writeStorage(BADGES_KEY, badges.serialize());
    const event: VisitorEvent = { id: uuidV4(), type: 'visit', at: new Date(now).toISOString(), badge: code, ...(section() ? { section: section()! } : {}) };
    void sender.enqueue(event);
    count(event, 1);
  };

  /**
   * The server had already counted some of the badges this door just sent (another door scanned
   * them today, or this door before its memory was cleared): they are taken off the door's own
   * tally, and the staff told, as for a badge this door knew.
   */
  const otherDoorCounted = (repeated: number) => {
    if (repeated === 0) return;
    for (let i = 0; i < repeated; i++) count({ type: 'visit' }, -1);
    model.badgeNotice = { outcome: 'already-counted', until: Date.now() + NOTICE_MS };
  };

  const model: DoorModel = new DoorModel(live, device, {
    tap(direction) {
      if (device.phase !== 'paired') return;
      count(hold.tap(Date.now(), uuidV4(), section(), direction), 1);
      sync();
      client?.report();
    },
    undo() {
      const event = hold.undo();
      if (!event) return;
      count(event, -1);
      sync();
      client?.report();
    },
    configure(settings) {
      model.settings = { ...settings };
      writeStorage(SETTINGS_KEY, JSON.stringify(settings));
    },
    startScanner(video) {
      let stopped = false;
      let stop: (() => void) | null = null;
      model.scan = { phase: 'starting' };
      // The decoder is a chunk of its own, fetched the first time a door scans (and precached by
      // the service worker for the next, offline, start).
      import('../lib/door/badge-scanner')
        .then(({ startBadgeScanner }) => startBadgeScanner(video, badgeRead))
        .then((scanner) => {
          if (stopped) return scanner.stop();
          stop = () => scanner.stop();
          model.scan = { phase: 'scanning' };
        })
        .catch((error: unknown) => {
          console.warn('showfloor: the badge scanner did not start', error);
          if (!stopped) model.scan = { phase: 'failed', message: cameraProblem(error) };
        });
      return () => {
        stopped = true;
        stop?.();
        model.scan = { phase: 'off' };
      };
    },
  });
  model.tally = tallyFor(readStorage(TALLY_KEY), localDay(Date.now()));
  model.settings = parseDoorSettings(readStorage(SETTINGS_KEY));

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
    currentState: () => ({ app: 'door', view: 'counter', count: model.tally.in, exits: model.tally.out, mode: model.settings.mode, offline: live.status === 'offline' }),
    onCommand: () => {},
    credentialsKey: DOOR_CREDENTIALS_KEY,
  });
  // A new version of the door (a new service worker, or a new build on the server) is taken at a
  // quiet moment: nothing held for undo, so no tap can be lost to the reload.
  const update = new AppUpdate({ outdated: () => live.outdated, serverVersion: () => live.serverVersion });
  registerServiceWorker(update, 'door');

  setInterval(() => {
    model.now = Date.now();
    // A new day: the door's own tally starts again (the taps still count on their own day).
    if (model.held === 0) model.tally = tallyFor(readStorage(TALLY_KEY), localDay(model.now));
    if (model.badgeNotice && model.badgeNotice.until <= model.now) model.badgeNotice = null;
    const due = hold.release(model.now);
    if (due.length > 0) {
      commit(due);
      sync();
    }
    if (hold.size === 0 && update.pending) update.apply();
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
