import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { IngestService } from '../../server/counters/ingest.service';
import type { EventsRepository, PreparedEvent, StoredBatch } from '../../server/counters/events.repository';
import { LiveBroadcaster } from '../../server/live/live.broadcaster';
import { BackgroundTasks } from '../../server/platform/background';
import { DomainEvents } from '../../server/platform/domain-events';
import { createMetrics } from '../../server/platform/metrics';
import type { Counters } from '../../shared/counters.schema';

const counters: Counters = {
  day: '2023-11-12',
  timeZone: 'Asia/Shanghai',
  visitors: { today: 0, total: 0, bySection: {}, byBucket: [] },
  interactions: { bySection: {}, byItem: {} },
};

describe('acknowledgements and the broadcast', () => {
  it('answers a post once its commit returns, before its counters patch is sent', async () => {
    const log: string[] = [];
    const metrics = createMetrics();
    const tasks = new BackgroundTasks({ logger: pino({ level: 'silent' }), storage: { report: () => false } as never, now: Date.now });
    const settings = new Map<string, string>();
    const broadcaster = new LiveBroadcaster(
      {
        live: { to: (room) => ({ emit: () => void log.push(`patch to ${room}`) }) },
        settings: { get: async (k) => settings.get(k), set: async (k, v) => void settings.set(k, v) },
        metrics,
        counterIntervalMs: 100,
        audience: () => 1,
        counters: { current: () => ({ ...counters }) },
        now: Date.now,
        tasks,
      },
      undefined,
    );
    const bus = new DomainEvents(tasks);
    bus.on('counters.changed', () => broadcaster.countersChanged());
    const events: EventsRepository = {
      storeBatches: async (batches: readonly (readonly PreparedEvent[])[]): Promise<StoredBatch[]> => {
        log.push('commit');
        return batches.map((batch) => ({ accepted: [...batch], duplicates: 0, repeatedBadges: 0 }));
      },
      counterRows: async () => [],
      deviceCounts: async () => new Map(),
    };
    const ingest = new IngestService({
      events,
      catalog: { sectionOf: () => 'alpha', hasSection: () => true },
      metrics,
      timeZone: 'Asia/Shanghai',
      now: Date.now,
      maxEventAgeDays: 28,
      badgeKey: 'test-key',
      mode: 'group',
      bus,
    });
    const answer = ingest
      .ingest('device-1', { events: [{ id: crypto.randomUUID(), type: 'visit', section: 'alpha', at: new Date().toISOString() }] })
      .then(() => log.push('answered'));
    await answer;
    expect(log).toEqual(['commit', 'answered']);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(log.slice(0, 3)).toEqual(['commit', 'answered', 'patch to view:default']);
    broadcaster.close();
  });
});
