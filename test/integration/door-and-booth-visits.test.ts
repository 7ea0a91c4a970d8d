import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDevice, postEvents, startSignedIn, type TestServer, visitEvent } from '../support/test-server';

describe('door counters and booth visits', () => {
  let t: TestServer;
  let cookie: string;
  const snapshot = async () => (await (await fetch(`${t.url}/api/v1/snapshot`)).json()) as { counters: { visitors: { today: number }; boothVisits: { today: number; bySection: Record<string, number> } } };
  const devices = async () => ((await (await fetch(`${t.url}/api/v1/devices`, { headers: { cookie } })).json()) as { devices: { id: string; role: string; today: { visits: number; boothVisits: number } }[] }).devices;

  beforeAll(async () => {
    ({ server: t, cookie } = await startSignedIn());
  });
  afterAll(() => t.stop());

  it('lets a door device post visits that count as visitors, and shows its figure in the fleet', async () => {
    const door = await createDevice(t.url, { name: 'North door', role: 'door' });
    const id = crypto.randomUUID();
    expect((await postEvents(t.url, door.token, { events: [visitEvent({ id, section: undefined })] })).body).toEqual({ accepted: 1, duplicates: 0 });
    // The same tap sent again (a lost answer) counts once.
    expect((await postEvents(t.url, door.token, { events: [visitEvent({ id, section: undefined })] })).body).toEqual({ accepted: 0, duplicates: 1 });
    expect((await snapshot()).counters.visitors.today).toBe(1);
    expect((await devices()).find((d) => d.id === door.id)?.today).toEqual({ visits: 1, boothVisits: 0, exits: 0 });
  });

  it('counts a booth session as a booth visit for its section, apart from visitors', async () => {
    const booth = await createDevice(t.url, { name: 'Alpha booth', role: 'booth', section: 'alpha' });
    const before = (await snapshot()).counters.visitors.today;
    const sessions = [visitEvent({ type: 'session', section: 'alpha' }), visitEvent({ type: 'session', section: undefined })];
    expect((await postEvents(t.url, booth.token, { events: sessions })).status).toBe(200);
    const { counters } = await snapshot();
    expect(counters.boothVisits).toEqual({ today: 2, bySection: { alpha: 1 } });
    expect(counters.visitors.today).toBe(before);
    expect((await devices()).find((d) => d.id === booth.id)?.today).toEqual({ visits: 0, boothVisits: 2, exits: 0 });
  });

  it('accepts announcements for phones', async () => {
    const response = await fetch(`${t.url}/api/v1/announcements`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ text: { 'zh-CN': '手机通知', en: 'For phones' }, target: 'phones', expiresAt: new Date(Date.now() + 60_000).toISOString() }),
    });
    expect(response.status).toBe(201);
    const active = ((await (await fetch(`${t.url}/api/v1/snapshot`)).json()) as { announcements: { target: string }[] }).announcements;
    expect(active.map((a) => a.target)).toContain('phones');
  });
});

describe('upgrading a database from before the door role', () => {
  it('keeps every device and announcement, and then accepts door devices and phone announcements', async () => {
    const { default: Database } = await import('better-sqlite3');
    const { MIGRATIONS, migrate } = await import('../../server/storage/migrations');
    const db = new Database(':memory:');
    for (const [i, sql] of MIGRATIONS.slice(0, 4).entries()) {
      db.exec(sql);
      db.pragma(`user_version = ${i + 1}`);
    }
    db.prepare("INSERT INTO devices (id, name, role, token_hash, created_at, locale) VALUES ('d1', 'Booth', 'booth', 'h1', '2023-11-12T00:00:00Z', 'en')").run();
    db.prepare(
      "INSERT INTO announcements (id, text, target, urgent, starts_at, expires_at, created_by, created_at) VALUES ('a1', '{}', 'kiosks', 0, '2023-11-12T00:00:00Z', '2023-11-13T00:00:00Z', 'u', '2023-11-12T00:00:00Z')",
    ).run();
    migrate(db);
    expect(db.prepare('SELECT id, role, locale FROM devices').all()).toEqual([{ id: 'd1', role: 'booth', locale: 'en' }]);
    expect(db.prepare('SELECT id, target FROM announcements').all()).toEqual([{ id: 'a1', target: 'kiosks' }]);
    db.prepare("INSERT INTO devices (id, name, role, token_hash, created_at) VALUES ('d2', 'Door', 'door', 'h2', '2023-11-12T00:00:00Z')").run();
    db.prepare(
      "INSERT INTO announcements (id, text, target, urgent, starts_at, expires_at, created_by, created_at) VALUES ('a2', '{}', 'phones', 0, '2023-11-12T00:00:00Z', '2023-11-13T00:00:00Z', 'u', '2023-11-12T00:00:00Z')",
    ).run();
    expect(() => db.prepare("INSERT INTO devices (id, name, role, token_hash, created_at) VALUES ('d3', 'X', 'toaster', 'h3', '2023-11-12T00:00:00Z')").run()).toThrow(/CHECK/);
    db.close();
  });
});
