import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Patch } from '../../shared/snapshot.schema';
import { connectLive, type LiveClient } from '../support/live-client';
import { createDevice, postEvents, startTestServer, visitEvent, type TestServer } from '../support/test-server';

describe('/live namespace', () => {
  let t: TestServer;
  let sensor: { token: string };
  const clients: LiveClient[] = [];
  const connect = async () => {
    const client = await connectLive(t.url);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    t = await startTestServer({ COUNTER_PATCH_INTERVAL_MS: '100' });
    sensor = await createDevice(t.url);
  });
  afterEach(() => clients.splice(0).forEach((c) => c.close()));
  afterAll(() => t.stop());

  it('sends the public snapshot on connect', async () => {
    const client = await connect();
    const snapshot = client.snapshots[0]!;
    expect(snapshot.sections.map((s) => s.id)).toEqual(['alpha', 'beta']);
    // Unpublished items never reach public screens.
    expect(snapshot.sections[1]!.items.map((i) => i.id)).toEqual(['beta-item-1']);
    expect(snapshot.exhibition.title.en).toBe('Test Exhibition');
    expect(snapshot.announcements).toEqual([]);
  });

  it('sends a counters patch with the next seq after events are stored', async () => {
    const client = await connect();
    const { seq, counters } = client.snapshots[0]!;
    await postEvents(t.url, sensor.token, { events: [visitEvent(), visitEvent()] });
    const patch = (await client.nextPatch((p) => p.type === 'counters')) as Extract<Patch, { type: 'counters' }>;
    expect(patch.seq).toBe(seq + 1);
    expect(patch.counters.visitors.today).toBe(counters.visitors.today + 2);
  });

  it('coalesces counter patches to at most 10 a second, the last carrying the latest values', async () => {
    const client = await connect();
    const start = client.snapshots[0]!.counters.visitors.today;
    const began = Date.now();
    for (let i = 0; i < 40; i++) await postEvents(t.url, sensor.token, { events: [visitEvent()] });
    const last = await client.nextPatch((p) => p.type === 'counters' && p.counters.visitors.today === start + 40);
    const elapsed = Date.now() - began;
    const counterPatches = client.patches.filter((p) => p.type === 'counters');
    // Leading edge plus one per full 100 ms interval.
    expect(counterPatches.length).toBeLessThanOrEqual(Math.floor(elapsed / 100) + 2);
    expect(counterPatches.length).toBeLessThan(40);
    expect(last.seq).toBe(Math.max(...client.patches.map((p) => p.seq)));
  });

  it('numbers patches without gaps, so a client that missed one can tell and asks for a snapshot', async () => {
    const watcher = await connect();
    const forgetful = await connect();
    await postEvents(t.url, sensor.token, { events: [visitEvent()] });
    const missed = await forgetful.nextPatch();
    await new Promise((r) => setTimeout(r, 150));
    await postEvents(t.url, sensor.token, { events: [visitEvent()] });
    const next = await forgetful.nextPatch((p) => p.seq > missed.seq);
    // Pretend the first patch was lost: the client holds snapshot seq, sees `next` and finds a gap.
    const heldSeq = forgetful.snapshots[0]!.seq;
    expect(next.seq).toBeGreaterThan(heldSeq + 1);
    const reply = await forgetful.socket.timeout(5000).emitWithAck('snapshot:request');
    expect(reply.ok).toBe(true);
    if (reply.ok) {
      expect(reply.data.seq).toBeGreaterThanOrEqual(next.seq);
      expect(reply.data.counters.visitors.today).toBe((next as Extract<Patch, { type: 'counters' }>).counters.visitors.today);
    }
    expect(watcher.patches.map((p) => p.seq)).toEqual(watcher.patches.map((_, i) => watcher.snapshots[0]!.seq + 1 + i));
  });

  it('survives a snapshot request without a callback or with junk arguments', async () => {
    const client = await connect();
    (client.socket.emit as (...args: unknown[]) => void)('snapshot:request');
    (client.socket.emit as (...args: unknown[]) => void)('snapshot:request', { evil: true });
    (client.socket.emit as (...args: unknown[]) => void)('no-such-event', 1, 2, 3);
    const reply = await client.socket.timeout(5000).emitWithAck('snapshot:request');
    expect(reply.ok).toBe(true);
  });

  it('sends a content patch at once when the content changes', async () => {
    const client = await connect();
    const content = t.server.services.content;
    const bundle = structuredClone(content.all());
    bundle.items.find((i) => i.id === 'alpha-item-1')!.title.en = 'Renamed <script>alert(1)</script>';
    bundle.items.find((i) => i.id === 'alpha-item-1')!.body.en = '<p onclick="x()">Safe</p><script>alert(1)</script><a href="javascript:alert(1)">x</a>';
    content.replaceAll(bundle);
    const patch = (await client.nextPatch((p) => p.type === 'content')) as Extract<Patch, { type: 'content' }>;
    const item = patch.sections[0]!.items.find((i) => i.id === 'alpha-item-1')!;
    expect(item.title.en).toBe('Renamed <script>alert(1)</script>'); // plain text: pages render it as text
    expect(item.body.en).toBe('<p>Safe</p><a>x</a>');
  });
});
