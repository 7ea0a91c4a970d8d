import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../support/test-server';

describe('sign-in under abuse', () => {
  let t: TestServer;
  // Behind a proxy, so that a test can speak from several addresses (X-Forwarded-For).
  beforeAll(async () => {
    t = await startTestServer({ LOGIN_MAX_FAILURES: '3', TRUST_PROXY: 'true' });
  });
  afterAll(() => t.stop());

  const login = (username: string, password: string, address: string) =>
    fetch(`${t.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({ username, password }),
    });

  it('counts " admin", "ADMIN\\n" and full-width "ａｄｍｉｎ" as tries at admin, not as new names', async () => {
    const address = '10.0.0.1';
    const statuses: number[] = [];
    for (const name of ['admin', ' admin', 'ADMIN\n', 'ａｄｍｉｎ', '\tadmin ']) statuses.push((await login(name, 'wrong-password', address)).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    // Even the right password does not get in under a variant name while the limit holds.
    expect((await login('  Admin  ', ADMIN_PASSWORD, address)).status).toBe(429);
  });

  it('signs in with the name however it is spaced or cased', async () => {
    expect((await login('  ADMIN\n', ADMIN_PASSWORD, '10.0.0.2')).status).toBe(200);
  });

  it('keeps serving a real operator while one address floods sign-ins with fresh names', async () => {
    const flood = Array.from({ length: 40 }, (_, i) => login(`bogus-${i}-${crypto.randomUUID()}`, 'not-the-password', '10.0.0.66'));
    const operator = login('admin', ADMIN_PASSWORD, '10.0.0.7');
    const [operatorStatus, ...floodStatuses] = await Promise.all([operator.then((r) => r.status), ...flood.map((p) => p.then((r) => r.status))]);
    expect(operatorStatus).toBe(200);
    // At most two of the flood's checks run or wait at a time; the rest are refused at once, unhashed.
    expect(floodStatuses.filter((s) => s === 429 || s === 503).length).toBeGreaterThanOrEqual(30);
    expect(floodStatuses.every((s) => s === 401 || s === 429 || s === 503)).toBe(true);
  });
});
