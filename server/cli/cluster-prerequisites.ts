import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findPostgresBinaries } from './postgres-server';
import { redisServerPath } from './redis-server';

/** The one command that installs everything npm run cluster starts. */
export const CLUSTER_PACKAGES_COMMAND = 'apt-get install -y postgresql redis-server haproxy';

export interface ClusterPrograms {
  /** The directory of initdb and pg_ctl. */
  postgresBin: string;
  redisServer: string;
  haproxy: string;
}

/**
 * Finds the system programs npm run cluster starts, or throws one message naming every missing
 * one and the apt command that installs them all.
 */
export function findClusterPrograms(env: Record<string, string | undefined> = process.env, debianPostgres = '/usr/lib/postgresql'): ClusterPrograms {
  const missing: string[] = [];
  let postgresBin = '';
  try {
    postgresBin = findPostgresBinaries(env, debianPostgres);
  } catch {
    missing.push('PostgreSQL (initdb, pg_ctl)');
  }
  const redisServer = findProgram('redis-server', env, [redisServerPath(env)]);
  if (!redisServer) missing.push('redis-server');
  const haproxy = findProgram('haproxy', env, env.HAPROXY_PATH ? [env.HAPROXY_PATH] : ['/usr/sbin/haproxy']);
  if (!haproxy) missing.push('haproxy');
  if (missing.length > 0) {
    throw new Error(`npm run cluster needs ${missing.join(', ')}, which ${missing.length === 1 ? 'is' : 'are'} not installed. Install them with:\n  ${CLUSTER_PACKAGES_COMMAND}`);
  }
  return { postgresBin, redisServer: redisServer!, haproxy: haproxy! };
}

/** `name`'s path: the first of `known` that exists, else the first on PATH. */
function findProgram(name: string, env: Record<string, string | undefined>, known: string[]): string | undefined {
  const candidates = [...known, ...(env.PATH ?? '').split(':').filter(Boolean).map((dir) => join(dir, name))];
  return candidates.find((path) => existsSync(path));
}
