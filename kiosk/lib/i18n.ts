import { bilingual, type Locale, type LocalizedText } from '../../shared/i18n';

export { bilingual, type Locale, type LocalizedText };

/** The default language of every screen (the first one shown when both are). */
export const PRIMARY_LOCALE: Locale = 'zh-CN';
/** The other language, shown beside (or after) the primary one. */
export const SECONDARY_LOCALE: Locale = 'en';

/** Words of the user interface itself; exhibition texts come from the content. */
export const UI = {
  visitorsToday: bilingual('今日观众', 'Visitors today'),
  visitorsTotal: bilingual('累计观众', 'Total visitors'),
  interactionsToday: bilingual('今日互动', 'Interactions today'),
  /** Kiosk sessions (attract → first touch): a figure of its own, never added to visitors (door entries). */
  boothVisitsToday: bilingual('今日展台访问', 'Booth visits today'),
  /** Short labels for a section's own figures, under the "sections today" heading. */
  sectionVisitors: bilingual('观众', 'Visitors'),
  sectionInteractions: bilingual('互动', 'Interactions'),
  liveFigures: bilingual('实时数据', 'Live figures'),
  sectionsToday: bilingual('各展区今日数据', 'Sections today'),
  online: bilingual('在线', 'Online'),
  connecting: bilingual('连接中', 'Connecting'),
  reconnecting: bilingual('重新连接中', 'Reconnecting'),
  waiting: bilingual('正在连接展会服务器…', 'Connecting to the exhibition server…'),
  updated: bilingual('更新于', 'Updated'),
  version: bilingual('版本', 'Version'),
  /** Words the kiosk and the phone page share (each app's own words are in its table). */
  home: bilingual('首页', 'Home'),
  back: bilingual('返回', 'Back'),
  exhibits: bilingual('展项', 'Exhibits'),
  noItems: bilingual('本展区的展项即将上线。', 'The exhibits of this section are coming soon.'),
  keyFacts: bilingual('关键数据', 'Key facts'),
  tags: bilingual('标签', 'Tags'),
  previous: bilingual('上一项', 'Previous'),
  next: bilingual('下一项', 'Next'),
  rehearsal: bilingual('演练数据', 'Rehearsal data'),
  offline: bilingual('离线', 'Offline'),
} as const satisfies Record<string, LocalizedText>;

/** A text in one language. */
export function t(text: LocalizedText, locale: Locale = PRIMARY_LOCALE): string {
  return text[locale];
}

/** Both languages on one line, primary first: "在线 · Online". */
export function both(text: LocalizedText, separator = ' · '): string {
  return `${text[PRIMARY_LOCALE]}${separator}${text[SECONDARY_LOCALE]}`;
}

// Intl formatters are costly to build and the counters re-render up to ten times a second.
const numberFormats = new Map<Locale, Intl.NumberFormat>();
const timeFormats = new Map<Locale, Intl.DateTimeFormat>();

/** A whole number with the locale's digit grouping: 1641 → "1,641". */
export function formatNumber(value: number, locale: Locale = PRIMARY_LOCALE): string {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    numberFormats.set(locale, format);
  }
  return format.format(value);
}

const amountFormats = new Map<string, Intl.NumberFormat>();

/**
 * A quantity in running text, as a reader of the language writes it: in Chinese with 万 (10⁴) and
 * 亿 (10⁸) from ten thousand up — 70000 → "7万", 3090000 → "309万", 113000 → "11.3万",
 * 250000000 → "2.5亿" (at most two decimals, none when they are zero); in English with Western
 * grouping — "70,000". Live counters keep exact digits (formatNumber): they tick one by one.
 */
export function formatAmount(value: number, locale: Locale = PRIMARY_LOCALE): string {
  if (locale !== 'zh-CN' || Math.abs(value) < 10_000) return formatNumber(value, locale);
  const [unit, divisor] = Math.abs(value) >= 100_000_000 ? ['亿', 100_000_000] : ['万', 10_000];
  let format = amountFormats.get('zh');
  if (!format) amountFormats.set('zh', (format = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2, useGrouping: false })));
  return `${format.format(value / divisor)}${unit}`;
}

/** A time of day on this screen's clock: "14:05:09". */
export function formatTime(at: number, locale: Locale = PRIMARY_LOCALE): string {
  let format = timeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    timeFormats.set(locale, format);
  }
  return format.format(at);
}

const zoneClocks = new Map<string, Intl.DateTimeFormat>();

/**
 * A time of day ("14:05") in the exhibition's zone (the server's TIME_ZONE), whatever zone the
 * screen's own clock is set to; the screen's zone when `timeZone` is null or unknown.
 */
export function formatClockIn(at: number, timeZone: string | null): string {
  const key = timeZone ?? '';
  let format = zoneClocks.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...(timeZone ? { timeZone } : {}) });
    } catch {
      format = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    }
    zoneClocks.set(key, format);
  }
  return format.format(at);
}

/** A text cut by rule to `max` characters with "…" (for one-line slots such as the stage ticker), never by the layout. */
export function abbreviate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, Math.max(1, max - 1)).join('').trimEnd()}…`;
}

/** "3 个展项" / "3 exhibits". */
export function itemCount(count: number, locale: Locale): string {
  const n = formatNumber(count, locale);
  return locale === 'zh-CN' ? `${n} 个展项` : `${n} ${count === 1 ? 'exhibit' : 'exhibits'}`;
}

/** "第 2 项，共 5 项" / "2 of 5". */
export function position(index: number, total: number, locale: Locale): string {
  const [i, n] = [formatNumber(index + 1, locale), formatNumber(total, locale)];
  return locale === 'zh-CN' ? `第 ${i} 项，共 ${n} 项` : `${i} of ${n}`;
}

const dateFormats = new Map<Locale, Intl.DateTimeFormat>();

/** A calendar date ("2023-11-12") in words: "2023年11月12日" / "12 November 2023". */
export function formatDate(isoDate: string, locale: Locale): string {
  let format = dateFormats.get(locale);
  // UTC on both sides: a date-only ISO string is midnight UTC, and must not move a day in any zone.
  if (!format) dateFormats.set(locale, (format = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, { dateStyle: 'long', timeZone: 'UTC' })));
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : format.format(date);
}

const regionNames = new Map<Locale, Intl.DisplayNames | null>();

/** A country's name from its ISO code ("DE" → "德国" / "Germany"); the code itself if the browser cannot name it. */
export function countryName(code: string, locale: Locale): string {
  let names = regionNames.get(locale);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
    } catch {
      names = null;
    }
    regionNames.set(locale, names);
  }
  try {
    return names?.of(code) ?? code;
  } catch {
    return code;
  }
}

/** A country in both languages ("DE" → 德国 / Germany). */
export function countryText(code: string): LocalizedText {
  return { 'zh-CN': countryName(code, 'zh-CN'), en: countryName(code, 'en') };
}

const scoreFormats = new Map<Locale, Intl.NumberFormat>();

/** A roadshow result on the 0–100 scale with one decimal, so that a column of them lines up: "86.5". */
export function formatScore(score: number, locale: Locale): string {
  let format = scoreFormats.get(locale);
  if (!format) scoreFormats.set(locale, (format = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })));
  return format.format(score);
}
