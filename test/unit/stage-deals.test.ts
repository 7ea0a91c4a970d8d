import { describe, expect, it } from 'vitest';
import type { DealFigures } from '../../shared/deals.schema';
import { countrySeries, industrySeries } from '../../kiosk/lib/charts/deal-data';
import { countryText, hasMeetings, newAgreements } from '../../kiosk/lib/stage/deals';
import { dealEntry } from '../../kiosk/lib/stage/ticker';

const text = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const funnel = (meetings: number, intentions: number, agreements: number) => ({ meetings, intentions, agreements });

function signed(meetingId: string, signedAt: string): DealFigures['latest'][number] {
  return { meetingId, organisation: text(`机构${meetingId}`, `Org ${meetingId}`), country: 'DE', partner: text('杭州伙伴', 'Hangzhou partner'), industry: 'iot', signedAt };
}

function figures(latest: DealFigures['latest'] = [], over: Partial<DealFigures> = {}): DealFigures {
  return { totals: funnel(latest.length, latest.length, latest.length), byCountry: {}, byIndustry: {}, byOrganisation: [], latest, ...over };
}

describe('signed agreements the stage celebrates', () => {
  it('finds nothing new in the first figures a screen sees', () => {
    expect(newAgreements(null, figures([signed('a', '2023-11-12T02:00:00.000Z')]))).toEqual([]);
  });

  it('finds each agreement a patch adds, oldest first, and none that was already listed', () => {
    const before = figures([signed('a', '2023-11-12T02:00:00.000Z')]);
    const after = figures([signed('c', '2023-11-12T02:05:00.000Z'), signed('b', '2023-11-12T02:04:00.000Z'), signed('a', '2023-11-12T02:00:00.000Z')]);
    expect(newAgreements(before, after).map((d) => d.meetingId)).toEqual(['b', 'c']);
    expect(newAgreements(after, after)).toEqual([]);
  });

  it('finds the first agreement after figures with none', () => {
    expect(newAgreements(figures(), figures([signed('a', '2023-11-12T02:00:00.000Z')])).map((d) => d.meetingId)).toEqual(['a']);
  });

  it('celebrates a meeting signed again after a correction, but not an older agreement coming back onto the list', () => {
    const before = figures([signed('b', '2023-11-12T02:04:00.000Z'), signed('a', '2023-11-12T02:00:00.000Z')]);
    // b was corrected back to an intention: an older agreement, z, moves up into the list of latest ones.
    const corrected = figures([signed('a', '2023-11-12T02:00:00.000Z'), signed('z', '2023-11-12T01:00:00.000Z')]);
    expect(newAgreements(before, corrected)).toEqual([]);
    // Signed again later: a new signing.
    const again = figures([signed('b', '2023-11-12T03:00:00.000Z'), ...corrected.latest]);
    expect(newAgreements(corrected, again).map((d) => d.signedAt)).toEqual(['2023-11-12T03:00:00.000Z']);
  });

  it('keeps only the latest few when many arrive at once (a screen back after a long gap)', () => {
    const latest = Array.from({ length: 7 }, (_, i) => signed(`m${i}`, `2023-11-12T02:0${i}:00.000Z`)).reverse();
    expect(newAgreements(figures(), figures(latest), 4).map((d) => d.meetingId)).toEqual(['m3', 'm4', 'm5', 'm6']);
  });

  it('notes a signing in the ticker with organisation, country and partner in both languages', () => {
    const entry = dealEntry('a@t', { organisation: text('弗劳恩霍夫协会', 'Fraunhofer'), country: text('德国', 'Germany'), partner: text('杭州智联科技', 'Hangzhou Zhilian Tech') }, 1);
    expect(entry).toMatchObject({ id: 'deal:a@t', kind: 'deal' });
    expect(entry.text['zh-CN']).toBe('签约：弗劳恩霍夫协会（德国）× 杭州智联科技');
    expect(entry.text.en).toBe('Agreement signed: Fraunhofer (Germany) with Hangzhou Zhilian Tech');
  });
});

describe('the matchmaking wall', () => {
  it('names countries in Chinese and English, falling back to the code', () => {
    expect(countryText('DE')).toEqual({ 'zh-CN': '德国', en: 'Germany' });
    expect(countryText('XX')).toEqual({ 'zh-CN': 'XX', en: 'XX' });
  });

  it('has something to show once a meeting is recorded', () => {
    expect(hasMeetings(null)).toBe(false);
    expect(hasMeetings(figures())).toBe(false);
    expect(hasMeetings(figures([], { totals: funnel(1, 0, 0) }))).toBe(true);
  });

  it('charts every industry in a fixed order, zero where nothing happened', () => {
    const series = industrySeries(figures([], { byIndustry: { energy: funnel(3, 2, 1) } }));
    expect(series.ids).toEqual(['iot', 'biomedicine', 'equipment', 'materials', 'energy']);
    // One line per category on the horizontal wall, Chinese then English.
    expect(series.labels[0]).toEqual(['智能物联 IoT']);
    expect(series.labels[2]).toEqual(['高端装备 High-end equipment']);
    expect(series.meetings).toEqual([0, 0, 0, 0, 3]);
    expect(series.agreements).toEqual([0, 0, 0, 0, 1]);
  });

  it('charts the countries with meetings, most agreements first, then most meetings, at most a few', () => {
    const byCountry = { DE: funnel(2, 1, 1), IT: funnel(5, 0, 0), FR: funnel(1, 1, 1), GB: funnel(0, 0, 0), BY: funnel(1, 0, 0) };
    const series = countrySeries(figures([], { byCountry }), 3);
    expect(series.ids).toEqual(['DE', 'FR', 'IT']);
    expect(series.labels[0]).toEqual(['德国 Germany']);
    expect(series.meetings).toEqual([2, 1, 5]);
    expect(series.agreements).toEqual([1, 1, 0]);
  });
});
