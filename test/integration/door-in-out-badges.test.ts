import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDevice, postEvents, startSignedIn, type TestServer, visitEvent } from '../support/test-server';

interface SnapshotCounters {
  visitors: { today: number; total: number };
  onSite: { now: number; exitsToday: number };
}

describe('a door counting in and out, and scanning badges', () => {
  let t: TestServer;
  let cookie: string;
  const counters = async () => ((await (await fetch(`${t.url}/api/v1/snapshot`)).json()) as { counters: SnapshotCounters }).counters;
  const todayOf = async (id: string) =>
    ((await (await fetch(`${t.url}/api/v1/devices`, { headers: { cookie } })).json()) as { devices: { id: string; today: unknown }[] }).devices.find((d) => d.id === id)?.today;

  beforeAll(async () => {
    ({ server: t, cookie } = await startSignedIn());
  });
  afterAll(() => t.stop());

  it('counts exits apart from visitors, and "on site now" as entries minus exits, never below 0', async () => {
    const door = await createDevice(t.url, { name: 'East door', role: 'door' }, cookie);
    const exit = () => visitEvent({ type: 'exit', section: undefined });
    // Two leave before anyone was counted coming in (they came through a door that counts "in" only… or not at all).
    expect((await postEvents(t.url, door.token, { events: [exit(), exit()] })).body).toEqual({ accepted: 2, duplicates: 0 });
    expect(await counters()).toMatchObject({ visitors: { today: 0, total: 0 }, onSite: { now: 0, exitsToday: 2 } });

    const inside = [visitEvent({ section: undefined }), visitEvent({ section: undefined }), visitEvent({ section: undefined }), visitEvent({ section: undefined })];
    const oneOut = exit();
    expect((await postEvents(t.url, door.token, { events: [...inside, oneOut] })).body).toEqual({ accepted: 5, duplicates: 0 });
    // The same exit again (a lost answer) is a duplicate, as for every event.
    expect((await postEvents(t.url, door.token, { events: [oneOut] })).body).toEqual({ accepted: 0, duplicates: 1 });
    expect(await counters()).toMatchObject({ visitors: { today: 4, total: 4 }, onSite: { now: 1, exitsToday: 3 } });
    expect(await todayOf(door.id)).toEqual({ visits: 4, boothVisits: 0, exits: 3 });
  });

  it('counts each badge once a day across doors, answers repeats apart, and stores only a hash of the code', async () => {
    const north = await createDevice(t.url, { name: 'North scanner', role: 'door' }, cookie);
    const south = await createDevice(t.url, { name: 'South scanner', role: 'door' }, cookie);
    const before = (await counters()).visitors.today;
    const code = 'BADGE-4711-Zhang-San';
    const first = visitEvent({ section: undefined, badge: code });

    expect((await postEvents(t.url, north.token, { events: [first, visitEvent({ section: undefined, badge: 'BADGE-0002' })] })).body).toEqual({ accepted: 2, duplicates: 0 });
    // Its own resend is a duplicate by id, not a repeated badge.
    expect((await postEvents(t.url, north.token, { events: [first] })).body).toEqual({ accepted: 0, duplicates: 1 });
    // The same badge scanned again, here and at another door: not counted, and said so.
    const again = visitEvent({ section: undefined, badge: code });
    expect((await postEvents(t.url, north.token, { events: [again] })).body).toEqual({ accepted: 0, duplicates: 0, repeatedBadges: 1 });
    expect((await postEvents(t.url, north.token, { events: [again] })).body).toEqual({ accepted: 0, duplicates: 0, repeatedBadges: 1 });
    expect((await postEvents(t.url, south.token, { events: [visitEvent({ section: undefined, badge: code }), visitEvent({ section: undefined })] })).body).toEqual({
      accepted: 1,
      duplicates: 0,
      repeatedBadges: 1,
    });
    expect((await counters()).visitors.today).toBe(before + 3);
    expect(await todayOf(north.id)).toMatchObject({ visits: 2 });
    expect(await todayOf(south.id)).toMatchObject({ visits: 1 });

    // The same badge on another day counts again (the day is part of what is compared).
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    expect((await postEvents(t.url, south.token, { events: [visitEvent({ section: undefined, badge: code, at: yesterday })] })).body).toEqual({ accepted: 1, duplicates: 0 });

    // Nowhere in the database is the code itself.
    const { db, engine } = t.server.storage;
    const hashes = (await sql<{ day: string; badge_hash: string }>`SELECT day, badge_hash FROM badge_scans`.execute(db)).rows;
    expect(hashes).toHaveLength(3);
    for (const row of hashes) expect(row.badge_hash).toMatch(/^[0-9a-f]{64}$/);
    const tables = (
      await (engine === 'sqlite'
        ? sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`
        : sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`
      ).execute(db)
    ).rows;
    let everything = '';
    for (const { name } of tables) everything += (await sql`SELECT * FROM ${sql.table(name)}`.execute(db)).rows.map((row) => JSON.stringify(row)).join('\n');
    expect(everything).not.toContain('4711');
  });

  it('counts a badge again after its day was reset (the day\'s figures no longer hold it)', async () => {
    const door = await createDevice(t.url, { name: 'Reset door', role: 'door' }, cookie);
    const code = 'BADGE-RESET-1';
    expect((await postEvents(t.url, door.token, { events: [visitEvent({ section: undefined, badge: code })] })).body).toEqual({ accepted: 1, duplicates: 0 });
    const today = ((await (await fetch(`${t.url}/api/v1/snapshot`)).json()) as { counters: { day: string } }).counters.day;
    const reset = await fetch(`${t.url}/api/v1/counters/reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ day: today, confirm: today, reason: 'badge scanners tested before opening' }),
    });
    expect(reset.status).toBe(200);
    expect((await postEvents(t.url, door.token, { events: [visitEvent({ section: undefined, badge: code })] })).body).toEqual({ accepted: 1, duplicates: 0 });
    expect((await counters()).visitors.today).toBe(1);
  });

  it('refuses badges that are empty, too long, carry control characters or sit on another event type, naming the field', async () => {
    const door = await createDevice(t.url, { name: 'West door', role: 'door' }, cookie);
    const refused = async (event: Record<string, unknown>) => {
      const answer = await postEvents(t.url, door.token, { events: [event] });
      expect(answer.status).toBe(400);
      return (answer.body as { error: { message: string } }).error.message;
    };
    expect(await refused(visitEvent({ badge: '' }))).toContain('events[0].badge');
    expect(await refused(visitEvent({ badge: 'x'.repeat(513) }))).toMatch(/events\[0\]\.badge.*512/);
    expect(await refused(visitEvent({ badge: 'A\nB' }))).toMatch(/events\[0\]\.badge.*control/);
    expect(await refused(visitEvent({ type: 'exit', badge: 'B-1' }))).toMatch(/events\[0\]\.badge.*only visit events/);
    expect(await refused(visitEvent({ type: 'exit', section: 'nowhere' }))).toMatch(/events\[0\]\.section/);
  });
});
