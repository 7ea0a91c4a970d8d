import { mount, type Component } from 'svelte';
import { LiveState } from './live.svelte';
import { connectLive } from './live-socket';

/**
 * Starts one app: the live state, its socket, and the root component in `#app`. Every app boots
 * the same way, so there is exactly one socket per page.
 */
export function boot(App: Component<{ live: LiveState }>): LiveState {
  const target = document.getElementById('app');
  if (!target) throw new Error('the page has no #app element');
  const live = new LiveState();
  connectLive(live);
  mount(App, { target, props: { live } });
  return live;
}
