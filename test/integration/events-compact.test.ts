import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteEventsRepository, uuidBytes, type PreparedEvent } from '../../server/counters/events.repository';
import { MIGRATIONS, migrate } from '../../server/storage/migrations';
import { createDevice, postEvents, startTestServer, visitEvent, type TestServer } from '../support/test-server';

/** The migration that narrowed the events row (the last one that touches `events`). */
const COMPACT = MIGRATIONS.findIndex((sql) => sql.includes('CREATE TABLE events_compact'));

function databaseBeforeCompactEvents(): Database.Database {
  const db = new Database(':memory:');
  for (const [i, sql] of MIGRATIONS.slice(0, COMPACT).entries()) {
    db.exec(sql);
    db.pragma(`user_version = ${i + 1}`);
  }
  return db;
}

const prepared = (id: string): PreparedEvent => ({
  event: { id, type: 'visit', section: 'alpha', at: '2026-03-01T10:00:00.250Z' },
  deviceId: 'd1',
  day: '2026-03-01',
  increments: [{ day: '2026-03-01', metric: 'visits', section: '', item: '', bucket: 0, value: 1 }],
});

describe('the compact events row (migration)', () => {
  it('keeps every stored event with its id and times, and still refuses an old id as a duplicate', async () => {
    const db = databaseBeforeCompactEvents();
    const insert = db.prepare(
      'INSERT INTO events (id, type, section, item, at, ms, day, device_id, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const old = [
      ['0f8fad5b-d9cb-469f-a165-70867728950e', 'visit', 'alpha', null, '2026-03-01T10:00:00.250Z', null, '2026-03-01', 'd1', '2026-03-01T10:00:01.000Z'],
      ['7c9e6679-7425-40de-944b-e07fc1f90ae7', 'dwell', 'beta', 'beta-item-1', '2026-03-01T11:30:00Z', 12_000, '2026-03-01', 'd2', '2026-03-01T11:30:02.500Z'],
    ] as const;
    for (const row of old) insert.run(...row);
    migrate(db);

    const rows = db.prepare('SELECT lower(hex(id)) AS id, type, section, item, at, ms, device_id, received_at FROM events ORDER BY seq').all();
    expect(rows).toEqual([
      { id: '0f8fad5bd9cb469fa16570867728950e', type: 'visit', section: 'alpha', item: null, at: Date.parse(old[0][4]), ms: null, device_id: 'd1', received_at: Date.parse(old[0][8]) },
      { id: '7c9e6679742540de944be07fc1f90ae7', type: 'dwell', section: 'beta', item: 'beta-item-1', at: Date.parse(old[1][4]), ms: 12_000, device_id: 'd2', received_at: Date.parse(old[1][8]) },
    ]);

    const repository = new SqliteEventsRepository(db);
    const [again] = await repository.storeBatches([[prepared(old[0][0].toUpperCase()), prepared(crypto.randomUUID())]], new Date().toISOString());
    expect(again!.duplicates).toBe(1);
    expect(again!.accepted).toHaveLength(1);
    db.close();
  });

  it('keys events by the 16 bytes of their UUID, whatever its letter case', () => {
    const id = crypto.randomUUID();
    expect(uuidBytes(id)).toEqual(uuidBytes(id.toUpperCase()));
    expect(uuidBytes(id)).toHaveLength(16);
    expect(uuidBytes(id).toString('hex')).toBe(id.replaceAll('-', ''));
  });
});

describe('idempotent ingest on the compact row, in both commit modes', () => {
  for (const mode of ['group', 'per-request'] as const) {
    describe(mode, () => {
      let t: TestServer;
      let sensor: { token: string };
      const visitorsToday = async () => ((await (await fetch(`${t.url}/api/v1/snapshot`)).json()) as { counters: { visitors: { today: number } } }).counters.visitors.today;

      beforeAll(async () => {
        t = await startTestServer({ INGEST_COMMIT: mode });
        sensor = await createDevice(t.url);
      });
      afterAll(() => t.stop());

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
    });
  }
});
