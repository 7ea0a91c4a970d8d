/**
 * A clock for what changes with time alone: the age of offline figures, announcements that start
 * or expire. One tick a second for the whole app; derived texts that do not change cost nothing.
 */
export class Clock {
  now = $state(Date.now());

  constructor(intervalMs = 1_000) {
    setInterval(() => (this.now = Date.now()), intervalMs);
  }
}
