import type { Engine } from '../../server/storage/storage';
import type { Counters } from '../../shared/counters.schema';
import type { PostgresServer } from '../support/postgres';
import { clock, sleep } from './clock';
import { addTally, emptyTally, makeBatch, type Tally } from './event-mix';
import { requestUsage } from './process-usage';
import { histogramMean, postEvents, startShowfloor, type ShowfloorProcess } from './showfloor';
import { summarize, type Summary } from './stats';

export type IngestMode = 'group' | 'per-request';

export interface IngestSettings {
  /** HTTP posters sending at the same time, each waiting for its answer before the next post. */
  concurrency: number;
  batchSize: number;
  durationMs: number;
}

export interface IngestRun {
  mode: IngestMode;
  concurrency: number;
  batchSize: number;
  /** Acknowledged (HTTP 200) events per second, from the first post to the last answer. */
  eventsPerSecond: number;
  ackedEvents: number;
  ackedRequests: number;
  failedRequests: number;
  /** Status codes of failed requests, with counts. */
  failures: Record<string, number>;
  elapsedMs: number;
  /** Per request: ms from sending it until its answer. */
  answerMs: Summary | undefined;
  /** Mean number of requests sharing one commit (showfloor_ingest_group_requests); per-request mode has none. */
  meanGroupRequests: number | undefined;
  serverCpu: number;
  /** Server CPU time per acknowledged event, µs. */
  serverCpuUsPerEvent: number;
  serverLoop: number;
  /** Bytes the server wrote to disk per acknowledged event during the load (WAL, checkpoints); undefined off Linux. */
  diskBytesPerEvent: number | undefined;
  /** This process (the load generator) during the load, share of one CPU: it shares the machine with the server. */
  generatorCpu: number;
  verification: Verification;
  /** Share of all CPUs busy with other work just before the run (set by run.ts). */
  backgroundCpu?: number | undefined;
}

export interface Verification {
  ok: boolean;
  expected: Tally;
  /** What GET /api/v1/snapshot counted: visits today and all time, interactions summed over sections. */
  counted: { visitorsToday: number; visitorsTotal: number; taps: number; views: number; dwells: number };
  mismatches: string[];
}

/** Compares the served counters with what the server acknowledged; a fresh database holds nothing else. */
export function verify(counters: Counters, acked: Tally): Verification {
  const sections = Object.values(counters.interactions.bySection);
  const counted = {
    visitorsToday: counters.visitors.today,
    visitorsTotal: counters.visitors.total,
    taps: sections.reduce((sum, s) => sum + s.taps, 0),
    views: sections.reduce((sum, s) => sum + s.views, 0),
    dwells: sections.reduce((sum, s) => sum + s.dwellCount, 0),
  };
  const pairs: [string, number, number][] = [
    ['visitors.today', counted.visitorsToday, acked.visits],
    ['visitors.total', counted.visitorsTotal, acked.visits],
    ['taps', counted.taps, acked.taps],
    ['views', counted.views, acked.views],
    ['dwells', counted.dwells, acked.dwells],
  ];
  const mismatches = pairs.filter(([, got, want]) => got !== want).map(([name, got, want]) => `${name}: counted ${got}, acknowledged ${want}`);
  return { ok: mismatches.length === 0, expected: acked, counted, mismatches };
}

interface Load {
  acked: Tally;
  ackedEvents: number;
  ackedRequests: number;
  failures: Record<string, number>;
  answers: number[];
  /** Summed over the windows: from each window's first post to its last answer. */
  elapsedMs: number;
  cpuMs: number;
  loopActiveMs: number;
  loopTotalMs: number;
  diskWriteBytes: number | undefined;
  generatorCpuMs: number;
}

const emptyLoad = (): Load => ({
  acked: emptyTally(),
  ackedEvents: 0,
  ackedRequests: 0,
  failures: {},
  answers: [],
  elapsedMs: 0,
  cpuMs: 0,
  loopActiveMs: 0,
  loopTotalMs: 0,
  diskWriteBytes: 0,
  generatorCpuMs: 0,
});

/**
 * One window of load: `concurrency` posters, each sending fresh batches back to back until
 * `durationMs` has passed; requests already sent then finish and count. Only a 200 with every
 * event accepted adds to the tally: fresh ids make duplicates impossible, so anything else is a
 * failure worth seeing. Adds what it measured (including the server's CPU) to `load`.
 */
async function loadWindow(server: ShowfloorProcess, settings: IngestSettings, durationMs: number, load: Load): Promise<void> {
  const before = await requestUsage(server.child);
  const generatorBefore = process.cpuUsage();
  const startedAt = clock();
  let lastAnswerAt = startedAt;
  const deadline = startedAt + durationMs;
  const poster = async () => {
    while (clock() < deadline) {
      const { events, tally } = makeBatch(settings.batchSize);
      const sentAt = clock();
      let outcome: string;
      try {
        const result = await postEvents(server.http, server.token, events);
        outcome = result.status !== 200 ? String(result.status) : result.accepted === events.length ? 'ok' : `accepted ${result.accepted}/${events.length}`;
        if (result.status === 200) {
          load.ackedEvents += result.accepted;
          if (outcome === 'ok') addTally(load.acked, tally);
        }
      } catch (error) {
        outcome = (error as Error).message;
        await sleep(10);
      }
      const answeredAt = clock();
      load.answers.push(answeredAt - sentAt);
      lastAnswerAt = Math.max(lastAnswerAt, answeredAt);
      if (outcome === 'ok') load.ackedRequests++;
      else load.failures[outcome] = (load.failures[outcome] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: settings.concurrency }, poster));
  const generator = process.cpuUsage(generatorBefore);
  const after = await requestUsage(server.child);
  load.elapsedMs += lastAnswerAt - startedAt;
  load.generatorCpuMs += (generator.user + generator.system) / 1000;
  load.cpuMs += (after.cpuUserUs - before.cpuUserUs + after.cpuSystemUs - before.cpuSystemUs) / 1000;
  load.loopActiveMs += after.loopActiveMs - before.loopActiveMs;
  load.loopTotalMs += after.loopActiveMs - before.loopActiveMs + after.loopIdleMs - before.loopIdleMs;
  load.diskWriteBytes =
    load.diskWriteBytes === undefined || after.diskWriteBytes === undefined || before.diskWriteBytes === undefined
      ? undefined
      : load.diskWriteBytes + after.diskWriteBytes - before.diskWriteBytes;
}

interface IngestServer {
  mode: IngestMode;
  server: ShowfloorProcess;
  /** Stops the server and removes its database. */
  stop(): Promise<void>;
  /** Events acknowledged during the warm-up, counted in the verification. */
  warm: Tally;
  dayBefore: string;
  load: Load;
}

/**
 * A fresh showfloor (own process, own database) in `mode`, warmed up: every poster's connection
 * is opened (a handshake while the server is saturated would wait behind whole commits and show up
 * as a multi-second answer), then a few full batches compile the server's code paths. Their events
 * are verified too. With `postgres`, its database is a new one on that server instead of SQLite.
 */
async function openIngestServer(mode: IngestMode, settings: IngestSettings, postgres?: PostgresServer): Promise<IngestServer> {
  const databaseUrl = postgres ? await postgres.createDatabase() : undefined;
  const dropDatabase = async () => {
    if (postgres && databaseUrl) await postgres.dropDatabase(databaseUrl);
  };
  let server: ShowfloorProcess;
  try {
    server = await startShowfloor({ INGEST_COMMIT: mode, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
  } catch (error) {
    await dropDatabase();
    throw error;
  }
  const stop = async () => {
    await server.stop();
    await dropDatabase();
  };
  try {
    const warm = emptyTally();
    const warmPost = async (size: number) => {
      const { events, tally } = makeBatch(size);
      const result = await postEvents(server.http, server.token, events);
      if (result.status !== 200 || result.accepted !== events.length) throw new Error(`warm-up post answered ${result.status}`);
      addTally(warm, tally);
    };
    await Promise.all(Array.from({ length: settings.concurrency }, () => warmPost(1)));
    for (let i = 0; i < 20; i++) await warmPost(settings.batchSize);
    return { mode, server, stop, warm, dayBefore: (await server.snapshot()).counters.day, load: emptyLoad() };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function finish({ mode, server, warm, dayBefore, load }: IngestServer, settings: IngestSettings): Promise<IngestRun> {
  addTally(warm, load.acked);
  const counters = (await server.snapshot()).counters;
  const verification = verify(counters, warm);
  // "today" restarts at midnight in TIME_ZONE; only the all-time total is comparable then.
  if (counters.day !== dayBefore) verification.mismatches.push(`(the day turned during the run: ${dayBefore} → ${counters.day})`);
  const failedRequests = Object.values(load.failures).reduce((sum, n) => sum + n, 0);
  return {
    mode,
    concurrency: settings.concurrency,
    batchSize: settings.batchSize,
    eventsPerSecond: load.ackedEvents / (load.elapsedMs / 1000),
    ackedEvents: load.ackedEvents,
    ackedRequests: load.ackedRequests,
    failedRequests,
    failures: load.failures,
    elapsedMs: load.elapsedMs,
    answerMs: summarize(load.answers),
    meanGroupRequests: histogramMean(await server.metrics(), 'showfloor_ingest_group_requests'),
    serverCpu: load.cpuMs / load.elapsedMs,
    serverCpuUsPerEvent: (load.cpuMs * 1000) / load.ackedEvents,
    serverLoop: load.loopTotalMs > 0 ? load.loopActiveMs / load.loopTotalMs : 0,
    diskBytesPerEvent: load.diskWriteBytes === undefined ? undefined : load.diskWriteBytes / load.ackedEvents,
    generatorCpu: load.generatorCpuMs / load.elapsedMs,
    verification,
  };
}

/** Group commit and the naive server measured in the same run. */
export interface IngestPair {
  engine: Engine;
  batchSize: number;
  group: IngestRun;
  perRequest: IngestRun;
  /** group ÷ naive, of acknowledged events per second. */
  ratio: number;
}

/**
 * Group commit against the naive server (one transaction per post), each on a fresh database in
 * its own process, in alternating windows (`rounds` each, `durationMs` in all per server): other
 * work on a shared machine, and the disk's mood, weigh on both alike. On SQLite, or on a new
 * database of `postgres` for each server when given.
 */
export async function measureIngestPair(settings: IngestSettings, rounds: number, postgres?: PostgresServer): Promise<IngestPair> {
  const opened: IngestServer[] = [];
  try {
    for (const mode of ['group', 'per-request'] as const) opened.push(await openIngestServer(mode, settings, postgres));
    const window = settings.durationMs / rounds;
    for (let round = 0; round < rounds; round++) {
      // Who goes first alternates too.
      const order = round % 2 === 0 ? opened : [...opened].reverse();
      for (const server of order) await loadWindow(server.server, settings, window, server.load);
    }
    const [group, perRequest] = [await finish(opened[0]!, settings), await finish(opened[1]!, settings)];
    if (postgres) {
      // PostgreSQL's own processes write the WAL and the tables: the server's writes would say 0 B.
      group.diskBytesPerEvent = undefined;
      perRequest.diskBytesPerEvent = undefined;
    }
    return { engine: postgres ? 'postgres' : 'sqlite', batchSize: settings.batchSize, group, perRequest, ratio: group.eventsPerSecond / perRequest.eventsPerSecond };
  } finally {
    for (const server of opened) await server.stop();
  }
}
