import { describe, expect, it } from 'vitest';
import type { Meeting, Organisation, Partner } from '../../shared/deals.schema';
import { applyStep, dealFigures, stepKind } from '../../server/deals/deals.rules';

const meeting = (over: Partial<Meeting> = {}): Meeting => ({
  id: 'm1',
  organisationId: 'fraunhofer',
  partnerId: 'p1',
  industry: 'biomedicine',
  status: 'held',
  heldAt: '2023-11-12T02:00:00.000Z',
  intentionAt: null,
  signedAt: null,
  droppedAt: null,
  note: '',
  version: 1,
  ...over,
});

describe('meeting steps', () => {
  it('moves forward held → intention → signed, or to dropped', () => {
    expect(stepKind('held', 'intention')).toBe('forward');
    expect(stepKind('intention', 'signed')).toBe('forward');
    expect(stepKind('held', 'signed')).toBe('forward');
    expect(stepKind('intention', 'dropped')).toBe('forward');
  });

  it('treats going back or reopening as a correction', () => {
    expect(stepKind('signed', 'intention')).toBe('correction');
    expect(stepKind('dropped', 'held')).toBe('correction');
    expect(stepKind('signed', 'dropped')).toBe('correction');
    expect(stepKind('held', 'held')).toBe('same');
  });

  it('stamps each stage reached, keeps earlier stamps, and clears the stamps a correction leaves', () => {
    const signed = applyStep(meeting(), 'signed', '2023-11-12T03:00:00.000Z');
    expect(signed).toMatchObject({ status: 'signed', intentionAt: '2023-11-12T03:00:00.000Z', signedAt: '2023-11-12T03:00:00.000Z', version: 2 });
    const back = applyStep(signed, 'intention', '2023-11-12T04:00:00.000Z');
    expect(back).toMatchObject({ status: 'intention', intentionAt: '2023-11-12T03:00:00.000Z', signedAt: null, version: 3 });
    expect(applyStep(back, 'dropped', '2023-11-12T05:00:00.000Z')).toMatchObject({ status: 'dropped', droppedAt: '2023-11-12T05:00:00.000Z' });
  });
});

describe('deal figures', () => {
  const organisations = new Map<string, Organisation>([
    ['fraunhofer', { id: 'fraunhofer', name: { 'zh-CN': '弗劳恩霍夫协会', en: 'Fraunhofer' }, country: 'DE', type: 'research' }],
    ['iit', { id: 'iit', name: { 'zh-CN': '意大利技术研究院', en: 'Istituto Italiano di Tecnologia' }, country: 'IT', type: 'research' }],
  ]);
  const partners = new Map<string, Partner>([['p1', { id: 'p1', name: { 'zh-CN': '杭州某企业', en: 'A Hangzhou firm' } }]]);

  it('counts every meeting held, standing intentions and signed agreements, by country, industry and organisation', () => {
    const figures = dealFigures(
      [
        meeting({ id: 'a', status: 'signed', intentionAt: 'x', signedAt: '2023-11-12T03:00:00.000Z' }),
        meeting({ id: 'b', status: 'intention', intentionAt: 'x' }),
        meeting({ id: 'c', organisationId: 'iit', industry: 'iot', status: 'dropped', intentionAt: 'x', droppedAt: 'y' }),
        meeting({ id: 'd', organisationId: 'iit', industry: 'iot' }),
      ],
      organisations,
      partners,
    );
    expect(figures.totals).toEqual({ meetings: 4, intentions: 2, agreements: 1 });
    expect(figures.byCountry).toEqual({ DE: { meetings: 2, intentions: 2, agreements: 1 }, IT: { meetings: 2, intentions: 0, agreements: 0 } });
    expect(figures.byIndustry.iot).toEqual({ meetings: 2, intentions: 0, agreements: 0 });
    expect(figures.byOrganisation.map((o) => o.organisationId)).toEqual(['fraunhofer', 'iit']);
    expect(figures.latest).toEqual([
      { meetingId: 'a', organisation: organisations.get('fraunhofer')!.name, country: 'DE', partner: partners.get('p1')!.name, industry: 'biomedicine', signedAt: '2023-11-12T03:00:00.000Z' },
    ]);
  });
});
