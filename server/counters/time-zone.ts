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

/** The wall-clock reading of instant `epochMs` in `timeZone`. */
export function localTime(epochMs: number, timeZone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) parts[part.type] = part.value;
  return {
    day: `${parts.year}-${parts.month}-${parts.day}`,
    minuteOfDay: Number(parts.hour) * 60 + Number(parts.minute),
    second: Number(parts.second),
  };
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
