import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { announcementPayload, emptyAnnouncementForm } from '../../kiosk/lib/console/announcement-form';
import { announcementState } from '../../shared/announcements.rules';
import { retryAfterSeconds } from '../../kiosk/lib/console/api';
import { auditQuery, emptyAuditFilters } from '../../kiosk/lib/console/audit-query';
import { formatAgo, formatIn } from '../../kiosk/lib/console/format';
import { fromZonedInput, toZonedInput } from '../../kiosk/lib/console/local-time';

const ZONE = 'Asia/Shanghai';
const toLocalInput = (at: number) => toZonedInput(at, ZONE);
import { parseRoute, routePath, type Route } from '../../kiosk/lib/console/routes';

const NOW = Date.parse('2023-11-12T02:00:00.000Z');

describe('announcement form', () => {
  const form = () => ({ ...emptyAnnouncementForm(), zh: '路演开始', en: 'Roadshow starts' });

  it('turns a duration into an expiry from now', () => {
    expect(announcementPayload({ ...form(), duration: 900 }, NOW, ZONE)).toEqual({
      ok: true,
      body: { text: { 'zh-CN': '路演开始', en: 'Roadshow starts' }, target: 'all', urgent: false, expiresAt: '2023-11-12T02:15:00.000Z' },
    });
  });

  it('names the missing fields as the server would', () => {
    expect(announcementPayload({ ...emptyAnnouncementForm(), target: 'device' }, NOW, ZONE)).toEqual({
      ok: false,
      fields: { 'text.zh-CN': 'must not be empty', 'text.en': 'must not be empty', deviceId: 'is required when target is "device"' },
    });
  });

  it('refuses an end in the past, before the start, or more than a day after it', () => {
    const at = (ms: number) => toLocalInput(NOW + ms);
    expect(announcementPayload({ ...form(), duration: 'until', expiresAt: at(-60_000) }, NOW, ZONE)).toMatchObject({ ok: false, fields: { expiresAt: 'must be in the future' } });
    expect(announcementPayload({ ...form(), startNow: false, startsAt: at(3_600_000), duration: 'until', expiresAt: at(60_000) }, NOW, ZONE)).toMatchObject({ ok: false, fields: { expiresAt: 'must be after startsAt' } });
    expect(announcementPayload({ ...form(), duration: 'until', expiresAt: at(25 * 3_600_000) }, NOW, ZONE)).toMatchObject({ ok: false, fields: { expiresAt: expect.stringContaining('24 hours') } });
  });

  it('sends a device id only for one device, and a start only when scheduled', () => {
    const result = announcementPayload({ ...form(), target: 'device', deviceId: 'd1', startNow: false, startsAt: toLocalInput(NOW + 60_000), duration: 300 }, NOW, ZONE);
    expect(result).toMatchObject({ ok: true, body: { target: 'device', deviceId: 'd1', startsAt: '2023-11-12T02:01:00.000Z', expiresAt: '2023-11-12T02:06:00.000Z' } });
    expect(announcementPayload({ ...form(), deviceId: 'stale' }, NOW, ZONE)).not.toHaveProperty('body.deviceId');
  });

  it('knows the state on the clock: scheduled, active, expired, withdrawn', () => {
    const a = { startsAt: '2023-11-12T02:00:00.000Z', expiresAt: '2023-11-12T02:10:00.000Z', withdrawnAt: null };
    expect(announcementState(a, NOW - 1)).toBe('scheduled');
    expect(announcementState(a, NOW)).toBe('active');
    expect(announcementState(a, NOW + 600_000)).toBe('expired');
    expect(announcementState({ ...a, withdrawnAt: 'x' }, NOW)).toBe('withdrawn');
  });
});

describe('local times', () => {
  it('round-trips an instant through the datetime-local format', () => {
    expect(fromZonedInput(toLocalInput(NOW), ZONE)).toBe('2023-11-12T02:00:00.000Z');
    expect(fromZonedInput('', ZONE)).toBeUndefined();
    expect(fromZonedInput('tomorrow', ZONE)).toBeUndefined();
  });

  it('reads and writes the wall clock of the exhibition zone, whatever the browser zone', () => {
    expect(toZonedInput(NOW, 'Asia/Shanghai')).toBe('2023-11-12T10:00:00');
    expect(toZonedInput(NOW, 'Europe/Berlin')).toBe('2023-11-12T03:00:00');
    expect(fromZonedInput('2023-11-12T14:00', 'Asia/Shanghai')).toBe('2023-11-12T06:00:00.000Z');
    expect(fromZonedInput('2023-11-12T14:00', 'America/New_York')).toBe('2023-11-12T19:00:00.000Z');
  });
});

describe('audit query', () => {
  it('keeps the filters that are set, for the table and the CSV alike', () => {
    expect(auditQuery(emptyAuditFilters(), ZONE)).toBe('');
    expect(auditQuery({ ...emptyAuditFilters(), action: ' item.update ', targetType: 'item' }, ZONE, 200)).toBe('?action=item.update&targetType=item&limit=200');
    const from = toLocalInput(NOW);
    expect(auditQuery({ ...emptyAuditFilters(), username: 'ops 1', from }, ZONE)).toBe(`?username=ops+1&from=${encodeURIComponent('2023-11-12T02:00:00.000Z')}`);
  });
});

describe('routes', () => {
  const routes: Route[] = [
    { page: 'content' },
    { page: 'content', section: 'alpha' },
    { page: 'content', section: 'alpha', item: 'alpha-item-1', tab: 'edit' },
    { page: 'content', section: 'alpha', item: 'alpha-item-1', tab: 'history' },
    { page: 'new-item', section: 'beta' },
    { page: 'fleet' },
    { page: 'users' },
  ];
  it.each(routes)('reads back what it wrote: %o', (route) => {
    expect(parseRoute(routePath(route))).toEqual(route);
  });

  it('opens content at the root and refuses unknown pages', () => {
    expect(parseRoute('/console/')).toEqual({ page: 'content' });
    expect(parseRoute('/console/nope')).toEqual({ page: 'not-found' });
    expect(parseRoute('/console/fleet/extra')).toEqual({ page: 'not-found' });
    expect(parseRoute('/console/content/a/b/c')).toEqual({ page: 'not-found' });
  });
});

describe('retry hints', () => {
  it('reads Retry-After or the draft-8 RateLimit header', () => {
    expect(retryAfterSeconds(new Headers({ 'retry-after': '120' }))).toBe(120);
    expect(retryAfterSeconds(new Headers({ ratelimit: '"15-in-15min"; r=0; t=840' }))).toBe(840);
    expect(retryAfterSeconds(new Headers())).toBeUndefined();
  });
});

describe('relative times', () => {
  beforeEach(() => vi.useFakeTimers({ now: NOW }));
  afterEach(() => vi.useRealTimers());

  it('says how long ago and how long until, in both languages', () => {
    expect(formatAgo(NOW - 2_000, NOW, 'en', ZONE)).toBe('just now');
    expect(formatAgo(NOW - 45_000, NOW, 'en', ZONE)).toBe('45 s ago');
    expect(formatAgo(NOW - 12 * 60_000, NOW, 'zh-CN', ZONE)).toBe('12 分钟前');
    expect(formatAgo(null, NOW, 'en', ZONE)).toBe('never');
    expect(formatIn(NOW + 30_000, NOW, 'en', ZONE)).toBe('in 30 s');
    expect(formatIn(NOW + 4 * 60_000, NOW, 'zh-CN', ZONE)).toBe('4 分钟后');
  });
});
