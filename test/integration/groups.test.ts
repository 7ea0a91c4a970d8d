import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announcementTargets } from '../../shared/announcements.rules';
import type { Announcement } from '../../shared/announcements.schema';
import type { ScreenGroup } from '../../shared/groups.schema';
import type { Patch } from '../../shared/snapshot.schema';
import { connectLive } from '../support/live-client';
import { createDevice, startSignedIn, type TestServer } from '../support/test-server';

const text = { 'zh-CN': '请到A厅', en: 'Please come to hall A' };

describe('screen groups', () => {
  let t: TestServer;
  let cookie: string;
  let kioskA1: { id: string; token: string };
  let kioskA2: { id: string; token: string };
  let stage: { id: string; token: string };
  beforeAll(async () => {
    ({ server: t, cookie } = await startSignedIn());
    kioskA1 = await createDevice(t.url, { name: 'Booth A1', role: 'booth' }, cookie);
    kioskA2 = await createDevice(t.url, { name: 'Booth A2', role: 'booth' }, cookie);
    stage = await createDevice(t.url, { name: 'Main stage', role: 'stage' }, cookie);
  });
  afterAll(() => t.stop());

  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${t.url}${path}`, { method, headers: { 'content-type': 'application/json', cookie }, body: body === undefined ? undefined : JSON.stringify(body) });
    const raw = await response.text();
    return { status: response.status, body: raw ? JSON.parse(raw) : null };
  };

  it('are created, listed, renamed and deleted by staff, and audited with names', async () => {
    const created = await call('POST', '/api/v1/groups', { name: 'Hall A kiosks', deviceIds: [kioskA2.id, kioskA1.id, kioskA1.id] });
    expect(created.status).toBe(201);
    const group = created.body as ScreenGroup;
    expect(group).toMatchObject({ name: 'Hall A kiosks', deviceIds: [kioskA1.id, kioskA2.id].sort(), createdBy: 'admin' });
    expect((await call('GET', '/api/v1/groups')).body.groups).toEqual([group]);

    const renamed = await call('PUT', `/api/v1/groups/${group.id}`, { name: 'Hall B', deviceIds: [stage.id] });
    expect(renamed.body).toMatchObject({ id: group.id, name: 'Hall B', deviceIds: [stage.id] });
    expect((await call('DELETE', `/api/v1/groups/${group.id}`)).status).toBe(204);
    expect((await call('GET', '/api/v1/groups')).body.groups).toEqual([]);
    const audit = (await call('GET', '/api/v1/audit?targetType=group')).body.entries as { action: string }[];
    expect(audit.map((e) => e.action).sort()).toEqual(['group.create', 'group.delete', 'group.update']);
    expect((await fetch(`${t.url}/api/v1/groups`)).status).toBe(401);
  });

  it('refuses a bad group with 400 naming the field', async () => {
    const refused = async (body: unknown) => {
      const r = await call('POST', '/api/v1/groups', body);
      expect(r.status).toBe(400);
      return r.body.error.message as string;
    };
    expect(await refused({ name: '' })).toContain('name: must not be empty');
    expect(await refused({ name: 'x', deviceIds: 'all' })).toContain('deviceIds');
    expect(await refused({ name: 'x', deviceIds: [kioskA1.id, 'nope'] })).toContain('deviceIds[1]: no active screen "nope"');
    expect(await refused({ name: 'x', colour: 'red' })).toContain('colour');
    await call('POST', '/api/v1/groups', { name: 'Taken' });
    expect(await refused({ name: 'taken' })).toContain('name: a group named "taken" already exists');
    expect((await call('PUT', '/api/v1/groups/nope', { name: 'y', deviceIds: [] })).status).toBe(404);
  });

  it('an announcement to a group reaches its members and no other screen, and follows the membership', async () => {
    const group = (await call('POST', '/api/v1/groups', { name: 'Hall A kiosks', deviceIds: [kioskA1.id] })).body as ScreenGroup;
    const screen = await connectLive(t.url);
    const refused = await call('POST', '/api/v1/announcements', { text, target: 'group', untilWithdrawn: true });
    expect(refused.body.error.message).toContain('groupId: is required');
    expect((await call('POST', '/api/v1/announcements', { text, target: 'group', groupId: 'nope', untilWithdrawn: true })).body.error.message).toContain('groupId: no screen group');

    const created = await call('POST', '/api/v1/announcements', { text, target: 'group', groupId: group.id, untilWithdrawn: true });
    expect(created.status).toBe(201);
    const shown = (await screen.nextPatch((p) => p.type === 'announcements' && p.announcements.length > 0)) as Extract<Patch, { type: 'announcements' }>;
    const a = shown.announcements[0]! as Announcement;
    expect(a).toMatchObject({ target: 'group', groupId: group.id, deviceIds: [kioskA1.id] });
    expect(announcementTargets(a, { kind: 'kiosk', deviceId: kioskA1.id })).toBe(true);
    expect(announcementTargets(a, { kind: 'kiosk', deviceId: kioskA2.id })).toBe(false);
    expect(announcementTargets(a, { kind: 'stage', deviceId: stage.id })).toBe(false);
    expect(announcementTargets(a, { kind: 'phone' })).toBe(false);

    // The audit log names the group and the text, and is found by a member screen.
    const named = (await call('GET', `/api/v1/audit?action=announcement.create&screen=${kioskA1.id}`)).body.entries as { username: string; targetName: { en: string } }[];
    expect(named).toHaveLength(1);
    expect(named[0]).toMatchObject({ username: 'admin', targetName: { en: '“Please come to hall A” → group “Hall A kiosks”', 'zh-CN': '“请到A厅” → 分组“Hall A kiosks”' } });
    expect((await call('GET', `/api/v1/audit?action=announcement.create&screen=${stage.id}`)).body.entries).toHaveLength(0);

    // A screen added to the group gets the announcement that is already up.
    await call('PUT', `/api/v1/groups/${group.id}`, { name: 'Hall A kiosks', deviceIds: [kioskA1.id, kioskA2.id] });
    const widened = (await screen.nextPatch((p) => p.type === 'announcements' && p.seq > shown.seq)) as Extract<Patch, { type: 'announcements' }>;
    expect(widened.announcements[0]!.deviceIds).toEqual([kioskA1.id, kioskA2.id].sort());
    screen.close();
  });

  it('sends a command to every member, audited once as a command to the group', async () => {
    const group = (await call('POST', '/api/v1/groups', { name: 'Stages', deviceIds: [stage.id] })).body as ScreenGroup;
    const socket = io(`${t.url}/device`, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token: stage.token } });
    await new Promise<void>((resolve) => socket.once('device:config', () => resolve()));
    const received = new Promise<unknown>((resolve) => socket.once('device:command', resolve));
    const sent = await call('POST', `/api/v1/groups/${group.id}/commands`, { type: 'pin-scene', scene: 'roadshow' });
    expect(sent).toEqual({ status: 202, body: { delivered: 1, screens: 1 } });
    expect(await received).toEqual({ type: 'pin-scene', scene: 'roadshow' });
    expect((await call('POST', `/api/v1/groups/${group.id}/commands`, { type: 'pin-scene' })).body.error.message).toContain('scene');
    socket.close();
  });
});
