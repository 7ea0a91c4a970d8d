import '../../lib/base.css';
import '../../door/theme.css';
import { mount } from 'svelte';
import App from '../../door/App.svelte';
import { DoorModel } from '../../door/door.svelte';
import { DeviceState } from '../../lib/device/device.svelte';
import type { MirrorFeed } from './mirror-feed.svelte';

/**
 * The door counter's own App, showing the count the door reported (or, from a door of an older
 * build, the entries the server counted for it today) and the hall's visitors; its buttons do nothing.
 */
export function mountMirror(target: HTMLElement, feed: MirrorFeed): void {
  const device = new DeviceState();
  device.phase = 'paired';
  const door = new DoorModel(feed.live, device, { tap: () => {}, undo: () => {}, configure: () => {}, startScanner: () => () => {} });
  $effect.root(() => {
    $effect(() => {
      const screen = feed.screen;
      device.config = screen?.config ?? null;
      device.connection = feed.state?.offline ? 'offline' : 'online';
      door.tally = { in: feed.state?.count ?? screen?.visitsToday ?? 0, out: feed.state?.exits ?? screen?.exitsToday ?? 0 };
      door.settings = { mode: feed.state?.mode ?? 'in', scanBadges: false };
    });
  });
  mount(App, { target, props: { door } });
}
