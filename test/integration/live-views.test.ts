import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPatch, type LiveData } from '../../kiosk/lib/apply-patch';
import { countersForView, LIVE_VIEWS, viewIncludes, type LiveView } from '../../shared/live-views';
import type { Snapshot } from '../../shared/snapshot.schema';
import { connectLive, type LiveClient } from '../support/live-client';
import { createDevice, postEvents, startTestServer, type TestServer } from '../support/test-server';

const ITEMS = { alpha: ['alpha-item-1', 'alpha-item-2'], beta: ['beta-item-1'] } as const;

/** A small deterministic random generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

function randomEvent(next: () => number, now: number): Record<string, unknown> {
  const section = next() < 0.5 ? 'alpha' : 'beta';
  const items = ITEMS[section];
  const item = items[Math.floor(next() * items.length)]!;
  const at = new Date(now - Math.floor(next() * 3 * 3600_000)).toISOString();
  const kind = next();
  const base = { id: crypto.randomUUID(), section, at };
  if (kind < 0.4) return { ...base, type: 'visit' };
  if (kind < 0.6) return { ...base, type: 'tap' };
  if (kind < 0.8) return { ...base, type: 'view', item };
  return { ...base, type: 'dwell', item, ms: Math.floor(next() * 60_000) };
}

/** What a screen holds after its snapshot and every patch it received, applied by the pages' own rule. */
function replay(client: LiveClient): { data: LiveData; gaps: number } {
  let data: LiveData = client.snapshots[0]!;
  let gaps = 0;
  for (const patch of client.patches) {
    const result = applyPatch(data, patch);
    if (result.outcome === 'gap') gaps++;
    if (result.outcome === 'applied') data = result.data;
  }
  return { data, gaps };
}

async function freshSnapshot(url: string, view?: LiveView): Promise<Snapshot> {
  const client = await connectLive(url, view ? { view } : undefined);
  client.close();
  return client.snapshots[0]!;
}

describe('/live views and counter deltas', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ COUNTER_PATCH_INTERVAL_MS: '20', INGEST_DEVICE_EVENTS_PER_SECOND: '100000', INGEST_DEVICE_BURST: '100000' });
  });
  afterAll(() => t.stop());

  it('reconstruct exactly what a fresh snapshot gives, for every view and without one, after thousands of random events', async () => {
    const sensor = await createDevice(t.url);
    const clients = new Map<LiveView | 'default', LiveClient>();
    clients.set('default', await connectLive(t.url));
    for (const view of LIVE_VIEWS) clients.set(view, await connectLive(t.url, { view }));

    const next = random(15);
    for (let round = 0; round < 60; round++) {
      const events = Array.from({ length: 50 }, () => randomEvent(next, Date.now()));
      // Several posts at once, so that some share a commit and some counters patches are merged.
      const answer = await postEvents(t.url, sensor.token, { events });
      expect(answer.status).toBe(200);
      // A late joiner mid-stream must catch up from its own snapshot as well.
      if (round === 30) clients.set('phone-late' as LiveView, await connectLive(t.url, { view: 'phone' }));
    }
    // Phones get counters at most once a second: wait for the last one.
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    const full = await freshSnapshot(t.url);
    expect(full.counters.visitors.today + full.counters.visitors.total).toBeGreaterThan(0);
    for (const [name, client] of clients) {
      const view = name === 'default' ? undefined : name === ('phone-late' as LiveView) ? 'phone' : name;
      const { data, gaps } = replay(client);
      expect(gaps, `${name}: gaps`).toBe(0);
      const fresh = await freshSnapshot(t.url, view);
      expect(data.counters, `${name}: counters`).toEqual(fresh.counters);
      expect(fresh.counters).toEqual(view ? countersForView(view, full.counters) : full.counters);
      client.close();
    }
  }, 60_000);

  it('send each view only what it renders, and full counters patches to a client that says nothing', async () => {
    const sensor = await createDevice(t.url);
    const phone = await connectLive(t.url, { view: 'phone' });
    const kiosk = await connectLive(t.url, { view: 'kiosk' });
    const plain = await connectLive(t.url);
    const next = random(3);
    await postEvents(t.url, sensor.token, { events: Array.from({ length: 40 }, () => randomEvent(next, Date.now())) });
    await phone.nextPatch((p) => p.type === 'counters:delta', 3_000);
    await kiosk.nextPatch((p) => p.type === 'counters:delta', 3_000);
    await plain.nextPatch((p) => p.type === 'counters', 3_000);

    expect(phone.snapshots[0]!.counters.visitors.bySection).toEqual({});
    expect(phone.snapshots[0]!.counters.interactions).toEqual({ bySection: {}, byItem: {} });
    expect(kiosk.snapshots[0]!.counters.interactions.byItem).toEqual({});
    for (const [view, client] of [['phone', phone], ['kiosk', kiosk]] as const) {
      for (const patch of client.patches) {
        expect(patch.type).not.toBe('counters');
        expect(patch.prev).toBeTypeOf('number');
        if (patch.type === 'counters:delta') for (const [path] of patch.changes) expect(viewIncludes(view, path), path.join('.')).toBe(true);
      }
    }
    expect(plain.patches.every((p) => p.type !== 'counters:delta' && p.prev === undefined)).toBe(true);
    for (const client of [phone, kiosk, plain]) client.close();
  });

  it('sends a client without a view one counters patch per change, whatever views nobody watches', async () => {
    const sensor = await createDevice(t.url);
    const plain = await connectLive(t.url);
    await postEvents(t.url, sensor.token, { events: [randomEvent(random(5), Date.now())] });
    await plain.nextPatch((p) => p.type === 'counters');
    // Past the phones' interval: a view without clients must not force another counters patch.
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    expect(plain.patches.filter((p) => p.type === 'counters')).toHaveLength(1);
    plain.close();
  });
});
