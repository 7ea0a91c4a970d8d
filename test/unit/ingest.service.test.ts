import { describe, expect, it } from 'vitest';
import { IngestService } from '../../server/counters/ingest.service';
import { DomainEvents } from '../../server/platform/domain-events';
import { createMetrics } from '../../server/platform/metrics';
import { aVisitEvent, memoryEvents, recordEvents, testTasks } from '../support/fakes';

function ingestService(mode: 'group' | 'per-request' = 'group') {
  const events = memoryEvents();
  const bus = new DomainEvents(testTasks().tasks);
  const published = recordEvents(bus, ['counters.changed']);
  const ingest = new IngestService({
    events: events.repository,
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
    expect(published).toEqual([{ name: 'counters.changed', payload: { cause: 'events' } }]);
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
});
