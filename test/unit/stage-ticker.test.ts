import { describe, expect, it } from 'vitest';
import type { Announcement } from '../../shared/announcements.schema';
import type { Exhibition, PublishedSection } from '../../shared/content.schema';
import { addEntries, contentChanges, contentEntries, newAnnouncements, openingEntries, type TickerEntry } from '../../kiosk/lib/stage/ticker';
import { abbreviate, formatClockIn } from '../../kiosk/lib/i18n';

const text = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const announcement = (id: string): Announcement => ({
  id,
  text: text('请注意', 'Attention'),
  target: 'all',
  deviceId: null,
  urgent: false,
  startsAt: '2023-11-12T02:00:00.000Z',
  expiresAt: '2023-11-12T03:00:00.000Z',
});
const exhibition: Exhibition = { title: text('展', 'Show'), subtitle: text('副', 'Sub'), venue: text('馆', 'Hall'), opened: '2023-11-12', baselines: [] };
const item = (id: string, title = id) => ({
  id,
  section: 'alpha',
  order: 0,
  published: true,
  title: text(`${title}项`, `Item ${title}`),
  summary: text('简介', 'Summary'),
  body: text('<p>正文</p>', '<p>Body</p>'),
  facts: [],
  tags: [],
  images: [],
});
const section = (items: ReturnType<typeof item>[]): PublishedSection => ({ id: 'alpha', order: 0, title: text('甲', 'Alpha'), summary: text('简', 'About'), color: '#1f4e79', items });
const entry = (id: string): TickerEntry => ({ id, kind: 'content', text: text(id, id), at: 0 });

describe('the stage ticker', () => {
  it('lists new entries first and keeps only the latest', () => {
    const list = addEntries([entry('a'), entry('b')], [entry('c'), entry('d')], 3);
    expect(list.map((e) => e.id)).toEqual(['d', 'c', 'a']);
    expect(addEntries(list, [entry('c')], 3)).toBe(list);
  });

  it('finds the announcements that are new since the last state, and none in the first state', () => {
    expect(newAnnouncements(null, [announcement('x')])).toEqual([]);
    expect(newAnnouncements([announcement('x')], [announcement('x'), announcement('y')]).map((a) => a.id)).toEqual(['y']);
  });

  it('reports published and updated items, and nothing when the content is the same', () => {
    const before = { exhibition, sections: [section([item('one')])] };
    expect(contentChanges(before, { exhibition, sections: [section([item('one')])] })).toEqual([]);
    const changes = contentChanges(before, { exhibition, sections: [section([item('one', 'first'), item('two')])] });
    expect(changes.map((c) => c.type)).toEqual(['item-updated', 'item-added']);
    expect(contentEntries(changes, 5).map((e) => e.text.en)).toEqual(['Updated: Item first', 'New on show: Item two']);
    expect(contentChanges(null, before)).toEqual([]);
  });

  it('sums up many content changes as one entry', () => {
    const many = contentChanges({ exhibition, sections: [section([])] }, { exhibition, sections: [section(['a', 'b', 'c', 'd'].map((id) => item(id)))] });
    expect(contentEntries(many, 5)).toHaveLength(1);
    expect(contentEntries(many, 5)[0]!.text.en).toBe('Exhibition content updated (4 changes)');
  });
});

describe('the ticker after a reload', () => {
  it('opens with the signed agreements and live announcements the snapshot holds, newest first', () => {
    const words = { organisation: { 'zh-CN': '机构', en: 'Org' }, country: { 'zh-CN': '德国', en: 'Germany' }, partner: { 'zh-CN': '企业', en: 'Company' } };
    const entries = openingEntries(
      [
        { key: 'm1', words, signedAt: '2023-11-12T02:00:00.000Z' },
        { key: 'm2', words, signedAt: '2023-11-12T03:00:00.000Z' },
      ],
      [{ id: 'a1', text: { 'zh-CN': '通知', en: 'Notice' }, target: 'all', deviceId: null, urgent: false, startsAt: '2023-11-12T02:30:00.000Z', expiresAt: '2023-11-12T05:00:00.000Z' }],
    );
    expect(entries.map((e) => e.id)).toEqual(['deal:m2', expect.stringContaining('a1'), 'deal:m1']);
    expect(entries[0]!.at).toBe(Date.parse('2023-11-12T03:00:00.000Z'));
  });
});

describe('stage times and abbreviations', () => {
  it("shows times in the exhibition's zone, whatever the screen's own zone", () => {
    expect(formatClockIn(Date.parse('2023-11-12T02:05:00Z'), 'Asia/Shanghai')).toBe('10:05');
    expect(formatClockIn(Date.parse('2023-11-12T02:05:00Z'), 'Europe/Berlin')).toBe('03:05');
  });

  it('abbreviates a line by rule, with an ellipsis, only when it is too long', () => {
    expect(abbreviate('Short', 10)).toBe('Short');
    expect(abbreviate('签约：弗劳恩霍夫协会（德国）', 8)).toBe('签约：弗劳恩霍…');
  });
});
