import { describe, expect, it } from 'vitest';
import { localDay, storedTally, TapHold, tallyAfter, tallyFor, UNDO_MS } from '../../kiosk/lib/door/tap-hold';

const T0 = Date.parse('2023-11-12T02:00:00Z');
const ids = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('door counter taps', () => {
  it('holds a tap for the undo window, then releases it as a visit stamped with the moment of the tap', () => {
    const hold = new TapHold();
    hold.tap(T0, ids(1), 'experts');
    expect(hold.release(T0 + UNDO_MS - 1)).toEqual([]);
    expect(hold.release(T0 + UNDO_MS)).toEqual([{ id: ids(1), type: 'visit', section: 'experts', at: new Date(T0).toISOString() }]);
    expect(hold.size).toBe(0);
  });

  it('counts the whole hall when the door has no section', () => {
    const hold = new TapHold();
    expect(hold.tap(T0, ids(1), null)).not.toHaveProperty('section');
  });

  it('undo takes back the newest tap only, and nothing once the window passed', () => {
    const hold = new TapHold();
    hold.tap(T0, ids(1), null);
    hold.tap(T0 + 1000, ids(2), null);
    expect(hold.undo()?.id).toBe(ids(2));
    expect(hold.release(T0 + UNDO_MS).map((e) => e.id)).toEqual([ids(1)]);
    expect(hold.undo()).toBeNull();
  });

  it('releases every held tap at once when the page goes away', () => {
    const hold = new TapHold();
    hold.tap(T0, ids(1), null);
    hold.tap(T0, ids(2), null);
    expect(hold.releaseAll().map((e) => e.id)).toEqual([ids(1), ids(2)]);
    expect(hold.undoUntil).toBeNull();
  });

  it('holds an exit at a door that counts in and out, undone like an entry', () => {
    const hold = new TapHold();
    hold.tap(T0, ids(1), null, 'exit');
    expect(hold.undo()).toEqual({ id: ids(1), type: 'exit', at: new Date(T0).toISOString() });
    hold.tap(T0, ids(2), 'experts', 'exit');
    expect(hold.release(T0 + UNDO_MS)).toEqual([{ id: ids(2), type: 'exit', section: 'experts', at: new Date(T0).toISOString() }]);
  });

  it('counts ins and outs apart in the tally, never below 0', () => {
    const zero = { in: 0, out: 0 };
    expect(tallyAfter(zero, { type: 'visit' }, 1)).toEqual({ in: 1, out: 0 });
    expect(tallyAfter({ in: 3, out: 1 }, { type: 'exit' }, 1)).toEqual({ in: 3, out: 2 });
    expect(tallyAfter({ in: 3, out: 1 }, { type: 'exit' }, -1)).toEqual({ in: 3, out: 0 });
    expect(tallyAfter(zero, { type: 'exit' }, -1)).toEqual(zero);
  });

  it("keeps the door's own tally for its day only", () => {
    expect(tallyFor(storedTally({ in: 7, out: 2 }, '2023-11-12'), '2023-11-12')).toEqual({ in: 7, out: 2 });
    // Saved before in/out existed: the ins only.
    expect(tallyFor(JSON.stringify({ day: '2023-11-12', count: 7 }), '2023-11-12')).toEqual({ in: 7, out: 0 });
    expect(tallyFor(JSON.stringify({ day: '2023-11-11', count: 7 }), '2023-11-12')).toEqual({ in: 0, out: 0 });
    expect(tallyFor(JSON.stringify({ day: '2023-11-12', count: -3, out: 'x' }), '2023-11-12')).toEqual({ in: 0, out: 0 });
    expect(tallyFor('not json', '2023-11-12')).toEqual({ in: 0, out: 0 });
    expect(tallyFor(null, '2023-11-12')).toEqual({ in: 0, out: 0 });
    expect(localDay(new Date(2023, 10, 12, 23, 59).getTime())).toBe('2023-11-12');
  });
});
