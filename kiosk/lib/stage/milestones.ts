/**
 * Milestones of today's visitors (every 1,000th), computed on the screen from the counters.
 *
 * A screen that starts (or reloads) with 2,345 visitors already in does not celebrate 1,000 and
 * 2,000 again; it remembers the highest milestone reached today and celebrates only new ones.
 */

export const MILESTONE_STEP = 1_000;
/** A screen that comes back after a long gap celebrates at most this many (the latest) at once. */
export const MAX_MILESTONES_AT_ONCE = 3;

export interface MilestoneState {
  day: string;
  /** The highest milestone (a multiple of the step, or 0) reached on `day`. */
  reached: number;
}

export interface MilestoneResult {
  state: MilestoneState;
  /** Milestones just crossed, in increasing order. */
  crossed: number[];
}

export function nextMilestones(
  state: MilestoneState | null,
  day: string,
  visitorsToday: number,
  step = MILESTONE_STEP,
  limit = MAX_MILESTONES_AT_ONCE,
): MilestoneResult {
  const reachedNow = Math.floor(Math.max(0, visitorsToday) / step) * step;
  // The first figures this screen sees: what was reached before it started is not news.
  if (state === null) return { state: { day, reached: reachedNow }, crossed: [] };
  const before = state.day === day ? state.reached : 0;
  if (reachedNow <= before) return { state: { day, reached: before }, crossed: [] };
  const crossed: number[] = [];
  for (let milestone = Math.max(before + step, reachedNow - (limit - 1) * step); milestone <= reachedNow; milestone += step) crossed.push(milestone);
  return { state: { day, reached: reachedNow }, crossed };
}
