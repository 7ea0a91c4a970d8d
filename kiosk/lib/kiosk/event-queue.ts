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
 * - `retry`: the server or the network is in trouble (5xx, 429, no answer). Try again later.
 */
export type SendOutcome = 'sent' | 'rejected' | 'unauthorized' | 'retry';

export function sendOutcome(status: number | null): SendOutcome {
  if (status === null) return 'retry';
  if (status >= 200 && status < 300) return 'sent';
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

/** How many of the oldest events to give up so that adding one keeps the queue within `max`. */
export function overflow(queued: number, max = MAX_QUEUED): number {
  return Math.max(0, queued + 1 - max);
}

/** The request body for a batch. */
export function batchBody(batch: readonly QueuedEvent[]): string {
  return JSON.stringify({ events: batch.map((q) => q.event) });
}
