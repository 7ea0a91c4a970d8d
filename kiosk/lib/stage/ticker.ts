import type { Announcement } from '../../../shared/announcements.schema';
import type { Exhibition, PublishedSection } from '../../../shared/content.schema';
import type { LocalizedText } from '../i18n';

/**
 * The stage's ticker of recent events, as pure rules: what is news when the live state changes
 * (a new announcement, published content, a milestone, a signed agreement) and the bounded list of
 * latest entries.
 */

export type TickerKind = 'announcement' | 'content' | 'milestone' | 'deal';

export interface TickerEntry {
  /** Unique and stable, for keyed lists. */
  id: string;
  kind: TickerKind;
  text: LocalizedText;
  /** When this screen learnt it (its own clock). */
  at: number;
}

export const MAX_TICKER_ENTRIES = 8;

/** Newest first; an entry whose id is already listed is not added twice. */
export function addEntries(list: readonly TickerEntry[], entries: readonly TickerEntry[], max = MAX_TICKER_ENTRIES): TickerEntry[] {
  const fresh = entries.filter((entry) => !list.some((known) => known.id === entry.id));
  if (fresh.length === 0) return list as TickerEntry[];
  return [...fresh.reverse(), ...list].slice(0, max);
}

/**
 * What a stage shows in its ticker right after it (re)loads: the recent news that the snapshot
 * already holds — signed agreements at their signing time, live announcements at their start —
 * newest first, so a reload never shows the empty placeholder while there is news.
 */
export function openingEntries(
  deals: readonly { key: string; words: { organisation: LocalizedText; country: LocalizedText; partner: LocalizedText }; signedAt: string }[],
  announcements: readonly Announcement[],
  max = MAX_TICKER_ENTRIES,
): TickerEntry[] {
  const entries = [
    ...deals.map((deal) => dealEntry(deal.key, deal.words, Date.parse(deal.signedAt))),
    ...announcements.map((a) => announcementEntry(a, Date.parse(a.startsAt))),
  ];
  return entries.filter((e) => Number.isFinite(e.at)).sort((a, b) => b.at - a.at).slice(0, max);
}

/** Announcements in `next` that were not in `previous` (null `previous`: the first state, nothing is new). */
export function newAnnouncements(previous: readonly Announcement[] | null, next: readonly Announcement[]): Announcement[] {
  if (previous === null) return [];
  const known = new Set(previous.map((a) => a.id));
  return next.filter((a) => !known.has(a.id));
}

export type ContentChange =
  | { type: 'item-added'; section: PublishedSection; title: LocalizedText; itemId: string }
  | { type: 'item-updated'; section: PublishedSection; title: LocalizedText; itemId: string }
  | { type: 'section-updated'; section: PublishedSection }
  | { type: 'exhibition-updated' };

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What was published between two versions of the content. Content changes rarely (a content patch
 * or a fresh snapshot), so comparing serialised items is cheap enough and needs no version fields.
 * Items that disappeared (unpublished) are not news for an audience.
 */
export function contentChanges(
  previous: { exhibition: Exhibition; sections: readonly PublishedSection[] } | null,
  next: { exhibition: Exhibition; sections: readonly PublishedSection[] },
): ContentChange[] {
  if (previous === null) return [];
  const changes: ContentChange[] = [];
  if (!sameJson(previous.exhibition, next.exhibition)) changes.push({ type: 'exhibition-updated' });
  for (const section of next.sections) {
    const before = previous.sections.find((s) => s.id === section.id);
    if (!before) {
      changes.push({ type: 'section-updated', section });
      continue;
    }
    const { items, ...own } = section;
    const { items: itemsBefore, ...ownBefore } = before;
    if (!sameJson(own, ownBefore)) changes.push({ type: 'section-updated', section });
    for (const item of items) {
      const old = itemsBefore.find((i) => i.id === item.id);
      if (!old) changes.push({ type: 'item-added', section, title: item.title, itemId: item.id });
      else if (!sameJson(old, item)) changes.push({ type: 'item-updated', section, title: item.title, itemId: item.id });
    }
  }
  return changes;
}

const join = (prefix: LocalizedText, text: LocalizedText): LocalizedText => ({
  'zh-CN': `${prefix['zh-CN']}：${text['zh-CN']}`,
  en: `${prefix.en}: ${text.en}`,
});

export function announcementEntry(announcement: Announcement, at: number): TickerEntry {
  const prefix = announcement.urgent ? { 'zh-CN': '紧急通知', en: 'Urgent' } : { 'zh-CN': '新通知', en: 'Announcement' };
  return { id: `announcement:${announcement.id}`, kind: 'announcement', text: join(prefix, announcement.text), at };
}

export function contentEntry(change: ContentChange, at: number): TickerEntry {
  switch (change.type) {
    case 'item-added':
      return { id: `content:${at}:${change.itemId}`, kind: 'content', text: join({ 'zh-CN': '新展项', en: 'New on show' }, change.title), at };
    case 'item-updated':
      return { id: `content:${at}:${change.itemId}`, kind: 'content', text: join({ 'zh-CN': '展项更新', en: 'Updated' }, change.title), at };
    case 'section-updated':
      return { id: `content:${at}:section:${change.section.id}`, kind: 'content', text: join({ 'zh-CN': '展区更新', en: 'Section updated' }, change.section.title), at };
    case 'exhibition-updated':
      return { id: `content:${at}:exhibition`, kind: 'content', text: { 'zh-CN': '展会信息已更新', en: 'Exhibition details updated' }, at };
  }
}

export function milestoneEntry(day: string, visitors: number, formatted: string, at: number): TickerEntry {
  return {
    id: `milestone:${day}:${visitors}`,
    kind: 'milestone',
    text: { 'zh-CN': `今日第 ${formatted} 位观众已到场`, en: `Visitor no. ${formatted} today has arrived` },
    at,
  };
}

/**
 * Several content changes at once (an import, a bulk publish) would flood the ticker: beyond a
 * few they are summarised as one entry.
 */
export function contentEntries(changes: readonly ContentChange[], at: number, max = 3): TickerEntry[] {
  if (changes.length <= max) return changes.map((change) => contentEntry(change, at));
  return [{ id: `content:${at}:many`, kind: 'content', text: { 'zh-CN': `展览内容已更新（${changes.length} 处）`, en: `Exhibition content updated (${changes.length} changes)` }, at }];
}

/** A signed agreement: "签约：弗劳恩霍夫协会（德国）× 杭州智联科技" / "Agreement signed: Fraunhofer (Germany) with Hangzhou Zhilian Tech". */
export function dealEntry(key: string, deal: { organisation: LocalizedText; country: LocalizedText; partner: LocalizedText }, at: number): TickerEntry {
  return {
    id: `deal:${key}`,
    kind: 'deal',
    text: {
      'zh-CN': `签约：${deal.organisation['zh-CN']}（${deal.country['zh-CN']}）× ${deal.partner['zh-CN']}`,
      en: `Agreement signed: ${deal.organisation.en} (${deal.country.en}) with ${deal.partner.en}`,
    },
    at,
  };
}
