import type { DeviceConfig, ScreenState } from '../../../shared/devices.schema';
import type { LiveState } from '../live.svelte';

/**
 * The console's live mirror: each miniature is an inert iframe of `MIRROR_PAGE`, which renders a
 * screen's own app (kiosk, stage, door) at the screen's own resolution, scaled down by the console.
 *
 * Why an iframe rather than the components mounted in the console: every screen sizes itself
 * with viewport units (vmin) and themes itself on `:root`, so only a viewport of the screen's size
 * lays it out as the screen does; and it keeps the screens' bundles free of console code (and the
 * console's styles away from theirs). Why fed by the console rather than its own socket: the
 * console already holds the public live state and every screen's reported state, so one copy is
 * posted in (each part only when it changes, by reference), the mirrors open no connection, and
 * fifty of them cost fifty same-origin documents and no server work. Miniatures out of view are
 * not loaded (`loading="lazy"`).
 */
export const MIRROR_PAGE = '/console/mirror.html';

export type MirrorApp = ScreenState['app'];

/** The resolution each app is drawn at (a booth kiosk is a portrait 1080×1920 touchscreen). */
export const MIRROR_SIZE: Record<MirrorApp, { width: number; height: number }> = {
  kiosk: { width: 1080, height: 1920 },
  stage: { width: 1920, height: 1080 },
  door: { width: 800, height: 1280 },
};

/** The parts of the public live state a mirror draws from. */
export type MirrorLive = Pick<LiveState, 'exhibition' | 'sections' | 'counters' | 'announcements' | 'deals' | 'roadshow' | 'publicUrl' | 'rehearsal'>;
export const MIRROR_LIVE_PARTS = ['exhibition', 'sections', 'counters', 'announcements', 'deals', 'roadshow', 'publicUrl', 'rehearsal'] as const satisfies readonly (keyof MirrorLive)[];

/** The screen itself, as the console's fleet list has it. */
export interface MirrorScreen {
  config: DeviceConfig;
  state: ScreenState | null;
  /** Door counters: the door's entries today as the server counted them (when the door reports no count). */
  visitsToday: number;
  /** Door counters counting in and out: the door's exits today as the server counted them. */
  exitsToday: number;
  online: boolean;
}

/** From the console to a mirror: one part of the live state, or the screen. From a mirror: it is ready to be fed. */
export type MirrorMessage = { type: 'mirror:live'; live: Partial<MirrorLive> } | { type: 'mirror:screen'; screen: MirrorScreen } | { type: 'mirror:ready' };

/** The message if it is one of ours, posted from our own origin; else null. */
export function mirrorMessage(event: MessageEvent): MirrorMessage | null {
  if (event.origin !== location.origin) return null;
  const data = event.data as { type?: unknown } | null;
  return data && (data.type === 'mirror:live' || data.type === 'mirror:screen' || data.type === 'mirror:ready') ? (data as MirrorMessage) : null;
}
