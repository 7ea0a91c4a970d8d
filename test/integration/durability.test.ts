import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectLive } from '../support/live-client';
import { startServerProcess } from '../support/server-process';
import { createDevice, postEvents, startTestServer, visitEvent } from '../support/test-server';
import { testEngine } from '../support/test-storage';

const snapshotOf = async (url: string) =>
  (await (await fetch(`${url}/api/v1/snapshot`)).json()) as { seq: number; counters: { visitors: { today: number; total: number } } };

// These start real server processes; on a loaded CI machine one start can take seconds. On
// PostgreSQL each DATA_DIR stands for a database of its own (test-server.ts), so a restart on the
// same directory finds the same database, as on SQLite.
describe(`durability (${testEngine()})`, { timeout: 90_000 }, () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'showfloor-durable-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('keeps counters, devices and seq across a restart', async () => {
    const dataDir = tempDir();
    const first = await startTestServer({ DATA_DIR: dataDir });
    const sensor = await createDevice(first.url);
    const client = await connectLive(first.url);
    await postEvents(first.url, sensor.token, { events: [visitEvent(), visitEvent(), visitEvent()] });
    const patch = await client.nextPatch();
    client.close();
    await first.stop({ keepData: true });

    const second = await startTestServer({ DATA_DIR: dataDir });
    const after = await snapshotOf(second.url);
    expect(after.counters.visitors.today).toBe(3);
    expect(after.counters.visitors.total).toBe(3);
    // seq continues, so a screen never takes a new patch for an old one.
    expect(after.seq).toBeGreaterThanOrEqual(patch.seq);
    // The device token still works after the restart.
    expect((await postEvents(second.url, sensor.token, { events: [visitEvent()] })).body.accepted).toBe(1);
    await second.stop();
  });

  it('still has acknowledged events after the server is killed with SIGKILL', async () => {
    const dataDir = tempDir();
    const first = await startServerProcess({ DATA_DIR: dataDir });
    const sensor = await createDevice(first.url);
    const batches = Array.from({ length: 8 }, () => ({ events: Array.from({ length: 25 }, () => visitEvent()) }));
    const answers = await Promise.all(batches.map((b) => postEvents(first.url, sensor.token, b)));
    expect(answers.map((a) => a.body.accepted)).toEqual(Array(8).fill(25));
    // No graceful shutdown: whatever was acknowledged must already be on disk.
    first.child.kill('SIGKILL');
    await first.exited;

    const second = await startServerProcess({ DATA_DIR: dataDir });
    try {
      expect((await snapshotOf(second.url)).counters.visitors.today).toBe(200);
      // Retrying the same batch after the crash counts nothing twice.
      const retry = await postEvents(second.url, sensor.token, batches[0]);
      expect(retry.body).toEqual({ accepted: 0, duplicates: 25 });
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }
  });

  it('stops gracefully on SIGTERM', async () => {
    const server = await startServerProcess({ DATA_DIR: tempDir() });
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });
});
