import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { bufferedBytes } from '../../server/platform/socket-backpressure';
import { connectLive } from '../support/live-client';
import { createDevice, postEvents, startTestServer, visitEvent, type TestServer } from '../support/test-server';

/** What the server holds, summed over every open connection (engine buffers + websocket buffers). */
function heldBytes(t: TestServer): number {
  const clients = (t.server.io.engine as unknown as { clients: Record<string, unknown> }).clients;
  return Object.values(clients).reduce<number>((sum, conn) => sum + bufferedBytes(conn), 0);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A raw websocket speaking the socket.io protocol the way an attacker's script would: it joins
 * /live, asks for a snapshot `count` times, and never reads what comes back.
 */
async function stalledWebsocketAttacker(url: string, count: number): Promise<WebSocket> {
  const ws = new WebSocket(`${url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
  await new Promise<void>((resolve, reject) => {
    ws.once('message', () => resolve()); // engine.io "open" packet
    ws.once('error', reject);
  });
  ws.send('40/live,');
  await new Promise<void>((resolve) => ws.on('message', (m) => String(m).startsWith('40/live') && resolve()));
  // Stop reading: from here on, everything the server sends piles up in front of this client.
  (ws as unknown as { _socket: { pause(): void } })._socket.pause();
  for (let i = 0; i < count; i++) ws.send(`42/live,${i}["snapshot:request"]`);
  return ws;
}

describe('clients that do not read what they are sent', () => {
  let t: TestServer;
  let sensor: { token: string };
  beforeAll(async () => {
    // The smallest allowed bound, so that the fixture's small snapshots can cross it in a test.
    t = await startTestServer({ SOCKET_MAX_BUFFERED_BYTES: String(64 * 1024) });
    sensor = await createDevice(t.url);
  });
  afterAll(() => t.stop());

  it('cuts off sockets that flood snapshot requests without reading, holding little for them meanwhile', async () => {
    const watcher = await connectLive(t.url);
    const attackers = await Promise.all([1, 2, 3].map(() => stalledWebsocketAttacker(t.url, 2_000)));
    const closed = attackers.map((ws) => new Promise<void>((resolve) => (ws.readyState === WebSocket.CLOSED ? resolve() : ws.once('close', () => resolve()))));
    let maxHeld = 0;
    for (let i = 0; i < 20; i++) {
      await postEvents(t.url, sensor.token, { events: [visitEvent()] });
      maxHeld = Math.max(maxHeld, heldBytes(t));
      await sleep(50);
    }
    // Three snapshots each at most; 2,000 answers of a full snapshot would be megabytes per attacker.
    const snapshotBytes = JSON.stringify(t.server.snapshot()).length;
    expect(maxHeld).toBeLessThan(3 * (3 * snapshotBytes + 2_000 * 200));
    await Promise.all(closed);
    expect(await t.server.metrics.registry.getSingleMetricAsString('showfloor_flooding_clients_cut_total')).toMatch(/ [3-9]\d*$/m);
    // Everyone else keeps getting patches.
    const before = watcher.patches.length;
    await postEvents(t.url, sensor.token, { events: [visitEvent()] });
    await watcher.nextPatch((p) => p.type === 'counters' && watcher.patches.indexOf(p) >= before);
    attackers.forEach((ws) => ws.terminate());
    watcher.close();
  });

  it('cuts off a polling client that never polls once its queue passes the bound, and keeps serving others', async () => {
    // The exhibition's own content: its snapshot (~50 KB) is what a real flooder would pile up.
    const show = await startTestServer({ SOCKET_MAX_BUFFERED_BYTES: String(64 * 1024), CONTENT_DIR: resolve(import.meta.dirname, '../../content') });
    const t = show;
    const sensor = await createDevice(t.url);
    const watcher = await connectLive(t.url);
    const open = await (await fetch(`${t.url}/socket.io/?EIO=4&transport=polling`)).text();
    const sid = (JSON.parse(open.slice(1)) as { sid: string }).sid;
    const post = (body: string) =>
      fetch(`${t.url}/socket.io/?EIO=4&transport=polling&sid=${sid}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body });
    expect((await post('40/live,')).status).toBe(200);
    // Requests in one payload (engine.io separates packets with \x1e), fewer than the inbound limit
    // allows at once; the client never polls for the answers, and patches pile up behind them.
    const flood = Array.from({ length: 40 }, (_, i) => `42/live,${i}["snapshot:request"]`).join('\x1e');
    const status = (await post(flood)).status;
    expect(status).toBe(200);
    let cut = false;
    for (let i = 0; i < 60 && !cut; i++) {
      await postEvents(t.url, sensor.token, { events: [visitEvent({ section: 'experts' })] });
      await sleep(100);
      // Once cut off, the session id is unknown to the server.
      cut = (await post('3')).status === 400;
    }
    expect(cut).toBe(true);
    expect(await t.server.metrics.registry.getSingleMetricAsString('showfloor_slow_clients_cut_total')).toMatch(/ [1-9]\d*$/m);
    const before = watcher.patches.length;
    await postEvents(t.url, sensor.token, { events: [visitEvent({ section: 'experts' })] });
    await watcher.nextPatch((p) => p.type === 'counters' && watcher.patches.indexOf(p) >= before);
    watcher.close();
    await show.stop();
  });

  it('answers a few snapshot requests in a row, then refuses until the bucket refills', async () => {
    const client = await connectLive(t.url);
    const replies: { ok: boolean; error?: { code: string } }[] = [];
    for (let i = 0; i < 8; i++) replies.push((await client.socket.emitWithAck('snapshot:request')) as { ok: boolean; error?: { code: string } });
    expect(replies.map((r) => r.ok)).toEqual([true, true, true, false, false, false, false, false]);
    expect(replies[3]!.error!.code).toBe('rate_limited');
    // Still connected: a client that asks too often is refused, not cut off.
    expect(client.socket.connected).toBe(true);
    client.close();
  });

  it('serves the same snapshot text to every client until something changes', async () => {
    const first = await (await fetch(`${t.url}/api/v1/snapshot`)).text();
    const second = await (await fetch(`${t.url}/api/v1/snapshot`)).text();
    expect(second).toBe(first);
    await postEvents(t.url, sensor.token, { events: [visitEvent()] });
    await sleep(300);
    const after = JSON.parse(await (await fetch(`${t.url}/api/v1/snapshot`)).text()) as { seq: number };
    expect(after.seq).toBeGreaterThan((JSON.parse(first) as { seq: number }).seq);
  });
});
