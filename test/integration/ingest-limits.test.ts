import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDevice, postEvents, startTestServer, visitEvent, type TestServer } from '../support/test-server';

const DAY = 86_400_000;

describe('ingest plausibility', () => {
  let t: TestServer;
  let clock = Date.now();
  beforeAll(async () => {
    t = await startTestServer({ INGEST_DEVICE_EVENTS_PER_SECOND: '10', INGEST_DEVICE_BURST: '500' }, { now: () => clock });
  });
  afterAll(() => t.stop());

  const visits = (count: number) => Array.from({ length: count }, () => visitEvent({ at: new Date(clock).toISOString() }));
  const total = () => t.server.snapshot().counters.visitors.total;

  it('answers a device posting faster than its bucket with 429 and Retry-After, and stores nothing of that request', async () => {
    const sensor = await createDevice(t.url, { name: 'Busy door', role: 'sensor' });
    const before = total();
    expect((await postEvents(t.url, sensor.token, { events: visits(500) })).status).toBe(200);

    const refused = visits(300);
    const response = await fetch(`${t.url}/api/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${sensor.token}` },
      body: JSON.stringify({ events: refused }),
    });
    expect(response.status).toBe(429);
    // 300 events at 10 a second: 30 s.
    expect(response.headers.get('retry-after')).toBe('30');
    const body = (await response.json()) as { error: { code: string; message: string; retryAfterSeconds: number } };
    expect(body.error).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 30 });
    expect(total()).toBe(before + 500);
    expect(await (await fetch(`${t.url}/metrics`)).text()).toMatch(/^showfloor_events_rate_limited_total 300$/m);

    // Another device has its own bucket.
    const other = await createDevice(t.url, { name: 'South door', role: 'sensor' });
    expect((await postEvents(t.url, other.token, { events: visits(3) })).status).toBe(200);

    // Slowed, not refused forever: after the wait the same events are all new (none was kept from the refusal).
    clock += 29_000;
    expect((await postEvents(t.url, sensor.token, { events: refused })).status).toBe(429);
    clock += 1_000;
    expect((await postEvents(t.url, sensor.token, { events: refused })).body).toEqual({ accepted: 300, duplicates: 0 });
    expect(total()).toBe(before + 803);
  });

  it('charges the bucket only for batches it stores: refused ones cost nothing', async () => {
    const kiosk = await createDevice(t.url, { name: 'Kiosk back online', role: 'sensor' });
    for (let i = 0; i < 3; i++) {
      const batch = [...visits(499), visitEvent({ section: 'gone' })];
      expect((await postEvents(t.url, kiosk.token, { events: batch })).status).toBe(400);
    }
    expect((await postEvents(t.url, kiosk.token, { events: visits(500) })).status).toBe(200);
  });

  it('refuses events dated 1970 or year 1 with 400 naming the field, storing none of the batch', async () => {
    const sensor = await createDevice(t.url, { name: 'Old clock', role: 'sensor' });
    const before = total();
    for (const at of ['1970-01-01T00:00:00Z', '0001-01-01T00:00:00+08:00', '1999-12-31T23:59:59Z']) {
      const events = [...visits(3), visitEvent({ at }), ...visits(1)];
      const { status, body } = await postEvents(t.url, sensor.token, { events });
      expect(status).toBe(400);
      expect(body.error.code).toBe('validation_failed');
      expect(body.error.message).toBe("events[3].at: must be on or after 2000-01-01 (is the device's clock set?)");
      expect(body.error.fields).toEqual({ 'events.3.at': "must be on or after 2000-01-01 (is the device's clock set?)" });
    }
    expect(total()).toBe(before);
  });

  it('refuses events older than INGEST_MAX_EVENT_AGE_DAYS (28 by default) with 400 naming the field', async () => {
    const sensor = await createDevice(t.url, { name: 'Long offline', role: 'sensor' });
    const before = total();
    const old = visitEvent({ at: new Date(clock - 28 * DAY - 60_000).toISOString() });
    const { status, body } = await postEvents(t.url, sensor.token, { events: [...visits(1), old] });
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/^events\[1\]\.at: is more than 28 days old \(the oldest time accepted now is /);
    expect(total()).toBe(before);
    // A queue from a few weeks offline still counts.
    const weeksOld = visitEvent({ at: new Date(clock - 27 * DAY).toISOString() });
    expect((await postEvents(t.url, sensor.token, { events: [weeksOld] })).body).toEqual({ accepted: 1, duplicates: 0 });
  });

  it('takes the age limit from the environment', async () => {
    const strict = await startTestServer({ INGEST_MAX_EVENT_AGE_DAYS: '1' });
    try {
      const sensor = await createDevice(strict.url, { name: 'Door', role: 'sensor' });
      const { status, body } = await postEvents(strict.url, sensor.token, { events: [visitEvent({ at: new Date(Date.now() - 2 * DAY).toISOString() })] });
      expect(status).toBe(400);
      expect(body.error.message).toMatch(/^events\[0\]\.at: is more than 1 day old/);
    } finally {
      await strict.stop();
    }
  });
});
