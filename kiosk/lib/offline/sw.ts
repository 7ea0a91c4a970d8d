/*
 * The service worker of the apps that must open without the server: the booth kiosk (scope
 * /kiosk/) and the door counter (scope /door/). One source, built once per app with that app's
 * name and files. Booths run for ten hours on exhibition Wi-Fi that drops, and a door phone may be
 * restarted at the entrance while the server is out of reach; this keeps the app itself loadable:
 *
 * - the app shell (<app>/index.html and every script, style and asset it loads) is precached at
 *   install, under a cache named after the app and its version;
 * - content images (/media/…) are served from a cache and refreshed in the background, and the page
 *   sends the list of all of them so that pictures nobody opened yet are there offline too (the
 *   kiosk; the door shows none);
 * - pages are fetched from the network first (so an online reload gets the current build) and
 *   fall back to the precached shell.
 *
 * What the app saves itself is not here: the kiosk's last snapshot and both apps' event outboxes
 * are in IndexedDB, the door's tally and pairing in localStorage.
 *
 * A new version installs in the background and then waits: the page tells it to take over
 * ("skip-waiting") only at an idle moment, never in the middle of a visit or an undo window.
 *
 * The build (vite.config.ts, offlineServiceWorkers) strips the types, and defines APP, PRECACHE
 * and VERSION.
 */

/** The app this worker serves (`kiosk` or `door`), from the build: its pages are under /<APP>/. */
declare const APP: string;
/** URLs of the app shell, from the build. */
declare const PRECACHE: readonly string[];
/** The app version this worker belongs to, from the build. */
declare const VERSION: string;

// The DOM library the pages compile with lacks the worker types; these are the few used here.
interface SwExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface SwFetchEvent extends SwExtendableEvent {
  request: Request;
  respondWith(response: Response | Promise<Response>): void;
}
interface SwMessageEvent extends SwExtendableEvent {
  data: unknown;
}
interface SwGlobal {
  location: Location;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: SwExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: SwFetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: SwMessageEvent) => void): void;
}

const sw = self as unknown as SwGlobal;

const SHELL_PREFIX = `showfloor-${APP}-shell-`;
const SHELL_CACHE = `${SHELL_PREFIX}${VERSION}`;
const MEDIA_CACHE = `showfloor-${APP}-media-v1`;
/** The page every address of the app (/kiosk/, /kiosk/anything) is served from. */
const SHELL_PAGE = `/${APP}/`;
/** After this long without an answer, a page request is served from the cache (Wi-Fi that hangs rather than fails). */
const NAVIGATION_TIMEOUT_MS = 3_000;

sw.addEventListener('install', (event) => {
  // `reload` skips the HTTP cache: the shell must be exactly what the server has now.
  event.waitUntil(caches.open(SHELL_CACHE).then((cache) => cache.addAll(PRECACHE.map((url) => new Request(url, { cache: 'reload' })))));
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith(SHELL_PREFIX) && name !== SHELL_CACHE) await caches.delete(name);
      // Control the page that installed us at once, so its next (offline) reload is served from cache.
      await sw.clients.claim();
    })(),
  );
});

sw.addEventListener('message', (event) => {
  const data = event.data as { type?: unknown; urls?: unknown } | null;
  if (data?.type === 'skip-waiting') void sw.skipWaiting();
  if (data?.type === 'cache-media' && Array.isArray(data.urls)) event.waitUntil(cacheMedia(data.urls.filter((u): u is string => typeof u === 'string' && u.startsWith('/media/'))));
});

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin) return;
  if (request.mode === 'navigate') {
    if (url.pathname.startsWith(`/${APP}`)) event.respondWith(networkFirstPage(request));
    return;
  }
  if (url.pathname.startsWith('/assets/') || PRECACHE.includes(url.pathname)) event.respondWith(cacheFirst(request));
  else if (url.pathname.startsWith('/media/')) event.respondWith(staleWhileRevalidate(request, event));
  // Everything else (the API, socket.io) goes to the network as usual.
});

async function networkFirstPage(request: Request): Promise<Response> {
  const network = fetch(request);
  network.catch(() => undefined); // answered from the cache instead; not an error worth reporting
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), NAVIGATION_TIMEOUT_MS)));
  try {
    const response = await Promise.race([network, timeout]);
    if (response && response.status < 500) return response;
  } catch {
    // Offline: fall through to the cache.
  } finally {
    clearTimeout(timer);
  }
  const cached = await caches.match(SHELL_PAGE, { cacheName: SHELL_CACHE });
  return cached ?? network;
}

/** Hashed assets never change; one not precached (a newer page's, fetched online) is kept for next time. */
async function cacheFirst(request: Request): Promise<Response> {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const copy = response.clone();
    void caches.open(SHELL_CACHE).then((cache) => cache.put(request, copy));
  }
  return response;
}

/** Pictures: the cached one at once, a fresh copy fetched behind it (an operator may replace a file). */
async function staleWhileRevalidate(request: Request, event: SwExtendableEvent): Promise<Response> {
  const cache = await caches.open(MEDIA_CACHE);
  const cached = await cache.match(request);
  const refresh = fetch(request).then(async (response) => {
    if (response.ok) await cache.put(request, response.clone());
    return response;
  });
  if (cached) {
    event.waitUntil(refresh.catch(() => undefined));
    return cached;
  }
  return refresh;
}

/** Fetches the content images not cached yet, and forgets those the content no longer uses. */
async function cacheMedia(urls: string[]): Promise<void> {
  const cache = await caches.open(MEDIA_CACHE);
  const wanted = new Set(urls.map((u) => new URL(u, sw.location.origin).href));
  for (const request of await cache.keys()) if (!wanted.has(request.url)) await cache.delete(request);
  for (const url of wanted) {
    if (await cache.match(url)) continue;
    try {
      const response = await fetch(url);
      if (response.ok) await cache.put(url, response);
    } catch {
      return; // offline: the next content update tries again
    }
  }
}

export {};
