/** Remembers the last version a reload was made for, so a server that keeps disagreeing cannot cause a reload loop. */
const RELOAD_KEY = 'showfloor.kiosk.reloaded-for.v1';
const RELOAD_GUARD_MS = 10 * 60_000;
/** How long to wait for a new service worker before reloading without one. */
const WORKER_WAIT_MS = 30_000;

export interface AppUpdateOptions {
  /** The server runs a different build than this page (LiveState.outdated). */
  outdated: () => boolean;
  serverVersion: () => string | null;
  reload?: () => void;
  now?: () => number;
  storage?: Storage | null;
}

/**
 * A newer version of the kiosk exists: a new service worker is installed and waiting, or the
 * server runs a different build than this page. The kiosk applies it only at an idle moment
 * (attract mode), never in the middle of a visit.
 */
export class AppUpdate {
  /** A new service worker has installed the new version and waits to take over (set by sw-client.ts). */
  workerWaiting = $state(false);
  readonly pending = $derived.by(() => this.workerWaiting || this.options.outdated());

  /** Set by the service worker client: hand over to the waiting worker, which then reloads the page. */
  activateWorker: (() => boolean) | null = null;
  /** Set by the service worker client: look for a new service worker now. */
  checkWorker: (() => void) | null = null;

  constructor(private readonly options: AppUpdateOptions) {}

  /** When this page asked the service worker to look for the new version. */
  private askedAt: number | null = null;

  /**
   * Installs the new version now, or takes the next step towards it; call it again (every few
   * seconds) while `pending` and idle. Call only when nobody is using the kiosk.
   */
  apply(): void {
    if (this.workerWaiting && this.activateWorker?.()) return;
    if (!this.options.outdated()) return;
    const now = (this.options.now ?? Date.now)();
    // A new build on the server brings a new service worker too: let it install (and precache the
    // new pages for offline use) and hand over to it, rather than reloading past it.
    if (this.checkWorker) {
      if (this.askedAt === null) {
        this.askedAt = now;
        this.checkWorker();
        return;
      }
      if (now - this.askedAt < WORKER_WAIT_MS) return;
    }
    const storage = this.options.storage === undefined ? (globalThis.sessionStorage ?? null) : this.options.storage;
    const marker = `${this.options.serverVersion()}@`;
    const last = storage?.getItem(RELOAD_KEY) ?? '';
    // Reloaded for this very version a moment ago and still outdated: the pages on the server do
    // not match its version (a half-finished deploy). Wait rather than reload in a loop.
    if (last.startsWith(marker) && now - Number(last.slice(marker.length)) < RELOAD_GUARD_MS) return;
    storage?.setItem(RELOAD_KEY, `${marker}${now}`);
    (this.options.reload ?? (() => location.reload()))();
  }
}
