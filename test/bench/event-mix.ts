import { randomUUID } from 'node:crypto';
import type { VisitorEvent } from '../../shared/events.schema';

/** How many events of each kind a set of batches holds, to check the counters against afterwards. */
export interface Tally {
  visits: number;
  taps: number;
  views: number;
  dwells: number;
}

export const emptyTally = (): Tally => ({ visits: 0, taps: 0, views: 0, dwells: 0 });

export function addTally(into: Tally, more: Tally): void {
  into.visits += more.visits;
  into.taps += more.taps;
  into.views += more.views;
  into.dwells += more.dwells;
}

/** Sections and items of test/fixtures/content. */
const SECTIONS = ['alpha', 'beta'] as const;
const ITEMS = ['item-1', 'item-2'] as const;

const pick = <T>(values: readonly T[]): T => values[Math.floor(Math.random() * values.length)]!;

/**
 * A batch of valid events with fresh ids and the current time, in a show-floor-like mix:
 * 40 % visits (half of them from a hall door sensor with no section), 25 % taps, 25 % views,
 * 10 % dwells (half naming an item). Every kind of counter row gets written.
 */
export function makeBatch(size: number): { events: VisitorEvent[]; tally: Tally } {
  const tally = emptyTally();
  const at = new Date().toISOString();
  const events: VisitorEvent[] = [];
  for (let i = 0; i < size; i++) {
    const section = pick(SECTIONS);
    const item = `${section}-${pick(ITEMS)}`;
    const roll = Math.random();
    const id = randomUUID();
    if (roll < 0.4) {
      tally.visits++;
      events.push(roll < 0.2 ? { id, type: 'visit', at } : { id, type: 'visit', section, at });
    } else if (roll < 0.65) {
      tally.taps++;
      events.push({ id, type: 'tap', section, at });
    } else if (roll < 0.9) {
      tally.views++;
      events.push({ id, type: 'view', section, item, at });
    } else {
      tally.dwells++;
      const ms = 1_000 + Math.floor(Math.random() * 60_000);
      events.push(roll < 0.95 ? { id, type: 'dwell', section, ms, at } : { id, type: 'dwell', section, item, ms, at });
    }
  }
  return { events, tally };
}
