/**
 * The rule that keeps a big stage counter from ever stepping backwards because of a late or
 * reordered message.
 *
 * The live store already drops patches whose `seq` is not newer. On top of that, a figure for
 * "today" only goes down when the day changes (a new day starts from zero). A lower value that the
 * server keeps reporting for `acceptLowerAfterMs` is no glitch but a correction (an operator fixed a
 * count, or reset the day): it is then shown, so the screen never sticks to a wrong number for the
 * rest of the day.
 */

/**
 * How long a lower figure must persist before the stage believes it. A stale message is overtaken
 * within a fraction of a second; an operator's correction or day reset stays.
 */
export const ACCEPT_LOWER_AFTER_MS = 10_000;

export interface GuardedFigure {
  /** The period the figure counts in: the calendar day for "today" figures, a constant for totals. */
  day: string;
  /** What the screen shows. */
  value: number;
  /** A lower value the server reports, and since when (this screen's clock); null when none. */
  lower: { value: number; since: number } | null;
}

export function guardFigure(
  previous: GuardedFigure | null,
  day: string,
  value: number,
  now: number,
  acceptLowerAfterMs = ACCEPT_LOWER_AFTER_MS,
): GuardedFigure {
  if (previous === null || previous.day !== day || value >= previous.value) return { day, value, lower: null };
  const since = previous.lower?.since ?? now;
  if (now - since >= acceptLowerAfterMs) return { day, value, lower: null };
  return { day, value: previous.value, lower: { value, since } };
}

/** When a held lower value should be looked at again (ms since the epoch), or null when none is held. */
export function recheckAt(figure: GuardedFigure, acceptLowerAfterMs = ACCEPT_LOWER_AFTER_MS): number | null {
  return figure.lower ? figure.lower.since + acceptLowerAfterMs : null;
}
