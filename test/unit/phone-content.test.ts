import { describe, expect, it } from 'vitest';
import type { Item, PublishedSection } from '../../shared/content.schema';
import { findItem, findSection, mediaUrl } from '../../kiosk/lib/phone/content';
import { dismissedToStore, phoneAnnouncements, readDismissed } from '../../kiosk/lib/phone/announcements';
import { browserLocale, chooseLocale, queryLocale, storedLocale } from '../../kiosk/lib/phone/locale-choice';
import { countryName, formatScore, itemCount, rankLabel, scoringProgress } from '../../kiosk/lib/phone/phone-i18n';

const text = (en: string) => ({ 'zh-CN': `${en}（中文）`, en });

function item(id: string, section: string, order: number): Item {
  return { id, section, order, published: true, title: text(id), summary: text('About'), body: text('<p>Body</p>'), facts: [], tags: [], images: [] };
}

function section(id: string, items: Item[]): PublishedSection {
  return { id, order: 0, title: text(id), summary: text('About'), color: '#1f4e79', items };
}

const sections = [section('alpha', [item('a1', 'alpha', 0), item('a2', 'alpha', 1), item('a3', 'alpha', 2)]), section('beta', [item('b1', 'beta', 0)])];

describe('phone content lookups', () => {
  it('finds an item with its section, position and neighbours', () => {
    const found = findItem(sections, 'a2');
    expect(found?.section.id).toBe('alpha');
    expect(found?.index).toBe(1);
    expect(found?.previous?.id).toBe('a1');
    expect(found?.next?.id).toBe('a3');
    expect(findItem(sections, 'b1')).toMatchObject({ previous: null, next: null });
  });

  it('finds nothing for an unknown (or unpublished, hence absent) item or section', () => {
    expect(findItem(sections, 'beta-item-2')).toBeNull();
    expect(findSection(sections, 'gamma')).toBeNull();
    expect(findSection(sections, 'beta')?.id).toBe('beta');
  });

  it('serves images from /media/, escaped', () => {
    expect(mediaUrl('westlake.webp')).toBe('/media/westlake.webp');
  });
});

describe('phone language and formats', () => {
  it('remembers only a language it knows (otherwise no remembered choice)', () => {
    expect(storedLocale({ getItem: () => 'en' })).toBe('en');
    expect(storedLocale({ getItem: () => 'fr' })).toBeNull();
    expect(storedLocale({ getItem: () => null })).toBeNull();
    expect(
      storedLocale({
        getItem: () => {
          throw new Error('SecurityError');
        },
      }),
    ).toBeNull();
    expect(storedLocale(null)).toBeNull();
  });

  it("follows the phone's language: Chinese for zh-*, English for anything else", () => {
    expect(browserLocale(['zh-CN', 'en'])).toBe('zh-CN');
    expect(browserLocale(['zh-TW'])).toBe('zh-CN');
    expect(browserLocale(['zh'])).toBe('zh-CN');
    expect(browserLocale(['en-US', 'zh-CN'])).toBe('en');
    expect(browserLocale(['de-DE'])).toBe('en');
    expect(browserLocale([])).toBe('en');
  });

  it("opens in the QR code's language, else the visitor's earlier switch, else the phone's", () => {
    expect(queryLocale('?lang=en')).toBe('en');
    expect(queryLocale('?lang=zh-CN')).toBe('zh-CN');
    expect(queryLocale('?lang=fr')).toBeNull();
    expect(chooseLocale({ query: 'en', stored: 'zh-CN', browser: ['zh-CN'] })).toBe('en');
    expect(chooseLocale({ query: null, stored: 'zh-CN', browser: ['en-US'] })).toBe('zh-CN');
    expect(chooseLocale({ query: null, stored: null, browser: ['en-US'] })).toBe('en');
    expect(chooseLocale({ query: null, stored: null, browser: ['zh-HK'] })).toBe('zh-CN');
  });

  it('formats counts, ranks, scores and countries for each language', () => {
    expect(itemCount(1641, 'zh-CN')).toBe('1,641 个展项');
    expect(itemCount(1, 'en')).toBe('1 exhibit');
    expect(rankLabel(1, 'zh-CN')).toBe('第 1 名');
    expect([1, 2, 3, 4, 11, 22].map((n) => rankLabel(n, 'en'))).toEqual(['1st', '2nd', '3rd', '4th', '11th', '22nd']);
    expect(formatScore(90, 'en')).toBe('90.0');
    expect(formatScore(86.456, 'zh-CN')).toBe('86.5');
    expect(countryName('DE', 'en')).toBe('Germany');
    expect(countryName('DE', 'zh-CN')).toBe('德国');
    expect(scoringProgress(2, 3, 'en')).toBe('2 of 3 judges have scored');
    expect(scoringProgress(1, 1, 'zh-CN')).toBe('1 / 1 位评委已完成评分');
  });
});

describe('phone announcements', () => {
  const base = { deviceId: null, urgent: false, startsAt: '2023-11-12T01:00:00.000Z', expiresAt: '2023-11-12T03:00:00.000Z', text: { 'zh-CN': '通知', en: 'Notice' } };
  const now = Date.parse('2023-11-12T02:00:00Z');

  it('shows announcements for every screen and for phones, not those for kiosks, the stage or one device', () => {
    const list = (['all', 'phones', 'kiosks', 'stage', 'device'] as const).map((target) => ({ ...base, id: target, target }));
    expect(phoneAnnouncements(list, new Set(), now).map((a) => a.id).sort()).toEqual(['all', 'phones']);
  });

  it('hides one the visitor closed, and one outside its time window', () => {
    const list = [
      { ...base, id: 'closed', target: 'all' as const },
      { ...base, id: 'later', target: 'all' as const, startsAt: '2023-11-12T02:30:00.000Z' },
      { ...base, id: 'open', target: 'phones' as const },
    ];
    expect(phoneAnnouncements(list, new Set(['closed']), now).map((a) => a.id)).toEqual(['open']);
  });

  it('remembers closed ids only while they are live, and reads junk as none', () => {
    expect(dismissedToStore(new Set(['a', 'gone']), [{ id: 'a' }, { id: 'b' }])).toBe('["a"]');
    expect([...readDismissed('["a",3]')]).toEqual(['a']);
    expect(readDismissed('{').size).toBe(0);
  });
});
