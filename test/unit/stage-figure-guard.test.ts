import { describe, expect, it } from 'vitest';
import { ACCEPT_LOWER_AFTER_MS, guardFigure, recheckAt, type GuardedFigure } from '../../kiosk/lib/stage/figure-guard';

const DAY = '2023-11-12';
const figure = (value: number, day = DAY): GuardedFigure => ({ day, value, lower: null });

describe('the never-backwards rule for stage counters', () => {
  it('takes the first value and every higher one', () => {
    expect(guardFigure(null, DAY, 12, 0).value).toBe(12);
    expect(guardFigure(figure(12), DAY, 15, 0).value).toBe(15);
  });

  it('keeps showing the higher figure when a lower one arrives on the same day', () => {
    const held = guardFigure(figure(120), DAY, 117, 1_000);
    expect(held.value).toBe(120);
    expect(held.lower).toEqual({ value: 117, since: 1_000 });
    expect(recheckAt(held)).toBe(1_000 + ACCEPT_LOWER_AFTER_MS);
  });

  it('forgets a lower figure as soon as a figure at least as high arrives', () => {
    const held = guardFigure(figure(120), DAY, 117, 1_000);
    const next = guardFigure(held, DAY, 121, 1_100);
    expect(next).toEqual(figure(121));
    expect(recheckAt(next)).toBeNull();
  });

  it('goes down at once when the day changes', () => {
    expect(guardFigure(figure(4_321), '2023-11-13', 3, 0)).toEqual(figure(3, '2023-11-13'));
  });

  it('believes a lower figure the server keeps reporting (a correction), counted from when it first appeared', () => {
    let state = guardFigure(figure(120), DAY, 110, 0);
    state = guardFigure(state, DAY, 111, ACCEPT_LOWER_AFTER_MS / 2);
    expect(state.value).toBe(120);
    state = guardFigure(state, DAY, 111, ACCEPT_LOWER_AFTER_MS);
    expect(state).toEqual(figure(111));
  });
});
