import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDevice, postEvents, startTestServer, visitEvent, type TestServer } from '../support/test-server';

describe('POST /api/v1/events', () => {
  let t: TestServer;
  let sensor: { id: string; token: string };
  const visitorsToday = async () => ((await (await fetch(`${t.url}/api/v1/snapshot`)).json()) as { counters: { visitors: { today: number } } }).counters.visitors.today;

  beforeAll(async () => {
    t = await startTestServer();
    sensor = await createDevice(t.url);
  });
  afterAll(() => t.stop());

  it('refuses a request without a device token with 401', async () => {
    const response = await fetch(`${t.url}/api/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ events: [visitEvent()] }) });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
  });

  it('refuses an unknown token with 401', async () => {
    expect((await postEvents(t.url, 'sfd_not-a-token', { events: [visitEvent()] })).status).toBe(401);
  });

  it('refuses a stage display posting events with 403', async () => {
    const stage = await createDevice(t.url, { name: 'Stage left', role: 'stage' });
    expect((await postEvents(t.url, stage.token, { events: [visitEvent()] })).status).toBe(403);
  });

  it('answers 400 naming the field for a bad event, and stores nothing of the batch', async () => {
    const before = await visitorsToday();
    const { status, body } = await postEvents(t.url, sensor.token, { events: [visitEvent(), visitEvent({ type: 'tap', section: undefined })] });
    expect(status).toBe(400);
    expect(body.error.message).toContain('events[1].section');
    expect(await visitorsToday()).toBe(before);
  });

  it('answers 400 for malformed JSON and for a section or item that does not exist', async () => {
    expect((await postEvents(t.url, sensor.token, '{"events": [')).body.error.code).toBe('invalid_json');
    const unknown = await postEvents(t.url, sensor.token, { events: [visitEvent({ section: 'nowhere' })] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('events[0].section: unknown section "nowhere"');
    const wrongSection = await postEvents(t.url, sensor.token, { events: [visitEvent({ type: 'view', section: 'beta', item: 'alpha-item-1' })] });
    expect(wrongSection.body.error.message).toContain('events[0].item');
  });

  it('counts the same event id posted twice once', async () => {
    const before = await visitorsToday();
    const event = visitEvent();
    expect((await postEvents(t.url, sensor.token, { events: [event] })).body).toEqual({ accepted: 1, duplicates: 0 });
    expect((await postEvents(t.url, sensor.token, { events: [event] })).body).toEqual({ accepted: 0, duplicates: 1 });
    expect(await visitorsToday()).toBe(before + 1);
  });

  it('counts the same id twice in one batch once, whatever its letter case', async () => {
    const before = await visitorsToday();
    const event = visitEvent();
    const upper = { ...event, id: String(event.id).toUpperCase() };
    expect((await postEvents(t.url, sensor.token, { events: [event, upper] })).body).toEqual({ accepted: 1, duplicates: 1 });
    expect(await visitorsToday()).toBe(before + 1);
  });

  it('counts concurrent retries of the same batch once', async () => {
    const before = await visitorsToday();
    const events = Array.from({ length: 20 }, () => visitEvent());
    const answers = await Promise.all(Array.from({ length: 10 }, () => postEvents(t.url, sensor.token, { events })));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers.reduce((n, a) => n + a.body.accepted, 0)).toBe(20);
    expect(answers.reduce((n, a) => n + a.body.duplicates, 0)).toBe(180);
    expect(await visitorsToday()).toBe(before + 20);
  });

  it('derives interaction counters per section and item', async () => {
    await postEvents(t.url, sensor.token, {
      events: [
        visitEvent({ type: 'tap', section: 'beta' }),
        visitEvent({ type: 'view', section: 'beta', item: 'beta-item-1' }),
        visitEvent({ type: 'dwell', section: 'beta', item: 'beta-item-1', ms: 4200 }),
      ],
    });
    const { counters } = (await (await fetch(`${t.url}/api/v1/snapshot`)).json()) as { counters: { interactions: { bySection: Record<string, unknown>; byItem: Record<string, unknown> } } };
    expect(counters.interactions.bySection.beta).toEqual({ taps: 1, views: 1, dwellCount: 1, dwellMs: 4200 });
    expect(counters.interactions.byItem['beta-item-1']).toEqual({ taps: 0, views: 1, dwellCount: 1, dwellMs: 4200 });
  });

  it('refuses more than 500 events and oversized bodies', async () => {
    const many = await postEvents(t.url, sensor.token, { events: Array.from({ length: 501 }, () => visitEvent()) });
    expect(many.status).toBe(400);
    expect(many.body.error.message).toContain('at most 500');
    const huge = await postEvents(t.url, sensor.token, JSON.stringify({ events: [visitEvent({ pad: 'x'.repeat(600_000) })] }));
    expect(huge.status).toBe(413);
  });

  it('counts the events in metrics', async () => {
    const text = await (await fetch(`${t.url}/metrics`)).text();
    expect(text).toMatch(/showfloor_events_ingested_total\{type="visit"\} \d+/);
    expect(text).toMatch(/showfloor_event_duplicates_total [1-9]\d*/);
    expect(text).toContain('showfloor_ingest_ack_seconds_bucket');
  });
});
