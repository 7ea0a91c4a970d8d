import { describe, expect, it } from 'vitest';
import type { Counters } from '../../shared/counters.schema';
import type { PublishedSection } from '../../shared/content.schema';
import { sectionSeries, topItems, visitorSeries, wrap } from '../../kiosk/lib/charts/chart-data';
import { ageText } from '../../kiosk/lib/stage/age';

const counters = (over: Partial<Counters['visitors']> = {}, byItem: Counters['interactions']['byItem'] = {}): Counters => ({
  day: '2023-11-12',
  timeZone: 'Asia/Shanghai',
  visitors: { today: 0, total: 0, bySection: {}, byBucket: [], ...over },
  interactions: { bySection: {}, byItem },
});
// 10:25:30 in Hangzhou on the show's first day.
const NOW = Date.parse('2023-11-12T10:25:30+08:00');
const text = (s: string) => ({ 'zh-CN': `${s}区`, en: `Section ${s}` });
const sections: PublishedSection[] = ['b', 'a'].map((id, order) => ({
  id,
  order: id === 'a' ? 0 : 1,
  title: text(id),
  summary: text(id),
  color: '#1f4e79',
  items: [{ id: `${id}-item`, section: id, order, published: true, title: text(`${id} item`), summary: text(id), body: text(id), facts: [], tags: [], images: [] }],
}));

describe('stage chart data', () => {
  it('draws visitors per 10 minutes as a continuous series up to the current bucket, zeros included', () => {
    const series = visitorSeries(
      counters({ byBucket: [{ start: '2023-11-12T01:40:00.000Z', count: 4 }, { start: '2023-11-12T02:00:00.000Z', count: 2 }] }),
      NOW,
      1,
    );
    expect(series.labels).toEqual(['09:40', '09:50', '10:00', '10:10', '10:20']);
    expect(series.values).toEqual([4, 0, 2, 0, 0]);
    expect(series.lastIsPartial).toBe(true);
  });

  it('spans at least the given number of buckets, but not into yesterday', () => {
    expect(visitorSeries(counters(), NOW, 12).labels).toHaveLength(12);
    const justAfterMidnight = Date.parse('2023-11-12T00:15:00+08:00');
    expect(visitorSeries(counters(), justAfterMidnight, 12).labels).toEqual(['00:00', '00:10']);
  });

  it('lists sections in the exhibition order with their visitors and interactions', () => {
    const series = sectionSeries(
      { ...counters({ bySection: { a: 3 } }), interactions: { bySection: { b: { taps: 2, views: 1, dwellCount: 1, dwellMs: 900 } }, byItem: {} } },
      sections,
    );
    expect(series.ids).toEqual(['a', 'b']);
    expect(series.visitors).toEqual([3, 0]);
    expect(series.interactions).toEqual([0, 4]);
  });

  it('ranks the items with most interest first and leaves out untouched ones', () => {
    const ranked = topItems(counters({}, { 'a-item': { taps: 1, views: 0, dwellCount: 0, dwellMs: 0 }, 'b-item': { taps: 2, views: 3, dwellCount: 0, dwellMs: 0 }, gone: { taps: 9, views: 9, dwellCount: 9, dwellMs: 0 } }), sections);
    expect(ranked.ids).toEqual(['b-item', 'a-item']);
    expect(ranked.values).toEqual([5, 1]);
  });

  it('wraps long English labels at spaces', () => {
    expect(wrap('Project & Organisation Matchmaking', 15, 2)).toEqual(['Project &', 'Organisation…']);
    expect(wrap('Key Foreign Experts', 15, 2)).toEqual(['Key Foreign', 'Experts']);
  });
});

describe('the age of the figures', () => {
  it('says it in words readable from afar, in both languages', () => {
    expect(ageText(20_000)).toEqual({ 'zh-CN': '刚刚', en: 'just now' });
    expect(ageText(3 * 60_000 + 5_000)).toEqual({ 'zh-CN': '3 分钟前', en: '3 min ago' });
    expect(ageText(2 * 3_600_000)).toEqual({ 'zh-CN': '2 小时前', en: '2 h ago' });
  });
});
