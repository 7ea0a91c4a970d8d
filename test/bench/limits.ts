import { readFileSync } from 'node:fs';

/**
 * The open-files limit children inherit, from /proc/self/limits (Linux). Undefined elsewhere:
 * Node has no getrlimit, and guessing is worse than saying we do not know.
 */
export function openFilesLimit(): { soft: number; hard: number } | undefined {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max open files'));
    const match = line && /Max open files\s+(\S+)\s+(\S+)/.exec(line);
    if (!match) return undefined;
    const parse = (v: string) => (v === 'unlimited' ? Number.POSITIVE_INFINITY : Number(v));
    return { soft: parse(match[1]!), hard: parse(match[2]!) };
  } catch {
    return undefined;
  }
}

/**
 * Descriptors one side of a fan-out run needs: a socket per client (in the client process and
 * again in the server process, each under its own limit) plus headroom for the runtime,
 * SQLite (database, WAL, shm) and the HTTP connections of the bench.
 */
export const fdsNeeded = (clients: number): number => clients + 256;

/** Local ports the kernel hands out to outgoing connections (each client uses one). */
export function ephemeralPortCount(): number | undefined {
  try {
    const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    return low !== undefined && high !== undefined ? high - low + 1 : undefined;
  } catch {
    return undefined;
  }
}
