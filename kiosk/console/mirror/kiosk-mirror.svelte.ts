import '../../lib/base.css';
import '../../kiosk/theme.css';
import { mount } from 'svelte';
import App from '../../kiosk/App.svelte';
import type { Kiosk } from '../../kiosk/kiosk.svelte';
import { DeviceState } from '../../lib/device/device.svelte';
import { Clock } from '../../lib/kiosk/clock.svelte';
import { Freshness } from '../../lib/kiosk/freshness.svelte';
import { IdleController } from '../../lib/kiosk/idle.svelte';
import { InteractionRecorder } from '../../lib/kiosk/interactions';
import { KioskLocale } from '../../lib/kiosk/locale.svelte';
import { ATTRACT_VIEW, KioskNav, type KioskView } from '../../lib/kiosk/navigation.svelte';
import { ZoomState } from '../../lib/kiosk/zoom.svelte';
import type { MirrorFeed } from './mirror-feed.svelte';

/** The view a kiosk reported, as its navigation holds it. */
function reportedView(state: MirrorFeed['state']): KioskView {
  if (!state || state.app !== 'kiosk') return ATTRACT_VIEW;
  if (state.view === 'item' && state.section && state.item) return { kind: 'item', section: state.section, item: state.item };
  if (state.view === 'section' && state.section) return { kind: 'section', section: state.section };
  return state.view === 'home' ? { kind: 'home' } : ATTRACT_VIEW;
}

/**
 * The booth kiosk's own App, given the kiosk's stores set from what it reported rather than from
 * a visitor: the view, the language, the device (so its own announcements show) and the live
 * state. Nothing records, counts down or connects: the recorder drops events, the idle timer is
 * never started, and the iframe is inert.
 */
export function mountMirror(target: HTMLElement, feed: MirrorFeed): void {
  const device = new DeviceState();
  device.phase = 'paired';
  const nav = new KioskNav({ pinnedSection: () => device.config?.section ?? null, recorder: new InteractionRecorder(() => {}) });
  const locale = new KioskLocale(() => device.config?.locale ?? null, null);
  const idle = new IdleController({ timeoutMs: () => 60_000, onReset: () => {} });
  const kiosk: Kiosk = { live: feed.live, device, nav, locale, idle, zoom: new ZoomState(idle), clock: new Clock(), freshness: new Freshness(), begin: () => {} };
  $effect.root(() => {
    $effect(() => {
      const screen = feed.screen;
      device.config = screen?.config ?? null;
      device.connection = screen?.state?.offline ? 'offline' : 'online';
      nav.view = reportedView(feed.state);
      locale.current = feed.state?.locale ?? screen?.config.locale ?? 'zh-CN';
    });
  });
  mount(App, { target, props: { kiosk } });
}
