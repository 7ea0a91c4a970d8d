import { describe, expect, it } from 'vitest';
import { applyDelta, collectChangedPaths, deltaFor, diff, looksLikeDelta, type PathSet } from '../../shared/json-delta.rules';
import { countersForView, viewIncludes } from '../../shared/live-views';
import type { Counters } from '../../shared/counters.schema';

function counters(over: Partial<Counters['visitors']> = {}): Counters {
  return {
    day: '2023-11-12',
    timeZone: 'Asia/Shanghai',
    visitors: { today: 5, total: 50, bySection: { experts: 3 }, byBucket: [{ start: 't0', count: 5 }], ...over },
    interactions: { bySection: { experts: { taps: 1, views: 2, dwellCount: 0, dwellMs: 0 } }, byItem: {} },
  };
}

/** A small deterministic random generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe('json deltas', () => {
  it('names only the paths that moved, with their latest values', () => {
    const before = counters();
    const after = counters({ today: 6, bySection: { experts: 4 } });
    expect(diff(before, after)).toEqual([
      [['visitors', 'today'], 6],
      [['visitors', 'bySection', 'experts'], 4],
    ]);
  });

  it('applies without touching what it does not name', () => {
    const before = counters();
    const after = applyDelta(before, [[['visitors', 'today'], 9]]);
    expect(after.visitors.today).toBe(9);
    expect(after.interactions).toBe(before.interactions);
    expect(after.visitors.byBucket).toBe(before.visitors.byBucket);
    expect(before.visitors.today).toBe(5);
  });

  it('adds new keys and array entries, removes keys, and replaces an array that got shorter', () => {
    const before = counters();
    const grown = counters({ bySection: { experts: 3, platforms: 1 }, byBucket: [{ start: 't0', count: 5 }, { start: 't1', count: 1 }] });
    expect(applyDelta(before, diff(before, grown))).toEqual(grown);
    const reset = counters({ today: 0, bySection: {}, byBucket: [] });
    expect(diff(grown, reset)).toContainEqual([['visitors', 'byBucket'], []]);
    expect(diff(grown, reset)).toContainEqual([['visitors', 'bySection', 'experts']]);
    expect(applyDelta(grown, diff(grown, reset))).toEqual(reset);
  });

  it('brings any earlier version up to date when it carries every path touched since then', () => {
    const next = random(7);
    let state: Counters = counters();
    const versions: Counters[] = [state];
    const touched: PathSet = new Map();
    for (let i = 0; i < 500; i++) {
      const section = ['experts', 'platforms', 'promotion'][Math.floor(next() * 3)]!;
      const bySection = { ...state.visitors.bySection };
      if (next() < 0.1) delete bySection[section];
      else bySection[section] = Math.floor(next() * 4);
      const byBucket = next() < 0.05 ? [] : [...state.visitors.byBucket, ...(next() < 0.2 ? [{ start: `b${i}`, count: 1 }] : [])];
      const updated: Counters = { ...state, visitors: { ...state.visitors, today: Math.floor(next() * 3), bySection, byBucket } };
      collectChangedPaths(state, updated, touched);
      state = updated;
      versions.push(state);
    }
    // Every version a client might hold (one it got from a snapshot after the last delta) catches up.
    for (const held of versions) expect(applyDelta(held, deltaFor(state, touched.values()))).toEqual(state);
  });

  it('refuses lists that are not changes, and prototype keys', () => {
    expect(looksLikeDelta([[['a'], 1], [['b']]])).toBe(true);
    expect(looksLikeDelta([[['__proto__'], {}]])).toBe(false);
    expect(looksLikeDelta([['a', 1]])).toBe(false);
    expect(looksLikeDelta({})).toBe(false);
  });
});

describe('views', () => {
  it('keep only what the view renders, in the same shape', () => {
    const full = counters();
    const phone = countersForView('phone', full);
    expect(phone).toEqual({ ...full, visitors: { today: 5, total: 50, bySection: {}, byBucket: [] }, interactions: { bySection: {}, byItem: {} } });
    expect(countersForView('kiosk', full).interactions.bySection).toEqual(full.interactions.bySection);
    expect(countersForView('stage', full)).toBe(full);
    expect(viewIncludes('phone', ['visitors', 'bySection', 'experts'])).toBe(false);
    expect(viewIncludes('kiosk', ['visitors', 'bySection', 'experts'])).toBe(true);
    expect(viewIncludes('kiosk', ['interactions', 'byItem', 'x', 'taps'])).toBe(false);
  });
});
