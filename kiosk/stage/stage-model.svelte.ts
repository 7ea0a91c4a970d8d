import type { Announcement } from '../../shared/announcements.schema';
import type { DeviceState } from '../lib/device/device.svelte';
import type { LiveState } from '../lib/live.svelte';
import { stageAnnouncements } from '../lib/stage/announcements';
import { Clock } from './clock.svelte';
import { DisplaySize } from './display-size.svelte';
import { RoadshowReveal } from './roadshow-reveal.svelte';
import { StageFigures } from './stage-figures.svelte';

/**
 * Everything a stage scene reads: the live state, this screen's device state, the clock, the
 * guarded headline figures, the announcements meant for this screen and the roadshow reveal. Scenes get this one
 * object, so a new scene needs no new wiring.
 */
export class StageModel {
  readonly clock: Clock;
  readonly figures: StageFigures;
  /** The roadshow results being revealed, place by place, when the operator reveals them. */
  readonly reveal: RoadshowReveal;
  /** 1080p or 4K: how much each scene shows. */
  readonly display: DisplaySize;

  readonly announcements: Announcement[] = $derived.by(() => {
    // The clock is read only while offline: online, the server's list is the truth (see stageAnnouncements).
    const offlineNow = this.live.status === 'offline' ? this.clock.now : null;
    return stageAnnouncements(this.live.announcements, this.device.config?.id ?? null, offlineNow);
  });

  constructor(
    readonly live: LiveState,
    readonly device: DeviceState,
  ) {
    this.clock = new Clock();
    this.figures = new StageFigures(live);
    this.reveal = new RoadshowReveal(live);
    this.display = new DisplaySize();
  }
}
