import { describe, expect, it } from 'vitest';
import { ALL_TIME, accumulate, effectiveTime, foldCounters, incrementsFor, MAX_CLOCK_AHEAD_MS, onSiteNow, type CounterRow } from '../../server/counters/counters.rules';
import type { VisitorEvent } from '../../shared/events.schema';

const TZ = 'Asia/Shanghai';
const event = (over: Partial<VisitorEvent>): VisitorEvent => ({
  id: '00000000-0000-4000-8000-000000000001',
  type: 'visit',
  at: '2023-11-12T02:05:00Z',
  ...over,
});
const sum = (rows: CounterRow[]) => {
  const merged = new Map<string, CounterRow>();
  accumulate(merged, rows);
  return [...merged.values()];
};

describe('counter rules', () => {
  it('counts an exit apart from visitors, and on site now as entries minus exits, never below 0', () => {
    const at = Date.parse('2023-11-12T02:05:00Z');
    const rows = sum([
      ...incrementsFor(event({ type: 'exit' }), at, TZ),
      ...incrementsFor(event({ type: 'exit', section: 'experts' }), at, TZ),
      ...incrementsFor(event({}), at, TZ),
      ...incrementsFor(event({}), at, TZ),
      ...incrementsFor(event({}), at, TZ),
    ]);
    const counters = foldCounters(rows, '2023-11-12', TZ);
    expect(counters.visitors.today).toBe(3);
    expect(counters.visitors.total).toBe(3);
    expect(counters.onSite).toEqual({ now: 1, exitsToday: 2 });
    // More out than in (people who came in before the door counted, or through a door that counts "in" only).
    const moreOut = sum([...incrementsFor(event({ type: 'exit' }), at, TZ), ...incrementsFor(event({ type: 'exit' }), at, TZ), ...incrementsFor(event({}), at, TZ)]);
    expect(foldCounters(moreOut, '2023-11-12', TZ).onSite).toEqual({ now: 0, exitsToday: 2 });
    expect(onSiteNow(5, 2)).toBe(3);
    expect(onSiteNow(2, 5)).toBe(0);
  });

  it('counts a booth session as a booth visit for its section, never as a visitor', () => {
    const at = Date.parse('2023-11-12T02:05:00Z');
    const rows = [...incrementsFor(event({ type: 'session', section: 'experts' }), at, TZ), ...incrementsFor(event({ type: 'session' }), at, TZ)];
    const counters = foldCounters(sum(rows), '2023-11-12', TZ);
    expect(counters.boothVisits).toEqual({ today: 2, bySection: { experts: 1 } });
    expect(counters.visitors).toEqual({ today: 0, total: 0, bySection: {}, byBucket: [] });
  });

  it('counts a visit today, in all time, in its section and in its 10-minute bucket', () => {
    const at = Date.parse('2023-11-12T02:05:00Z'); // 10:05 in Hangzhou
    const rows = incrementsFor(event({ section: 'experts' }), at, TZ);
    const counters = foldCounters(rows, '2023-11-12', TZ);
    expect(counters.visitors).toEqual({
      today: 1,
      total: 1,
      bySection: { experts: 1 },
      byBucket: [{ start: '2023-11-12T02:00:00.000Z', count: 1 }],
    });
  });

  it('counts a visit without a section for the hall only', () => {
    const rows = incrementsFor(event({}), Date.parse('2023-11-12T02:05:00Z'), TZ);
    expect(foldCounters(rows, '2023-11-12', TZ).visitors.bySection).toEqual({});
  });

  it('counts taps, views and dwell per section and per item', () => {
    const at = Date.parse('2023-11-12T02:05:00Z');
    const rows = sum([
      ...incrementsFor(event({ type: 'tap', section: 'experts' }), at, TZ),
      ...incrementsFor(event({ type: 'view', section: 'experts', item: 'oc-ta-exm' }), at, TZ),
      ...incrementsFor(event({ type: 'dwell', section: 'experts', item: 'oc-ta-exm', ms: 1500 }), at, TZ),
      ...incrementsFor(event({ type: 'dwell', section: 'experts', item: 'oc-ta-exm', ms: 500 }), at, TZ),
    ]);
    const { interactions } = foldCounters(rows, '2023-11-12', TZ);
    expect(interactions.bySection.experts).toEqual({ taps: 1, views: 1, dwellCount: 2, dwellMs: 2000 });
    expect(interactions.byItem['oc-ta-exm']).toEqual({ taps: 0, views: 1, dwellCount: 2, dwellMs: 2000 });
  });

  it('merges equal counters so a group commit writes each once', () => {
    const at = Date.parse('2023-11-12T02:05:00Z');
    const rows = sum([...incrementsFor(event({}), at, TZ), ...incrementsFor(event({}), at + 60_000, TZ)]);
    expect(rows.find((r) => r.metric === 'visits' && r.day === '2023-11-12')?.value).toBe(2);
    expect(rows.find((r) => r.metric === 'visits' && r.day === ALL_TIME)?.value).toBe(2);
  });

  it('keeps other days out of today but in the total', () => {
    const yesterday = incrementsFor(event({}), Date.parse('2023-11-11T10:00:00Z'), TZ);
    const today = incrementsFor(event({}), Date.parse('2023-11-12T02:00:00Z'), TZ);
    const counters = foldCounters(sum([...yesterday, ...today]), '2023-11-12', TZ);
    expect(counters.visitors.today).toBe(1);
    expect(counters.visitors.total).toBe(2);
  });
});

describe('day boundary in the time zone', () => {
  it('puts 23:59 and 00:00 Hangzhou time on different days though both are the same UTC day', () => {
    const before = incrementsFor(event({}), Date.parse('2023-11-12T15:59:59Z'), TZ); // 23:59:59 on the 12th
    const after = incrementsFor(event({}), Date.parse('2023-11-12T16:00:00Z'), TZ); // 00:00 on the 13th
    expect(before[0]!.day).toBe('2023-11-12');
    expect(after[0]!.day).toBe('2023-11-13');
  });

  it('follows the configured zone, not UTC', () => {
    const at = Date.parse('2023-11-12T20:00:00Z');
    expect(incrementsFor(event({}), at, 'Asia/Shanghai')[0]!.day).toBe('2023-11-13');
    expect(incrementsFor(event({}), at, 'America/New_York')[0]!.day).toBe('2023-11-12');
  });

  it('starts 10-minute buckets on local boundaries in a zone offset by 45 minutes', () => {
    const at = Date.parse('2023-11-12T04:20:00Z'); // 10:05 in Kathmandu (+05:45)
    const bucket = incrementsFor(event({}), at, 'Asia/Kathmandu').find((r) => r.metric === 'visit_buckets')!;
    expect(new Date(bucket.bucket).toISOString()).toBe('2023-11-12T04:15:00.000Z'); // 10:00 local
  });
});

describe('effective time', () => {
  const received = Date.parse('2023-11-12T02:00:00Z');
  it('uses the event time when it is in the past (a kiosk sending its offline queue)', () => {
    expect(effectiveTime({ at: '2023-11-12T01:00:00Z' }, received)).toBe(Date.parse('2023-11-12T01:00:00Z'));
  });
  it('uses the arrival time when the device clock is far ahead', () => {
    const ahead = new Date(received + MAX_CLOCK_AHEAD_MS + 1000).toISOString();
    expect(effectiveTime({ at: ahead }, received)).toBe(received);
  });
});
