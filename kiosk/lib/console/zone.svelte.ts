import type { LiveState } from '../live.svelte';
import { fromZonedInput, toZonedInput } from './local-time';

// The server's own default (server/config): used only until the first snapshot names the zone.
const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/**
 * The exhibition's time zone (the server's TIME_ZONE, carried by every snapshot in
 * `counters.timeZone`): the console shows and reads every date and time on its wall clock.
 */
export class ExhibitionZone {
  readonly #live: LiveState;
  // Lazy: read first after the constructor has set #live.
  readonly id = $derived.by(() => this.#live.counters?.timeZone ?? DEFAULT_TIME_ZONE);

  constructor(live: LiveState) {
    this.#live = live;
  }

  /** An instant as a datetime-local value in the zone. */
  toInput(at: number | string | Date): string {
    return toZonedInput(at, this.id);
  }

  /** A datetime-local value read in the zone, as an ISO instant. */
  fromInput(value: string): string | undefined {
    return fromZonedInput(value, this.id);
  }
}
