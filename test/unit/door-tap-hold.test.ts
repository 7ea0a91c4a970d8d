import { describe, expect, it } from 'vitest';
import { localDay, TapHold, tallyFor, UNDO_MS } from '../../kiosk/lib/door/tap-hold';

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

  it("keeps the door's own tally for its day only", () => {
    expect(tallyFor(JSON.stringify({ day: '2023-11-12', count: 7 }), '2023-11-12')).toBe(7);
    expect(tallyFor(JSON.stringify({ day: '2023-11-11', count: 7 }), '2023-11-12')).toBe(0);
    expect(tallyFor('not json', '2023-11-12')).toBe(0);
    expect(tallyFor(null, '2023-11-12')).toBe(0);
    expect(localDay(new Date(2023, 10, 12, 23, 59).getTime())).toBe('2023-11-12');
  });
});
