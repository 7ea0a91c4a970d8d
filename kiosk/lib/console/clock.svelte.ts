/**
 * One ticking "now" for the whole console: "last seen 12 s ago" and announcement states move on
 * without each component running its own timer.
 */
export class Clock {
  now = $state(Date.now());
  #timer: ReturnType<typeof setInterval>;

  constructor(intervalMs = 1_000) {
    this.#timer = setInterval(() => (this.now = Date.now()), intervalMs);
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}
