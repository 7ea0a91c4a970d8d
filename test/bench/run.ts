/**
 * showfloor benchmark (`npm run bench`): live fan-out latency against a bare socket.io baseline,
 * durable ingest throughput with group commit against one transaction per event, and the pages'
 * budgets in Chromium (JavaScript weight of every app, kiosk paint and attract loop, stage frame
 * time while patches stream). Prints tables and a summary, and writes every figure to
 * bench-results/bench.json.
 *
 * Environment:
 *   BENCH_QUICK=1      small smoke run: 200 clients, 5 rounds, 1 s of ingest, 3 kiosk loads, 5 s stage windows
 *   BENCH_CLIENTS=…    comma-separated client counts instead of the default 1000,5000
 *   BENCH_CLUSTER=1    also fan-out over three nodes (PostgreSQL + Redis) vs one, and the owner failover time (cluster-fanout.ts)
 *   BENCH_DATA_DIR=…   where the benchmark databases go (default os.tmpdir(); must be a real disk)
 *   SHOWFLOOR_WEB_DIR  measure this build of the pages (default: build the current sources into a temp dir)
 *   CHROMIUM_PATH      the Chromium to drive (default /usr/bin/chromium)
 *   KIOSK_BENCH_LOADS, KIOSK_BENCH_ATTRACT_SECONDS, STAGE_BENCH_SECONDS, STAGE_BENCH_VIEWPORT,
 *   STAGE_BENCH_SCENE_SECONDS: see kiosk-bench.ts and stage-bench.ts
 *
 * Processes: this one only orchestrates and sends the POSTs; each server (showfloor or bare
 * socket.io) and each server's fan-out clients run in child processes, so no side steals
 * another's event loop. Showfloor and bare rounds alternate, so other work on a shared machine
 * weighs on both alike; before each measurement the bench waits briefly for the machine to be quiet.
 * The page benches run last, each with its own server process and Chromium, one after another.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FanoutSession, measureInterleaved, type FanoutPair, type FanoutSettings } from './fanout';
import { showfloorTarget, startBare } from './fanout-targets';
import { measureIngestPair, type IngestPair, type IngestSettings } from './ingest';
import { benchFollow, followSettingsFromEnv } from './follow-bench';
import { benchKiosk, kioskSettingsFromEnv } from './kiosk-bench';
import type { PagesRun } from './pages';
import { benchPhoneAndConsole } from './phone-console-bench';
import { benchStage, stageSettingsFromEnv } from './stage-bench';
import { prepareWebDir } from './web-dir';
import { fdsNeeded } from './limits';
import { machineInfo, waitForQuiet } from './machine';
import { probeCommitMs } from './disk-probe';
import { count, ms, percent, verdict } from './format';
import { GZIP_LEVEL } from './page-weight';
import { fanoutTable, followTable, ingestTable, kioskTable, pageWeightTable, stageTable, targetsTable } from './report';
import { startShowfloor } from './showfloor';
import { liveChannelReport, measureLiveChannel, type LiveChannelRun } from './live-channel';
import { measureStartup, startupLine, type StartupRun } from './startup';
import type { Summary } from './stats';
import { targetChecks } from './targets';
import { startPostgres, type PostgresCluster, type PostgresServer } from '../support/postgres';
import { benchClusterFanout, clusterFanoutReport, clusterSettingsFromEnv, type ClusterFanoutRun } from './cluster-fanout';

const RESULTS_DIR = resolve(import.meta.dirname, '../../bench-results');

const quick = process.env.BENCH_QUICK === '1';
const clientCounts = process.env.BENCH_CLIENTS
  ? process.env.BENCH_CLIENTS.split(',').map((n) => {
      const clients = Number(n.trim());
      if (!Number.isInteger(clients) || clients < 1) throw new Error(`BENCH_CLIENTS: "${n}" is not a positive whole number`);
      return clients;
    })
  : quick
    ? [200]
    : [1000, 5000];
const fanoutSettings: Omit<FanoutSettings, 'clients'> = {
  rounds: quick ? 5 : 30,
  warmupRounds: quick ? 2 : 3,
  // Well above COUNTER_PATCH_INTERVAL_MS (100 ms): every POST finds the throttle idle and is sent at once.
  spacingMs: 250,
  roundTimeoutMs: 10_000,
  connectConcurrency: 50,
  connectTimeoutMs: 20_000,
};
const ingestSettings: IngestSettings = { concurrency: 64, batchSize: 50, durationMs: quick ? 2_000 : 8_000 };
const ingestBatchSizes = [1, 50];
const ingestRounds = quick ? 4 : 8;
const kioskSettings = kioskSettingsFromEnv(quick);
const stageSettings = stageSettingsFromEnv(quick);
const followSettings = followSettingsFromEnv(quick);

const machine = machineInfo();
const problems: string[] = [];
const warnings: string[] = [];
/** Other work above this share of all CPUs makes a measurement suspect. */
const BUSY_WARNING = 0.15;
const say = (text = '') => process.stdout.write(`${text}\n`);

/** Waits a little for other work on the machine to pause before a measurement, and warns if it does not. */
async function checkQuiet(what: string): Promise<number | undefined> {
  const { busy, waitedMs } = await waitForQuiet(BUSY_WARNING, quick ? 5_000 : 60_000);
  if (waitedMs > 1_000) say(`  waited ${(waitedMs / 1000).toFixed(0)} s for other work on the machine to pause`);
  if (busy !== undefined && busy > BUSY_WARNING) {
    const warning = `${what}: ${percent(busy)} of the CPUs were busy with other work just before it ran; its figures are noisy`;
    warnings.push(warning);
    say(`  warning: ${warning}`);
  }
  return busy;
}

async function fanoutPair(clients: number): Promise<FanoutPair> {
  const settings = { ...fanoutSettings, clients };
  // Undone in reverse order, whatever fails: clients first, then their servers.
  const cleanup: (() => Promise<void>)[] = [];
  try {
    const showfloor = await startShowfloor();
    cleanup.push(() => showfloor.stop());
    const sf = await FanoutSession.open(showfloorTarget(showfloor), settings);
    cleanup.push(() => sf.close());
    for (let i = 0; i < settings.warmupRounds; i++) await sf.round();

    // The bare server emits what showfloor sends: a real counters patch, the same bytes.
    const counters = (await showfloor.snapshot()).counters;
    const bare = await startBare(counters);
    cleanup.push(() => bare.stop());
    const bareSession = await FanoutSession.open(bare.target, settings);
    cleanup.push(() => bareSession.close());
    for (let i = 0; i < settings.warmupRounds; i++) await bareSession.round();

    const background = await checkQuiet(`fan-out ${count(clients)} clients`);
    const [sfRun, bareRun] = await measureInterleaved(sf, bareSession, settings.rounds);
    const ratio = (pick: (s: Summary) => number) => (sfRun.lastClientMs && bareRun.lastClientMs ? pick(sfRun.lastClientMs) / pick(bareRun.lastClientMs) : undefined);
    return {
      clients,
      backgroundCpu: background,
      payloadBytes: Buffer.byteLength(JSON.stringify({ seq: 1, type: 'counters', counters })),
      showfloor: sfRun,
      bare: bareRun,
      ratio: { p50: ratio((s) => s.p50), p99: ratio((s) => s.p99) },
    };
  } finally {
    for (const step of cleanup.reverse()) {
      await step().catch((error: unknown) => say(`  warning: cleanup failed: ${(error as Error).message}`));
    }
  }
}

/** Group commit against the naive server for each batch size, on SQLite or on `postgres`; a pair that fails is a problem, the others still run. */
async function measureIngest(postgres?: PostgresServer): Promise<IngestPair[]> {
  const engine = postgres ? 'PostgreSQL' : 'SQLite';
  const measured: IngestPair[] = [];
  for (const batchSize of ingestBatchSizes) {
    say(`ingest on ${engine}: ${batchSize === 1 ? 'single events' : `${batchSize}-event batches`}, group commit against the naive server …`);
    try {
      const background = await checkQuiet(`ingest on ${engine} ×${batchSize}`);
      const pair = await measureIngestPair({ ...ingestSettings, batchSize }, ingestRounds, postgres);
      pair.group.backgroundCpu = background;
      measured.push(pair);
      for (const run of [pair.group, pair.perRequest]) {
        if (!run.verification.ok) problems.push(`ingest on ${engine} ${run.mode} ×${batchSize}: counters do not match: ${run.verification.mismatches.join('; ')}`);
      }
    } catch (error) {
      problems.push(`ingest on ${engine} ×${batchSize} failed: ${(error as Error).message}`);
      say(`  failed: ${(error as Error).message}`);
    }
  }
  return measured;
}

/** The ingest pairs on a private PostgreSQL cluster started for them and stopped after. */
async function measurePostgresIngest(): Promise<IngestPair[]> {
  say('ingest on PostgreSQL: starting a private cluster …');
  let cluster: PostgresCluster;
  try {
    cluster = await startPostgres();
  } catch (error) {
    problems.push(`ingest on PostgreSQL not measured: ${(error as Error).message}`);
    say(`  failed: ${(error as Error).message}`);
    return [];
  }
  try {
    return await measureIngest(cluster);
  } finally {
    await cluster.stop();
  }
}

/**
 * The page benches, one after another, each on its own server and Chromium. A part that fails is
 * a problem in the summary; the others still run.
 */
async function measurePages(): Promise<PagesRun | undefined> {
  say(process.env.SHOWFLOOR_WEB_DIR ? `pages: copying ${process.env.SHOWFLOOR_WEB_DIR} …` : 'pages: building the current sources into a temporary directory (vite build) …');
  let web: Awaited<ReturnType<typeof prepareWebDir>>;
  try {
    web = await prepareWebDir();
  } catch (error) {
    problems.push(`pages not measured: ${(error as Error).message}`);
    say(`  failed: ${(error as Error).message}`);
    return undefined;
  }
  const pages: PagesRun = { web: { source: web.source, from: web.from }, backgroundCpu: {} };
  const part = async <T>(name: string, measure: () => Promise<T>): Promise<T | undefined> => {
    say(`pages: ${name} …`);
    try {
      pages.backgroundCpu[name] = await checkQuiet(`pages ${name}`);
      return await measure();
    } catch (error) {
      problems.push(`pages ${name} failed: ${(error as Error).message}`);
      say(`  failed: ${(error as Error).message}`);
      return undefined;
    }
  };
  try {
    pages.phoneConsole = await part('phone and console weight', () => benchPhoneAndConsole(web.dir));
    pages.kiosk = await part('kiosk', () => benchKiosk(web.dir, kioskSettings));
    pages.stage = await part('stage', () => benchStage(web.dir, stageSettings));
    pages.follow = await part('screens following an operator', () => benchFollow(web.dir, followSettings));
  } finally {
    web.remove();
  }
  if (pages.stage && pages.stage.failedPosts > 0) problems.push(`stage: ${pages.stage.failedPosts} event posts were refused while streaming`);
  return pages;
}

/** Client counts whose sockets fit under the open-files limit; the rest are skipped with a warning. */
function runnableClientCounts(): { runnable: number[]; skipped: { clients: number; reason: string }[] } {
  const runnable: number[] = [];
  const skipped: { clients: number; reason: string }[] = [];
  for (const clients of clientCounts) {
    const need = fdsNeeded(clients);
    if (machine.openFiles && machine.openFiles.soft < need) {
      skipped.push({ clients, reason: `needs ~${need} open files per process, ulimit -n is ${machine.openFiles.soft} (raise it, e.g. ulimit -n ${need})` });
    } else {
      runnable.push(clients);
    }
  }
  if (!machine.openFiles) say('warning: could not read the open-files limit; connecting anyway');
  const ports = machine.ephemeralPorts;
  const totalClients = runnable.reduce((sum, n) => sum + 2 * n, 0);
  if (ports !== undefined && totalClients > ports * 0.8) {
    say(`warning: ${count(totalClients)} client connections against ${count(ports)} ephemeral ports; ports in TIME_WAIT may run out`);
  }
  return { runnable, skipped };
}

async function main(): Promise<void> {
  const startedAt = new Date();
  say(`showfloor bench${quick ? ' (BENCH_QUICK: smoke-test sizes)' : ''} — ${startedAt.toISOString()}`);
  say(`${machine.cpus} × ${machine.cpuModel}, ${count(machine.memoryMb)} MB, Node ${machine.node}, ${machine.platform} ${machine.release}`);
  say(`open files ${machine.openFiles ? `${machine.openFiles.soft}/${machine.openFiles.hard}` : 'unknown'}; databases in ${machine.dataDir} (${machine.dataDirFileSystem ?? 'unknown fs'})`);
  const { commit, uncommittedServerFiles } = machine.source;
  say(`code: ${commit?.slice(0, 7) ?? 'unknown commit'}${uncommittedServerFiles.length ? ` + uncommitted changes in ${uncommittedServerFiles.join(', ')}` : ''}`);
  if (machine.dataDirFileSystem === 'tmpfs') say('warning: the data directory is on tmpfs, where fsync costs nothing; set BENCH_DATA_DIR to a real disk');
  const commitMs = probeCommitMs(machine.dataDir);
  say(`one durable SQLite commit (WAL, synchronous=FULL) on that disk: p50 ${ms(commitMs?.p50)} ms, p99 ${ms(commitMs?.p99)} ms`);
  say();

  // (0) The live channel's weight (issue 15): the issue's table, each row beside its baseline.
  say('live channel: building a day on the bundled exhibition …');
  let live: LiveChannelRun | undefined;
  try {
    live = await measureLiveChannel(quick);
    for (const line of liveChannelReport(live)) say(`  ${line}`);
  } catch (error) {
    problems.push(`live channel failed: ${(error as Error).message}`);
    say(`  failed: ${(error as Error).message}`);
  }
  say();

  // (a) Fan-out
  const { runnable, skipped } = runnableClientCounts();
  for (const s of skipped) say(`warning: skipping ${count(s.clients)} clients: ${s.reason}`);
  const pairs: FanoutPair[] = [];
  for (const clients of runnable) {
    say(`fan-out: ${count(clients)} clients …`);
    try {
      pairs.push(await fanoutPair(clients));
    } catch (error) {
      problems.push(`fan-out with ${clients} clients failed: ${(error as Error).message}`);
      say(`  failed: ${(error as Error).message}`);
    }
  }

  // (b) Durable ingest: group commit against the naive server (one transaction per post), single
  // events and 50-event batches, each pair in alternating windows on fresh databases; on SQLite,
  // then the same load on PostgreSQL (a private cluster started for it).
  const ingest: IngestPair[] = [...(await measureIngest()), ...(await measurePostgresIngest())];
  const ingestSqlite = ingest.filter((pair) => pair.engine === 'sqlite');

  // (b2) Start → /readyz of the compiled server on an existing database, beside a bare Express.
  say('start-up: node dist/server/main.js on an existing database, beside a bare Express …');
  let startup: StartupRun | undefined;
  try {
    await checkQuiet('start-up');
    startup = await measureStartup(quick);
    say(`  ${startupLine(startup)}`);
  } catch (error) {
    problems.push(`start-up failed: ${(error as Error).message}`);
    say(`  failed: ${(error as Error).message}`);
  }

  // Every row of issue 15's table is measured by now; printed before the (long) page benches, and again at the end.
  const issueTable = live ? ["Issue 15 — the live channel's table, every row from this run", ...liveChannelReport(live, { fanout: pairs, ingest: ingestSqlite, startup }).map((line) => `  ${line}`)] : [];
  say();
  for (const line of issueTable) say(line);
  say();

  // (c) Pages, after the servers above have gone: Chromium needs the CPUs as much as they did.
  const pages = await measurePages();

  say();
  if (pairs.length > 0) {
    say(
      `Fan-out — ms from sending POST until the patch arrived; ${fanoutSettings.rounds} rounds per server, ${fanoutSettings.spacingMs} ms apart, ` +
        `showfloor and bare alternating, after ${fanoutSettings.warmupRounds} warm-up rounds each`,
    );
    say('  last = until the last of N clients had it (per round); each = every single delivery');
    say(fanoutTable(pairs));
    for (const pair of pairs) {
      say(
        `  ${count(pair.clients)} clients: payload ${count(pair.payloadBytes)} bytes; clock offset clients−bench ${ms(pair.showfloor.clockOffsetMs)}/${ms(pair.bare.clockOffsetMs)} ms ` +
          `(IPC RTT ${pair.showfloor.clockRttMs.toFixed(2)}/${pair.bare.clockRttMs.toFixed(2)} ms); connect ${(pair.showfloor.connectMs / 1000).toFixed(1)}/${(pair.bare.connectMs / 1000).toFixed(1)} s`,
      );
    }
    say();
  }
  if (ingest.length > 0) {
    say(
      `Durable ingest — ${ingestSettings.concurrency} concurrent posters for ${ingestSettings.durationMs / 1000} s per server in ${ingestRounds} alternating windows, ` +
        'SQLite synchronous=FULL, PostgreSQL fsync on (a private cluster, default pool of 10); naive = the same server committing each post in its own transaction',
    );
    say(ingestTable(ingest));
    say();
  }

  if (pages) {
    const source = pages.web.source === 'built' ? 'built from the current sources' : `copied from ${pages.web.from}`;
    say(`Pages — JavaScript a first visit loads (new browser context: no cache, no service worker), each file gzipped at level ${GZIP_LEVEL}; pages ${source}`);
    say(pageWeightTable(pages));
    say();
    if (pages.kiosk) {
      say(
        `Kiosk — 1080×1920, medians of ${pages.kiosk.loads} cold loads (warm: reloaded with the service worker); baseline: the landing page / (HTML and CSS, no script) ` +
          `loaded cold alternately; attract loop and the idle landing page watched ${kioskSettings.attractSeconds} s each`,
      );
      say(kioskTable(pages.kiosk));
      say();
    }
    if (pages.stage) {
      const { width, height } = pages.stage.viewport;
      say(
        `Stage — ${width}×${height}, paired, scenes every ${pages.stage.sceneSeconds} s; the same page ${stageSettings.seconds} s idle, ` +
          `then ${stageSettings.seconds} s while counter patches stream (events posted every 50 ms)`,
      );
      say(stageTable(pages.stage));
      say();
    }
    if (pages.follow) {
      say(
        `Screens following an operator — ${pages.follow.rounds} rounds: an item's title edited (PUT) while a phone and a kiosk show it, ` +
          'an announcement sent to a stage display; from sending the request to the page showing the change',
      );
      say(followTable(pages.follow));
      say();
    }
  }

  for (const line of issueTable) say(line);
  if (issueTable.length > 0) say();

  // Several nodes (PostgreSQL, Redis and three server processes): only when asked for, it takes minutes.
  let cluster: ClusterFanoutRun | undefined;
  if (process.env.BENCH_CLUSTER === '1') {
    cluster = await benchClusterFanout(clusterSettingsFromEnv());
    say(clusterFanoutReport(cluster));
    say();
  }

  const checks = targetChecks(pairs, ingest, pages);
  say('Summary');
  say(targetsTable(checks));
  for (const s of skipped) say(`  skipped ${count(s.clients)} clients: ${s.reason}`);
  for (const w of warnings) say(`  warning: ${w}`);
  for (const p of problems) say(`  problem: ${p}`);

  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = resolve(RESULTS_DIR, 'bench.json');
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        timestamp: startedAt.toISOString(),
        finishedAt: new Date().toISOString(),
        quick,
        machine,
        commitProbeMs: commitMs,
        settings: { clientCounts, fanout: fanoutSettings, ingest: ingestSettings, kiosk: kioskSettings, stage: stageSettings, follow: followSettings, gzipLevel: GZIP_LEVEL },
        fanout: pairs,
        fanoutSkipped: skipped,
        ingest,
        startup,
        liveChannel: live,
        cluster,
        pages,
        targets: checks.map((c) => ({ ...c, result: verdict(c.met) })),
        warnings,
        problems,
      },
      null,
      2,
    )}\n`,
  );
  say(`\nwritten: ${file}`);
  process.exitCode = problems.length > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
