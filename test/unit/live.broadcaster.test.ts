import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Counters } from '../../shared/counters.schema';
import type { Patch } from '../../shared/snapshot.schema';
import { DEFAULT_ROOM, LiveBroadcaster, viewRoom } from '../../server/live/live.broadcaster';
import { createMetrics } from '../../server/platform/metrics';
import { testTasks } from '../support/fakes';

const countersWith = (today: number): Counters => ({
  day: '2023-11-12',
  timeZone: 'Asia/Shanghai',
  visitors: { today, total: today, bySection: {}, byBucket: [] },
  interactions: { bySection: {}, byItem: {} },
});

/** A broadcaster over an in-memory namespace; `watched` rooms have one client each. */
function broadcaster(options: { intervalMs?: number; storedSeq?: string; watched?: string[]; standby?: boolean } = {}) {
  const sent: { room: string; patch: Patch }[] = [];
  const settings = new Map<string, string>(options.storedSeq ? [['live.seq', options.storedSeq]] : []);
  let counters = countersWith(0);
  const watched = new Set(options.watched ?? [DEFAULT_ROOM]);
  const live = new LiveBroadcaster(
    {
      live: { to: (room) => ({ emit: (_event, patch) => void sent.push({ room, patch }) }) },
      settings: { get: async (k) => settings.get(k), set: async (k, v) => void settings.set(k, v) },
      metrics: createMetrics(),
      counterIntervalMs: options.intervalMs ?? 1_000,
      audience: (room) => (watched.has(room) ? 1 : 0),
      counters: { current: () => counters },
      now: Date.now,
      tasks: testTasks().tasks,
    },
    options.storedSeq,
    { standby: options.standby },
  );
  return {
    live,
    settings,
    /** The figures move (a commit), and the broadcaster is told. */
    count(today: number) {
      counters = countersWith(today);
      live.countersChanged();
    },
    sentTo: (room: string) => sent.filter((s) => s.room === room).map((s) => s.patch),
  };
}

describe('live broadcaster', () => {
  beforeEach(() => void vi.useFakeTimers({ now: Date.parse('2023-11-12T02:00:00Z') }));
  afterEach(() => void vi.useRealTimers());

  it('never sends counters inside the call that reports them (the posts are answered first), but at the next turn', () => {
    const t = broadcaster();
    t.count(1);
    expect(t.sentTo(DEFAULT_ROOM)).toEqual([]);
    vi.advanceTimersByTime(0);
    expect(t.sentTo(DEFAULT_ROOM)).toMatchObject([{ type: 'counters', counters: { visitors: { today: 1 } } }]);
    t.live.close();
  });

  it('merges the changes of one interval into one patch carrying the latest figures', () => {
    const t = broadcaster({ intervalMs: 1_000 });
    t.count(1);
    vi.advanceTimersByTime(0);
    for (let today = 2; today <= 6; today++) {
      vi.advanceTimersByTime(100);
      t.count(today);
    }
    expect(t.sentTo(DEFAULT_ROOM)).toHaveLength(1);
    vi.advanceTimersByTime(499);
    expect(t.sentTo(DEFAULT_ROOM)).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(t.sentTo(DEFAULT_ROOM)).toMatchObject([{ counters: { visitors: { today: 1 } } }, { counters: { visitors: { today: 6 } } }]);
    // Quiet again: the next change goes out at once.
    vi.advanceTimersByTime(5_000);
    t.count(7);
    vi.advanceTimersByTime(0);
    expect(t.sentTo(DEFAULT_ROOM)).toHaveLength(3);
    t.live.close();
  });

  it('numbers patches in the order they are sent, and each view names the patch before it', () => {
    const t = broadcaster({ watched: [DEFAULT_ROOM, viewRoom('stage')] });
    // A stage display started from a snapshot: its view gets deltas from these figures on.
    t.live.observeCounters();
    t.live.publish({ type: 'roadshow', roadshow: {} as never });
    t.count(3);
    vi.advanceTimersByTime(0);
    t.live.publish({ type: 'announcements', announcements: [] });
    const seqs = t.sentTo(DEFAULT_ROOM).map((p) => p.seq);
    expect(seqs).toEqual([seqs[0], seqs[0]! + 1, seqs[0]! + 2]);
    const stage = t.sentTo(viewRoom('stage')) as (Patch & { prev: number })[];
    expect(stage.map((p) => p.type)).toEqual(['roadshow', 'counters:delta', 'announcements']);
    for (let i = 1; i < stage.length; i++) expect(stage[i]!.prev).toBe(stage[i - 1]!.seq);
    t.live.close();
  });

  it('on standby (a cluster node without the owner lease) numbers, sends and writes down nothing', async () => {
    const t = broadcaster({ standby: true, storedSeq: '500' });
    expect(t.live.publish({ type: 'announcements', announcements: [] })).toBeUndefined();
    t.count(3);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(t.sentTo(DEFAULT_ROOM)).toEqual([]);
    expect(t.settings.get('live.seq')).toBe('500');
    await t.live.close();
  });

  it('taking over numbers above both the stored seq plus the margin and the highest seq seen, then steps down again', async () => {
    const t = broadcaster({ standby: true, storedSeq: '500' });
    await t.live.takeOver(20_000);
    expect(t.live.publish({ type: 'announcements', announcements: [] })!.seq).toBe(20_001);
    t.live.standBy();
    expect(t.live.publish({ type: 'announcements', announcements: [] })).toBeUndefined();
    // Taking over wrote 20,000 down: the next owner (here, this node again) starts a margin above it.
    expect(t.settings.get('live.seq')).toBe('20000');
    await t.live.takeOver(0);
    expect(t.live.publish({ type: 'announcements', announcements: [] })!.seq).toBe(30_001);
    await t.live.close();
  });

  it('tells the listener each new seq before the patch of that seq leaves', () => {
    const t = broadcaster();
    const order: string[] = [];
    t.live.beforeEmit((seq) => order.push(`state ${seq} (sent so far: ${t.sentTo(DEFAULT_ROOM).length})`));
    t.live.publish({ type: 'announcements', announcements: [] });
    expect(order).toEqual(['state 1 (sent so far: 0)']);
    void t.live.close();
  });

  it('starts numbering beyond any seq a previous run could have sent', () => {
    const t = broadcaster({ storedSeq: '500' });
    expect(t.live.publish({ type: 'announcements', announcements: [] })!.seq).toBe(10_501);
    t.live.close();
  });

  it('sends what is pending when it closes (a shutdown loses no counted visitor)', () => {
    const t = broadcaster();
    t.count(1);
    vi.advanceTimersByTime(0);
    t.count(2);
    t.live.close();
    expect(t.sentTo(DEFAULT_ROOM)).toMatchObject([{ counters: { visitors: { today: 1 } } }, { counters: { visitors: { today: 2 } } }]);
  });
});
