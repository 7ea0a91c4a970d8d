import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { VisitorEvent } from '../../shared/events.schema';
import { EventBatchSchema } from '../../shared/events.schema';
import {
  afterRejection,
  batchBody,
  MAX_BATCH,
  overflow,
  RATE_LIMIT_JITTER_MS,
  rateLimitedDelay,
  RETRY_AFTER_MAX_MS,
  retryAfterMs,
  retryDelay,
  RETRY_MAX_MS,
  sendOutcome,
} from '../../kiosk/lib/kiosk/event-queue';
import { startEventSender, type EventSender, type PostAnswer } from '../../kiosk/lib/kiosk/event-sender';
import { MemoryEventStore } from '../../kiosk/lib/kiosk/event-store';
import { InteractionRecorder } from '../../kiosk/lib/kiosk/interactions';
import { uuidV4 } from '../../kiosk/lib/kiosk/uuid';

const tap = (section = 'alpha'): VisitorEvent => ({ id: uuidV4(), type: 'tap', section, at: new Date().toISOString() });

describe('event queue rules', () => {
  it('removes a batch from the queue only after the server stored it', () => {
    expect(sendOutcome(200)).toBe('sent');
    for (const status of [null, 500, 502, 503, 408]) expect(sendOutcome(status)).toBe('retry');
  });

  it('waits at least what a 429 says in Retry-After (seconds or a date), jittered upwards only', () => {
    expect(sendOutcome(429)).toBe('rate-limited');
    const now = Date.parse('2023-11-12T02:00:00Z');
    expect(retryAfterMs('30', now)).toBe(30_000);
    expect(retryAfterMs('Sun, 12 Nov 2023 02:00:45 GMT', now)).toBe(45_000);
    expect(retryAfterMs('Sun, 12 Nov 2023 01:00:00 GMT', now)).toBe(0);
    for (const header of [null, '', 'soon', '-5']) expect(retryAfterMs(header, now)).toBeUndefined();
    expect(rateLimitedDelay(30_000, 1, () => 0)).toBe(30_000);
    expect(rateLimitedDelay(30_000, 1, () => 1)).toBe(30_000 + RATE_LIMIT_JITTER_MS);
    // A 429 does not grow the back-off, but an absurd header is capped; no header is an ordinary back-off.
    expect(rateLimitedDelay(30_000, 7, () => 0)).toBe(30_000);
    expect(rateLimitedDelay(24 * 3_600_000, 1, () => 0)).toBe(RETRY_AFTER_MAX_MS);
    expect(rateLimitedDelay(undefined, 3, () => 1)).toBe(retryDelay(3, () => 1));
  });

  it('refuses to resend what the server refuses as such, and keeps events when the token is the problem', () => {
    for (const status of [400, 413, 422]) expect(sendOutcome(status)).toBe('rejected');
    for (const status of [401, 403]) expect(sendOutcome(status)).toBe('unauthorized');
  });

  it('splits a refused batch to find the bad event, and drops only a batch of one', () => {
    expect(afterRejection(100)).toEqual({ drop: false, nextBatch: 50 });
    expect(afterRejection(3)).toEqual({ drop: false, nextBatch: 2 });
    expect(afterRejection(1)).toEqual({ drop: true });
  });

  it('backs off exponentially from 1 s to 60 s, jittered between half and all of it', () => {
    expect(retryDelay(1, () => 0)).toBe(500);
    expect(retryDelay(1, () => 1)).toBe(1_000);
    expect(retryDelay(3, () => 1)).toBe(4_000);
    expect(retryDelay(50, () => 1)).toBe(RETRY_MAX_MS);
    expect(retryDelay(50, () => 0)).toBe(RETRY_MAX_MS / 2);
  });

  it('sends batches the server accepts (at most 500 events, each valid)', () => {
    const batch = Array.from({ length: MAX_BATCH }, (_, i) => ({ key: i, event: tap() }));
    expect(MAX_BATCH).toBeLessThanOrEqual(500);
    expect(EventBatchSchema.safeParse(JSON.parse(batchBody(batch))).success).toBe(true);
  });

  it('gives up the oldest events only when the queue is full', () => {
    expect(overflow(10, 100)).toBe(0);
    expect(overflow(99, 100)).toBe(0);
    expect(overflow(100, 100)).toBe(1);
  });
});

describe('interaction events', () => {
  it('records taps, views and dwells as valid anonymous events with their own id and time', () => {
    const events: VisitorEvent[] = [];
    const recorder = new InteractionRecorder((e) => events.push(e), () => Date.parse('2023-11-12T02:00:00Z'));
    recorder.tap('alpha');
    recorder.view('alpha', 'alpha-item-1');
    recorder.dwell('alpha', 'alpha-item-1', 12_345.6);
    recorder.dwell('alpha', 'alpha-item-1', -5);
    recorder.dwell('alpha', 'alpha-item-1', 1e12);
    expect(events.map(({ id: _id, ...rest }) => rest)).toEqual([
      { type: 'tap', section: 'alpha', at: '2023-11-12T02:00:00.000Z' },
      { type: 'view', section: 'alpha', item: 'alpha-item-1', at: '2023-11-12T02:00:00.000Z' },
      { type: 'dwell', section: 'alpha', item: 'alpha-item-1', ms: 12_346, at: '2023-11-12T02:00:00.000Z' },
      { type: 'dwell', section: 'alpha', item: 'alpha-item-1', ms: 0, at: '2023-11-12T02:00:00.000Z' },
      { type: 'dwell', section: 'alpha', item: 'alpha-item-1', ms: 6 * 60 * 60 * 1000, at: '2023-11-12T02:00:00.000Z' },
    ]);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(EventBatchSchema.safeParse({ events }).success).toBe(true);
  });
});

describe('event sender', () => {
  let store: MemoryEventStore;
  let sender: EventSender | undefined;
  let token: string | null;
  let answers: (number | PostAnswer | null)[];
  let posted: { ids: string[]; token: string }[];

  let stored: { ids: string[]; answer: PostAnswer }[];

  const start = () => {
    sender = startEventSender({
      store,
      onStored: (events, answer) => stored.push({ ids: events.map((e) => e.id), answer }),
      token: () => token,
      post: async (body, t) => {
        posted.push({ ids: (JSON.parse(body) as { events: VisitorEvent[] }).events.map((e) => e.id), token: t });
        const answer = answers.length > 0 ? answers.shift()! : 200;
        return typeof answer === 'number' ? { status: answer } : answer;
      },
      random: () => 1,
      batchSize: 4,
    });
    return sender;
  };

  beforeEach(() => {
    vi.useFakeTimers();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    store = new MemoryEventStore();
    token = 'token-1';
    answers = [];
    posted = [];
    stored = [];
  });
  afterEach(() => {
    sender?.stop();
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it("reports each stored batch once, with the server's answer, and nothing that was not stored", async () => {
    answers = [503, { status: 200, repeatedBadges: 1 }];
    const s = start();
    const event = tap();
    await s.enqueue(event);
    await s.nudge();
    expect(stored).toEqual([]);
    await s.nudge();
    expect(stored).toEqual([{ ids: [event.id], answer: { status: 200, repeatedBadges: 1 } }]);
    expect(await store.count()).toBe(0);
  });

  it('waits while the kiosk is unpaired, then sends the queue oldest first in batches', async () => {
    token = null;
    const s = start();
    const events = Array.from({ length: 6 }, () => tap());
    for (const e of events) await s.enqueue(e);
    await s.nudge();
    expect(posted).toEqual([]);
    token = 'token-1';
    await s.nudge();
    expect(posted.map((p) => p.ids)).toEqual([events.slice(0, 4).map((e) => e.id), events.slice(4).map((e) => e.id)]);
    expect(posted.every((p) => p.token === 'token-1')).toBe(true);
    expect(await store.count()).toBe(0);
  });

  it('keeps events until a 200, and sends the same ids again after a failure (the server dedupes them)', async () => {
    const s = start();
    const e = tap();
    await s.enqueue(e);
    answers = [null, 503];
    await s.nudge();
    expect(await store.count()).toBe(1);
    await s.nudge();
    expect(await store.count()).toBe(1);
    await s.nudge();
    expect(await store.count()).toBe(0);
    expect(posted.map((p) => p.ids)).toEqual([[e.id], [e.id], [e.id]]);
  });

  it('backs off after a failure instead of hammering the server, and tries again when it is due', async () => {
    const s = start();
    await s.enqueue(tap());
    answers = [null];
    await s.nudge();
    expect(posted).toHaveLength(1);
    // Poll ticks during the back-off (1 s after one failure) do not send.
    await vi.advanceTimersByTimeAsync(900);
    expect(posted).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(posted).toHaveLength(2);
    expect(await store.count()).toBe(0);
  });

  it('sends a burst of taps together, a moment after the last one', async () => {
    start();
    for (let i = 0; i < 3; i++) await sender!.enqueue(tap());
    expect(posted).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1_100);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.ids).toHaveLength(3);
  });

  it('drops only the event the server refuses (400), with a warning, and sends the others', async () => {
    const s = start();
    const events = Array.from({ length: 4 }, () => tap());
    for (const e of events) await s.enqueue(e);
    const bad = events[2]!.id;
    // The fake server refuses any batch containing the bad event.
    sender!.stop();
    const warn = vi.mocked(console.warn);
    sender = startEventSender({
      store,
      token: () => token,
      post: async (body) => {
        const ids = (JSON.parse(body) as { events: VisitorEvent[] }).events.map((e) => e.id);
        posted.push({ ids, token: 'token-1' });
        return { status: ids.includes(bad) ? 400 : 200 };
      },
      batchSize: 4,
    });
    await sender.nudge();
    expect(await store.count()).toBe(0);
    const stored = posted.filter((p) => !p.ids.includes(bad)).flatMap((p) => p.ids);
    expect(stored.sort()).toEqual(events.filter((e) => e.id !== bad).map((e) => e.id).sort());
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('refused'), expect.objectContaining({ id: bad }));
  });

  it('keeps the queue when the token is refused (revoked), and sends it with the new token after pairing again', async () => {
    const s = start();
    await s.enqueue(tap());
    answers = [401];
    await s.nudge();
    expect(await store.count()).toBe(1);
    token = 'token-2';
    await s.nudge();
    expect(await store.count()).toBe(0);
    expect(posted.map((p) => p.token)).toEqual(['token-1', 'token-2']);
  });

  it('after a 429 waits at least Retry-After (even through a nudge), keeps the events and sends each once', async () => {
    const s = start();
    const events = Array.from({ length: 6 }, () => tap());
    for (const e of events) await s.enqueue(e);
    answers = [{ status: 429, retryAfterMs: 30_000 }];
    await s.nudge();
    expect(posted).toHaveLength(1);
    expect(await store.count()).toBe(6);
    // A reconnect's nudge and the poll ticks during the wait send nothing.
    await s.nudge();
    await vi.advanceTimersByTimeAsync(29_900);
    expect(posted).toHaveLength(1);
    // random() = 1: the wait is 30 s plus the whole jitter.
    await vi.advanceTimersByTimeAsync(RATE_LIMIT_JITTER_MS + 200);
    expect(posted).toHaveLength(3);
    expect(await store.count()).toBe(0);
    const stored = posted.slice(1).flatMap((p) => p.ids);
    expect(stored).toEqual(events.map((e) => e.id));
    expect(posted[1]!.ids).toEqual(posted[0]!.ids);
  });

  it('never has two batches in flight at once', async () => {
    let inFlight = 0;
    let most = 0;
    sender = startEventSender({
      store,
      token: () => token,
      post: async () => {
        most = Math.max(most, ++inFlight);
        await new Promise((r) => setTimeout(r, 50));
        inFlight--;
        return { status: 200 };
      },
      batchSize: 2,
    });
    for (let i = 0; i < 6; i++) await store.add(tap());
    const runs = [sender.nudge(), sender.nudge(), sender.nudge()];
    await vi.advanceTimersByTimeAsync(1_000);
    await Promise.all(runs);
    expect(most).toBe(1);
    expect(await store.count()).toBe(0);
  });
});
