import { mount } from 'svelte';
import { startDevice, type DeviceClient } from '../lib/device/device-client';
import { DeviceState } from '../lib/device/device.svelte';
import { AppUpdate } from '../lib/kiosk/app-update.svelte';
import { Clock } from '../lib/kiosk/clock.svelte';
import { startEventSender, type EventSender } from '../lib/kiosk/event-sender';
import { deferredEventStore, IdbEventStore, MemoryEventStore } from '../lib/kiosk/event-store';
import { openKioskDb } from '../lib/kiosk/idb';
import { IdleController } from '../lib/kiosk/idle.svelte';
import { Freshness } from '../lib/kiosk/freshness.svelte';
import { InteractionRecorder } from '../lib/kiosk/interactions';
import { KioskLocale } from '../lib/kiosk/locale.svelte';
import { KioskNav, viewName } from '../lib/kiosk/navigation.svelte';
import { kioskAnnouncements } from '../lib/kiosk/announcements';
import type { ScreenState } from '../../shared/devices.schema';
import { DEFAULT_IDLE_TIMEOUT_SECONDS } from '../../shared/devices.rules';
import { loadSavedSnapshot, saveSnapshot, SnapshotSaver } from '../lib/kiosk/saved-snapshot';
import { registerServiceWorker } from '../lib/kiosk/sw-client';
import { ZoomState } from '../lib/kiosk/zoom.svelte';
import { connectLive } from '../lib/live-socket';
import { LiveState } from '../lib/live.svelte';
import App from './App.svelte';

/** Everything the kiosk's components read, and the one action that is not a store method. */
export interface Kiosk {
  live: LiveState;
  device: DeviceState;
  nav: KioskNav;
  locale: KioskLocale;
  idle: IdleController;
  zoom: ZoomState;
  clock: Clock;
  freshness: Freshness;
  /** A visitor touched attract mode: a visit begins, in the default language. */
  begin(): void;
}

/** The longest the live socket waits for the saved snapshot at boot. */
const SAVED_WAIT_MS = 3_000;
/** The saved snapshot is rewritten at most this often (counter patches come up to ten a second). */
const SAVE_EVERY_MS = 2_000;
/** In attract mode, how often a pending update is tried (the first try comes this long after the visit ended). */
const UPDATE_CHECK_MS = 5_000;

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T | null> =>
  Promise.race([promise, new Promise<null>((resolve) => setTimeout(() => resolve(null), ms))]);

/**
 * The kiosk's composition root. The page paints at once; the last snapshot saved in IndexedDB is
 * loaded before the live socket connects, so a kiosk that starts while the server is down shows the
 * exhibition within moments (and a fresh snapshot simply replaces it when the server answers).
 */
export async function startKiosk(target: HTMLElement): Promise<Kiosk> {
  // No time limit on opening: events must not fall back to memory (and be lost at the next reload)
  // just because a busy machine is slow; an unusable database fails the open instead.
  const dbReady = openKioskDb().catch((error: unknown) => {
    console.warn('showfloor: IndexedDB is unavailable; interactions are kept in memory only', error);
    return null;
  });
  const events = deferredEventStore(dbReady.then((db) => (db ? new IdbEventStore(db) : new MemoryEventStore())));
  const live = new LiveState();

  const device = new DeviceState();
  // Assigned right below; the sender and the live socket only ask for the token later.
  let client: DeviceClient | null = null;
  const token = () => client?.token() ?? null;
  const sender = startEventSender({ store: events, token });
  const recorder = new InteractionRecorder((event) => void sender.enqueue(event));

  const pinnedSection = () => {
    const id = device.config?.section ?? null;
    // A pin to a section an operator has since removed falls back to the whole exhibition.
    return id && live.sections.some((s) => s.id === id) ? id : null;
  };
  const nav = new KioskNav({ pinnedSection, recorder });
  const locale = new KioskLocale(() => device.config?.locale ?? null);
  let zoom: ZoomState | null = null;
  const idle = new IdleController({
    timeoutMs: () => (device.config?.idleTimeoutSeconds ?? DEFAULT_IDLE_TIMEOUT_SECONDS) * 1000,
    onReset: (lastActivity) => {
      zoom?.close();
      nav.reset(lastActivity);
      locale.reset();
    },
  });
  zoom = new ZoomState(idle);
  const clock = new Clock();
  const freshness = new Freshness();
  const update = new AppUpdate({ outdated: () => live.outdated, serverVersion: () => live.serverVersion });
  /** An operator asked for a reload; it waits for the end of the visit like an update. */
  let reloadRequested = $state(false);

  client = startDevice(device, {
    appVersion: __APP_VERSION__,
    currentView: () => viewName(nav.view),
    currentState: () => screenState(),
    onCommand: (command) => {
      if (command.type === 'set-locale') locale.setDefault(command.locale, nav.view.kind === 'attract');
    },
    reload: () => {
      if (nav.view.kind === 'attract') location.reload();
      else reloadRequested = true;
    },
  });
  // What the kiosk shows, for the console's live mirror: reported at once whenever it changes.
  const screenState = (): ScreenState => {
    const view = nav.view;
    const shown = kioskAnnouncements(live.announcements, device.config?.id ?? null, clock.now)[0];
    return {
      app: 'kiosk',
      view: view.kind,
      section: view.kind === 'section' || view.kind === 'item' ? view.section : null,
      item: view.kind === 'item' ? view.item : null,
      locale: view.kind === 'attract' ? (device.config?.locale ?? 'zh-CN') : locale.current,
      announcement: shown?.id ?? null,
      offline: live.status === 'offline',
    };
  };
  // The clock makes this run every second (announcements end on time); only a change is reported.
  let reported = '';
  $effect.root(() => {
    $effect(() => {
      const json = JSON.stringify(screenState());
      if (json === reported) return;
      reported = json;
      client?.report();
    });
  });

  // Any touch, key or scroll is a sign of life for the idle timer (capture: before any handler).
  for (const type of ['pointerdown', 'keydown', 'wheel'] as const) {
    window.addEventListener(type, () => idle.activity(), { capture: true, passive: true });
  }

  const kiosk: Kiosk = {
    live,
    device,
    nav,
    locale,
    idle,
    zoom,
    clock,
    freshness,
    begin() {
      locale.reset();
      idle.start();
      nav.start();
      recorder.session(pinnedSection());
    },
  };
  mount(App, { target, props: { kiosk } });

  const savedLoaded = dbReady
    .then((db) => (db ? loadSavedSnapshot(db) : null))
    .catch(() => null)
    .then((saved) => {
      // Only while the server has not answered yet: its snapshot is always newer.
      if (!saved || live.seq !== null) return;
      // `set`, not `load`: the saved app version is not the server's, and must not trigger an update.
      live.set(saved.data, saved.receivedAt);
      live.publicUrl = saved.publicUrl;
      freshness.confirmedAt = saved.receivedAt;
    });
  // The saved state goes in before the socket connects; a database that is very slow to answer
  // delays the connection only so long.
  await withTimeout(savedLoaded, SAVED_WAIT_MS);
  connectLive(live, { deviceToken: token, view: 'kiosk' });
  registerServiceWorker(update);
  keepInStep({ db: await dbReady, live, device, nav, locale, update, sender, freshness, reloadRequested: () => reloadRequested });
  return kiosk;
}

interface InStep {
  db: IDBDatabase | null;
  live: LiveState;
  device: DeviceState;
  nav: KioskNav;
  locale: KioskLocale;
  update: AppUpdate;
  sender: EventSender;
  freshness: Freshness;
  reloadRequested: () => boolean;
}

/** The rules that tie the stores together for as long as the page lives. */
function keepInStep({ db, live, device, nav, locale, update, sender, freshness, reloadRequested }: InStep): void {
  $effect.root(() => {
    // Keep the latest state from the server for a cold start offline, with the moment it was
    // last known to be current: written when it changed, at most once every SAVE_EVERY_MS.
    const saver = db ? new SnapshotSaver({ write: (saved) => saveSnapshot(db, saved), everyMs: SAVE_EVERY_MS }) : null;
    const snapshotAt = (receivedAt: number) => {
      const data = live.data();
      return data ? { data, publicUrl: live.publicUrl, receivedAt } : null;
    };
    $effect(() => {
      // Read what a save depends on, so the effect runs on every change.
      if (live.status !== 'online' || live.data() === null) return;
      saver?.changed(() => (live.status === 'online' ? snapshotAt(Date.now()) : null));
    });

    // Live while connected; as of the moment the connection dropped once it has.
    let wasOnline = false;
    $effect(() => {
      if (live.status === 'online') {
        wasOnline = true;
        freshness.confirmedAt = null;
      } else if (wasOnline) {
        wasOnline = false;
        freshness.confirmedAt = Date.now();
        const saved = snapshotAt(freshness.confirmedAt);
        if (saved) saver?.now(saved);
      }
    });

    // Back online, or paired: send what waited, without waiting out a back-off.
    $effect(() => {
      if (live.status === 'online' && device.phase === 'paired') void sender.nudge();
    });

    // New versions and requested reloads happen only in attract mode, after a few quiet seconds.
    $effect(() => {
      if (nav.view.kind !== 'attract' || !(update.pending || reloadRequested())) return;
      const timer = setInterval(() => {
        if (nav.view.kind !== 'attract') return;
        if (reloadRequested()) location.reload();
        else update.apply();
      }, UPDATE_CHECK_MS);
      return () => clearInterval(timer);
    });

    // Let the service worker fetch every content picture, so items nobody opened yet work offline.
    $effect(() => {
      const urls = live.sections.flatMap((s) => s.items.flatMap((i) => i.images.map((image) => `/media/${encodeURIComponent(image.src)}`)));
      if (!('serviceWorker' in navigator)) return;
      void navigator.serviceWorker.ready.then((registration) => registration.active?.postMessage({ type: 'cache-media', urls }));
    });

    // The page's language follows the visit (screen readers, and the CJK or Latin font choice).
    $effect(() => {
      document.documentElement.lang = nav.view.kind === 'attract' ? 'zh-CN' : locale.current;
    });

    // A section or item an operator removed while someone looked at it: step back to what exists.
    $effect(() => {
      nav.reconcile(live.sections);
    });
  });
}
