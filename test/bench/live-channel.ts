/**
 * The live channel's weight (issue 15), measured on a real showfloor child process with the bundled
 * exhibition at the end of a day it builds itself (posting through the API with past `at` times),
 * then under steady load (20 kiosks × 1 interaction/s plus 5 visits/s). Every row is printed
 * beside the figure measured before deltas and views (the "now").
 *
 * Bytes are counted as socket.io packets as they arrive (engine.io packet text; the WebSocket
 * frame adds 2–4 bytes each), so they are what the access points carry, give or take the framing.
 *
 * Run alone: `npm run bench:live` (BENCH_QUICK=1 for a smaller day and a shorter window).
 */
import { performance } from 'node:perf_hooks';
import { request } from 'node:http';
import { deflateRawSync, gzipSync } from 'node:zlib';
import { requestUsage } from './process-usage';
import { io, type Socket } from 'socket.io-client';
import { resolve } from 'node:path';
import type { LiveView } from '../../shared/live-views';
import type { Snapshot } from '../../shared/snapshot.schema';
import type { FanoutPair } from './fanout';
import type { IngestPair } from './ingest';
import type { StartupRun } from './startup';
import { postEvents, startShowfloor, type ShowfloorProcess } from './showfloor';

const CONTENT_DIR = resolve(import.meta.dirname, '../../content');

/** The "now" column: the same measures before this work. */
export const LIVE_CHANNEL_BASELINES = {
  phoneBytesPerSecond: 54_400,
  defaultBytesPerSecond: 54_400,
  egressBitsPerSecond: 2.3e9,
  reconnectSnapshotBytes: 68_600,
  httpSnapshotBytes: 68_600,
} as const;

export interface LiveChannelRun {
  day: { visits: number; interactions: number };
  steadySeconds: number;
  bytesPerSecond: Record<LiveView | 'default', number>;
  patchesPerSecond: Record<LiveView | 'default', number>;
  egressBitsPerSecond: number;
  fullSnapshotBytes: number;
  reconnectSnapshotBytes: number;
  httpSnapshotBytes: { plain: number; gzip: number; brotli: number };
  /** Server CPU per GET /api/v1/snapshot (gzip accepted) of one unchanged snapshot, and what gzipping it per request (as the compression middleware did) costs. */
  httpSnapshotCpu: { servedUs: number; gzipPerRequestUs: number; requests: number };
  deflate: { fullPatch: DeflateFigures; phoneDelta: DeflateFigures; snapshot: DeflateFigures };
}

interface DeflateFigures {
  bytes: number;
  deflatedBytes: number;
  microsPerMessage: number;
}

interface CountingClient {
  socket: Socket;
  bytes: number;
  patches: number;
  snapshotBytes: number[];
  texts: string[];
}

function connect(url: string, auth: Record<string, unknown>): Promise<CountingClient> {
  const socket = io(`${url}/live`, { transports: ['websocket'], reconnection: false, forceNew: true, auth });
  const client: CountingClient = { socket, bytes: 0, patches: 0, snapshotBytes: [], texts: [] };
  socket.io.on('open', () => {
    socket.io.engine.on('packet', (packet: { type: string; data?: unknown }) => {
      if (packet.type !== 'message' || typeof packet.data !== 'string') return;
      const bytes = Buffer.byteLength(packet.data);
      if (packet.data.startsWith('2/live,["snapshot"')) client.snapshotBytes.push(bytes);
      else if (packet.data.startsWith('2/live,["patch"')) {
        client.bytes += bytes;
        client.patches++;
        if (client.texts.length < 200) client.texts.push(packet.data);
      }
    });
  });
  return new Promise((done, fail) => {
    socket.once('snapshot', () => done(client));
    socket.once('connect_error', fail);
  });
}

function bytesOnTheWire(url: string, encoding: 'gzip' | 'br'): Promise<number> {
  return new Promise((done, fail) => {
    request(url, { headers: { 'accept-encoding': encoding } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => done(bytes));
    })
      .on('error', fail)
      .end();
  });
}

function deflateFigures(texts: readonly string[]): DeflateFigures {
  if (texts.length === 0) return { bytes: 0, deflatedBytes: 0, microsPerMessage: 0 };
  let bytes = 0;
  let deflated = 0;
  const rounds = Math.max(1, Math.ceil(2_000 / texts.length));
  const start = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const text of texts) {
      // One message at a time, as permessage-deflate without context takeover compresses them.
      const out = deflateRawSync(text);
      if (r === 0) {
        bytes += Buffer.byteLength(text);
        deflated += out.length;
      }
    }
  }
  const micros = ((performance.now() - start) * 1000) / (rounds * texts.length);
  return { bytes: bytes / texts.length, deflatedBytes: deflated / texts.length, microsPerMessage: micros };
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * CPU the server spends per GET /api/v1/snapshot while the snapshot does not change (a reconnect
 * storm), against what one gzip of that JSON costs (measured here, at the compression
 * middleware's default level 6): the CPU that compressing once per version saves each request.
 */
async function snapshotCpu(sf: ShowfloorProcess, json: string): Promise<LiveChannelRun['httpSnapshotCpu']> {
  const requests = 200;
  const url = `${sf.url}/api/v1/snapshot`;
  await bytesOnTheWire(url, 'gzip');
  const before = await requestUsage(sf.child);
  for (let i = 0; i < requests; i++) await bytesOnTheWire(url, 'gzip');
  const after = await requestUsage(sf.child);
  const cpuUs = after.cpuUserUs - before.cpuUserUs + after.cpuSystemUs - before.cpuSystemUs;
  const rounds = 50;
  const started = performance.now();
  for (let i = 0; i < rounds; i++) gzipSync(json, { level: 6 });
  return { servedUs: cpuUs / requests, gzipPerRequestUs: ((performance.now() - started) * 1000) / rounds, requests };
}

async function buildDay(sf: ShowfloorProcess, snapshot: Snapshot, visits: number, interactions: number): Promise<void> {
  const items = snapshot.sections.flatMap((s) => s.items.map((item) => ({ section: s.id, item: item.id })));
  const now = Date.now();
  const span = 9 * 3600_000;
  const events: object[] = [];
  for (let i = 0; i < visits; i++) {
    const section = snapshot.sections[i % snapshot.sections.length]!.id;
    events.push({ id: crypto.randomUUID(), type: 'visit', section, at: new Date(now - span + (span * i) / visits).toISOString() });
  }
  for (let i = 0; i < interactions; i++) {
    const { section, item } = items[i % items.length]!;
    const at = new Date(now - span + (span * i) / interactions).toISOString();
    const kind = i % 3;
    events.push(kind === 0 ? { id: crypto.randomUUID(), type: 'tap', section, at } : kind === 1 ? { id: crypto.randomUUID(), type: 'view', section, item, at } : { id: crypto.randomUUID(), type: 'dwell', section, item, at, ms: 5_000 + (i % 40) * 1_000 });
  }
  for (let i = 0; i < events.length; i += 500) {
    const answer = await postEvents(sf.http, sf.token, events.slice(i, i + 500));
    if (answer.status !== 200) throw new Error(`building the day: POST /api/v1/events answered ${answer.status}`);
  }
}

export async function measureLiveChannel(quick: boolean): Promise<LiveChannelRun> {
  const day = quick ? { visits: 3_000, interactions: 6_000 } : { visits: 30_000, interactions: 60_000 };
  const steadySeconds = quick ? 5 : 30;
  const sf = await startShowfloor({}, { contentDir: CONTENT_DIR });
  const clients: CountingClient[] = [];
  try {
    const first = await sf.snapshot();
    await buildDay(sf, first, day.visits, day.interactions);
    await sleep(1_500);

    const kinds = ['default', 'phone', 'kiosk', 'stage', 'console'] as const;
    const byKind = {} as Record<(typeof kinds)[number], CountingClient>;
    for (const kind of kinds) {
      byKind[kind] = await connect(sf.url, kind === 'default' ? {} : { view: kind });
      clients.push(byKind[kind]);
    }

    // Steady load: 20 kiosks × 1 interaction a second, 5 visits a second, for the window.
    const snapshot = await sf.snapshot();
    const items = snapshot.sections.flatMap((s) => s.items.map((item) => ({ section: s.id, item: item.id })));
    const started = performance.now();
    for (const c of clients) {
      c.bytes = 0;
      c.patches = 0;
    }
    let tick = 0;
    while (performance.now() - started < steadySeconds * 1000) {
      const { section, item } = items[tick % items.length]!;
      const at = new Date().toISOString();
      const events: object[] = [{ id: crypto.randomUUID(), type: 'view', section, item, at }];
      if (tick % 4 === 0) events.push({ id: crypto.randomUUID(), type: 'visit', section, at });
      await postEvents(sf.http, sf.token, events);
      tick++;
      await sleep(Math.max(0, tick * 50 - (performance.now() - started)));
    }
    const seconds = (performance.now() - started) / 1000;
    await sleep(1_200);
    const bytesPerSecond = Object.fromEntries(kinds.map((k) => [k, byKind[k].bytes / seconds])) as LiveChannelRun['bytesPerSecond'];
    const patchesPerSecond = Object.fromEntries(kinds.map((k) => [k, byKind[k].patches / seconds])) as LiveChannelRun['patchesPerSecond'];
    const screenBytes = Math.max(bytesPerSecond.kiosk, bytesPerSecond.stage);

    // A phone reconnecting with the content it holds.
    const holding = await connect(sf.url, { view: 'phone', contentVersion: snapshot.contentVersion });
    clients.push(holding);
    const plainHttp = Buffer.byteLength(JSON.stringify(await sf.snapshot()));

    return {
      day,
      steadySeconds: seconds,
      bytesPerSecond,
      patchesPerSecond,
      egressBitsPerSecond: (5_000 * bytesPerSecond.phone + 200 * screenBytes) * 8,
      fullSnapshotBytes: byKind.default.snapshotBytes[0] ?? 0,
      reconnectSnapshotBytes: holding.snapshotBytes[0] ?? 0,
      httpSnapshotBytes: { plain: plainHttp, gzip: await bytesOnTheWire(`${sf.url}/api/v1/snapshot`, 'gzip'), brotli: await bytesOnTheWire(`${sf.url}/api/v1/snapshot`, 'br') },
      httpSnapshotCpu: await snapshotCpu(sf, JSON.stringify(await sf.snapshot())),
      deflate: {
        fullPatch: deflateFigures(byKind.default.texts),
        phoneDelta: deflateFigures(byKind.phone.texts),
        snapshot: deflateFigures([JSON.stringify(snapshot)]),
      },
    };
  } finally {
    for (const c of clients) c.socket.close();
    await sf.stop();
  }
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const num = (n: number) => Math.round(n).toLocaleString('en-US');
const bits = (b: number) => (b >= 1e9 ? `${(b / 1e9).toFixed(2)} Gbit/s` : `${(b / 1e6).toFixed(1)} Mbit/s`);

/** The parts of `npm run bench` that fill the last rows (absent when run alone). */
export interface LiveChannelExtras {
  fanout?: readonly FanoutPair[];
  ingest?: readonly IngestPair[];
  startup?: StartupRun;
}

/** Server CPU per client per patch (µs): a round's CPU (its POST, commit and one patch to every client) over the clients. */
export const cpuPerClientUs = (run: FanoutPair['showfloor']): number => (run.serverCpuMsPerRound * 1000) / run.clients;

function fanoutRow(pairs: readonly FanoutPair[] | undefined): [string, boolean | undefined] {
  const pair = pairs?.length ? pairs.reduce((a, b) => (b.clients > a.clients ? b : a)) : undefined;
  if (!pair) return ['not measured (run `npm run bench`)', undefined];
  const ratio = cpuPerClientUs(pair.showfloor) / cpuPerClientUs(pair.bare);
  return [`${ratio.toFixed(2)}× (${cpuPerClientUs(pair.showfloor).toFixed(1)} vs ${cpuPerClientUs(pair.bare).toFixed(1)} µs, ${num(pair.clients)} clients)`, ratio <= 1.0];
}

function ingestRow(pairs: readonly IngestPair[] | undefined): [string, boolean | undefined] {
  if (!pairs?.length) return ['not measured (run `npm run bench`)', undefined];
  const text = pairs.map((p) => `×${p.batchSize}: ${p.ratio.toFixed(2)}× (${num(p.group.eventsPerSecond)} vs ${num(p.perRequest.eventsPerSecond)}/s)`).join('; ');
  return [text, pairs.every((p) => p.ratio >= 1.0)];
}

function startupRow(run: StartupRun | undefined): [string, boolean | undefined] {
  if (!run) return ['not measured (run `npm run bench`)', undefined];
  return [
    `${(run.showfloorMs.p50 / 1000).toFixed(2)} s (bare Express ${(run.bareMs.p50 / 1000).toFixed(2)} s; CPU ${num(run.showfloorCpuMs.p50)} vs ${num(run.bareCpuMs.p50)} ms)`,
    run.showfloorMs.p50 <= 500,
  ];
}

/** The table, every row beside its baseline and target. */
export function liveChannelReport(run: LiveChannelRun, extras: LiveChannelExtras = {}): string[] {
  const b = LIVE_CHANNEL_BASELINES;
  const row = (measure: string, now: string, measured: string, target: string, met: boolean | undefined) =>
    `| ${measure} | ${now} | ${measured} | ${target} | ${met === undefined ? '—' : met ? 'met' : 'NOT met'} |`;
  const d = run.deflate;
  const [fanoutText, fanoutMet] = fanoutRow(extras.fanout);
  const [ingestText, ingestMet] = ingestRow(extras.ingest);
  const [startupText, startupMet] = startupRow(extras.startup);
  return [
    `live channel: a day of ${num(run.day.visits)} visits and ${num(run.day.interactions)} interactions, then ${run.steadySeconds.toFixed(1)} s of steady load (20 kiosk events/s + 5 visits/s)`,
    '| measure | before | measured | target | |',
    '|---|---|---|---|---|',
    row('bytes/s received by a phone view', num(b.phoneBytesPerSecond), `${num(run.bytesPerSecond.phone)} (${run.patchesPerSecond.phone.toFixed(1)} patches/s)`, '≤ 1,000', run.bytesPerSecond.phone <= 1_000),
    row('bytes/s received by a default /live client (full counters patches, kept for integrators)', num(b.defaultBytesPerSecond), `${num(run.bytesPerSecond.default)} (${run.patchesPerSecond.default.toFixed(1)} patches/s)`, '≤ 6,000', run.bytesPerSecond.default <= 6_000),
    row('bytes/s received by a kiosk view', '54,400', num(run.bytesPerSecond.kiosk), 'as now or less', run.bytesPerSecond.kiosk <= b.defaultBytesPerSecond),
    row('bytes/s received by a stage view', '54,400', num(run.bytesPerSecond.stage), 'as now or less', run.bytesPerSecond.stage <= b.defaultBytesPerSecond),
    row('bytes/s received by a console view', '54,400', num(run.bytesPerSecond.console), 'as now or less', run.bytesPerSecond.console <= b.defaultBytesPerSecond),
    row('egress for 5,000 phones + 200 screens (views)', bits(b.egressBitsPerSecond), bits(run.egressBitsPerSecond), '≤ 50 Mbit/s', run.egressBitsPerSecond <= 50e6),
    row('reconnect snapshot for a client holding current content', kb(b.reconnectSnapshotBytes), `${kb(run.reconnectSnapshotBytes)} (full: ${kb(run.fullSnapshotBytes)})`, '≤ 8 KB', run.reconnectSnapshotBytes <= 8_000),
    row(
      'GET /api/v1/snapshot on the wire (gzip; brotli)',
      kb(b.httpSnapshotBytes),
      `${kb(run.httpSnapshotBytes.gzip)}; ${kb(run.httpSnapshotBytes.brotli)} (plain ${kb(run.httpSnapshotBytes.plain)})`,
      '≤ 25 KB',
      run.httpSnapshotBytes.gzip <= 25_000,
    ),
    row(
      'server CPU per GET /api/v1/snapshot (gzip), snapshot unchanged',
      `+${num(run.httpSnapshotCpu.gzipPerRequestUs)} µs gzip each`,
      `${num(run.httpSnapshotCpu.servedUs)} µs (compressed once per version)`,
      'no compression per request',
      undefined,
    ),
    row('fan-out CPU per client per patch vs bare socket.io', '1.14×', fanoutText, '≤ 1.0×', fanoutMet),
    row('batched ingest vs naive server (one transaction per post)', '0.64×', ingestText, '≥ 1.0×', ingestMet),
    row('start → /readyz (node dist/server/main.js, existing database)', '1.3 s', startupText, '≤ 0.5 s', startupMet),
    `permessage-deflate, per message (no context takeover): full counters patch ${num(d.fullPatch.bytes)} → ${num(d.fullPatch.deflatedBytes)} B in ${d.fullPatch.microsPerMessage.toFixed(1)} µs; ` +
      `phone delta ${num(d.phoneDelta.bytes)} → ${num(d.phoneDelta.deflatedBytes)} B in ${d.phoneDelta.microsPerMessage.toFixed(1)} µs; snapshot ${num(d.snapshot.bytes)} → ${num(d.snapshot.deflatedBytes)} B in ${d.snapshot.microsPerMessage.toFixed(0)} µs`,
  ];
}

// `npm run bench:live`: this part alone.
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const run = await measureLiveChannel(process.env.BENCH_QUICK === '1');
  for (const line of liveChannelReport(run)) process.stdout.write(`${line}\n`);
}
