import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createDevice, postEvents, startTestServer, visitEvent, type TestServer } from '../support/test-server';

describe('cross-site requests', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
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
});
