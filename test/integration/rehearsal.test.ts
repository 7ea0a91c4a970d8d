import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Simulator } from '../../server/rehearsal/simulator';
import { signIn, startTestServer, type TestServer } from '../support/test-server';

describe('rehearsal', () => {
  let t: TestServer;
  let simulator: Simulator;
  beforeAll(async () => {
    t = await startTestServer({ SHOWFLOOR_REHEARSAL: 'true' });
    simulator = new Simulator(t.server, { speed: 600 });
    await simulator.start();
  });
  afterAll(async () => {
    simulator.stop();
    await t.stop();
  });
  const snapshot = async () => (await (await fetch(`${t.url}/api/v1/snapshot`)).json()) as any;

  it('plays visitors, interactions, meetings and a roadshow, marked as a rehearsal', async () => {
    await expect
      .poll(async () => {
        const s = await snapshot();
        return s.counters.visitors.today > 0 && s.deals.totals.meetings > 0 && s.roadshow.phase !== 'idle';
      }, { timeout: 10_000 })
      .toBe(true);
    const s = await snapshot();
    expect(s.rehearsal).toBe(true);
    expect(Object.keys(s.counters.interactions.byItem).length).toBeGreaterThan(0);
  });

  it('clears every simulated figure in one action, keeping content and accounts', async () => {
    simulator.stop();
    const cookie = await signIn(t.url);
    const response = await fetch(`${t.url}/api/v1/rehearsal/clear`, { method: 'POST', headers: { cookie } });
    expect(response.status).toBe(200);
    const s = await snapshot();
    expect(s.counters.visitors).toMatchObject({ today: 0, total: 0 });
    expect(s.deals.totals).toEqual({ meetings: 0, intentions: 0, agreements: 0 });
    expect(s.roadshow.projects).toEqual([]);
    expect(s.sections.length).toBe(2);
  });

  it('refuses to clear a real (non-rehearsal) server', async () => {
    const real = await startTestServer();
    const response = await fetch(`${real.url}/api/v1/rehearsal/clear`, { method: 'POST', headers: { cookie: await signIn(real.url) } });
    expect(response.status).toBe(409);
    await real.stop();
  });
});
