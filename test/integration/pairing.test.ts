import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceCommand, DeviceConfig, PairingTicket } from '../../shared/devices.schema';
import { startSignedIn, type TestServer } from '../support/test-server';

const post = (url: string, body: unknown, cookie?: string) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) });

describe('pairing a screen', () => {
  let t: TestServer;
  let cookie: string;
  let clock = Date.now();
  beforeAll(async () => {
    ({ server: t, cookie } = await startSignedIn({}, { now: () => clock }));
  });
  afterAll(() => t.stop());

  const openTicket = async () => (await (await post(`${t.url}/api/v1/pairing`, {})).json()) as PairingTicket;
  const claim = (ticket: PairingTicket) => post(`${t.url}/api/v1/pairing/claim`, { id: ticket.id, secret: ticket.secret });

  it('gives the screen a token, name and settings once an operator approves its code', async () => {
    const ticket = await openTicket();
    expect(ticket.code).toMatch(/^[A-Z2-9]{6}$/);
    expect((await (await claim(ticket)).json()).status).toBe('pending');

    const pending = (await (await fetch(`${t.url}/api/v1/pairing`, { headers: { cookie } })).json()) as { pending: { code: string }[] };
    expect(pending.pending.map((p) => p.code)).toContain(ticket.code);

    const approve = await post(`${t.url}/api/v1/pairing/approve`, { code: ticket.code.toLowerCase(), name: 'Booth 7', role: 'booth', section: 'beta', idleTimeoutSeconds: 30 }, cookie);
    expect(approve.status).toBe(201);
    const result = (await (await claim(ticket)).json()) as { status: string; token: string; device: DeviceConfig };
    expect(result.status).toBe('paired');
    expect(result.device).toMatchObject({ name: 'Booth 7', role: 'booth', section: 'beta', idleTimeoutSeconds: 30, locale: 'zh-CN' });

    // The token works once received, and the code and ticket work only once.
    const socket = io(`${t.url}/device`, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token: result.token } });
    const config = await new Promise<DeviceConfig>((resolve) => socket.once('device:config', resolve));
    expect(config.name).toBe('Booth 7');
    expect((await claim(ticket)).status).toBe(404);
    expect((await post(`${t.url}/api/v1/pairing/approve`, { code: ticket.code, name: 'Again', role: 'booth' }, cookie)).status).toBe(404);

    // Remote commands reach the screen.
    const commands: DeviceCommand[] = [];
    socket.on('device:command', (c) => commands.push(c));
    const send = async (body: unknown) => (await (await post(`${t.url}/api/v1/devices/${result.device.id}/commands`, body, cookie)).json()) as { delivered: number };
    expect((await send({ type: 'identify' })).delivered).toBe(1);
    expect((await send({ type: 'set-locale', locale: 'en' })).delivered).toBe(1);
    await expect.poll(() => commands).toEqual([
      { type: 'identify', name: 'Booth 7', seconds: 10 },
      { type: 'set-locale', locale: 'en' },
    ]);
    const bad = await post(`${t.url}/api/v1/devices/${result.device.id}/commands`, { type: 'self-destruct' }, cookie);
    expect(bad.status).toBe(400);
    socket.close();
  });

  it('lets codes expire after 10 minutes', async () => {
    const ticket = await openTicket();
    clock += 10 * 60_000 + 1;
    expect((await claim(ticket)).status).toBe(410);
    expect((await post(`${t.url}/api/v1/pairing/approve`, { code: ticket.code, name: 'Late', role: 'booth' }, cookie)).status).toBe(404);
  });

  it('keeps codes in the database: a second server on it approves a code the first handed out, once', async () => {
    // Another node on the same database (on SQLite: the same file), with the same clock.
    const other = await startSignedIn({ DATA_DIR: t.dataDir }, { now: () => clock });
    try {
      const ticket = await openTicket();
      const pending = (await (await fetch(`${other.server.url}/api/v1/pairing`, { headers: { cookie: other.cookie } })).json()) as { pending: { code: string }[] };
      expect(pending.pending.map((p) => p.code)).toContain(ticket.code);
      // Two operators on two nodes approve the same code at once: one device, one 404.
      const both = await Promise.all([
        post(`${t.url}/api/v1/pairing/approve`, { code: ticket.code, name: 'Stage left', role: 'stage' }, cookie),
        post(`${other.server.url}/api/v1/pairing/approve`, { code: ticket.code, name: 'Stage left', role: 'stage' }, other.cookie),
      ]);
      expect(both.map((r) => r.status).sort()).toEqual([201, 404]);
      // The screen claims through either node; two claims racing get one token.
      const claims = await Promise.all([claim(ticket), post(`${other.server.url}/api/v1/pairing/claim`, { id: ticket.id, secret: ticket.secret })]);
      expect(claims.map((r) => r.status).sort()).toEqual([200, 404]);
      const devices = (await (await fetch(`${t.url}/api/v1/devices`, { headers: { cookie } })).json()) as { devices: { name: string }[] };
      expect(devices.devices.filter((d) => d.name === 'Stage left')).toHaveLength(1);
    } finally {
      await other.server.stop({ keepData: true });
    }
  });

  it('keeps a waiting code across a restart', async () => {
    const { server: first } = await startSignedIn();
    const ticket = (await (await post(`${first.url}/api/v1/pairing`, {})).json()) as PairingTicket;
    await first.stop({ keepData: true });
    const { server: again, cookie: signedIn } = await startSignedIn({ DATA_DIR: first.dataDir });
    try {
      expect((await (await post(`${again.url}/api/v1/pairing/claim`, { id: ticket.id, secret: ticket.secret })).json()).status).toBe('pending');
      expect((await post(`${again.url}/api/v1/pairing/approve`, { code: ticket.code, name: 'Booth 9', role: 'booth' }, signedIn)).status).toBe(201);
      expect((await (await post(`${again.url}/api/v1/pairing/claim`, { id: ticket.id, secret: ticket.secret })).json()).status).toBe('paired');
    } finally {
      await again.stop();
    }
  });

  it('needs an operator to approve, and a valid secret to claim', async () => {
    const ticket = await openTicket();
    expect((await post(`${t.url}/api/v1/pairing/approve`, { code: ticket.code, name: 'x', role: 'booth' })).status).toBe(401);
    expect((await post(`${t.url}/api/v1/pairing/claim`, { id: ticket.id, secret: 'guess' })).status).toBe(404);
    const bad = await post(`${t.url}/api/v1/pairing/approve`, { code: '12', name: 'x', role: 'booth' }, cookie);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain('code: must be the 6-character code');
  });
});
