import type { Counters } from '../../shared/counters.schema';
import { boothVisitsToday, interactionsToday } from '../lib/figures';
import type { LiveState } from '../lib/live.svelte';
import { guardFigure, recheckAt, type GuardedFigure } from '../lib/stage/figure-guard';

type FigureKey = 'visitorsToday' | 'visitorsTotal' | 'interactionsToday' | 'boothVisitsToday';

/** The total is not per day; it has one period that never changes. */
const ALL_TIME = 'all-time';

/**
 * The headline figures as the stage shows them: the live counters passed through the
 * never-backwards rule (lib/stage/figure-guard.ts). Components read these, not the raw counters.
 */
export class StageFigures {
  visitorsToday = $state(0);
  visitorsTotal = $state(0);
  interactionsToday = $state(0);
  /** Kiosk sessions today: a figure of its own beside the door's visitors. */
  boothVisitsToday = $state(0);
  /** The day "today" refers to (the server's calendar day); null before the first snapshot. */
  day = $state<string | null>(null);

  #guards: Record<FigureKey, GuardedFigure | null> = { visitorsToday: null, visitorsTotal: null, interactionsToday: null, boothVisitsToday: null };
  #recheck: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly live: LiveState,
    private readonly now: () => number = Date.now,
  ) {
    // `pre`: the guarded figures are in place before the counters render.
    $effect.pre(() => {
      const counters = live.counters;
      if (counters) this.#take(counters);
    });
    $effect(() => () => clearTimeout(this.#recheck));
  }

  #take(counters: Counters): void {
    const now = this.now();
    const next = (key: FigureKey, day: string, value: number) => (this.#guards[key] = guardFigure(this.#guards[key], day, value, now));
    const today = next('visitorsToday', counters.day, counters.visitors.today);
    const total = next('visitorsTotal', ALL_TIME, counters.visitors.total);
    const interactions = next('interactionsToday', counters.day, interactionsToday(counters));
    const booth = next('boothVisitsToday', counters.day, boothVisitsToday(counters));
    this.day = counters.day;
    this.visitorsToday = today.value;
    this.visitorsTotal = total.value;
    this.interactionsToday = interactions.value;
    this.boothVisitsToday = booth.value;

    // A lower figure is held back; if the server still says so when its wait is over, it is a
    // correction and must show even if no other patch comes.
    clearTimeout(this.#recheck);
    const due = [today, total, interactions, booth].map((figure) => recheckAt(figure)).filter((at): at is number => at !== null);
    if (due.length > 0) {
      this.#recheck = setTimeout(() => {
        if (this.live.counters) this.#take(this.live.counters);
      }, Math.max(0, Math.min(...due) - now) + 10);
    }
  }
}
