import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeSlot, slotConflicts } from '../../shared/schedule.rules';
import { createDevice, signIn, startSignedIn, startTestServer, type TestServer } from '../support/test-server';

/** A server on a clock the test moves forward (`server.offset`), signed in as admin, with a JSON caller. */
function clockedServer() {
  const server = { t: undefined as unknown as TestServer, cookie: '', offset: 0 };
  beforeAll(async () => {
    server.t = await startTestServer({}, { now: () => Date.now() + server.offset });
    server.cookie = await signIn(server.t.url);
  });
  afterAll(() => server.t.stop());
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.t.url}${path}`, { method, headers: { 'content-type': 'application/json', cookie: server.cookie }, body: body === undefined ? undefined : JSON.stringify(body) });
    const raw = await response.text();
    return { status: response.status, body: raw ? JSON.parse(raw) : null };
  };
  const at = (ms: number) => new Date(Date.now() + server.offset + ms).toISOString();
  return { server, call, at };
}

describe('run of show', () => {
  const { server, call, at } = clockedServer();
  let stage: { id: string; token: string };
  beforeAll(async () => {
    stage = await createDevice(server.t.url, { name: 'Main stage', role: 'stage' }, server.cookie);
  });

  it('refuses a bad slot with 400 naming the field', async () => {
    const message = async (body: unknown) => {
      const r = await call('POST', '/api/v1/schedule', body);
      expect(r.status).toBe(400);
      return r.body.error.message as string;
    };
    const good = { kind: 'scene-pin', target: { type: 'device', id: stage.id }, scene: 'roadshow', startsAt: at(60_000), endsAt: at(120_000) };
    expect(await message({ ...good, endsAt: at(30_000) })).toContain('endsAt: must be after startsAt');
    expect(await message({ ...good, scene: 'Not A Slug' })).toContain('scene');
    expect(await message({ ...good, target: { type: 'device', id: 'nope' } })).toContain('target.id: no active screen');
    expect(await message({ ...good, target: { type: 'hall', id: 'x' } })).toContain('target');
    expect(await message({ ...good, startsAt: at(-120_000), endsAt: at(-60_000) })).toContain('endsAt: must be in the future');
    expect(await message({ ...good, endsAt: at(25 * 3_600_000) })).toContain('endsAt: a slot may last at most 24 hours');
    expect((await call('GET', '/api/v1/schedule?day=tomorrow')).body.error.message).toContain('day');
  });

  it('a screen offline at the start of a slot is told when it returns, and its pin ends on time', async () => {
    const created = await call('POST', '/api/v1/schedule', { kind: 'scene-pin', target: { type: 'device', id: stage.id }, scene: 'matchmaking', startsAt: at(60_000), endsAt: at(600_000) });
    expect(created.status).toBe(201);
    const day = (await call('GET', '/api/v1/schedule')).body as { slots: { id: string }[] };
    expect(day.slots.map((s) => s.id)).toContain(created.body.id);

    server.offset += 120_000; // the slot started while the stage was away
    const socket = io(`${server.t.url}/device`, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token: stage.token } });
    const commands: unknown[] = [];
    socket.on('device:command', (c) => commands.push(c));
    await expect.poll(() => commands, { timeout: 5_000 }).toContainEqual({ type: 'pin-scene', scene: 'matchmaking' });
    server.offset += 600_000; // past its end: back to the rotation
    await expect.poll(() => commands, { timeout: 5_000 }).toContainEqual({ type: 'pin-scene', scene: null });
    const audit = (await call('GET', '/api/v1/audit?targetType=schedule')).body.entries as { action: string }[];
    expect(audit.map((e) => e.action)).toContain('schedule.create');
    socket.close();
  });
});

describe('editing the run of show', () => {
  const { server, call, at } = clockedServer();
  let stage: { id: string };
  let groupId: string;
  beforeAll(async () => {
    stage = await createDevice(server.t.url, { name: 'Hall B stage', role: 'stage' }, server.cookie);
    groupId = (await call('POST', '/api/v1/groups', { name: 'Hall B', deviceIds: [stage.id] })).body.id;
  });
  const HOUR = 3_600_000;

  it('warns of a pin that overlaps a group pin on one of its members, flags both in the day, and clears when edited apart', async () => {
    const group = await call('POST', '/api/v1/schedule', { kind: 'scene-pin', target: { type: 'group', id: groupId }, scene: 'visitors', startsAt: at(HOUR), endsAt: at(2 * HOUR) });
    expect(group.status).toBe(201);
    expect(group.body.conflicts).toEqual([]);
    const own = await call('POST', '/api/v1/schedule', { kind: 'scene-pin', target: { type: 'device', id: stage.id }, scene: 'roadshow', startsAt: at(HOUR + 600_000), endsAt: at(HOUR + 1_200_000) });
    expect(own.status).toBe(201);
    expect(own.body.conflicts).toEqual([group.body.id]);
    const flagged = async () => Object.fromEntries(((await call('GET', '/api/v1/schedule')).body.slots as { id: string; conflicts: string[] }[]).map((s) => [s.id, s.conflicts]));
    expect(await flagged()).toMatchObject({ [group.body.id]: [own.body.id], [own.body.id]: [group.body.id] });

    const moved = await call('PUT', `/api/v1/schedule/${own.body.id}`, { kind: 'scene-pin', target: { type: 'device', id: stage.id }, scene: 'matchmaking', startsAt: at(2 * HOUR), endsAt: at(3 * HOUR) });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ id: own.body.id, scene: 'matchmaking', conflicts: [], createdBy: 'admin' });
    expect(await flagged()).toMatchObject({ [group.body.id]: [], [own.body.id]: [] });
    const audit = (await call('GET', '/api/v1/audit?targetType=schedule')).body.entries as { action: string }[];
    expect(audit.map((e) => e.action)).toContain('schedule.update');
  });

  it('flags a publish and an unpublish of the same item in the same minute', async () => {
    const minute = Math.ceil((Date.now() + server.offset + HOUR) / 60_000) * 60_000;
    const up = await call('POST', '/api/v1/schedule', { kind: 'item-publish', item: 'alpha-item-1', published: true, startsAt: new Date(minute).toISOString() });
    const down = await call('POST', '/api/v1/schedule', { kind: 'item-publish', item: 'alpha-item-1', published: false, startsAt: new Date(minute + 20_000).toISOString() });
    expect(down.body.conflicts).toEqual([up.body.id]);
    const edited = await call('PUT', `/api/v1/schedule/${down.body.id}`, { kind: 'item-publish', item: 'alpha-item-1', published: false, startsAt: new Date(minute + 30 * 60_000).toISOString() });
    expect(edited.body.conflicts).toEqual([]);
  });

  it('refuses an edit of an unknown slot (404), a bad body (400 naming the field), and of a publish already applied (409)', async () => {
    const good = { kind: 'scene-pin', target: { type: 'device', id: stage.id }, scene: 'roadshow', startsAt: at(HOUR), endsAt: at(2 * HOUR) };
    expect((await call('PUT', '/api/v1/schedule/no-such-slot', good)).status).toBe(404);
    const slot = (await call('POST', '/api/v1/schedule', good)).body;
    const bad = await call('PUT', `/api/v1/schedule/${slot.id}`, { ...good, endsAt: good.startsAt });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('endsAt: must be after startsAt');
    expect((await call('PUT', `/api/v1/schedule/${slot.id}`, { ...good, target: { type: 'group', id: 'nope' } })).body.error.message).toContain('target.id: no screen group');

    const soon = await call('POST', '/api/v1/schedule', { kind: 'item-publish', item: 'alpha-item-1', published: true, startsAt: at(60_000) });
    server.offset += 61_000;
    await expect.poll(async () => ((await call('GET', '/api/v1/schedule')).body.slots as { id: string; appliedAt?: string | null }[]).find((s) => s.id === soon.body.id)?.appliedAt ?? null, { timeout: 5_000 }).not.toBeNull();
    const late = await call('PUT', `/api/v1/schedule/${soon.body.id}`, { kind: 'item-publish', item: 'alpha-item-1', published: false, startsAt: at(HOUR) });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain('already applied');
  });
});

describe('items published at set times', () => {
  let t: TestServer;
  let cookie: string;
  let offset = 0;
  beforeAll(async () => {
    ({ server: t, cookie } = await startSignedIn({}, { now: () => Date.now() + offset }));
  });
  afterAll(() => t.stop());
  const post = async (body: unknown) => {
    const response = await fetch(`${t.url}/api/v1/schedule`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as any };
  };
  const published = async () => ((await (await fetch(`${t.url}/api/v1/snapshot`)).json()) as { sections: { items: { id: string }[] }[] }).sections.flatMap((s) => s.items.map((i) => i.id));

  it('unpublishes an item at its minute, as the person who planned it, and refuses unknown items', async () => {
    const at = new Date(Date.now() + offset + 60_000).toISOString();
    expect((await post({ kind: 'item-publish', item: 'no-such-item', published: false, startsAt: at })).body.error.message).toContain('item: no item');
    expect((await post({ kind: 'item-publish', item: 'alpha-item-1', published: 'no', startsAt: at })).body.error.message).toContain('published');
    expect((await post({ kind: 'item-publish', item: 'alpha-item-1', published: false, startsAt: at })).status).toBe(201);
    expect(await published()).toContain('alpha-item-1');
    offset += 61_000;
    await expect.poll(published, { timeout: 5_000 }).not.toContain('alpha-item-1');
    const audit = (await (await fetch(`${t.url}/api/v1/audit?action=item.update`, { headers: { cookie } })).json()) as { entries: { username: string }[] };
    expect(audit.entries[0]!.username).toBe('admin (run of show)');
  });
});

describe('run-of-show rules', () => {
  const slot = (id: string, target: string, scene: string, from: string, to: string) => ({ id, target: { type: 'device' as const, id: target }, scene, startsAt: `2023-11-12T${from}:00.000Z`, endsAt: `2023-11-12T${to}:00.000Z` });
  const none = () => undefined;

  it('lets the slot that started last hold a screen', () => {
    const slots = [slot('a', 's1', 'overview', '06:00', '08:00'), slot('b', 's1', 'roadshow', '07:00', '07:30')];
    expect(activeSlot(slots, 's1', Date.parse('2023-11-12T07:10:00Z'), none)?.id).toBe('b');
    expect(activeSlot(slots, 's1', Date.parse('2023-11-12T07:40:00Z'), none)?.id).toBe('a');
    expect(activeSlot(slots, 's2', Date.parse('2023-11-12T07:10:00Z'), none)).toBeUndefined();
  });

  it('flags overlapping slots with different scenes on a common screen, through groups too', () => {
    const group = { id: 'g', target: { type: 'group' as const, id: 'hall' }, scene: 'visitors', startsAt: '2023-11-12T07:15:00.000Z', endsAt: '2023-11-12T07:45:00.000Z' };
    const slots = [slot('a', 's1', 'overview', '06:00', '07:00'), slot('b', 's1', 'roadshow', '07:00', '07:30'), group];
    const conflicts = slotConflicts(slots, (id) => (id === 'hall' ? ['s1'] : undefined));
    expect(conflicts.get('a')).toBeUndefined();
    expect(conflicts.get('b')).toEqual(['g']);
    expect(conflicts.get('g')).toEqual(['b']);
  });
});
