import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleClientToServerEvents, ConsoleServerToClientEvents } from '../../shared/socket-events';
import { createDevice, signIn, startTestServer, type TestServer } from '../support/test-server';

type ConsoleSocket = Socket<ConsoleServerToClientEvents, ConsoleClientToServerEvents>;
type Caller = 'anonymous' | 'display' | 'judge' | 'operator' | 'admin';
const CALLERS: Caller[] = ['anonymous', 'display', 'judge', 'operator', 'admin'];
const PASSWORD = 'a-long-test-password';

describe('role matrix', () => {
  let t: TestServer;
  const headers: Record<Caller, Record<string, string>> = { anonymous: {}, display: {}, judge: {}, operator: {}, admin: {} };
  const userIds: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestServer();
    const admin = await signIn(t.url);
    headers.admin = { cookie: admin };
    for (const role of ['judge', 'operator'] as const) {
      const response = await fetch(`${t.url}/api/v1/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: admin },
        body: JSON.stringify({ username: `${role}1`, role, password: PASSWORD }),
      });
      expect(response.status).toBe(201);
      userIds[role] = ((await response.json()) as { id: string }).id;
      headers[role] = { cookie: await signIn(t.url, `${role}1`, PASSWORD) };
    }
    const display = await createDevice(t.url, { name: 'Booth', role: 'booth' }, admin);
    headers.display = { authorization: `Bearer ${display.token}` };
  });
  afterAll(() => t.stop());

  // Every staff route: who may call it. Bodies are deliberately minimal: a 400 still proves the role passed.
  const ROUTES: { method: string; path: string; body?: unknown; allowed: Caller[] }[] = [
    { method: 'GET', path: '/api/v1/devices', allowed: ['operator', 'admin'] },
    { method: 'POST', path: '/api/v1/devices', body: {}, allowed: ['operator', 'admin'] },
    { method: 'DELETE', path: '/api/v1/devices/nope', allowed: ['operator', 'admin'] },
    { method: 'POST', path: '/api/v1/devices/nope/commands', body: { type: 'reload' }, allowed: ['operator', 'admin'] },
    { method: 'GET', path: '/api/v1/pairing', allowed: ['operator', 'admin'] },
    { method: 'POST', path: '/api/v1/pairing/approve', body: {}, allowed: ['operator', 'admin'] },
    { method: 'GET', path: '/api/v1/announcements', allowed: ['operator', 'admin'] },
    { method: 'POST', path: '/api/v1/announcements', body: {}, allowed: ['operator', 'admin'] },
    { method: 'DELETE', path: '/api/v1/announcements/nope', allowed: ['operator', 'admin'] },
    { method: 'GET', path: '/api/v1/audit', allowed: ['operator', 'admin'] },
    { method: 'GET', path: '/api/v1/audit.csv', allowed: ['operator', 'admin'] },
    { method: 'GET', path: '/api/v1/content', allowed: ['operator', 'admin'] },
    { method: 'PUT', path: '/api/v1/exhibition', body: {}, allowed: ['operator', 'admin'] },
    { method: 'PUT', path: '/api/v1/sections/alpha', body: {}, allowed: ['operator', 'admin'] },
    { method: 'POST', path: '/api/v1/items', body: {}, allowed: ['operator', 'admin'] },
    { method: 'PUT', path: '/api/v1/items/alpha-item-1', body: {}, allowed: ['operator', 'admin'] },
    { method: 'DELETE', path: '/api/v1/items/alpha-item-1', body: {}, allowed: ['operator', 'admin'] },
    { method: 'GET', path: '/api/v1/items/alpha-item-1/history', allowed: ['operator', 'admin'] },
    { method: 'POST', path: '/api/v1/items/alpha-item-1/rollback', body: {}, allowed: ['operator', 'admin'] },
    { method: 'GET', path: '/api/v1/counters/corrections', allowed: ['operator', 'admin'] },
    { method: 'POST', path: '/api/v1/counters/corrections', body: {}, allowed: ['operator', 'admin'] },
    { method: 'POST', path: '/api/v1/counters/reset', body: {}, allowed: ['operator', 'admin'] },
    { method: 'POST', path: '/api/v1/images', body: {}, allowed: ['operator', 'admin'] },
    { method: 'GET', path: '/api/v1/deals', allowed: ['operator', 'admin'] },
    { method: 'POST', path: '/api/v1/deals/organisations', body: {}, allowed: ['operator', 'admin'] },
    { method: 'POST', path: '/api/v1/deals/partners', body: {}, allowed: ['operator', 'admin'] },
    { method: 'POST', path: '/api/v1/deals/organisations/import', body: {}, allowed: ['operator', 'admin'] },
    { method: 'POST', path: '/api/v1/deals/meetings', body: {}, allowed: ['operator', 'admin'] },
    { method: 'POST', path: '/api/v1/deals/meetings/nope/step', body: {}, allowed: ['operator', 'admin'] },
    { method: 'GET', path: '/api/v1/deals/meetings/nope/steps', allowed: ['operator', 'admin'] },
    { method: 'GET', path: '/api/v1/deals/export.csv', allowed: ['operator', 'admin'] },
    { method: 'GET', path: '/api/v1/roadshow', allowed: ['operator', 'admin'] },
    { method: 'POST', path: '/api/v1/roadshow/projects', body: {}, allowed: ['operator', 'admin'] },
    { method: 'DELETE', path: '/api/v1/roadshow/projects/nope', allowed: ['operator', 'admin'] },
    { method: 'PUT', path: '/api/v1/roadshow/rubric', body: {}, allowed: ['operator', 'admin'] },
    { method: 'POST', path: '/api/v1/roadshow/actions', body: {}, allowed: ['operator', 'admin'] },
    { method: 'GET', path: '/api/v1/roadshow/judging', allowed: ['judge'] },
    { method: 'PUT', path: '/api/v1/roadshow/scores', body: {}, allowed: ['judge'] },
    { method: 'GET', path: '/api/v1/users', allowed: ['admin'] },
    { method: 'POST', path: '/api/v1/users', body: {}, allowed: ['admin'] },
    { method: 'PATCH', path: '/api/v1/users/nope', body: {}, allowed: ['admin'] },
    { method: 'POST', path: '/api/v1/users/nope/password', body: {}, allowed: ['admin'] },
  ];

  it.each(ROUTES)('$method $path answers each caller by role', async (route) => {
    for (const caller of CALLERS) {
      const response = await fetch(`${t.url}${route.path}`, {
        method: route.method,
        headers: { 'content-type': 'application/json', ...headers[caller] },
        body: route.body === undefined ? undefined : JSON.stringify(route.body),
      });
      const refused = response.status === 401 || response.status === 403;
      expect({ caller, refused }).toEqual({ caller, refused: !route.allowed.includes(caller) });
      if (caller === 'anonymous' || caller === 'display') expect(response.status).toBe(401);
    }
  });

  const connectConsole = (caller: Caller) =>
    new Promise<ConsoleSocket>((resolve, reject) => {
      const socket: ConsoleSocket = io(`${t.url}/console`, {
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        extraHeaders: headers[caller].cookie ? { cookie: headers[caller].cookie } : {},
        auth: headers[caller].authorization ? { token: headers[caller].authorization.slice(7) } : {},
      });
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', (error) => (socket.close(), reject(error)));
    });

  it('refuses console sockets without a session (anonymous or a screen token)', async () => {
    await expect(connectConsole('anonymous')).rejects.toThrow(/unauthorized/);
    await expect(connectConsole('display')).rejects.toThrow(/unauthorized/);
  });

  const COMMANDS: { name: keyof ConsoleClientToServerEvents; payload?: unknown; allowed: Caller[] }[] = [
    { name: 'fleet:get', allowed: ['operator', 'admin'] },
    { name: 'device:command', payload: { deviceId: 'nope', command: { type: 'reload' } }, allowed: ['operator', 'admin'] },
    { name: 'device:revoke', payload: { deviceId: 'nope' }, allowed: ['operator', 'admin'] },
    { name: 'pairing:approve', payload: { code: 'ABCDEF', name: 'x', role: 'booth' }, allowed: ['operator', 'admin'] },
    { name: 'announcement:withdraw', payload: { id: 'nope' }, allowed: ['operator', 'admin'] },
  ];

  it('checks the role on every console command', async () => {
    for (const caller of ['judge', 'operator', 'admin'] as const) {
      const socket = await connectConsole(caller);
      for (const command of COMMANDS) {
        const args = command.payload === undefined ? [] : [command.payload];
        const reply = (await (socket.timeout(5000) as unknown as { emitWithAck(...a: unknown[]): Promise<{ ok: boolean; error?: { code: string } }> }).emitWithAck(command.name, ...args));
        const refused = !reply.ok && reply.error?.code === 'forbidden';
        expect({ caller, command: command.name, refused }).toEqual({ caller, command: command.name, refused: !command.allowed.includes(caller) });
      }
      // Junk payloads and missing callbacks are answered with a validation error or ignored, never a crash.
      const junk = await (socket.timeout(5000) as unknown as { emitWithAck(...a: unknown[]): Promise<{ ok: boolean; error?: { code: string } }> }).emitWithAck('device:revoke', 'not-an-object');
      expect(junk.ok).toBe(false);
      (socket.emit as (...a: unknown[]) => void)('fleet:get');
      socket.close();
    }
  });

  it('signing out closes that session’s console sockets', async () => {
    const cookie = await signIn(t.url, 'operator1', PASSWORD);
    const socket = await new Promise<ConsoleSocket>((resolve, reject) => {
      const s: ConsoleSocket = io(`${t.url}/console`, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { cookie } });
      s.once('connect', () => resolve(s));
      s.once('connect_error', reject);
    });
    const closed = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
    expect((await fetch(`${t.url}/api/v1/session`, { method: 'DELETE', headers: { cookie } })).status).toBe(204);
    await closed;
  });

  it('disabling a user ends their sessions and sockets at once, and is audited', async () => {
    const socket = await connectConsole('judge');
    const closed = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
    const response = await fetch(`${t.url}/api/v1/users/${userIds.judge}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', ...headers.admin },
      body: JSON.stringify({ disabled: true }),
    });
    expect(response.status).toBe(200);
    await closed;
    expect((await fetch(`${t.url}/api/v1/session`, { headers: headers.judge })).status).toBe(401);
    const audit = (await (await fetch(`${t.url}/api/v1/audit?action=user.update`, { headers: headers.admin })).json()) as { entries: { targetId: string; after: unknown }[] };
    expect(audit.entries[0]).toMatchObject({ targetId: userIds.judge, after: { disabled: true } });
    const csv = await (await fetch(`${t.url}/api/v1/audit.csv`, { headers: headers.admin })).text();
    expect(csv).toContain('user.update');
  });
});
