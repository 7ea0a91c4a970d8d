import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** What a running npm run cluster started, kept in its data folder for `--kill` and for the tests. */
export const ClusterStateSchema = z.object({
  /** The npm run cluster process itself. */
  pid: z.number().int().positive(),
  port: z.number().int(),
  nodes: z.array(z.object({ id: z.string(), port: z.number().int(), pid: z.number().int().positive().optional() })),
  services: z.record(z.string(), z.number().int().positive()),
});
export type ClusterState = z.infer<typeof ClusterStateSchema>;

const FILE = 'cluster.json';

export function writeClusterState(dataDir: string, state: ClusterState): void {
  writeFileSync(join(dataDir, FILE), `${JSON.stringify(state, null, 2)}\n`);
}

export function removeClusterState(dataDir: string): void {
  rmSync(join(dataDir, FILE), { force: true });
}

/** The state of the cluster running from `dataDir`, or undefined when none runs (a stale file is ignored). */
export function runningCluster(dataDir: string): ClusterState | undefined {
  let text: string;
  try {
    text = readFileSync(join(dataDir, FILE), 'utf8');
  } catch {
    return undefined;
  }
  const parsed = ClusterStateSchema.safeParse(JSON.parse(text));
  return parsed.success && isAlive(parsed.data.pid) ? parsed.data : undefined;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * `npm run cluster -- --kill`: SIGKILLs one node of the running cluster, chosen at random, as a
 * crashed machine would stop. Returns what to tell the operator; throws when no cluster runs.
 */
export function killRandomNode(dataDir: string, random: () => number = Math.random): string {
  const state = runningCluster(dataDir);
  if (!state) throw new Error(`No cluster is running from ${dataDir}: start one with npm run cluster.`);
  const alive = state.nodes.filter((node) => node.pid !== undefined && isAlive(node.pid));
  if (alive.length === 0) throw new Error('No node is running right now (they are being restarted): try again in a few seconds.');
  const victim = alive[Math.floor(random() * alive.length)]!;
  process.kill(victim.pid!, 'SIGKILL');
  return `Killed ${victim.id} (pid ${victim.pid}, port ${victim.port}) with SIGKILL. npm run cluster starts it again after 3 s; meanwhile HAProxy sends everything to the other nodes.`;
}
