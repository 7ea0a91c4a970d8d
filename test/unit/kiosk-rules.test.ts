import { describe, expect, it } from 'vitest';
import { announcementTargets, type Announcement } from '../../shared/announcements.schema';
import type { PublishedSection } from '../../shared/content.schema';
import { MAX_DWELL_MS } from '../../shared/events.schema';
import { kioskAnnouncements, targetsKiosk } from '../../kiosk/lib/kiosk/announcements';
import { highlights } from '../../kiosk/lib/kiosk/highlights';
import { InteractionRecorder } from '../../kiosk/lib/kiosk/interactions';
import { formatAge, formatDate, itemCount, position } from '../../kiosk/lib/kiosk/kiosk-i18n';
import { phoneItemUrl, qrPath } from '../../kiosk/lib/kiosk/qr';
import { swipeDirection } from '../../kiosk/lib/kiosk/swipe';
import { clampPan, doubleTap, IDENTITY, MAX_SCALE, zoomAround } from '../../kiosk/lib/kiosk/zoom-math';

const announcement = (over: Partial<Announcement>): Announcement => ({
  id: 'a1',
  text: { 'zh-CN': '通知', en: 'Notice' },
  target: 'all',
  deviceId: null,
  urgent: false,
  startsAt: '2023-11-12T01:00:00.000Z',
  expiresAt: '2023-11-12T03:00:00.000Z',
  ...over,
});

describe('kiosk announcements', () => {
  it('aims at kiosks exactly as the wire contract says', () => {
    for (const target of ['all', 'stage', 'kiosks', 'device'] as const) {
      for (const deviceId of [null, 'd1', 'd2']) {
        for (const screen of [null, 'd1']) {
          const a = { target, deviceId };
          expect(targetsKiosk(a, screen), `${target}/${deviceId}/${screen}`).toBe(announcementTargets(a, { kind: 'kiosk', deviceId: screen }));
        }
      }
    }
  });

  it('shows only what is running by the kiosk clock, urgent first, then the newest', () => {
    const now = Date.parse('2023-11-12T02:00:00Z');
    const list = [
      announcement({ id: 'old', startsAt: '2023-11-12T00:00:00.000Z' }),
      announcement({ id: 'new', startsAt: '2023-11-12T01:30:00.000Z' }),
      announcement({ id: 'urgent', urgent: true, startsAt: '2023-11-12T00:00:00.000Z' }),
      announcement({ id: 'expired', expiresAt: '2023-11-12T02:00:00.000Z' }),
      announcement({ id: 'later', startsAt: '2023-11-12T02:00:01.000Z' }),
      announcement({ id: 'stage', target: 'stage' }),
    ];
    expect(kioskAnnouncements(list, null, now).map((a) => a.id)).toEqual(['urgent', 'new', 'old']);
  });
});

describe('kiosk rules', () => {
  it('caps dwell times at the limit the server accepts', () => {
    const events: { ms?: number }[] = [];
    const recorder = new InteractionRecorder((event) => events.push(event), () => 0, () => 'id');
    recorder.dwell('s', 'i', MAX_DWELL_MS * 3);
    recorder.dwell('s', 'i', -5);
    expect(events.map((e) => e.ms)).toEqual([MAX_DWELL_MS, 0]);
  });

  it('loops through one item of each section in turn', () => {
    const section = (id: string, items: string[]) => ({ id, items: items.map((i) => ({ id: i })) }) as unknown as PublishedSection;
    const loop = highlights([section('a', ['a1', 'a2', 'a3']), section('b', ['b1']), section('c', []), section('d', ['d1', 'd2'])]);
    expect(loop.map((h) => h.item.id)).toEqual(['a1', 'b1', 'd1', 'a2', 'd2', 'a3']);
    expect(highlights([])).toEqual([]);
  });

  it('puts the public address and the item in the QR code, and draws every dark module', () => {
    expect(phoneItemUrl('http://192.168.1.10:3000/', 'oc-ta-exm')).toBe('http://192.168.1.10:3000/m/item/oc-ta-exm');
    // The QR code carries the language the visitor is reading on the kiosk.
    expect(phoneItemUrl('http://192.168.1.10:3000', 'oc-ta-exm', 'en')).toBe('http://192.168.1.10:3000/m/item/oc-ta-exm?lang=en');
    expect(phoneItemUrl('http://192.168.1.10:3000', 'oc-ta-exm', 'zh-CN')).toBe('http://192.168.1.10:3000/m/item/oc-ta-exm?lang=zh');
    const { size, path } = qrPath('http://192.168.1.10:3000/m/item/oc-ta-exm');
    expect(size).toBeGreaterThanOrEqual(21);
    // Finder pattern: the top-left 7×7 square starts with a run of 7 dark modules.
    expect(path.startsWith('M0 0h7v1h-7z')).toBe(true);
  });

  it('tells a swipe from a scroll, a tap or a slow drag', () => {
    expect(swipeDirection(-200, 20, 300)).toBe('next');
    expect(swipeDirection(200, -20, 300)).toBe('previous');
    expect(swipeDirection(-40, 0, 100)).toBeNull();
    expect(swipeDirection(-200, 200, 300)).toBeNull();
    expect(swipeDirection(-200, 0, 5_000)).toBeNull();
  });

  it('zooms around the fingers, within limits, and never lets the picture leave the screen', () => {
    const zoomed = zoomAround(IDENTITY, 2, { x: 100, y: 0 });
    expect(zoomed).toEqual({ scale: 2, x: -100, y: 0 });
    expect(zoomAround(IDENTITY, 50, { x: 0, y: 0 }).scale).toBe(MAX_SCALE);
    expect(zoomAround(zoomed, 0.1, { x: 0, y: 0 }).scale).toBe(1);
    expect(doubleTap(zoomed, { x: 0, y: 0 })).toBe(IDENTITY);
    expect(doubleTap(IDENTITY, { x: 0, y: 0 }).scale).toBe(2.5);
    const fitted = { width: 1000, height: 500 };
    const viewport = { width: 1000, height: 800 };
    expect(clampPan({ scale: 2, x: 5000, y: 5000 }, fitted, viewport)).toEqual({ scale: 2, x: 500, y: 100 });
    expect(clampPan({ scale: 1, x: 300, y: -300 }, fitted, viewport)).toEqual({ scale: 1, x: 0, y: 0 });
  });

  it('formats counts, positions, ages and dates for each language', () => {
    expect(itemCount(1641, 'zh-CN')).toBe('1,641 个展项');
    expect(itemCount(1, 'en')).toBe('1 exhibit');
    expect(position(1, 5, 'zh-CN')).toBe('第 2 项，共 5 项');
    expect(position(1, 5, 'en')).toBe('2 of 5');
    expect(formatAge(10_000, 'en')).toBe('just now');
    expect(formatAge(5 * 60_000, 'en')).toBe('5 minutes ago');
    expect(formatAge(5 * 60_000, 'zh-CN')).toBe('5分钟前');
    expect(formatAge(3 * 3_600_000, 'en')).toBe('3 hours ago');
    expect(formatDate('2023-11-12', 'zh-CN')).toBe('2023年11月12日');
    expect(formatDate('2023-11-12', 'en')).toBe('12 November 2023');
  });
});
