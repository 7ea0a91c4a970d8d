/**
 * Wall clock ↔ instant in an IANA time zone, without zod, Node or the DOM: the server counts days
 * and buckets with it, the stage labels its charts with it, and the console shows and reads every
 * date and time with it, so an operator whose laptop is set to another zone still means the
 * exhibition's hour. The one place these rules live.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

export interface LocalTime {
  /** Calendar day in the zone, `YYYY-MM-DD`. */
  day: string;
  minuteOfDay: number;
  second: number;
}

// Intl's formatToParts costs microseconds and ingest asks for every event; zone offsets are whole
// minutes, so the day and minute of one UTC minute are the same for all its seconds.
const minuteCache = new Map<string, { day: string; minuteOfDay: number }>();
const MINUTE_CACHE_LIMIT = 20_000;

/** The wall-clock reading of instant `epochMs` in `timeZone`. */
export function localTime(epochMs: number, timeZone: string): LocalTime {
  const utcMinute = Math.floor(epochMs / 60_000);
  const key = `${timeZone}|${utcMinute}`;
  let minute = minuteCache.get(key);
  if (!minute) {
    const parts: Record<string, string> = {};
    for (const part of formatterFor(timeZone).formatToParts(utcMinute * 60_000)) parts[part.type] = part.value;
    minute = { day: `${parts.year}-${parts.month}-${parts.day}`, minuteOfDay: Number(parts.hour) * 60 + Number(parts.minute) };
    if (minuteCache.size >= MINUTE_CACHE_LIMIT) minuteCache.clear();
    minuteCache.set(key, minute);
  }
  return { ...minute, second: Math.floor((epochMs - utcMinute * 60_000) / 1000) };
}

export interface WallClock {
  /** `YYYY-MM-DD` */
  date: string;
  hour: number;
  minute: number;
  second: number;
}

/** The wall clock at `epochMs` in `timeZone`, as hours, minutes and seconds. */
export function wallClock(epochMs: number, timeZone: string): WallClock {
  const local = localTime(epochMs, timeZone);
  return { date: local.day, hour: Math.floor(local.minuteOfDay / 60), minute: local.minuteOfDay % 60, second: local.second };
}

/** `HH:MM` on the wall clock of `timeZone`: the stage's header, its chart axis and its signing times. */
export function clockText(epochMs: number, timeZone: string): string {
  const local = localTime(epochMs, timeZone);
  return `${String(Math.floor(local.minuteOfDay / 60)).padStart(2, '0')}:${String(local.minuteOfDay % 60).padStart(2, '0')}`;
}

/** Minutes the zone is ahead of UTC at `epochMs` (+480 for Asia/Shanghai). */
export function zoneOffsetMinutes(epochMs: number, timeZone: string): number {
  const local = localTime(epochMs, timeZone);
  const [y, m, d] = local.day.split('-').map(Number) as [number, number, number];
  const asUtc = Date.UTC(y, m - 1, d) + local.minuteOfDay * 60_000 + local.second * 1000;
  return Math.round((asUtc - (epochMs - (((epochMs % 1000) + 1000) % 1000))) / 60_000);
}

const WALL_CLOCK_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;

/**
 * The instant at which the wall clock in `timeZone` reads `value` (`YYYY-MM-DDTHH:mm[:ss]`, as a
 * `datetime-local` input gives it, or a bare `YYYY-MM-DD` for midnight); undefined when unreadable.
 * A time skipped by a daylight-saving jump resolves to the instant after the jump; a time that
 * occurs twice resolves to the first.
 */
export function zonedToInstant(value: string, timeZone: string): number | undefined {
  const match = WALL_CLOCK_PATTERN.exec(value.trim());
  if (!match) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = match;
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined;
  const asUtc = Date.UTC(Number(y), month - 1, day, hour, minute, second);
  if (new Date(asUtc).getUTCDate() !== day) return undefined;
  // The offset at the guess may differ from the one at the answer (near a DST change): try both.
  const first = asUtc - zoneOffsetMinutes(asUtc, timeZone) * 60_000;
  const second_ = asUtc - zoneOffsetMinutes(first, timeZone) * 60_000;
  const candidates = [first, second_].filter((t) => sameWall(t, timeZone, asUtc));
  if (candidates.length > 0) return Math.min(...candidates);
  return Math.max(first, second_);
}

function sameWall(epochMs: number, timeZone: string, asUtc: number): boolean {
  const local = localTime(epochMs, timeZone);
  const wall = new Date(asUtc);
  const day = `${wall.getUTCFullYear()}-${String(wall.getUTCMonth() + 1).padStart(2, '0')}-${String(wall.getUTCDate()).padStart(2, '0')}`;
  return local.day === day && local.minuteOfDay === wall.getUTCHours() * 60 + wall.getUTCMinutes();
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The instant as a `datetime-local` value (`YYYY-MM-DDTHH:mm:ss`) on the wall clock of `timeZone`. */
export function instantToZoned(epochMs: number, timeZone: string): string {
  const clock = wallClock(epochMs, timeZone);
  return `${clock.date}T${pad(clock.hour)}:${pad(clock.minute)}:${pad(clock.second)}`;
}

/** The start of the calendar day `day` (`YYYY-MM-DD`) in `timeZone`. */
export function startOfDay(day: string, timeZone: string): number | undefined {
  return zonedToInstant(day, timeZone);
}

export const BUCKET_MINUTES = 10;

/**
 * First instant of the local 10-minute bucket holding `epochMs`. Computed from the local
 * reading rather than by rounding UTC, so zones offset by 30 or 45 minutes bucket correctly.
 */
export function bucketStart(epochMs: number, timeZone: string): number {
  const local = localTime(epochMs, timeZone);
  const intoBucket = (local.minuteOfDay % BUCKET_MINUTES) * 60_000 + local.second * 1000 + (epochMs % 1000);
  return epochMs - intoBucket;
}
