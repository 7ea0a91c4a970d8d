/** The log lines a node writes when its owner lease changes (server/cluster/owner-lease.ts). */
const LEASE = 'live owner lease';
const TAKEN = 'live owner lease taken';

/** Whether a node's log says it holds the owner lease now: its last lease line is "taken". */
export function holdsLease(output: string): boolean {
  const lines = output.split('\n').filter((line) => line.includes(LEASE));
  return lines.at(-1)?.includes(TAKEN) ?? false;
}
