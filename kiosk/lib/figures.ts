import type { Counters, InteractionTotals } from '../../shared/counters.schema';

/** Interactions are counted as events: every tap, item view and dwell is one. */
export function interactionCount(totals: InteractionTotals | undefined): number {
  return totals ? totals.taps + totals.views + totals.dwellCount : 0;
}

/** All interactions today (every interaction names its section). */
export function interactionsToday(counters: Counters): number {
  let sum = 0;
  for (const totals of Object.values(counters.interactions.bySection)) sum += interactionCount(totals);
  return sum;
}

export interface SectionFigures {
  visitorsToday: number;
  interactionsToday: number;
}

/** Today's figures of one section; a section nobody visited yet has zeros (it is absent from the maps). */
export function sectionFigures(counters: Counters, sectionId: string): SectionFigures {
  return {
    visitorsToday: counters.visitors.bySection[sectionId] ?? 0,
    interactionsToday: interactionCount(counters.interactions.bySection[sectionId]),
  };
}

/** Booth visits today (kiosk sessions); 0 from a snapshot that predates the figure. */
export function boothVisitsToday(counters: Counters): number {
  return counters.boothVisits?.today ?? 0;
}
