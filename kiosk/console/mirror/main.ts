import type { MirrorApp } from '../../lib/mirror/mirror-protocol';
import { mirrorMessage } from '../../lib/mirror/mirror-protocol';
import { MirrorFeed } from './mirror-feed.svelte';

/*
 * The page inside each miniature of the console's live mirror (see lib/mirror/mirror-protocol.ts).
 * It listens before anything else loads, so nothing the console posts early is lost, then loads
 * the app it mirrors (with that app's own theme) and renders it from what the console posts.
 */
const feed = new MirrorFeed();
addEventListener('message', (event) => {
  const message = mirrorMessage(event);
  if (message && event.source === parent) feed.receive(message);
});

const app = new URLSearchParams(location.search).get('app') as MirrorApp | null;
const target = document.getElementById('app');
if (!target) throw new Error('the page has no #app element');
const loaders: Record<MirrorApp, () => Promise<{ mountMirror(target: HTMLElement, feed: MirrorFeed): void }>> = {
  kiosk: () => import('./kiosk-mirror.svelte'),
  stage: () => import('./stage-mirror.svelte'),
  door: () => import('./door-mirror.svelte'),
};
if (app && app in loaders) {
  void loaders[app]().then((m) => {
    m.mountMirror(target, feed);
    // Ready: the console (re)sends everything.
    parent.postMessage({ type: 'mirror:ready' }, location.origin);
  });
}
