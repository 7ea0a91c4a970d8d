/**
 * This screen's clock as state, ticking once a second: for the time on screen, the age of the
 * figures while offline, and the chart's current 10-minute bucket. Created during a component's
 * initialisation; its timer stops with that component.
 */
export class Clock {
  now = $state(Date.now());
  /** Changes once a minute: what reads only this is not recomputed every second. */
  readonly minute = $derived(Math.floor(this.now / 60_000));

  constructor(now: () => number = Date.now, intervalMs = 1_000) {
    $effect(() => {
      const timer = setInterval(() => (this.now = now()), intervalMs);
      return () => clearInterval(timer);
    });
  }
}
