import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectLive } from '../support/live-client';
import { createDevice, postEvents, startSignedIn, type TestServer, visitEvent } from '../support/test-server';

describe('counter corrections and day resets', () => {
  let t: TestServer;
  let cookie: string;
  beforeAll(async () => {
    ({ server: t, cookie } = await startSignedIn());
    const sensor = await createDevice(t.url, undefined, cookie);
    await postEvents(t.url, sensor.token, { events: [visitEvent(), visitEvent(), visitEvent({ section: 'beta' })] });
  });
  afterAll(() => t.stop());
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${t.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as any };
  };
  const visitors = async () => ((await (await fetch(`${t.url}/api/v1/snapshot`)).json()) as { counters: { visitors: { today: number; total: number; bySection: Record<string, number> } } }).counters.visitors;

  it('corrects visitors with a mandatory reason, as its own audited record, pushed live', async () => {
    const screen = await connectLive(t.url);
    expect((await post('/api/v1/counters/corrections', { delta: 5 })).body.error.message).toContain('reason');
    const created = await post('/api/v1/counters/corrections', { delta: 5, section: 'alpha', reason: 'Side door sensor was off for an hour' });
    expect(created.status).toBe(201);
    expect(await visitors()).toMatchObject({ today: 8, total: 8, bySection: { alpha: 7, beta: 1 } });
    await screen.nextPatch((p) => p.type === 'counters' && p.counters.visitors.today === 8);
    const list = (await (await fetch(`${t.url}/api/v1/counters/corrections`, { headers: { cookie } })).json()) as { corrections: { delta: number; reason: string; username: string }[] };
    expect(list.corrections[0]).toMatchObject({ delta: 5, reason: 'Side door sensor was off for an hour', username: 'admin' });
    const audit = (await (await fetch(`${t.url}/api/v1/audit?action=counters.correct`, { headers: { cookie } })).json()) as { entries: unknown[] };
    expect(audit.entries).toHaveLength(1);
    screen.close();
  });

  it('refuses a correction that would make a count negative', async () => {
    const refused = await post('/api/v1/counters/corrections', { delta: -1000, reason: 'typo test' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('delta: would make visitors negative');
  });

  it('resets a day only with the day typed again, keeping the total consistent', async () => {
    const day = ((await (await fetch(`${t.url}/api/v1/snapshot`)).json()) as { counters: { day: string } }).counters.day;
    const unconfirmed = await post('/api/v1/counters/reset', { day, confirm: 'yes', reason: 'rehearsal data' });
    expect(unconfirmed.body.error.fields).toMatchObject({ confirm: 'must repeat the day to reset' });
    expect((await post('/api/v1/counters/reset', { day, confirm: day, reason: 'rehearsal data' })).status).toBe(200);
    expect(await visitors()).toMatchObject({ today: 0, total: 0, bySection: {} });
  });
});
