import type { VisitorEvent } from '../../../shared/events.schema';
import { afterRejection, batchBody, MAX_BATCH, rateLimitedDelay, retryAfterMs, retryDelay, sendOutcome } from './event-queue';
import type { EventStore } from './event-store';

/**
 * The server's answer to a batch: its status, with a 429 how long it asked us to wait, and with a
 * 200 how many of its visits carried a badge that day had already counted (not counted again).
 */
export interface PostAnswer {
  status: number;
  retryAfterMs?: number;
  repeatedBadges?: number;
}

/** Sends a batch; resolves with the answer, or null when no answer came (offline, timeout). */
export type PostEvents = (body: string, token: string) => Promise<PostAnswer | null>;

export interface EventSenderOptions {
  store: EventStore;
  /** The device token while paired; events wait (queued) while there is none. */
  token: () => string | null;
  post?: PostEvents;
  now?: () => number;
  random?: () => number;
  /** Quiet time after an event before sending, so a burst of taps travels in one request. */
  debounceMs?: number;
  /** How often to look at the queue anyway (a token may have arrived, a retry may be due). */
  pollMs?: number;
  batchSize?: number;
  /** Called once a batch is stored (before it leaves the queue), with the server's answer. */
  onStored?: (events: VisitorEvent[], answer: PostAnswer) => void;
}

export interface EventSender {
  /** Queues an event durably and sends it soon. Never throws: an event that cannot be stored is reported and lost. */
  enqueue(event: VisitorEvent): Promise<void>;
  /**
   * Sends what is queued now, ignoring a pending back-off (the server is back, say); but never
   * before the end of a wait the server asked for with 429 and Retry-After.
   */
  nudge(): Promise<void>;
  stop(): void;
}

const REQUEST_TIMEOUT_MS = 15_000;

/** POST /api/v1/events with the device token; a hung request counts as no answer. */
export const postEvents: PostEvents = async (body, token) => {
  try {
    const response = await fetch('/api/v1/events', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    // Read the body so the connection can be reused. Ids decide what counted; the body only says
    // whether a badge had been counted before (repeatedBadges, left out when 0).
    const text = await response.text().catch(() => '');
    return { status: response.status, retryAfterMs: retryAfterMs(response.headers.get('retry-after'), Date.now()), ...repeatedBadgesIn(text) };
  } catch {
    return null;
  }
};

function repeatedBadgesIn(body: string): { repeatedBadges?: number } {
  try {
    const repeated = (JSON.parse(body) as { repeatedBadges?: unknown } | null)?.repeatedBadges;
    return Number.isInteger(repeated) && (repeated as number) > 0 ? { repeatedBadges: repeated as number } : {};
  } catch {
    return {};
  }
}

/**
 * Empties the event queue into the server, oldest first, in batches. An event leaves the queue
 * only after the server said it stored it (200), so a crash or a lost answer at any point means the
 * event is sent again, and the server's dedupe by id counts it once. One batch is in flight at a
 * time; failures back off with jitter; a refused batch is split to drop only the bad event.
 */
export function startEventSender(options: EventSenderOptions): EventSender {
  const { store } = options;
  const post = options.post ?? postEvents;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const fullBatch = options.batchSize ?? MAX_BATCH;

  let batchLimit = fullBatch;
  let failures = 0;
  /** No automatic attempt before this time (a back-off after a failure). */
  let retryAt = 0;
  /** No attempt at all before this time, not even a nudge: the server's Retry-After. */
  let notBefore = 0;
  let wake: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let debounce: ReturnType<typeof setTimeout> | undefined;

  const drain = async () => {
    for (;;) {
      const token = options.token();
      if (!token || stopped || now() < notBefore) return;
      const batch = await store.oldest(batchLimit);
      if (batch.length === 0) {
        batchLimit = fullBatch;
        return;
      }
      const answer = await post(batchBody(batch), token);
      const outcome = sendOutcome(answer?.status ?? null);
      if (outcome === 'sent') {
        try {
          options.onStored?.(
            batch.map((q) => q.event),
            answer!,
          );
        } catch (error) {
          console.warn('showfloor: handling a stored batch failed', error); // the batch is stored all the same
        }
        await store.remove(batch.map((q) => q.key));
        failures = 0;
        continue;
      }
      if (outcome === 'rejected') {
        const next = afterRejection(batch.length);
        if (next.drop) {
          console.warn('showfloor: the server refused an interaction event; dropping it', batch[0]!.event);
          await store.remove(batch.map((q) => q.key));
          batchLimit = fullBatch;
        } else {
          batchLimit = next.nextBatch;
        }
        continue;
      }
      if (outcome === 'rate-limited') {
        // The server stored nothing of this batch: it stays queued and goes again, once, after
        // the wait the server asked for. A reconnect's nudge does not cut the wait short.
        // Without a Retry-After it is an ordinary back-off, growing with each refusal.
        if (answer?.retryAfterMs === undefined) failures++;
        const delay = rateLimitedDelay(answer?.retryAfterMs, failures, random);
        notBefore = retryAt = now() + delay;
        clearTimeout(wake);
        wake = setTimeout(() => void flush(false), delay);
        return;
      }
      // retry or unauthorized: wait. A new token (re-pairing) or a nudge tries again sooner.
      failures++;
      retryAt = now() + retryDelay(failures, random);
      return;
    }
  };

  const flush = (force: boolean): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (running) {
      again ||= force || now() >= retryAt;
      return running;
    }
    if (!force && now() < retryAt) return Promise.resolve();
    running = drain()
      .catch((error: unknown) => console.warn('showfloor: sending interaction events failed', error))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          void flush(false);
        }
      });
    return running;
  };

  const poll = setInterval(() => void flush(false), options.pollMs ?? 5_000);

  return {
    async enqueue(event) {
      try {
        await store.add(event);
      } catch (error) {
        console.warn('showfloor: could not queue an interaction event', error);
        return;
      }
      clearTimeout(debounce);
      debounce = setTimeout(() => void flush(false), options.debounceMs ?? 1_000);
    },
    nudge() {
      retryAt = 0;
      return flush(true);
    },
    stop() {
      stopped = true;
      clearInterval(poll);
      clearTimeout(wake);
      clearTimeout(debounce);
    },
  };
}
