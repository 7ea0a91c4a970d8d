import type { Locale } from '../../../shared/i18n';
import { localTime } from '../../../shared/time-zone';

export { countryName, formatScore } from '../i18n';

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function format(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = dateTimeFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    dateTimeFormats.set(key, f);
  }
  return f;
}

/**
 * "11/12 14:05:09" on the wall clock of `timeZone` (the exhibition's, not the browser's) — the
 * console is used during one show; the year only adds noise.
 */
export function formatDateTime(at: string | number | null | undefined, locale: Locale, timeZone: string, withSeconds = true): string {
  if (at === null || at === undefined || at === '') return '—';
  const time = typeof at === 'number' ? at : Date.parse(at);
  if (Number.isNaN(time)) return '—';
  return format(locale, { timeZone, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', ...(withSeconds ? { second: '2-digit' } : {}), hourCycle: 'h23' }).format(time);
}

/** "14:05" on the wall clock of `timeZone`. */
export function formatClock(at: number, locale: Locale, timeZone: string, withSeconds = false): string {
  return format(locale, { timeZone, hour: '2-digit', minute: '2-digit', ...(withSeconds ? { second: '2-digit' } : {}), hourCycle: 'h23' }).format(at);
}

/** "just now", "45 s ago", "12 min ago", "3 h ago", then the date; in Chinese "刚刚", "45 秒前"… */
export function formatAgo(at: string | number | null | undefined, now: number, locale: Locale, timeZone: string): string {
  if (at === null || at === undefined || at === '') return locale === 'en' ? 'never' : '从未';
  const time = typeof at === 'number' ? at : Date.parse(at);
  if (Number.isNaN(time)) return '—';
  const seconds = Math.max(0, Math.round((now - time) / 1000));
  const en = locale === 'en';
  if (seconds < 5) return en ? 'just now' : '刚刚';
  if (seconds < 60) return en ? `${seconds} s ago` : `${seconds} 秒前`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return en ? `${minutes} min ago` : `${minutes} 分钟前`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return en ? `${hours} h ago` : `${hours} 小时前`;
  return formatDateTime(time, locale, timeZone, false);
}

/** "in 4 min" / "4 分钟后" for a time ahead; past times fall back to formatAgo. */
export function formatIn(at: string | number, now: number, locale: Locale, timeZone: string): string {
  const time = typeof at === 'number' ? at : Date.parse(at);
  const seconds = Math.round((time - now) / 1000);
  if (seconds <= 0) return formatAgo(time, now, locale, timeZone);
  const en = locale === 'en';
  if (seconds < 60) return en ? `in ${seconds} s` : `${seconds} 秒后`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return en ? `in ${minutes} min` : `${minutes} 分钟后`;
  const hours = Math.round(minutes / 6) / 10;
  return en ? `in ${hours} h` : `${hours} 小时后`;
}

/** The calendar day (YYYY-MM-DD) at `at` in `timeZone`. */
export function dayIn(at: number, timeZone: string): string {
  return localTime(at, timeZone).day;
}
