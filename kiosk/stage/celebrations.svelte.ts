import { CELEBRATION_GAP_MS, CELEBRATION_MS, EMPTY_QUEUE, advance, enqueue, finish, type Celebration } from '../lib/stage/celebrations';

/**
 * The celebration on screen and those waiting, one after the other (rules in
 * lib/stage/celebrations.ts). While `blocked` (an announcement holds the screen), waiting ones wait.
 */
export class Celebrations {
  #queue = $state.raw(EMPTY_QUEUE);
  readonly showing: Celebration | null = $derived(this.#queue.showing);
  readonly #hasWaiting = $derived(this.#queue.waiting.length > 0);

  constructor(blocked: () => boolean) {
    $effect(() => {
      const showing = this.showing;
      if (!showing) return;
      const timer = setTimeout(() => (this.#queue = finish(this.#queue)), CELEBRATION_MS[showing.kind]);
      return () => clearTimeout(timer);
    });
    $effect(() => {
      if (this.showing || !this.#hasWaiting || blocked()) return;
      const timer = setTimeout(() => (this.#queue = advance(this.#queue)), CELEBRATION_GAP_MS);
      return () => clearTimeout(timer);
    });
  }

  add(celebration: Celebration): void {
    this.#queue = enqueue(this.#queue, celebration);
  }
}
