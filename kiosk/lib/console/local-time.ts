import { instantToZoned, zonedToInstant } from '../../../shared/time-zone';

/**
 * `<input type="datetime-local">` speaks a wall time without a zone ("2023-11-12T14:05:09"); the
 * API speaks ISO instants. The console reads and writes those inputs on the wall clock of the
 * server's TIME_ZONE, never the browser's: an operator whose laptop is set to another zone still
 * schedules the exhibition's hour.
 */

/** An instant as the input's value, on the wall clock of `timeZone`, to the second. */
export function toZonedInput(at: number | string | Date, timeZone: string): string {
  return instantToZoned(new Date(at).getTime(), timeZone);
}

/** The input's value (a wall time in `timeZone`) as an ISO instant; undefined for an empty or unreadable value. */
export function fromZonedInput(value: string, timeZone: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)) return undefined;
  const at = zonedToInstant(value, timeZone);
  return at === undefined ? undefined : new Date(at).toISOString();
}
