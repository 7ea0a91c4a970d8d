import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqlAnnouncementsRepository, type StoredAnnouncement } from '../../server/announcements/announcements.repository';
import { SqlAuditRepository, type NewAuditEntry } from '../../server/audit/audit.repository';
import { SqlSessionsRepository } from '../../server/auth/sessions.repository';
import { SqlUsersRepository, type UserRecord } from '../../server/auth/users.repository';
import { SqlDevicesRepository, type DeviceRecord } from '../../server/devices/devices.repository';
import { SqlGroupsRepository } from '../../server/groups/groups.repository';
import { SqlSettingsRepository } from '../../server/settings/settings.repository';
import { storedSecret } from '../../server/settings/stored-secret';
import type { Storage } from '../../server/storage/storage';
import { SqlStorageRepository } from '../../server/storage/storage.repository';
import { AuditQuerySchema } from '../../shared/audit.schema';
import { openTestStorage, testEngine } from '../support/test-storage';

// The repositories behind the console (users, sessions, screens, groups, announcements, audit,
// settings), on the engine this run uses: where the two engines' SQL differs — case-blind names,
// BIGINT times and identities, affected rows, upserts, LIKE escapes — they must answer alike.

let storage: Storage;
let close: () => Promise<void>;

beforeEach(async () => {
  ({ storage, close } = await openTestStorage(testEngine()));
});
afterEach(() => close());

const user = (id: string, username: string, changes: Partial<UserRecord> = {}): UserRecord => ({ id, username, passwordHash: `hash-${id}`, role: 'operator', disabled: false, ...changes });

const device = (id: string, changes: Partial<DeviceRecord> = {}): DeviceRecord => ({
  id,
  name: `Screen ${id}`,
  role: 'booth',
  section: null,
  idleTimeoutSeconds: 60,
  sceneSeconds: 20,
  locale: 'en',
  createdAt: '2026-05-01T08:00:00.000Z',
  revokedAt: null,
  lastSeenAt: null,
  onlineSince: null,
  appVersion: null,
  view: null,
  address: null,
  ...changes,
});

describe('users', () => {
  it('finds a name whatever its case and refuses the same name in another case', async () => {
    const users = new SqlUsersRepository(storage);
    await users.create(user('u1', 'Ann'), '2026-05-01T08:00:00.000Z');
    expect((await users.findByUsername('aNN'))?.id).toBe('u1');
    await expect(users.create(user('u2', 'ANN'), '2026-05-01T08:00:01.000Z')).rejects.toThrow();
    expect(await users.count()).toBe(1);
  });

  it('changes only what an update names', async () => {
    const users = new SqlUsersRepository(storage);
    await users.create(user('u1', 'ann', { role: 'admin', disabled: true }), '2026-05-01T08:00:00.000Z');
    await users.update('u1', { disabled: false });
    expect(await users.findById('u1')).toMatchObject({ role: 'admin', disabled: false, passwordHash: 'hash-u1' });
    await users.update('u1', { role: 'judge', passwordHash: 'new' });
    expect(await users.findById('u1')).toMatchObject({ role: 'judge', disabled: false, passwordHash: 'new' });
  });

  it('rolls back every change made inside a transaction that fails', async () => {
    const users = new SqlUsersRepository(storage);
    await users.create(user('u1', 'ann'), '2026-05-01T08:00:00.000Z');
    const failing = users.transaction(async () => {
      await users.update('u1', { role: 'admin' });
      await users.create(user('u2', 'bob'), '2026-05-01T08:00:01.000Z');
      throw new Error('the audit entry could not be written');
    });
    await expect(failing).rejects.toThrow('the audit entry could not be written');
    expect((await users.list()).map((u) => [u.username, u.role])).toEqual([['ann', 'operator']]);
  });
});

describe('sessions', () => {
  it('keeps millisecond times beyond 32 bits as numbers and deletes exactly a user’s sessions', async () => {
    const sessions = new SqlSessionsRepository(storage);
    const later = 1_800_000_000_000;
    await sessions.save('s1', { data: '{}', userId: 'ann', expiresAt: later });
    await sessions.save('s2', { data: '{}', userId: 'ann', expiresAt: later });
    await sessions.save('s3', { data: '{}', userId: 'bob', expiresAt: later });
    await sessions.touch('s1', later + 1);
    expect(await sessions.find('s1', later)).toEqual({ data: '{}', userId: 'ann', expiresAt: later + 1 });
    expect((await sessions.deleteForUser('ann')).sort()).toEqual(['s1', 's2']);
    expect(await sessions.find('s1', 0)).toBeUndefined();
    expect((await sessions.find('s3', 0))?.userId).toBe('bob');
  });
});

describe('devices', () => {
  it('revokes a screen once and no longer finds it by its token', async () => {
    const devices = new SqlDevicesRepository(storage);
    await devices.create(device('d1'), 'token-1', 'u1');
    expect((await devices.findActiveByTokenHash('token-1'))?.id).toBe('d1');
    expect(await devices.revoke('d1', '2026-05-01T09:00:00.000Z')).toBe(true);
    expect(await devices.revoke('d1', '2026-05-01T09:00:01.000Z')).toBe(false);
    expect(await devices.findActiveByTokenHash('token-1')).toBeUndefined();
    expect((await devices.findById('d1'))?.revokedAt).toBe('2026-05-01T09:00:00.000Z');
  });

  it('keeps what a heartbeat leaves out (older screens send no state)', async () => {
    const devices = new SqlDevicesRepository(storage);
    await devices.create(device('d1'), 'token-1', 'u1');
    await devices.recordConnection('d1', '10.0.0.7', '2026-05-01T09:00:00.000Z');
    await devices.recordHeartbeat('d1', { appVersion: '2.1', view: 'home', state: { app: 'kiosk', view: 'home' } }, '2026-05-01T09:00:05.000Z');
    await devices.recordHeartbeat('d1', { appVersion: '2.1', view: 'item' }, '2026-05-01T09:00:10.000Z');
    expect(await devices.findById('d1')).toMatchObject({
      lastSeenAt: '2026-05-01T09:00:10.000Z',
      onlineSince: '2026-05-01T09:00:00.000Z',
      address: '10.0.0.7',
      view: 'item',
      state: { app: 'kiosk', view: 'home' },
    });
  });
});

describe('groups', () => {
  it('lists groups by name whatever its case, each with its members once', async () => {
    const groups = new SqlGroupsRepository(storage);
    const group = { createdAt: '2026-05-01T08:00:00.000Z', createdBy: 'u1' };
    await groups.save({ ...group, id: 'g1', name: 'b hall', deviceIds: ['d2', 'd1', 'd2'] });
    await groups.save({ ...group, id: 'g2', name: 'A hall', deviceIds: [] });
    await groups.save({ ...group, id: 'g3', name: 'C hall', deviceIds: ['d3'] });
    expect((await groups.list()).map((g) => [g.name, g.deviceIds])).toEqual([
      ['A hall', []],
      ['b hall', ['d1', 'd2']],
      ['C hall', ['d3']],
    ]);
  });

  it('replaces the members on save and removes a group once', async () => {
    const groups = new SqlGroupsRepository(storage);
    const group = { id: 'g1', name: 'Hall', createdAt: '2026-05-01T08:00:00.000Z', createdBy: 'u1' };
    await groups.save({ ...group, deviceIds: ['d1', 'd2'] });
    await groups.save({ ...group, name: 'Main hall', deviceIds: ['d3'] });
    expect(await groups.find('g1')).toEqual({ ...group, name: 'Main hall', deviceIds: ['d3'] });
    expect(await groups.remove('g1')).toBe(true);
    expect(await groups.remove('g1')).toBe(false);
    expect(await groups.find('g1')).toBeUndefined();
  });
});

describe('announcements', () => {
  const announcement = (id: string, changes: Partial<StoredAnnouncement>): StoredAnnouncement => ({
    id,
    text: { en: 'Doors close at six', 'zh-CN': '六点闭馆' },
    target: 'all',
    deviceId: null,
    groupId: null,
    urgent: false,
    startsAt: '2026-05-01T08:00:00.000Z',
    expiresAt: '2026-05-01T18:00:00.000Z',
    untilWithdrawn: false,
    withdrawnAt: null,
    createdBy: 'u1',
    createdAt: '2026-05-01T08:00:00.000Z',
    ...changes,
  });

  it('keeps the current ones, withdraws once, and lists the newest first', async () => {
    const announcements = new SqlAnnouncementsRepository(storage);
    await announcements.create(announcement('a1', { expiresAt: '2026-05-01T09:00:00.000Z' }));
    await announcements.create(announcement('a2', { urgent: true, createdAt: '2026-05-01T08:01:00.000Z' }));
    await announcements.create(announcement('a3', { startsAt: '2026-05-01T12:00:00.000Z', createdAt: '2026-05-01T08:02:00.000Z' }));
    expect((await announcements.current('2026-05-01T10:00:00.000Z')).map((a) => a.id)).toEqual(['a2', 'a3']);
    expect(await announcements.withdraw('a2', '2026-05-01T10:00:00.000Z')).toBe(true);
    expect(await announcements.withdraw('a2', '2026-05-01T10:00:01.000Z')).toBe(false);
    expect((await announcements.current('2026-05-01T10:00:00.000Z')).map((a) => a.id)).toEqual(['a3']);
    const recent = await announcements.recent(2);
    expect(recent.map((a) => [a.id, a.urgent, a.withdrawnAt])).toEqual([
      ['a3', false, null],
      ['a2', true, '2026-05-01T10:00:00.000Z'],
    ]);
  });
});

describe('audit', () => {
  const entry = (at: string, changes: Partial<NewAuditEntry>): NewAuditEntry => ({
    at,
    userId: 'u1',
    username: 'ann',
    action: 'group.update',
    targetType: 'group',
    targetId: 'g1',
    before: null,
    after: null,
    ...changes,
  });
  const query = (q: object) => AuditQuerySchema.parse(q);

  it('numbers entries in order and finds the ones about a screen, taking % and _ in its id literally', async () => {
    const audit = new SqlAuditRepository(storage);
    await audit.append(entry('2026-05-01T08:00:00.000Z', { after: { deviceIds: ['door_1%'] } }));
    await audit.append(entry('2026-05-01T09:00:00.000Z', { after: { deviceIds: ['doorX1y'] } }));
    await audit.append(entry('2026-05-01T10:00:00.000Z', { action: 'device.revoke', targetType: 'device', targetId: 'door_1%', before: { name: 'Door' } }));
    const all = await audit.query(query({}));
    expect(all.map((e) => e.id)).toEqual([3, 2, 1]);
    expect(all[0]).toMatchObject({ action: 'device.revoke', before: { name: 'Door' }, after: null });
    expect((await audit.query(query({ screen: 'door_1%' }))).map((e) => e.id)).toEqual([3, 1]);
    expect((await audit.query(query({ screen: 'doorX1y' }))).map((e) => e.id)).toEqual([2]);
  });

  it('filters by time with offsets, by action and user, and keeps the limit', async () => {
    const audit = new SqlAuditRepository(storage);
    await audit.append(entry('2026-05-01T08:00:00.000Z', {}));
    await audit.append(entry('2026-05-01T09:00:00.000Z', { username: 'bob' }));
    await audit.append(entry('2026-05-01T10:00:00.000Z', {}));
    await audit.append(entry('2026-05-01T11:00:00.000Z', { action: 'user.update' }));
    // 10:30 in Berlin (+02:00) is 08:30 UTC.
    expect((await audit.query(query({ from: '2026-05-01T10:30:00+02:00', action: 'group.update', username: 'ann' }))).map((e) => e.at)).toEqual(['2026-05-01T10:00:00.000Z']);
    expect((await audit.query(query({ to: '2026-05-01T10:00:00Z', limit: 2 }))).map((e) => e.at)).toEqual(['2026-05-01T10:00:00.000Z', '2026-05-01T09:00:00.000Z']);
  });
});

describe('settings and the storage probe', () => {
  it('keeps the last value of a key and answers a ping', async () => {
    const settings = new SqlSettingsRepository(storage);
    expect(await settings.get('session.secret')).toBeUndefined();
    await settings.set('session.secret', 'one');
    await settings.set('session.secret', 'two');
    expect(await settings.get('session.secret')).toBe('two');
    await expect(new SqlStorageRepository(storage).ping()).resolves.toBeUndefined();
  });

  it('gives nodes that make a stored secret at once the same one (the first write wins)', async () => {
    const settings = new SqlSettingsRepository(storage);
    const secrets = await Promise.all(Array.from({ length: 4 }, () => storedSecret(settings, 'badge.key')));
    expect(new Set(secrets).size).toBe(1);
    expect(await settings.get('badge.key')).toBe(secrets[0]);
    expect(await storedSecret(settings, 'badge.key')).toBe(secrets[0]);
  });
});
