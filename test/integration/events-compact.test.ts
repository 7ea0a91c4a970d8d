import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqliteEventsRepository, uuidBytes, type PreparedEvent } from '../../server/counters/events.repository';
import { MIGRATIONS, migrate } from '../../server/storage/migrations';

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
