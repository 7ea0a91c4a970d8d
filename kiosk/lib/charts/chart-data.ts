import type { PublishedSection } from '../../../shared/content.schema';
import type { Counters } from '../../../shared/counters.schema';
import { interactionCount } from '../figures';
import type { LocalizedText } from '../i18n';
import { BUCKET_MINUTES, bucketStart, clockText, startOfDay, wallClock } from '../../../shared/time-zone';

/**
 * What the stage charts draw, computed from the live counters as plain data (no chart.js, no DOM),
 * so the rules are testable and the chart components only copy arrays into their charts.
 */

/** A label drawn on several lines: Chinese first, then English (wrapped). */
export type LabelLines = [string, ...string[]];

export interface TimeSeries {
  labels: string[];
  values: number[];
  /** The last point is the current 10-minute bucket, still filling up (drawn dashed, not as a fall). */
  lastIsPartial: boolean;
}

export interface SectionSeries {
  ids: string[];
  labels: LabelLines[];
  colors: string[];
  visitors: number[];
  interactions: number[];
}

export interface RankedItems {
  ids: string[];
  labels: LabelLines[];
  colors: string[];
  values: number[];
}

export const BUCKET_MS = BUCKET_MINUTES * 60_000;
export const EMPTY_SERIES: TimeSeries = { labels: [], values: [], lastIsPartial: false };
/** A whole day of 10-minute buckets: the longest series the line chart draws. */
const MAX_BUCKETS = 144;

// Up to 144 labels are rebuilt at every counters patch (ten a second): remember the formatted ones.
const labelCache = new Map<string, string>();

function bucketLabel(start: number, timeZone: string): string {
  const key = `${timeZone}|${start}`;
  let label = labelCache.get(key);
  if (label === undefined) {
    label = clockText(start, timeZone);
    if (labelCache.size > 1_000) labelCache.clear();
    labelCache.set(key, label);
  }
  return label;
}

/**
 * Visitors per 10-minute bucket today, as a continuous series: buckets without visitors are zeros
 * (the counters only list buckets that saw someone), it runs up to the current bucket so a quiet
 * spell shows as a flat line rather than a gap, and it spans at least `minBuckets` so the first
 * minutes of a day do not draw one fat point.
 */
export function visitorSeries(counters: Counters, now: number, minBuckets = 12): TimeSeries {
  const { timeZone } = counters;
  const counts = new Map<number, number>();
  for (const bucket of counters.visitors.byBucket) {
    const start = Date.parse(bucket.start);
    if (Number.isFinite(start)) counts.set(start, (counts.get(start) ?? 0) + bucket.count);
  }
  const starts = [...counts.keys()].sort((a, b) => a - b);
  const clock = wallClock(now, timeZone);
  const isToday = clock.date === counters.day;
  const dayStart = startOfDay(clock.date, timeZone) ?? now;
  // The current bucket, by the server's own rule (zones with odd offsets included).
  const current = bucketStart(now, timeZone);

  const last = starts.at(-1);
  let end = isToday ? Math.max(current, last ?? current) : (last ?? current);
  let start = Math.min(starts[0] ?? end, end - (minBuckets - 1) * BUCKET_MS);
  // Padding never reaches into yesterday.
  if (isToday && start < dayStart) start += Math.ceil((dayStart - start) / BUCKET_MS) * BUCKET_MS;
  if (start > end) end = start;
  if ((end - start) / BUCKET_MS >= MAX_BUCKETS) start = end - (MAX_BUCKETS - 1) * BUCKET_MS;

  const labels: string[] = [];
  const values: number[] = [];
  for (let at = start; at <= end; at += BUCKET_MS) {
    labels.push(bucketLabel(at, timeZone));
    values.push(counts.get(at) ?? 0);
  }
  return { labels, values, lastIsPartial: isToday && end === current };
}

/** Chinese on one line, English wrapped on up to `enLines` lines of about `enWidth` characters. */
export function labelLines(text: LocalizedText, zhWidth: number, enWidth: number, enLines = 1): LabelLines {
  return [clip(text['zh-CN'], zhWidth), ...wrap(text.en, enWidth, enLines)];
}

/** Splits at spaces into lines of at most `width` characters; what does not fit in `lines` ends in an ellipsis. */
export function wrap(text: string, width: number, lines: number): string[] {
  const out: string[] = [];
  let line = '';
  const words = text.split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const candidate = line ? `${line} ${word}` : word;
    if ([...candidate].length <= width || !line) {
      line = candidate;
      continue;
    }
    if (out.length === lines - 1) {
      // The last line: whole words that fit, then an ellipsis (a word cut in half reads worse).
      out.push([...line].length < width ? `${line}…` : clip(line, width));
      return out;
    }
    out.push(line);
    line = word;
  }
  if (line) out.push(clip(line, width));
  return out;
}

/** Shortens a label that would not fit its axis, with an ellipsis. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/** Today's visitors and interactions of every section, in the exhibition's order. */
export function sectionSeries(counters: Counters, sections: readonly PublishedSection[]): SectionSeries {
  const ordered = [...sections].sort((a, b) => a.order - b.order);
  return {
    ids: ordered.map((s) => s.id),
    labels: ordered.map((s) => labelLines(s.title, 8, 15, 2)),
    colors: ordered.map((s) => s.color),
    visitors: ordered.map((s) => counters.visitors.bySection[s.id] ?? 0),
    interactions: ordered.map((s) => interactionCount(counters.interactions.bySection[s.id])),
  };
}

/**
 * The items visitors showed most interest in today (taps, views and dwells on their pages), at
 * most `limit`, most first; items nobody touched are left out. Only published items are ranked:
 * counters may still hold an item that was unpublished since.
 */
export function topItems(counters: Counters, sections: readonly PublishedSection[], limit = 6, enWidth = 32): RankedItems {
  const ranked: { id: string; title: LocalizedText; color: string; value: number; order: number }[] = [];
  for (const section of sections) {
    for (const item of section.items) {
      const value = interactionCount(counters.interactions.byItem[item.id]);
      if (value > 0) ranked.push({ id: item.id, title: item.title, color: section.color, value, order: section.order * 1_000 + item.order });
    }
  }
  ranked.sort((a, b) => b.value - a.value || a.order - b.order);
  const top = ranked.slice(0, limit);
  return {
    ids: top.map((r) => r.id),
    labels: top.map((r) => labelLines(r.title, 15, enWidth)),
    colors: top.map((r) => r.color),
    values: top.map((r) => r.value),
  };
}
