import type { VisitorEvent } from '../../../shared/events.schema';

/**
 * The rules for sending queued interaction events, kept pure so they can be tested without a
 * network or IndexedDB. The sender (event-sender.ts) applies them.
 */

/** Events per POST: well under the server's 500 and 512 KB, small enough to resend cheaply. */
export const MAX_BATCH = 100;
/** The queue keeps at most this many events (about a week of a busy booth); older ones give way. */
export const MAX_QUEUED = 20_000;

export const RETRY_MIN_MS = 1_000;
export const RETRY_MAX_MS = 60_000;
/** The longest wait a `Retry-After` may impose: a wrong header must not stall the queue for hours. */
export const RETRY_AFTER_MAX_MS = 10 * 60_000;
/** Added on top of `Retry-After` (up to this much), so a hall of kiosks does not return in one instant. */
export const RATE_LIMIT_JITTER_MS = 1_000;

/** An event waiting in the queue; `key` orders the queue (oldest first). */
export interface QueuedEvent {
  key: number;
  event: VisitorEvent;
}

/**
 * What an answer to POST /api/v1/events means for the batch that was sent:
 * - `sent`: stored (200). Remove it from the queue. A duplicate counts as stored, so resending
 *   after a lost answer is safe.
 * - `rejected`: the server refuses the batch as it is (400, 413, 422) and would refuse it again.
 * - `unauthorized`: the token is not (or no longer) valid, or not a booth's (401, 403). Keep the
 *   events: they go out once the kiosk is paired again.
 * - `rate-limited`: the device sent faster than the server takes (429). Nothing of the batch was
 *   stored; keep it and send it again once the server's `Retry-After` has passed.
 * - `retry`: the server or the network is in trouble (5xx, no answer). Try again later.
 */
export type SendOutcome = 'sent' | 'rejected' | 'unauthorized' | 'rate-limited' | 'retry';

export function sendOutcome(status: number | null): SendOutcome {
  if (status === null) return 'retry';
  if (status >= 200 && status < 300) return 'sent';
  if (status === 429) return 'rate-limited';
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 400 || status === 413 || status === 422) return 'rejected';
  return 'retry';
}

/**
 * What to do after a rejected batch. The server refuses a whole batch for one bad event (say, a
 * view of an item an operator deleted while the kiosk was offline), so a batch of several is split
 * in half to find it, and only the single bad event is finally dropped: the good ones around it
 * still count, and the queue never stalls on it. Returns the next batch size, or `drop` for a
 * batch of one.
 */
export function afterRejection(batchSize: number): { drop: true } | { drop: false; nextBatch: number } {
  return batchSize <= 1 ? { drop: true } : { drop: false, nextBatch: Math.ceil(batchSize / 2) };
}

/**
 * Delay before retry number `failures` (1, 2, …): exponential from 1 s to 60 s, with full jitter
 * between half and all of it, so a hall of kiosks coming back together does not stampede.
 */
export function retryDelay(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * A `Retry-After` header in milliseconds from `nowMs`: delay-seconds (`"30"`) or an HTTP date.
 * Undefined when absent or unreadable.
 */
export function retryAfterMs(header: string | null, nowMs: number): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // An HTTP date starts with the day's name ("Sun, 12 Nov 2023 02:00:45 GMT"); Date.parse alone
  // would also read "-5" as a year.
  const at = /^[A-Za-z]{3}, /.test(value) ? Date.parse(value) : NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/**
 * How long to wait after a 429: at least what the server asked (capped at RETRY_AFTER_MAX_MS),
 * plus up to RATE_LIMIT_JITTER_MS. The usual back-off does not grow here: the server said exactly
 * when it takes more, and a kiosk draining a long offline queue should come back then, not later.
 * Without a `Retry-After` it is the usual back-off for `failures`.
 */
export function rateLimitedDelay(retryAfter: number | undefined, failures: number, random: () => number = Math.random): number {
  if (retryAfter === undefined) return retryDelay(failures, random);
  return Math.min(retryAfter, RETRY_AFTER_MAX_MS) + Math.round(random() * RATE_LIMIT_JITTER_MS);
}

/** How many of the oldest events to give up so that adding one keeps the queue within `max`. */
export function overflow(queued: number, max = MAX_QUEUED): number {
  return Math.max(0, queued + 1 - max);
}

/** The request body for a batch. */
export function batchBody(batch: readonly QueuedEvent[]): string {
  return JSON.stringify({ events: batch.map((q) => q.event) });
}
