import type { Counters, InteractionTotals } from '../../shared/counters.schema';
import type { VisitorEvent } from '../../shared/events.schema';
import { bucketStart, localTime } from '../../shared/time-zone';

/** Day key under which all-time totals are kept. */
export const ALL_TIME = '*';

export type Metric = 'visits' | 'visit_buckets' | 'sessions' | 'exits' | 'taps' | 'views' | 'dwell_count' | 'dwell_ms';

/** One row of `counter_values`: empty section/item mean "not split by it". */
export interface CounterRow {
  day: string;
  metric: Metric;
  section: string;
  item: string;
  bucket: number;
  value: number;
}

/** Device clocks drift; an event stamped further ahead than this is counted at its arrival time. */
export const MAX_CLOCK_AHEAD_MS = 5 * 60_000;

/** When an event counts: its own time, unless the device's clock is implausibly ahead. */
export function effectiveTime(event: Pick<VisitorEvent, 'at'>, receivedAtMs: number): number {
  const at = Date.parse(event.at);
  return at > receivedAtMs + MAX_CLOCK_AHEAD_MS ? receivedAtMs : at;
}

/**
 * The refusal for an event older than `maxAgeDays` at `receivedAtMs`, or undefined when it is
 * recent enough. A kiosk's offline queue holds days; an event months old is a wrong clock or a
 * replay, and counting it would rewrite figures that were already shown and reported.
 */
export function staleEventProblem(event: Pick<VisitorEvent, 'at'>, receivedAtMs: number, maxAgeDays: number): string | undefined {
  const oldest = receivedAtMs - maxAgeDays * 86_400_000;
  return Date.parse(event.at) < oldest
    ? `is more than ${maxAgeDays} day${maxAgeDays === 1 ? '' : 's'} old (the oldest time accepted now is ${new Date(oldest).toISOString()})`
    : undefined;
}

/** The counter increments one stored event causes. */
export function incrementsFor(event: VisitorEvent, atMs: number, timeZone: string): CounterRow[] {
  const day = localTime(atMs, timeZone).day;
  const section = event.section ?? '';
  const item = event.item ?? '';
  const row = (metric: Metric, value: number, over: Partial<CounterRow> = {}): CounterRow => ({
    day,
    metric,
    section: '',
    item: '',
    bucket: 0,
    value,
    ...over,
  });
  // Each interaction counts once for its section and once more for its item when it names one.
  const perSectionAndItem = (metric: Metric, value: number) =>
    item ? [row(metric, value, { section }), row(metric, value, { section, item })] : [row(metric, value, { section })];

  switch (event.type) {
    case 'visit':
      return [
        row('visits', 1),
        row('visits', 1, { day: ALL_TIME }),
        row('visit_buckets', 1, { bucket: bucketStart(atMs, timeZone) }),
        ...(section ? [row('visits', 1, { section })] : []),
      ];
    case 'exit':
      // Someone leaving: today's exits (and its section's), never taken off the visitors figure.
      return [row('exits', 1), ...(section ? [row('exits', 1, { section })] : [])];
    case 'session':
      // A booth visit: today's total, and its section's when the kiosk is pinned to one.
      return [row('sessions', 1), ...(section ? [row('sessions', 1, { section })] : [])];
    case 'tap':
      return perSectionAndItem('taps', 1);
    case 'view':
      return perSectionAndItem('views', 1);
    case 'dwell':
      return [...perSectionAndItem('dwell_count', 1), ...perSectionAndItem('dwell_ms', event.ms ?? 0)];
  }
}

/** Who is on site now: entries minus exits, never below 0 (a door that counts "in" only has no exits to match). */
export function onSiteNow(entries: number, exits: number): number {
  return Math.max(0, entries - exits);
}

/** Adds `rows` into `into`, merging equal keys, so one group commit writes each counter once. */
export function accumulate(into: Map<string, CounterRow>, rows: readonly CounterRow[]): void {
  for (const row of rows) {
    const key = `${row.day}|${row.metric}|${row.section}|${row.item}|${row.bucket}`;
    const existing = into.get(key);
    if (existing) existing.value += row.value;
    else into.set(key, { ...row });
  }
}

const emptyTotals = (): InteractionTotals => ({ taps: 0, views: 0, dwellCount: 0, dwellMs: 0 });
const TOTALS_FIELD: Partial<Record<Metric, keyof InteractionTotals>> = {
  taps: 'taps',
  views: 'views',
  dwell_count: 'dwellCount',
  dwell_ms: 'dwellMs',
};

/** Builds the public counters for `day` from its rows and the all-time rows. */
export function foldCounters(rows: readonly CounterRow[], day: string, timeZone: string): Counters {
  const counters: Counters = {
    day,
    timeZone,
    visitors: { today: 0, total: 0, bySection: {}, byBucket: [] },
    boothVisits: { today: 0, bySection: {} },
    interactions: { bySection: {}, byItem: {} },
  };
  let exitsToday = 0;
  for (const row of rows) {
    if (row.day === ALL_TIME) {
      if (row.metric === 'visits' && !row.section) counters.visitors.total += row.value;
      continue;
    }
    if (row.day !== day) continue;
    if (row.metric === 'visits') {
      if (row.section) counters.visitors.bySection[row.section] = (counters.visitors.bySection[row.section] ?? 0) + row.value;
      else counters.visitors.today += row.value;
    } else if (row.metric === 'sessions') {
      const booth = counters.boothVisits!;
      if (row.section) booth.bySection[row.section] = (booth.bySection[row.section] ?? 0) + row.value;
      else booth.today += row.value;
    } else if (row.metric === 'exits') {
      if (!row.section) exitsToday += row.value;
    } else if (row.metric === 'visit_buckets') {
      counters.visitors.byBucket.push({ start: new Date(row.bucket).toISOString(), count: row.value });
    } else {
      const field = TOTALS_FIELD[row.metric];
      if (!field) continue;
      const table = row.item ? counters.interactions.byItem : counters.interactions.bySection;
      const key = row.item || row.section;
      const totals = (table[key] ??= emptyTotals());
      totals[field] += row.value;
    }
  }
  counters.visitors.byBucket.sort((a, b) => a.start.localeCompare(b.start));
  counters.onSite = { now: onSiteNow(counters.visitors.today, exitsToday), exitsToday };
  return counters;
}
