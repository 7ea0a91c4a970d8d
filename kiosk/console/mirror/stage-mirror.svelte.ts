import '../../lib/base.css';
import '../../stage/theme.css';
import { mount } from 'svelte';
import { DeviceState } from '../../lib/device/device.svelte';
import App from '../../stage/App.svelte';
import { StageRemote } from '../../stage/stage-remote';
import type { MirrorFeed } from './mirror-feed.svelte';

/** Long enough that the mirror never rotates on its own: it shows the scene the display reported. */
const NEVER_SECONDS = 24 * 3_600;

/**
 * The stage display's own App: its scenes, charts, ticker and takeovers, from the console's live
 * state. The scene is the one the display reported, held as a pin (so the mirror's pinned mark
 * shows even when the display itself is rotating: the caption under the miniature says which).
 */
export function mountMirror(target: HTMLElement, feed: MirrorFeed): void {
  const device = new DeviceState();
  device.phase = 'paired';
  const remote = new StageRemote();
  let shown: string | null | undefined;
  $effect.root(() => {
    $effect(() => {
      const config = feed.screen?.config;
      device.config = config ? { ...config, sceneSeconds: NEVER_SECONDS } : null;
      device.connection = feed.state?.offline ? 'offline' : 'online';
      const scene = feed.state?.scene ?? null;
      if (scene !== shown) remote.receive({ type: 'pin-scene', scene });
      shown = scene;
    });
  });
  mount(App, { target, props: { live: feed.live, device, remote } });
}
