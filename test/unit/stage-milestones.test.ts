import { describe, expect, it } from 'vitest';
import { nextMilestones } from '../../kiosk/lib/stage/milestones';

const DAY = '2023-11-12';

describe('visitor milestones', () => {
  it('celebrates nothing that was reached before the screen started', () => {
    expect(nextMilestones(null, DAY, 2_345)).toEqual({ state: { day: DAY, reached: 2_000 }, crossed: [] });
  });

  it('celebrates the 1,000th visitor when the count crosses it', () => {
    const start = nextMilestones(null, DAY, 998).state;
    expect(nextMilestones(start, DAY, 999).crossed).toEqual([]);
    expect(nextMilestones(start, DAY, 1_000).crossed).toEqual([1_000]);
    expect(nextMilestones(start, DAY, 1_004).crossed).toEqual([1_000]);
  });

  it('celebrates each milestone crossed at once, at most the latest three', () => {
    const start = nextMilestones(null, DAY, 900).state;
    expect(nextMilestones(start, DAY, 2_100).crossed).toEqual([1_000, 2_000]);
    expect(nextMilestones(start, DAY, 7_500).crossed).toEqual([5_000, 6_000, 7_000]);
  });

  it('never celebrates the same milestone twice on a day, even if the count dips and rises again', () => {
    let state = nextMilestones(nextMilestones(null, DAY, 990).state, DAY, 1_001).state;
    state = nextMilestones(state, DAY, 995).state;
    expect(nextMilestones(state, DAY, 1_002).crossed).toEqual([]);
  });

  it('starts again from zero on a new day', () => {
    const yesterday = nextMilestones(null, DAY, 5_400).state;
    expect(nextMilestones(yesterday, '2023-11-13', 12).crossed).toEqual([]);
    const today = nextMilestones(yesterday, '2023-11-13', 12).state;
    expect(nextMilestones(today, '2023-11-13', 1_000).crossed).toEqual([1_000]);
  });
});
