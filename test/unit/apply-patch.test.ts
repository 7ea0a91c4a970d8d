import { describe, expect, it } from 'vitest';
import type { Counters } from '../../shared/counters.schema';
import type { Exhibition, PublishedSection } from '../../shared/content.schema';
import type { Announcement } from '../../shared/announcements.schema';
import type { Patch } from '../../shared/snapshot.schema';
import { applyPatch, looksLikePatch, looksLikeSnapshot, patchOutcome, type LiveData } from '../../kiosk/lib/apply-patch';

const text = (en: string) => ({ 'zh-CN': `${en}（中文）`, en });

function counters(visitorsToday: number): Counters {
  return {
    day: '2023-11-12',
    timeZone: 'Asia/Shanghai',
    visitors: { today: visitorsToday, total: visitorsToday + 100, bySection: { alpha: visitorsToday }, byBucket: [] },
    interactions: { bySection: {}, byItem: {} },
  };
}

function exhibition(title: string): Exhibition {
  return { title: text(title), subtitle: text('Subtitle'), venue: text('Hall'), opened: '2023-11-12', baselines: [] };
}

function section(id: string): PublishedSection {
  return { id, order: 0, title: text(`Section ${id}`), summary: text('About'), color: '#1f4e79', items: [] };
}

function announcement(id: string): Announcement {
  return {
    id,
    text: text('Doors close at six'),
    target: 'all',
    deviceId: null,
    urgent: false,
    startsAt: '2023-11-12T01:00:00.000Z',
    expiresAt: '2023-11-12T10:00:00.000Z',
  };
}

function state(seq: number, over: Partial<LiveData> = {}): LiveData {
  return {
    seq,
    exhibition: exhibition('Expo'),
    sections: [section('alpha')],
    counters: counters(1),
    announcements: [],
    deals: { totals: { meetings: 0, intentions: 0, agreements: 0 }, byCountry: {}, byIndustry: {}, byOrganisation: [], latest: [] },
    roadshow: { phase: 'idle', currentProjectId: null, projects: [], progress: null, revealed: false, results: null },
    ...over,
  };
}

describe('patchOutcome', () => {
  it('applies the patch that follows the current seq', () => {
    expect(patchOutcome(7, 8)).toBe('applied');
  });

  it('ignores a duplicate or late patch', () => {
    expect(patchOutcome(7, 7)).toBe('ignored');
    expect(patchOutcome(7, 3)).toBe('ignored');
  });

  it('reports a gap when a patch was skipped', () => {
    expect(patchOutcome(7, 9)).toBe('gap');
    expect(patchOutcome(0, 1_000)).toBe('gap');
  });

  it('treats every patch as a gap before the first snapshot', () => {
    expect(patchOutcome(null, 1)).toBe('gap');
  });
});

describe('applyPatch', () => {
  it('replaces the counters and advances seq on a counters patch', () => {
    const before = state(4);
    const result = applyPatch(before, { seq: 5, type: 'counters', counters: counters(3) });

    expect(result.outcome).toBe('applied');
    expect(result.data?.seq).toBe(5);
    expect(result.data?.counters.visitors.today).toBe(3);
  });

  it('keeps the parts a patch does not name as the same objects (so they do not re-render)', () => {
    const before = state(4);
    const result = applyPatch(before, { seq: 5, type: 'counters', counters: counters(3) });

    expect(result.data?.sections).toBe(before.sections);
    expect(result.data?.exhibition).toBe(before.exhibition);
    expect(result.data?.announcements).toBe(before.announcements);
  });

  it('replaces the exhibition and sections on a content patch', () => {
    const sections = [section('alpha'), section('beta')];
    const result = applyPatch(state(4), { seq: 5, type: 'content', contentVersion: 'v2', exhibition: exhibition('Renamed'), sections });
    expect(result.data?.contentVersion).toBe('v2');

    expect(result.outcome).toBe('applied');
    expect(result.data?.exhibition.title.en).toBe('Renamed');
    expect(result.data?.sections).toBe(sections);
  });

  it('replaces the announcements on an announcements patch', () => {
    const result = applyPatch(state(4), { seq: 5, type: 'announcements', announcements: [announcement('a1')] });

    expect(result.outcome).toBe('applied');
    expect(result.data?.announcements.map((a) => a.id)).toEqual(['a1']);
  });

  it('does not change the state it was given', () => {
    const before = state(4);
    const copy = structuredClone(before);
    applyPatch(before, { seq: 5, type: 'counters', counters: counters(9) });

    expect(before).toEqual(copy);
  });

  it('leaves the state as it is for a duplicate patch', () => {
    const before = state(4, { counters: counters(2) });
    const result = applyPatch(before, { seq: 4, type: 'counters', counters: counters(99) });

    expect(result.outcome).toBe('ignored');
    expect(result.data).toBe(before);
  });

  it('leaves the state as it is on a gap, so the caller can ask for a snapshot', () => {
    const before = state(4);
    const result = applyPatch(before, { seq: 6, type: 'counters', counters: counters(99) });

    expect(result.outcome).toBe('gap');
    expect(result.data).toBe(before);
  });

  it('reports a gap when there is no state yet', () => {
    expect(applyPatch(null, { seq: 1, type: 'counters', counters: counters(1) })).toEqual({ outcome: 'gap', data: null });
  });

  it('applies a run of patches in order and ignores one that arrives twice', () => {
    const patches: Patch[] = [
      { seq: 2, type: 'counters', counters: counters(1) },
      { seq: 3, type: 'counters', counters: counters(2) },
      { seq: 3, type: 'counters', counters: counters(2) },
      { seq: 4, type: 'counters', counters: counters(3) },
    ];
    let data: LiveData | null = state(1);
    const outcomes = patches.map((patch) => {
      const result = applyPatch(data, patch);
      data = result.data;
      return result.outcome;
    });

    expect(outcomes).toEqual(['applied', 'applied', 'ignored', 'applied']);
    expect(data).toMatchObject({ seq: 4, counters: { visitors: { today: 3 } } });
  });
});

describe('socket payload checks', () => {
  it('accepts a well-formed patch', () => {
    expect(looksLikePatch({ seq: 1, type: 'counters', counters: counters(1) })).toBe(true);
  });

  it('rejects a patch without a whole, non-negative seq or with an unknown type', () => {
    expect(looksLikePatch({ seq: '1', type: 'counters' })).toBe(false);
    expect(looksLikePatch({ seq: 1.5, type: 'counters' })).toBe(false);
    expect(looksLikePatch({ seq: -1, type: 'counters' })).toBe(false);
    expect(looksLikePatch({ seq: 1, type: 'everything' })).toBe(false);
    expect(looksLikePatch(null)).toBe(false);
  });

  it('accepts a snapshot with the parts a screen reads and rejects one without', () => {
    const snapshot = { ...state(3), appVersion: '0.1.0', serverTime: '2023-11-12T01:00:00.000Z' };
    expect(looksLikeSnapshot(snapshot)).toBe(true);
    expect(looksLikeSnapshot({ ...snapshot, counters: null })).toBe(false);
    expect(looksLikeSnapshot({ ...snapshot, sections: {} })).toBe(false);
  });
});

describe('patches to a declared view', () => {
  it('apply from any state at or after prev, and show a gap before it', () => {
    expect(patchOutcome(10, 15, 8)).toBe('applied');
    expect(patchOutcome(8, 15, 8)).toBe('applied');
    expect(patchOutcome(7, 15, 8)).toBe('gap');
    expect(patchOutcome(15, 15, 8)).toBe('ignored');
  });

  it('apply a counters delta path by path', () => {
    const data = state(10);
    const result = applyPatch(data, { seq: 12, prev: 9, type: 'counters:delta', changes: [[['visitors', 'today'], 77]] });
    expect(result.outcome).toBe('applied');
    expect(result.data?.counters.visitors.today).toBe(77);
    expect(result.data?.counters.visitors.total).toBe(data.counters.visitors.total);
    expect(result.data?.sections).toBe(data.sections);
  });

  it('refuse a delta without prev or with a malformed path', () => {
    expect(looksLikePatch({ seq: 3, prev: 2, type: 'counters:delta', changes: [[['a'], 1]] })).toBe(true);
    expect(looksLikePatch({ seq: 3, type: 'counters:delta', changes: [] })).toBe(false);
    expect(looksLikePatch({ seq: 3, prev: 2, type: 'counters:delta', changes: [[['__proto__'], 1]] })).toBe(false);
    expect(looksLikePatch({ seq: 3, prev: 3, type: 'content' })).toBe(false);
  });
});
