import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { createDevice, signedInSuite } from '../support/test-server';

describe('screen state reports (the live mirror)', () => {
  const t = signedInSuite();

  it('keeps what a screen reports showing, and refuses a bad report naming the field', async () => {
    const kiosk = await createDevice(t.url, { name: 'Booth 1', role: 'booth' }, t.cookie);
    const socket = io(`${t.url}/device`, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token: kiosk.token } });
    await new Promise<void>((resolve) => socket.once('device:config', () => resolve()));
    const send = (payload: unknown) => new Promise<{ ok: boolean; error?: { message: string } }>((resolve) => socket.emit('device:heartbeat', payload as never, resolve as never));

    const state = { app: 'kiosk', view: 'item', section: 'alpha', item: 'alpha-item-1', locale: 'en', announcement: null, offline: false };
    expect(await send({ appVersion: 'test', view: 'item:alpha-item-1', state })).toMatchObject({ ok: true });
    const listed = (await (await fetch(`${t.url}/api/v1/devices`, { headers: { cookie: t.cookie } })).json()) as { devices: { id: string; state: unknown }[] };
    expect(listed.devices.find((d) => d.id === kiosk.id)?.state).toEqual(state);

    const refused = await send({ appVersion: 'test', view: 'x', state: { ...state, app: 'toaster' } });
    expect(refused.ok).toBe(false);
    expect(refused.error!.message).toContain('state.app');
    // A heartbeat without a state (an older build) keeps the last one.
    expect(await send({ appVersion: 'test', view: 'home' })).toMatchObject({ ok: true });
    const again = (await (await fetch(`${t.url}/api/v1/devices`, { headers: { cookie: t.cookie } })).json()) as { devices: { id: string; state: unknown }[] };
    expect(again.devices.find((d) => d.id === kiosk.id)?.state).toEqual(state);
    socket.close();
  });

  it("keeps a door counter's reported count for its miniature, and refuses a negative one", async () => {
    const door = await createDevice(t.url, { name: 'North door', role: 'door' }, t.cookie);
    const socket = io(`${t.url}/device`, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token: door.token } });
    await new Promise<void>((resolve) => socket.once('device:config', () => resolve()));
    const send = (payload: unknown) => new Promise<{ ok: boolean; error?: { message: string } }>((resolve) => socket.emit('device:heartbeat', payload as never, resolve as never));
    const state = { app: 'door', view: 'counter', count: 12, offline: false };
    expect(await send({ appVersion: 'test', view: 'door', state })).toMatchObject({ ok: true });
    const listed = (await (await fetch(`${t.url}/api/v1/devices`, { headers: { cookie: t.cookie } })).json()) as { devices: { id: string; state: unknown }[] };
    expect(listed.devices.find((d) => d.id === door.id)?.state).toEqual(state);
    const refused = await send({ appVersion: 'test', view: 'door', state: { ...state, count: -1 } });
    expect(refused.ok).toBe(false);
    expect(refused.error!.message).toContain('state.count');
    socket.close();
  });
});
