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
