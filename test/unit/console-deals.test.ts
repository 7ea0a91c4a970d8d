import { describe, expect, it } from 'vitest';
import type { Meeting } from '../../shared/deals.schema';
import { applyStep, stepKind } from '../../server/deals/deals.rules';
import {
  correctionTargets,
  forwardSteps,
  importProblems,
  meetingPayload,
  meetingTimeline,
  organisationPayload,
  partnerPayload,
  searchRecords,
  stepLocally,
} from '../../kiosk/lib/console/deals';
import { parseRoute, routePath, type Route } from '../../kiosk/lib/console/routes';

const meeting = (over: Partial<Meeting> = {}): Meeting => ({
  id: 'm1',
  organisationId: 'o1',
  partnerId: 'p1',
  industry: 'iot',
  status: 'held',
  heldAt: '2023-11-12T02:00:00.000Z',
  intentionAt: null,
  signedAt: null,
  droppedAt: null,
  note: '',
  version: 1,
  ...over,
});

const org = (id: string, zh: string, en: string, country = 'DE') => ({ id, name: { 'zh-CN': zh, en }, country, type: 'research' as const });

describe('meeting steps', () => {
  it('offers exactly the forward steps the server takes without a reason', () => {
    for (const from of ['held', 'intention', 'signed', 'dropped'] as const) {
      for (const to of ['held', 'intention', 'signed', 'dropped'] as const) {
        expect(forwardSteps(from).includes(to), `${from} → ${to}`).toBe(stepKind(from, to) === 'forward');
        expect(correctionTargets(from).includes(to), `${from} → ${to} as a correction`).toBe(stepKind(from, to) === 'correction');
      }
    }
  });

  it('shows a step the way the server will store it, stamps included', () => {
    const at = '2023-11-12T03:00:00.000Z';
    for (const [from, to] of [
      ['held', 'intention'],
      ['held', 'signed'],
      ['intention', 'dropped'],
      ['signed', 'intention'],
      ['dropped', 'held'],
    ] as const) {
      const before = meeting({ status: from, intentionAt: from === 'signed' ? '2023-11-12T02:10:00.000Z' : null, signedAt: from === 'signed' ? '2023-11-12T02:20:00.000Z' : null, droppedAt: from === 'dropped' ? at : null });
      expect(stepLocally(before, to, at)).toEqual(applyStep(before, to, at));
    }
  });

  it('lists the time of each stage reached, in order', () => {
    const m = meeting({ status: 'signed', intentionAt: '2023-11-12T02:10:00.000Z', signedAt: '2023-11-12T02:20:00.000Z' });
    expect(meetingTimeline(m).map((s) => s.status)).toEqual(['held', 'intention', 'signed']);
  });
});

describe('search as you type', () => {
  const records = [org('a', '弗劳恩霍夫协会', 'Fraunhofer Society'), org('b', '意大利技术研究院', 'Istituto Italiano di Tecnologia', 'IT'), org('c', '苏黎世联邦理工学院', 'ETH Zürich', 'CH'), org('d', '慕尼黑工业大学', 'Technical University of Munich')];

  it('finds a record by a few letters of either name, a name start first, then a word start, then anywhere', () => {
    expect(searchRecords(records, 'fraun', 'en').map((r) => r.id)).toEqual(['a']);
    expect(searchRecords(records, '研究', 'en').map((r) => r.id)).toEqual(['b']);
    expect(searchRecords(records, 'tec', 'en').map((r) => r.id)).toEqual(['d', 'b']);
    expect(searchRecords(records, 'zurich', 'en').map((r) => r.id)).toEqual(['c']);
  });

  it('matches extra words such as the country code, and lists alphabetically when empty', () => {
    expect(searchRecords(records, 'it', 'en', (r) => [r.country]).map((r) => r.id)).toContain('b');
    expect(searchRecords(records, '  ', 'en').map((r) => r.id)).toEqual(['c', 'a', 'b', 'd']);
    expect(searchRecords(records, '', 'en', () => [], 2)).toHaveLength(2);
  });
});

describe('forms', () => {
  it('names the missing fields of an organisation as the server would, and sends the country in capitals', () => {
    expect(organisationPayload({ name: { 'zh-CN': ' ', en: '' }, country: 'Germany', type: 'research' })).toEqual({
      ok: false,
      fields: { 'name.zh-CN': 'must not be empty', 'name.en': 'must not be empty', country: 'must be a two-letter ISO country code such as DE' },
    });
    expect(organisationPayload({ name: { 'zh-CN': ' 弗劳恩霍夫 ', en: 'Fraunhofer' }, country: 'de ', type: 'research' })).toEqual({
      ok: true,
      body: { name: { 'zh-CN': '弗劳恩霍夫', en: 'Fraunhofer' }, country: 'DE', type: 'research' },
    });
  });

  it('sends a partner’s district only when there is one', () => {
    expect(partnerPayload({ name: { 'zh-CN': '杭州智联', en: 'Zhilian' }, district: ' ' })).toEqual({ ok: true, body: { name: { 'zh-CN': '杭州智联', en: 'Zhilian' } } });
    expect(partnerPayload({ name: { 'zh-CN': '杭州智联', en: 'Zhilian' }, district: '西湖区' })).toMatchObject({ ok: true, body: { district: '西湖区' } });
  });

  it('needs a picked organisation, partner and industry before recording a meeting', () => {
    expect(meetingPayload({ organisationId: null, partnerId: 'p', industry: null, note: '' })).toEqual({
      ok: false,
      fields: { organisationId: 'pick an organisation from the list', industry: 'pick one of the five industries' },
    });
    expect(meetingPayload({ organisationId: 'o', partnerId: 'p', industry: 'energy', note: '  ' })).toEqual({ ok: true, body: { organisationId: 'o', partnerId: 'p', industry: 'energy', note: '' } });
  });
});

describe('import refusals', () => {
  it('reads the line and the CSV column of each problem', () => {
    expect(importProblems('line 3: name.en: must not be empty; country: must be a two-letter ISO country code such as DE')).toEqual([
      { line: 3, column: 'name_en', message: 'must not be empty' },
      { line: 3, column: 'country', message: 'must be a two-letter ISO country code such as DE' },
    ]);
    expect(importProblems('line 7: country: not a known country code')).toEqual([{ line: 7, column: 'country', message: 'not a known country code' }]);
  });

  it('keeps a whole-file problem as the server said it', () => {
    expect(importProblems('csv: no rows after the header line')).toEqual([{ line: null, column: null, message: 'no rows after the header line' }]);
  });
});

describe('console routes', () => {
  it('has a page for matchmaking and one for the roadshow, and nothing below them', () => {
    for (const route of [{ page: 'matchmaking' }, { page: 'roadshow' }] as Route[]) expect(parseRoute(routePath(route))).toEqual(route);
    expect(routePath({ page: 'matchmaking' })).toBe('/console/matchmaking');
    expect(parseRoute('/console/roadshow/extra')).toEqual({ page: 'not-found' });
  });
});
