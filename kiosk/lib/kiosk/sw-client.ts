import type { AppUpdate } from './app-update.svelte';

/** The apps built with a service worker (vite.config.ts, OFFLINE_APPS); each controls /<app>/. */
export type OfflineApp = 'kiosk' | 'door';

/**
 * Registers the service worker that keeps `app` working offline (see kiosk/lib/offline/sw.ts) and
 * reports new versions to `update`. A new worker installs in the background and waits; it takes
 * over only when `update.activateWorker()` is called at an idle moment, and the page then reloads.
 *
 * Service workers exist only in secure contexts: https, or http on localhost. A booth that loads
 * the kiosk from a plain http LAN address needs its browser told to trust that origin
 * (Chromium: --unsafely-treat-insecure-origin-as-secure=http://<server>:3000); without it the
 * kiosk (or door) still runs, with its saved snapshot and event queue in IndexedDB, but cannot
 * cold-start while the server is down.
 */
export function registerServiceWorker(update: AppUpdate, app: OfflineApp = 'kiosk'): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const container = navigator.serviceWorker;
  let handingOver = false;

  container.addEventListener('controllerchange', () => {
    // The first install also takes control (clients.claim): only a hand-over we asked for reloads.
    if (handingOver) location.reload();
  });

  container
    .register(`/${app}/sw.js`, { scope: `/${app}/` })
    .then((registration) => {
      const noteWaiting = () => {
        // With no controller yet this is the first install, not an update.
        if (registration.waiting && container.controller) update.workerWaiting = true;
      };
      registration.addEventListener('updatefound', () => {
        const worker = registration.installing;
        worker?.addEventListener('statechange', () => {
          if (worker.state === 'installed') noteWaiting();
        });
      });
      noteWaiting();
      update.checkWorker = () => void registration.update().catch(() => {});
      update.activateWorker = () => {
        if (!registration.waiting) return false;
        handingOver = true;
        registration.waiting.postMessage({ type: 'skip-waiting' });
        return true;
      };
      // Long-running kiosks: look for a new version every half hour as well as on every load.
      setInterval(() => void registration.update().catch(() => {}), 30 * 60_000);
    })
    .catch((error: unknown) => console.warn('showfloor: the offline cache is unavailable', error));
}
