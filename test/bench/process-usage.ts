import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Child } from './children';
import type { FromServer, ProcessUsage, ToServer } from './ipc';

function diskWriteBytes(): number | undefined {
  try {
    const match = /^write_bytes: (\d+)$/m.exec(readFileSync('/proc/self/io', 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** This process's cumulative CPU time, event-loop busy/idle time and disk writes. */
export function processUsage(): ProcessUsage {
  const cpu = process.cpuUsage();
  const loop = performance.eventLoopUtilization();
  return { cpuUserUs: cpu.user, cpuSystemUs: cpu.system, loopActiveMs: loop.active, loopIdleMs: loop.idle, diskWriteBytes: diskWriteBytes() };
}

/** Share of one CPU and of the event loop used between two readings, as fractions (1 = one full core / always busy). */
export function usageBetween(before: ProcessUsage, after: ProcessUsage, wallMs: number): { cpu: number; loop: number; diskWriteBytes: number | undefined } {
  const cpuMs = (after.cpuUserUs - before.cpuUserUs + after.cpuSystemUs - before.cpuSystemUs) / 1000;
  const active = after.loopActiveMs - before.loopActiveMs;
  const idle = after.loopIdleMs - before.loopIdleMs;
  const written = after.diskWriteBytes !== undefined && before.diskWriteBytes !== undefined ? after.diskWriteBytes - before.diskWriteBytes : undefined;
  return { cpu: cpuMs / wallMs, loop: active + idle > 0 ? active / (active + idle) : 0, diskWriteBytes: written };
}

/** Asks a server child for its usage reading. */
export async function requestUsage(child: Child<ToServer, FromServer>): Promise<ProcessUsage> {
  child.send({ cmd: 'usage' });
  return (await child.next('usage', 30_000)).usage;
}
