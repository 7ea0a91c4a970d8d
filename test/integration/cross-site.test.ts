import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { ADMIN_PASSWORD, createDevice, postEvents, signIn, startTestServer, visitEvent, type TestServer } from '../support/test-server';

/** Opens a socket on `namespace` with these headers; resolves with "connected" or the refusal's message. */
function tryConnect(url: string, namespace: string, headers: Record<string, string>, auth?: Record<string, string>): Promise<string> {
  const socket = io(`${url}${namespace}`, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: headers, auth });
  return new Promise((resolve) => {
    socket.once('connect', () => (socket.close(), resolve('connected')));
    socket.once('connect_error', (error) => (socket.close(), resolve(error.message)));
  });
}

describe('cross-site requests', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ PUBLIC_URL: 'http://showfloor.example:3000', ALLOWED_ORIGINS: 'https://console.example.org' });
  });
  afterAll(() => t.stop());
  const login = (headers: Record<string, string>) =>
    fetch(`${t.url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }) });

  it('refuses a state change sent from another site', async () => {
    const fromOtherSite = await login({ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(fromOtherSite.status).toBe(403);
    expect(((await fromOtherSite.json()) as { error: { code: string } }).error.code).toBe('cross_site');
    expect((await login({ origin: 'https://evil.example' })).status).toBe(403);
    expect((await login({ 'sec-fetch-site': 'same-site' })).status).toBe(403);
  });

  it('accepts same-origin browsers and non-browser clients that send neither header', async () => {
    const host = new URL(t.url).host;
    expect((await login({ origin: `http://${host}`, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect((await login({})).status).toBe(200);
    const sensor = await createDevice(t.url);
    expect((await postEvents(t.url, sensor.token, { events: [visitEvent()] })).status).toBe(200);
  });

  it('lets anyone read public state from anywhere', async () => {
    expect((await fetch(`${t.url}/api/v1/snapshot`, { headers: { origin: 'https://elsewhere.example', 'sec-fetch-site': 'cross-site' } })).status).toBe(200);
  });

  it('refuses console and device sockets opened by a page from another origin, even on the same host', async () => {
    const cookie = await signIn(t.url);
    const { port } = new URL(t.url);
    const device = await createDevice(t.url);
    // Another port on the same host is the same site: the Lax cookie goes along, so Origin must decide.
    const otherPort = `http://127.0.0.1:${Number(port) + 1}`;
    expect(await tryConnect(t.url, '/console', { cookie, origin: otherPort })).toMatch(/^cross_site: Requests from http:\/\/127\.0\.0\.1:\d+ are refused/);
    expect(await tryConnect(t.url, '/console', { cookie, origin: 'https://evil.example' })).toMatch(/^cross_site/);
    expect(await tryConnect(t.url, '/console', { cookie, origin: 'null' })).toMatch(/^cross_site/);
    expect(await tryConnect(t.url, '/device', { origin: otherPort }, { token: device.token })).toMatch(/^cross_site/);
    expect(await tryConnect(t.url, '/device', { 'sec-fetch-site': 'cross-site' }, { token: device.token })).toMatch(/^cross_site/);
  });

  it('admits sockets from the server itself, PUBLIC_URL, ALLOWED_ORIGINS and clients that are not browsers', async () => {
    const cookie = await signIn(t.url);
    const device = await createDevice(t.url);
    const own = new URL(t.url).origin;
    expect(await tryConnect(t.url, '/console', { cookie, origin: own })).toBe('connected');
    expect(await tryConnect(t.url, '/console', { cookie, origin: 'http://showfloor.example:3000' })).toBe('connected');
    expect(await tryConnect(t.url, '/console', { cookie, origin: 'https://console.example.org' })).toBe('connected');
    expect(await tryConnect(t.url, '/console', { cookie })).toBe('connected');
    expect(await tryConnect(t.url, '/device', {}, { token: device.token })).toBe('connected');
    // /live is public and read-only: any page may show the live figures.
    expect(await tryConnect(t.url, '/live', { origin: 'https://elsewhere.example' })).toBe('connected');
  });

  it('lets ALLOWED_ORIGINS post to the API with the session', async () => {
    expect((await login({ origin: 'https://console.example.org', 'sec-fetch-site': 'cross-site' })).status).toBe(200);
    expect((await login({ origin: 'https://console.example.org.evil.example' })).status).toBe(403);
  });
});
