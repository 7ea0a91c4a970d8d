import { mount, type Component } from 'svelte';
import { LiveState } from './live.svelte';
import { connectLive } from './live-socket';
import type { LiveView } from '../../shared/live-views';

/**
 * Starts one app: the live state, its socket, and the root component in `#app`. Every app boots
 * the same way, so there is exactly one socket per page. Paired screens pass their device token
 * (see lib/device/) so that revoking them closes the live socket too.
 */
export function boot<Props extends Record<string, unknown> = Record<string, never>>(
  App: Component<{ live: LiveState } & Props>,
  options: { view: LiveView; props?: Props; deviceToken?: () => string | null },
): LiveState {
  const target = document.getElementById('app');
  if (!target) throw new Error('the page has no #app element');
  const live = new LiveState();
  connectLive(live, { deviceToken: options.deviceToken, view: options.view });
  mount(App, { target, props: { live, ...(options.props as Props) } });
  return live;
}
