import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_TIME, foldCounters } from '../../server/counters/counters.rules';
import type { EventsRepository, PreparedEvent } from '../../server/counters/events.repository';
import { eventsRepository } from '../../server/counters/events.repository.factory';
import { IngestService } from '../../server/counters/ingest.service';
import { DomainEvents } from '../../server/platform/domain-events';
import { createMetrics } from '../../server/platform/metrics';
import { openSqliteStorage } from '../../server/storage/sqlite-storage';
import type { Storage } from '../../server/storage/storage';
import type { VisitorEvent } from '../../shared/events.schema';
import { aVisitEvent, testTasks } from '../support/fakes';
import { createDevice, postEvents, startTestServer, visitEvent, type TestServer } from '../support/test-server';
import { openTestStorage, testEngine } from '../support/test-storage';

const TIME_ZONE = 'Asia/Shanghai';

/** The real ingest service on `events`, its clock at `now`: it prepares events exactly as a post does. */
function ingestOn(events: EventsRepository, now: () => number = Date.now) {
  return new IngestService({
    events,
    catalog: { sectionOf: () => 'alpha', hasSection: (id) => id === 'alpha' },
    metrics: createMetrics(),
    timeZone: TIME_ZONE,
    now,
    maxEventAgeDays: 28,
    badgeKey: 'test-badge-key',
    mode: 'group',
    bus: new DomainEvents(testTasks().tasks),
  });
}

const prepare = (events: VisitorEvent[], deviceId = 'door-1'): PreparedEvent[] => ingestOn(eventsRepositoryUnused).check(deviceId, { events }).events;
// check() never touches the repository.
const eventsRepositoryUnused = {} as EventsRepository;

const today = () => prepare([aVisitEvent()])[0]!.day;

async function visitorsOn(repository: EventsRepository, day: string) {
  return foldCounters(await repository.counterRows(day), day, TIME_ZONE).visitors;
}

const engine = testEngine();

describe(`events storage (${engine})`, { timeout: 60_000 }, () => {
  let storage: Storage;
  let close: () => Promise<void>;
  let repository: EventsRepository;

  beforeAll(async () => {
    ({ storage, close } = await openTestStorage(engine));
    repository = eventsRepository(storage);
  });
  afterAll(() => close?.());

  it('counts each id once when 50 retries of the same events are stored at the same time', async () => {
    const day = today();
    const before = await visitorsOn(repository, day);
    const events = Array.from({ length: 20 }, () => aVisitEvent());
    // Each retry in its own order: the same ids, locked in every order a client could send them.
    const retries = Array.from({ length: 50 }, (_, n) => prepare(n % 2 === 0 ? events : [...events].reverse()));
    const answers = await Promise.all(retries.map((batch) => repository.storeBatches([batch], new Date().toISOString())));
    expect(answers.reduce((sum, [stored]) => sum + stored!.accepted.length, 0)).toBe(20);
    expect(answers.reduce((sum, [stored]) => sum + stored!.duplicates, 0)).toBe(50 * 20 - 20);
    const after = await visitorsOn(repository, day);
    expect(after.today - before.today).toBe(20);
    expect(after.total - before.total).toBe(20);
    expect((await repository.deviceCounts(day)).get('door-1')?.visits).toBeGreaterThanOrEqual(20);
  });

  it('sorts out one group as SQLite always has: repeated ids, and badges the day already counted', async () => {
    const day = today();
    const badge = `badge-${crypto.randomUUID()}`;
    const first = aVisitEvent({ badge });
    const sameBadge = aVisitEvent({ badge });
    const plain = aVisitEvent();
    const results = await repository.storeBatches(
      [prepare([first, plain, plain]), prepare([sameBadge, first], 'door-2'), prepare([aVisitEvent({ id: plain.id.toUpperCase() })])],
      new Date().toISOString(),
    );
    expect(results.map((r) => ({ accepted: r.accepted.map((p) => p.event.id), duplicates: r.duplicates, repeatedBadges: r.repeatedBadges }))).toEqual([
      { accepted: [first.id, plain.id], duplicates: 1, repeatedBadges: 0 },
      { accepted: [], duplicates: 1, repeatedBadges: 1 },
      { accepted: [], duplicates: 1, repeatedBadges: 0 },
    ]);
    // A later group: the badge is still counted for the day, the refused event can come again and is refused again.
    const [again] = await repository.storeBatches([prepare([sameBadge, aVisitEvent({ badge: `${badge}-other` })], 'door-2')], new Date().toISOString());
    expect({ accepted: again!.accepted.length, duplicates: again!.duplicates, repeatedBadges: again!.repeatedBadges }).toEqual({ accepted: 1, duplicates: 0, repeatedBadges: 1 });
    const counts = await repository.deviceCounts(day);
    expect(counts.get('door-2')).toEqual({ visits: 1, boothVisits: 0, exits: 0 });
  });

  it('counts an event at 23:59:59 and one at 00:00:01 local time on two days of TIME_ZONE', async () => {
    // Shanghai is UTC+8 all year: local midnight of 2 March is 16:00 UTC on 1 March.
    const now = Date.parse('2026-03-01T16:30:00Z');
    const ingest = ingestOn(repository, () => now);
    const before = await repository.counterRows('2026-03-01');
    const totalBefore = before.filter((row) => row.day === ALL_TIME && row.metric === 'visits' && !row.section).reduce((sum, row) => sum + row.value, 0);
    expect(
      await ingest.ingest('door-1', {
        events: [aVisitEvent({ at: '2026-03-01T15:59:59.000Z' }), aVisitEvent({ at: '2026-03-01T16:00:01.000Z' })],
      }),
    ).toEqual({ accepted: 2, duplicates: 0 });
    const firstDay = await visitorsOn(repository, '2026-03-01');
    const secondDay = await visitorsOn(repository, '2026-03-02');
    expect(firstDay.today).toBe(1);
    expect(secondDay.today).toBe(1);
    expect(secondDay.total).toBe(totalBefore + 2);
    expect(firstDay.byBucket.at(-1)?.start).toBe('2026-03-01T15:50:00.000Z');
    expect(secondDay.byBucket[0]?.start).toBe('2026-03-01T16:00:00.000Z');
  });
});

describe(`idempotent ingest over HTTP (${engine}), in both commit modes`, { timeout: 60_000 }, () => {
  for (const mode of ['group', 'per-request'] as const) {
    describe(mode, () => {
      let t: TestServer;
      let sensor: { token: string };
      const visitorsToday = async () => ((await (await fetch(`${t.url}/api/v1/snapshot`)).json()) as { counters: { visitors: { today: number } } }).counters.visitors.today;

      beforeAll(async () => {
        t = await startTestServer({ INGEST_COMMIT: mode });
        sensor = await createDevice(t.url);
      });
      afterAll(() => t?.stop());

      it('counts an id once when it comes twice in a batch and in other batches posted at the same time', async () => {
        const before = await visitorsToday();
        const shared = Array.from({ length: 5 }, () => visitEvent());
        // Ten different batches, each with the shared events (one of them twice) and two of its own.
        const batches = Array.from({ length: 10 }, () => [...shared, shared[0]!, visitEvent(), visitEvent()]);
        const answers = await Promise.all(batches.map((events) => postEvents(t.url, sensor.token, { events })));
        expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
        expect(answers.reduce((n, a) => n + a.body.accepted, 0)).toBe(5 + 20);
        expect(answers.reduce((n, a) => n + a.body.duplicates, 0)).toBe(10 * 8 - 25);
        expect(await visitorsToday()).toBe(before + 25);
      });

      it('counts a batch once when a kiosk retries it 50 times at once', async () => {
        const before = await visitorsToday();
        const batch = { events: Array.from({ length: 10 }, () => visitEvent()) };
        const answers = await Promise.all(Array.from({ length: 50 }, () => postEvents(t.url, sensor.token, batch)));
        expect(answers.map((a) => a.status)).toEqual(Array(50).fill(200));
        expect(answers.reduce((n, a) => n + a.body.accepted, 0)).toBe(10);
        expect(answers.reduce((n, a) => n + a.body.duplicates, 0)).toBe(49 * 10);
        expect(await visitorsToday()).toBe(before + 10);
      });
    });
  }
});

describe('events storage on SQLite beside a Kysely transaction', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('waits for a transaction open on the shared connection, so its rollback takes no event with it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'showfloor-events-'));
    dirs.push(dir);
    const storage = openSqliteStorage({ dataDir: dir });
    const repository = eventsRepository(storage);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const rolledBack = storage
      .transaction(async () => {
        await sql`SELECT 1`.execute(storage.db);
        await held;
        throw new Error('the other work failed');
      })
      .catch((error: Error) => error.message);
    while (!storage.sqlite!.inTransaction) await new Promise((resolve) => setImmediate(resolve));

    let stored = false;
    const storing = repository.storeBatches([prepare([aVisitEvent()])], new Date().toISOString()).then((results) => {
      stored = true;
      return results;
    });
    for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(stored).toBe(false);

    release();
    expect(await rolledBack).toBe('the other work failed');
    const [result] = await storing;
    expect(result!.accepted).toHaveLength(1);
    expect((await visitorsOn(repository, today())).today).toBe(1);
    await storage.close();
  });
});
