import type { Counters } from './counters.schema';
import { applyDelta, deltaFor, type JsonPath } from './json-delta.rules';

/**
 * What a `/live` client shows, declared in its handshake (`auth.view`). A client that declares a
 * view gets only the counters that view renders, as deltas (`counters:delta` patches), at the rate
 * that fits it; one that declares nothing gets every full `counters` patch, as before.
 */
export const LIVE_VIEWS = ['phone', 'kiosk', 'stage', 'console'] as const;
export type LiveView = (typeof LIVE_VIEWS)[number];

export function isLiveView(value: unknown): value is LiveView {
  return typeof value === 'string' && (LIVE_VIEWS as readonly string[]).includes(value);
}

/**
 * The counters each view renders, as path prefixes (null: all of them).
 * - phone: the headline figures on its home page (visitors today and in total, booth visits today);
 * - kiosk: those, plus today's figures per section (attract tiles, live strip) and booth visits;
 * - stage and console: everything (charts by bucket, top items, the counters page).
 */
export const VIEW_COUNTERS: Readonly<Record<LiveView, readonly JsonPath[] | null>> = {
  phone: [['day'], ['timeZone'], ['visitors', 'today'], ['visitors', 'total'], ['boothVisits', 'today']],
  kiosk: [['day'], ['timeZone'], ['visitors', 'today'], ['visitors', 'total'], ['visitors', 'bySection'], ['interactions', 'bySection'], ['boothVisits']],
  stage: null,
  console: null,
};

function startsWith(path: JsonPath, prefix: JsonPath): boolean {
  return prefix.length <= path.length && prefix.every((key, i) => path[i] === key);
}

/** True when `path` (a changed path of the full counters) is part of what `view` renders. */
export function viewIncludes(view: LiveView, path: JsonPath): boolean {
  const prefixes = VIEW_COUNTERS[view];
  return prefixes === null || prefixes.some((prefix) => startsWith(path, prefix));
}

/** What a view's counters hold where it renders nothing: the shape of Counters, empty. */
const EMPTY: Counters = {
  day: '',
  timeZone: '',
  visitors: { today: 0, total: 0, bySection: {}, byBucket: [] },
  interactions: { bySection: {}, byItem: {} },
};

/**
 * The counters as `view` sees them: the same shape (so every page keeps one type), with the paths
 * it renders copied from `counters` and the rest left empty.
 */
export function countersForView(view: LiveView, counters: Counters): Counters {
  const prefixes = VIEW_COUNTERS[view];
  return prefixes === null ? counters : applyDelta(EMPTY, deltaFor(counters, prefixes));
}
