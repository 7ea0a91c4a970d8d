import { sql } from 'kysely';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectLive } from '../support/live-client';
import { ADMIN_PASSWORD, createDevice, postEvents, signIn, startSignedIn, startTestServer, type TestServer, visitEvent } from '../support/test-server';

const json = (method: string, body?: unknown, cookie?: string): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
  body: body === undefined ? undefined : JSON.stringify(body),
});

describe('operator sessions', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ LOGIN_MAX_FAILURES: '3' });
  });
  afterAll(() => t.stop());

  it('signs in with a session cookie that is HttpOnly and SameSite', async () => {
    const response = await fetch(`${t.url}/api/v1/session`, json('POST', { username: 'admin', password: ADMIN_PASSWORD }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ user: { username: 'admin', role: 'admin' } });
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/showfloor\.sid=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('answers 400 naming the missing field', async () => {
    const response = await fetch(`${t.url}/api/v1/session`, json('POST', { username: 'someone' }));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain('password');
  });

  it('signs out: the cookie stops working', async () => {
    const cookie = await signIn(t.url);
    expect((await fetch(`${t.url}/api/v1/session`, { headers: { cookie } })).status).toBe(200);
    expect((await fetch(`${t.url}/api/v1/session`, json('DELETE', undefined, cookie))).status).toBe(204);
    expect((await fetch(`${t.url}/api/v1/session`, { headers: { cookie } })).status).toBe(401);
    expect((await fetch(`${t.url}/api/v1/devices`, { headers: { cookie } })).status).toBe(401);
  });

  it('answers 401 for a wrong password and 429 after too many failures', async () => {
    const wrong = () => fetch(`${t.url}/api/v1/session`, json('POST', { username: 'admin', password: 'wrong-password' }));
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await wrong()).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    // Once limited, even the right password is refused until the window passes.
    const limited = await fetch(`${t.url}/api/v1/session`, json('POST', { username: 'admin', password: ADMIN_PASSWORD }));
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('too_many_attempts');
  });
});

describe('devices', () => {
  let t: TestServer;
  let cookie: string;
  beforeAll(async () => {
    ({ server: t, cookie } = await startSignedIn());
  });
  afterAll(() => t.stop());

  it('needs an operator or admin session', async () => {
    expect((await fetch(`${t.url}/api/v1/devices`)).status).toBe(401);
    expect((await fetch(`${t.url}/api/v1/devices`, json('POST', { name: 'x', role: 'booth' }))).status).toBe(401);
    expect((await fetch(`${t.url}/api/v1/devices/some-id`, json('DELETE'))).status).toBe(401);
  });

  it('creates a device, shows its token once and lists it without the token', async () => {
    const response = await fetch(`${t.url}/api/v1/devices`, json('POST', { name: 'Booth A', role: 'booth', section: 'alpha' }, cookie));
    expect(response.status).toBe(201);
    const created = (await response.json()) as { id: string; token: string };
    expect(created.token.length).toBeGreaterThan(40);
    const listed = await (await fetch(`${t.url}/api/v1/devices`, { headers: { cookie } })).text();
    expect(listed).toContain('Booth A');
    expect(listed).not.toContain(created.token);
    const stored = await sql<{ token_hash: string }>`SELECT token_hash FROM devices WHERE id = ${created.id}`.execute(t.server.storage.db);
    expect(stored.rows[0]!.token_hash).not.toContain(created.token);
  });

  it('answers 400 naming the field for a bad device', async () => {
    const bad = async (body: unknown) => ((await (await fetch(`${t.url}/api/v1/devices`, json('POST', body, cookie))).json()) as { error: { message: string } }).error.message;
    expect(await bad({ name: '', role: 'booth' })).toContain('name');
    expect(await bad({ name: 'x', role: 'toaster' })).toContain('role');
    expect(await bad({ name: 'x', role: 'booth', section: 'nowhere' })).toContain('section: unknown section');
  });

  it('revokes a device: its token stops working and its connections close within 5 s', async () => {
    const device = await createDevice(t.url, { name: 'Booth B', role: 'booth' }, cookie);
    const control = io(`${t.url}/device`, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token: device.token } });
    await new Promise<void>((resolve, reject) => {
      control.once('connect', resolve);
      control.once('connect_error', reject);
    });
    const live = await connectLive(t.url, { token: device.token });
    const listed = (await (await fetch(`${t.url}/api/v1/devices`, { headers: { cookie } })).json()) as { devices: { id: string; online: boolean }[] };
    expect(listed.devices.find((d) => d.id === device.id)?.online).toBe(true);

    const closed = (socket: { once(event: 'disconnect', cb: () => void): unknown }) => new Promise<number>((resolve) => socket.once('disconnect', () => resolve(Date.now())));
    const both = Promise.all([closed(control), closed(live.socket)]);
    const revokedAt = Date.now();
    expect((await fetch(`${t.url}/api/v1/devices/${device.id}`, json('DELETE', undefined, cookie))).status).toBe(204);
    const times = await both;
    expect(Math.max(...times) - revokedAt).toBeLessThan(5000);
    expect((await postEvents(t.url, device.token, { events: [visitEvent()] })).status).toBe(401);

    const again = io(`${t.url}/device`, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token: device.token } });
    const error = await new Promise<Error>((resolve) => again.once('connect_error', resolve));
    expect(error.message).toContain('unauthorized');
    again.close();
  });

  it('answers 404 when revoking a device that does not exist', async () => {
    expect((await fetch(`${t.url}/api/v1/devices/nope`, json('DELETE', undefined, cookie))).status).toBe(404);
  });

  it('refuses /device connections without a token and validates heartbeats', async () => {
    const anonymous = io(`${t.url}/device`, { transports: ['websocket'], reconnection: false, forceNew: true });
    expect((await new Promise<Error>((resolve) => anonymous.once('connect_error', resolve))).message).toContain('unauthorized');
    anonymous.close();

    const device = await createDevice(t.url, { name: 'Booth C', role: 'booth' }, cookie);
    const socket = io(`${t.url}/device`, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token: device.token } });
    const bad = await socket.timeout(5000).emitWithAck('device:heartbeat', { appVersion: 42 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    const good = await socket.timeout(5000).emitWithAck('device:heartbeat', { appVersion: '0.1.0', view: 'home' });
    expect(good.ok).toBe(true);
    const listed = (await (await fetch(`${t.url}/api/v1/devices`, { headers: { cookie } })).json()) as { devices: { id: string; view: string | null; appVersion: string | null }[] };
    expect(listed.devices.find((d) => d.id === device.id)).toMatchObject({ view: 'home', appVersion: '0.1.0' });
    socket.close();
  });
});
