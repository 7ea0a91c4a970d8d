import { untrack } from 'svelte';
import type { PublicRoadshow } from '../../shared/roadshow.schema';
import type { LiveState } from '../lib/live.svelte';
import { revealBegins, revealFrame, revealFrameMs, revealOrder, type RankedRow, type RevealFrame } from '../lib/stage/roadshow';

/**
 * The reveal of the roadshow results as the stage plays it (rules in lib/stage/roadshow.ts): when
 * the operator reveals, the places come one by one from the last to the first, then the whole
 * ranking. The reveal scene shows `frame`; the reveal moves on only while that scene is on screen,
 * so an announcement that takes the screen meanwhile makes it wait instead of playing unseen.
 */
export class RoadshowReveal {
  #order = $state.raw<RankedRow[]>([]);
  /** -1 when no reveal is playing. */
  #step = $state(-1);
  #viewers = $state(0);

  readonly frame: RevealFrame | null = $derived(this.#step < 0 ? null : revealFrame(this.#order, this.#step));
  readonly playing = $derived(this.frame !== null);

  constructor(live: LiveState) {
    let previous: PublicRoadshow | null = null;
    $effect(() => {
      const roadshow = live.roadshow;
      if (revealBegins(previous, roadshow)) {
        this.#order = revealOrder(roadshow);
        this.#step = 0;
      } else if (!roadshow?.revealed) {
        // Hidden again: no result may stay on screen.
        this.#step = -1;
      }
      previous = roadshow;
    });
    $effect(() => {
      const frame = this.frame;
      if (!frame || this.#viewers === 0) return;
      const timer = setTimeout(() => (this.#step = untrack(() => this.#step) + 1), revealFrameMs(frame));
      return () => clearTimeout(timer);
    });
  }

  /** The reveal is on screen (for the reveal scene's lifetime); returns the function that says it no longer is. */
  watch(): () => void {
    untrack(() => this.#viewers++);
    return () => untrack(() => this.#viewers--);
  }
}
