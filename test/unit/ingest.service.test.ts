import { describe, expect, it } from 'vitest';
import { IngestService } from '../../server/counters/ingest.service';
import { DomainEvents } from '../../server/platform/domain-events';
import { createMetrics } from '../../server/platform/metrics';
import type { EventsRepository, PreparedEvent, StoredBatch } from '../../server/counters/events.repository';
import { aVisitEvent, memoryEvents, recordEvents, testTasks } from '../support/fakes';

/**
 * An events repository whose commits finish when the test says so, like a database round trip:
 * each call waits for `finish(error?)`. Every batch stored is new.
 */
function heldEvents() {
  const commits: { batches: readonly (readonly PreparedEvent[])[]; finish: (error?: Error) => void }[] = [];
  const repository: EventsRepository = {
    storeBatches: (batches) =>
      new Promise<StoredBatch[]>((resolve, reject) => {
        commits.push({
          batches,
          finish: (error) => (error ? reject(error) : resolve(batches.map((batch) => ({ accepted: [...batch], duplicates: 0, repeatedBadges: 0 })))),
        });
      }),
    counterRows: async () => [],
    deviceCounts: async () => new Map(),
  };
  return { repository, commits };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

function ingestService(mode: 'group' | 'per-request' = 'group', repository?: EventsRepository) {
  const events = memoryEvents();
  const bus = new DomainEvents(testTasks().tasks);
  const published = recordEvents(bus, ['counters.changed']);
  const ingest = new IngestService({
    events: repository ?? events.repository,
    catalog: { sectionOf: () => 'alpha', hasSection: (id) => id === 'alpha' },
    metrics: createMetrics(),
    timeZone: 'Asia/Shanghai',
    now: Date.now,
    maxEventAgeDays: 28,
    badgeKey: 'test-badge-key',
    mode,
    bus,
  });
  return { ingest, events, published };
}

describe('ingest group commit', () => {
  it('stores posts that arrive in the same turn in one transaction, answering each with its own result', async () => {
    const { ingest, events, published } = ingestService();
    const repeated = aVisitEvent();
    const answers = await Promise.all([
      ingest.ingest('door-1', { events: [aVisitEvent(), aVisitEvent()] }),
      ingest.ingest('door-2', { events: [repeated] }),
      ingest.ingest('door-2', { events: [repeated, aVisitEvent()] }),
    ]);
    expect(events.commits).toHaveLength(1);
    expect(events.commits[0]!.map((batch) => batch.length)).toEqual([2, 1, 2]);
    expect(answers).toEqual([
      { accepted: 2, duplicates: 0 },
      { accepted: 1, duplicates: 0 },
      { accepted: 1, duplicates: 1 },
    ]);
    // One commit, one "the counters moved" for the screens.
    expect(published).toEqual([{ name: 'counters.changed', payload: { cause: 'events', increments: expect.arrayContaining([expect.objectContaining({ day: '*', metric: 'visits', value: 1 })]) } }]);
  });

  it('commits posts of different turns separately', async () => {
    const { ingest, events } = ingestService();
    await ingest.ingest('door-1', { events: [aVisitEvent()] });
    await ingest.ingest('door-1', { events: [aVisitEvent()] });
    expect(events.commits).toHaveLength(2);
  });

  it('refuses every post of a group whose commit failed, and tells nobody the counters moved', async () => {
    const { ingest, events, published } = ingestService();
    events.failNextCommit();
    const answers = await Promise.allSettled([ingest.ingest('door-1', { events: [aVisitEvent()] }), ingest.ingest('door-2', { events: [aVisitEvent()] })]);
    expect(answers.map((a) => a.status)).toEqual(['rejected', 'rejected']);
    expect(published).toEqual([]);
    // The next group is not affected.
    expect(await ingest.ingest('door-1', { events: [aVisitEvent()] })).toEqual({ accepted: 1, duplicates: 0 });
  });

  it('publishes nothing when a post held only events it already had', async () => {
    const { ingest, published } = ingestService();
    const event = aVisitEvent();
    await ingest.ingest('door-1', { events: [event] });
    await ingest.ingest('door-1', { events: [event] });
    expect(published).toHaveLength(1);
  });

  it('stores each post in a transaction of its own in per-request mode (the benchmark baseline)', async () => {
    const { ingest, events } = ingestService('per-request');
    await Promise.all([ingest.ingest('door-1', { events: [aVisitEvent(), aVisitEvent()] }), ingest.ingest('door-2', { events: [aVisitEvent()] })]);
    expect(events.commits.map((commit) => commit.map((batch) => batch.length))).toEqual([[2], [1]]);
  });

  it('refuses a batch naming an unknown section before anything is stored', async () => {
    const { ingest, events } = ingestService();
    await expect(ingest.ingest('door-1', { events: [aVisitEvent(), aVisitEvent({ section: 'nowhere' })] })).rejects.toThrow('events[1].section: unknown section "nowhere"');
    expect(events.commits).toEqual([]);
  });

  it('keeps one group in flight: posts arriving meanwhile wait and form the next group', async () => {
    const held = heldEvents();
    const { ingest } = ingestService('group', held.repository);
    const answered: string[] = [];
    const post = (name: string, size = 1) =>
      ingest.ingest('door-1', { events: Array.from({ length: size }, () => aVisitEvent()) }).then(() => void answered.push(name));
    const first = post('first');
    await turn();
    expect(held.commits).toHaveLength(1);
    const second = post('second', 2);
    const third = post('third');
    await turn();
    await turn();
    // Not stored yet, and not started beside the first: they wait for it.
    expect(held.commits).toHaveLength(1);
    expect(answered).toEqual([]);

    held.commits[0]!.finish();
    await first;
    await turn();
    expect(held.commits).toHaveLength(2);
    expect(held.commits[1]!.batches.map((batch) => batch.length)).toEqual([2, 1]);
    expect(answered).toEqual(['first']);
    held.commits[1]!.finish();
    await Promise.all([second, third]);
    expect(answered).toEqual(['first', 'second', 'third']);
  });

  it("refuses only the failed group's posts; the group queued behind it is stored", async () => {
    const held = heldEvents();
    const { ingest, published } = ingestService('group', held.repository);
    const failing = ingest.ingest('door-1', { events: [aVisitEvent()] });
    await turn();
    const next = ingest.ingest('door-2', { events: [aVisitEvent()] });
    await turn();
    held.commits[0]!.finish(new Error('connection reset'));
    await expect(failing).rejects.toThrow('connection reset');
    await turn();
    expect(published).toEqual([]);
    held.commits[1]!.finish();
    expect(await next).toEqual({ accepted: 1, duplicates: 0 });
  });

  it('drains: resolves once the group in flight and the queued posts are committed', async () => {
    const held = heldEvents();
    const { ingest } = ingestService('group', held.repository);
    const first = ingest.ingest('door-1', { events: [aVisitEvent()] });
    await turn();
    const queued = ingest.ingest('door-1', { events: [aVisitEvent()] });
    let drained = false;
    const draining = ingest.drain().then(() => void (drained = true));
    await turn();
    expect(drained).toBe(false);
    held.commits[0]!.finish();
    await first;
    await turn();
    expect(drained).toBe(false);
    held.commits[1]!.finish();
    await Promise.all([queued, draining]);
    expect(drained).toBe(true);
  });

  it('drains the posts still committing in per-request mode', async () => {
    const held = heldEvents();
    const { ingest } = ingestService('per-request', held.repository);
    const posts = [ingest.ingest('door-1', { events: [aVisitEvent()] }), ingest.ingest('door-2', { events: [aVisitEvent()] })];
    await turn();
    // The naive server: each post its own transaction, all at once.
    expect(held.commits).toHaveLength(2);
    let drained = false;
    const draining = ingest.drain().then(() => void (drained = true));
    held.commits[0]!.finish();
    await posts[0];
    await turn();
    expect(drained).toBe(false);
    held.commits[1]!.finish();
    await Promise.all([...posts, draining]);
  });

  it('drains at once when nothing is queued', async () => {
    const { ingest } = ingestService();
    await expect(ingest.drain()).resolves.toBeUndefined();
  });
});
