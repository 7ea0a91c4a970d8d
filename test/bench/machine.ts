import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { sleep } from './clock';
import { ephemeralPortCount, openFilesLimit } from './limits';

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryMb: number;
  node: string;
  platform: string;
  release: string;
  arch: string;
  openFiles: { soft: number; hard: number } | undefined;
  ephemeralPorts: number | undefined;
  /** Where the benchmark databases live, and its file system: fsync cost depends on it (tmpfs would make it free). */
  dataDir: string;
  dataDirFileSystem: string | undefined;
  /** 1-minute load average when the bench started. */
  loadAverage: number;
  /** The code measured: HEAD and the files under server/ and shared/ that differ from it. */
  source: { commit: string | undefined; uncommittedServerFiles: string[] };
}

/** Git state of the code under test, so figures can be tied to a commit (empty when git is missing). */
function sourceState(): MachineInfo['source'] {
  const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    const changed = git('status', '--porcelain', '--', 'server', 'shared');
    return { commit: git('rev-parse', 'HEAD'), uncommittedServerFiles: changed ? changed.split('\n').map((line) => line.slice(3)) : [] };
  } catch {
    return { commit: undefined, uncommittedServerFiles: [] };
  }
}

/** Busy and total CPU time of the whole machine so far, in clock ticks (/proc/stat); undefined off Linux. */
function machineTicks(): { busy: number; total: number } | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const total = fields.reduce((sum, v) => sum + v, 0);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    return { busy: total - idle, total };
  } catch {
    return undefined;
  }
}

/**
 * Share of all CPUs busy over `ms` while the bench itself is idle. Servers, clients and load
 * generator share this machine's CPUs, so anything else running skews every figure.
 */
export async function backgroundCpu(ms = 1_000): Promise<number | undefined> {
  const before = machineTicks();
  await sleep(ms);
  const after = machineTicks();
  if (!before || !after || after.total === before.total) return undefined;
  return (after.busy - before.busy) / (after.total - before.total);
}

function fileSystemOf(path: string): string | undefined {
  try {
    return execFileSync('stat', ['-f', '-c', '%T', path], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

export function machineInfo(): MachineInfo {
  const dataDir = process.env.BENCH_DATA_DIR ?? tmpdir();
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryMb: Math.round(totalmem() / 2 ** 20),
    node: process.version,
    platform: process.platform,
    release: release(),
    arch: process.arch,
    openFiles: openFilesLimit(),
    ephemeralPorts: ephemeralPortCount(),
    dataDir,
    dataDirFileSystem: fileSystemOf(dataDir),
    loadAverage: loadavg()[0] ?? 0,
    source: sourceState(),
  };
}

/**
 * Waits (up to `maxWaitMs`) for the machine to be quiet: other work on a shared machine, such as
 * a browser test run, would skew the next measurement. Resolves with the last reading and how
 * long it waited; the caller warns when it is still busy.
 */
export async function waitForQuiet(threshold: number, maxWaitMs: number): Promise<{ busy: number | undefined; waitedMs: number }> {
  const started = Date.now();
  for (;;) {
    const busy = await backgroundCpu(500);
    const waitedMs = Date.now() - started;
    if (busy === undefined || busy <= threshold || waitedMs >= maxWaitMs) return { busy, waitedMs };
  }
}
