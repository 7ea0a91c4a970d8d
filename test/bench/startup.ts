/**
 * Start → /readyz (issue 15): the compiled server (`npm run build:server`, then
 * `node dist/server/main.js`, as `npm start` runs it) on an existing database, beside a bare
 * Express server compiled and started the same way, alternating, in the same run. Each start is
 * timed from spawning `node` until GET /readyz first answers 200.
 */
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ADMIN_PASSWORD } from '../support/test-server';
import { clock, sleep } from './clock';
import { summarize, type Summary } from './stats';

const ROOT = resolve(import.meta.dirname, '../..');
const SERVER_BUNDLE = join(ROOT, 'dist/server/main.js');

export interface StartupRun {
  runs: number;
  showfloorMs: Summary;
  bareMs: Summary;
  /** CPU time each process had used when /readyz first answered (Linux; 10 ms resolution): less swayed by other work on the machine than the wall time. */
  showfloorCpuMs: Summary;
  bareCpuMs: Summary;
  /** showfloor ÷ bare, of the medians. */
  ratio: number;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => done(port));
    });
    probe.on('error', fail);
  });
}

function readyzAnswers(port: number): Promise<boolean> {
  return new Promise((done) => {
    get({ host: '127.0.0.1', port, path: '/readyz', agent: false }, (res) => {
      res.resume();
      done(res.statusCode === 200);
    }).on('error', () => done(false));
  });
}

/** utime + stime of a process so far, in ms, from /proc (NaN where there is none). */
function cpuMsOf(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}
const CLOCK_TICKS_PER_SECOND = 100;

/** Spawns `node bundle`, polls /readyz every 2 ms, and stops it; resolves with ms from spawn to the first 200, and the CPU ms it had used. */
async function timeStart(bundle: string, env: Record<string, string>): Promise<{ wallMs: number; cpuMs: number }> {
  const port = await freePort();
  const started = clock();
  const child = spawn(process.execPath, [bundle], { cwd: ROOT, env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: 'ignore' });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let exitedEarly = false;
  void exited.then(() => (exitedEarly = true));
  try {
    for (;;) {
      if (await readyzAnswers(port)) return { wallMs: clock() - started, cpuMs: cpuMsOf(child.pid) };
      if (exitedEarly) throw new Error(`${bundle} exited before /readyz answered`);
      if (clock() - started > 30_000) throw new Error(`${bundle}: /readyz did not answer within 30 s`);
      await sleep(2);
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

export async function measureStartup(quick: boolean): Promise<StartupRun> {
  const work = mkdtempSync(join(process.env.BENCH_DATA_DIR ?? tmpdir(), 'showfloor-bench-start-'));
  try {
    // Built as production builds it; the bare server with the same esbuild settings.
    execFileSync('npm', ['run', '--silent', 'build:server'], { cwd: ROOT, stdio: 'inherit' });
    // Inside the project, so that its imports resolve from node_modules as the server's do.
    const bareBundle = join(ROOT, 'node_modules/.cache/showfloor-bench/bare-express.js');
    execFileSync(
      join(ROOT, 'node_modules/.bin/esbuild'),
      [join(ROOT, 'test/bench/bare-express-process.ts'), '--bundle', '--platform=node', '--format=esm', '--packages=external', '--target=node20', `--outfile=${bareBundle}`, '--log-level=warning'],
      { cwd: ROOT, stdio: 'inherit' },
    );
    const env = {
      DATA_DIR: join(work, 'data'),
      CONTENT_DIR: join(ROOT, 'content'),
      SHOWFLOOR_ADMIN_PASSWORD: ADMIN_PASSWORD,
      LOG_LEVEL: 'silent',
    };
    // The first start creates and seeds the database; the measured ones find it there.
    await timeStart(SERVER_BUNDLE, env);
    const runs = quick ? 3 : 7;
    const showfloor: { wallMs: number; cpuMs: number }[] = [];
    const bare: { wallMs: number; cpuMs: number }[] = [];
    for (let i = 0; i < runs; i++) {
      showfloor.push(await timeStart(SERVER_BUNDLE, env));
      bare.push(await timeStart(bareBundle, {}));
    }
    const showfloorMs = summarize(showfloor.map((r) => r.wallMs))!;
    const bareMs = summarize(bare.map((r) => r.wallMs))!;
    return {
      runs,
      showfloorMs,
      bareMs,
      showfloorCpuMs: summarize(showfloor.map((r) => r.cpuMs))!,
      bareCpuMs: summarize(bare.map((r) => r.cpuMs))!,
      ratio: showfloorMs.p50 / bareMs.p50,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function startupLine(run: StartupRun): string {
  const f = (n: number) => n.toFixed(0);
  return (
    `start → /readyz, median of ${run.runs}: showfloor ${f(run.showfloorMs.p50)} ms (CPU ${f(run.showfloorCpuMs.p50)} ms), ` +
    `bare Express ${f(run.bareMs.p50)} ms (CPU ${f(run.bareCpuMs.p50)} ms): ${run.ratio.toFixed(2)}×`
  );
}

// `npx tsx test/bench/startup.ts`: this part alone.
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const run = await measureStartup(process.env.BENCH_QUICK === '1');
  process.stdout.write(`${startupLine(run)}\n`);
}
