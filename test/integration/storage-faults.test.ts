import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/storage/database';
import { faultyStorage, type FaultyStorage } from '../support/faulty-storage';
import { connectLive } from '../support/live-client';
import { createDevice, postEvents, startTestServer, visitEvent, type TestServer } from '../support/test-server';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(probe: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (ok(value) || Date.now() > deadline) return value;
    await sleep(200);
  }
}

describe('a full disk', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'showfloor-full-'));
  let storage: FaultyStorage;
  let t: TestServer;
  const start = async (full: boolean) => {
    storage = faultyStorage(openDatabase(dataDir));
    if (full) storage.fill();
    t = await startTestServer({ DATA_DIR: dataDir }, { db: storage.db });
  };
  const stop = async () => {
    await t.stop({ keepData: true });
    storage.db.close();
  };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const readiness = async () => {
    const response = await fetch(`${t.url}/readyz`);
    return { status: response.status, text: await response.text() };
  };
  const visitorsTotal = async () => ((await (await fetch(`${t.url}/api/v1/snapshot`)).json()) as { counters: { visitors: { total: number } } }).counters.visitors.total;

  let sensor: { token: string };
  let acknowledged = 0;

  it('answers writes 503 storage_full, says why on /readyz, keeps serving screens, and does not crash', async () => {
    await start(false);
    sensor = await createDevice(t.url);
    const ok = await postEvents(t.url, sensor.token, { events: [visitEvent(), visitEvent()] });
    expect(ok.status).toBe(200);
    acknowledged += ok.body.accepted as number;
    // The disk fills right after a change, before the seq is written down (every 2 s): the timer meets the fault.
    storage.fill();
    const refused = await fetch(`${t.url}/api/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${sensor.token}` },
      body: JSON.stringify({ events: [visitEvent()] }),
    });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('30');
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('storage_full');
    const ready = await readiness();
    expect(ready.status).toBe(503);
    expect(ready.text).toMatch(/storage: storage_full since/);
    // Let the seq timer and the counters timer run against the full disk.
    await sleep(2_500);
    const live = await connectLive(t.url);
    expect(live.snapshots[0]!.counters.visitors.total).toBe(acknowledged);
    live.close();
    expect(await visitorsTotal()).toBe(acknowledged);
  });

  it('resumes writing by itself when space returns', async () => {
    storage.free();
    const ready = await until(readiness, (r) => r.status === 200);
    expect(ready.status).toBe(200);
    const ok = await postEvents(t.url, sensor.token, { events: [visitEvent()] });
    expect(ok.status).toBe(200);
    acknowledged += ok.body.accepted as number;
    expect(await until(visitorsTotal, (n) => n === acknowledged)).toBe(acknowledged);
    await stop();
  });

  it('starts on a full disk with an existing database, read-only until space returns', async () => {
    await start(true);
    expect(await visitorsTotal()).toBe(acknowledged);
    expect((await postEvents(t.url, sensor.token, { events: [visitEvent()] })).status).toBe(503);
    expect((await until(readiness, (r) => r.status === 503)).text).toMatch(/storage_full/);
    storage.free();
    expect((await until(readiness, (r) => r.status === 200)).status).toBe(200);
    expect((await postEvents(t.url, sensor.token, { events: [visitEvent()] })).status).toBe(200);
    expect(await until(visitorsTotal, (n) => n === acknowledged + 1)).toBe(acknowledged + 1);
    await stop();
  });
});
