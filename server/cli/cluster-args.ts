import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

export interface ClusterArgs {
  /** HAProxy's port; the nodes take the three after it when they are free. */
  port: number;
  /** The private data folder: PostgreSQL's files, Redis's, the nodes' media, logs, haproxy.cfg. */
  dataDir: string;
  /** Kill a random node of the cluster running from dataDir, instead of starting one. */
  kill: boolean;
  help: boolean;
}

export const CLUSTER_USAGE = `Usage: npm run cluster [-- --port 3000] [--data ./cluster-data]
       npm run cluster -- --kill [--data ./cluster-data]

Starts PostgreSQL, Redis, three showfloor nodes and HAProxy in front of them on one machine,
all private to the data folder; Ctrl-C stops everything it started. --kill (from another
terminal) SIGKILLs a random node of the running cluster to watch the others carry the show.`;

/** Reads npm run cluster's arguments; throws a message naming the wrong one. */
export function parseClusterArgs(argv: string[]): ClusterArgs {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      port: { type: 'string', default: '3000' },
      data: { type: 'string', default: './cluster-data' },
      kill: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port < 1 || port > 65_532) throw new Error(`--port: must be a port from 1 to 65532 (got ${JSON.stringify(values.port)})`);
  if (values.data.trim() === '') throw new Error('--data: must name a folder');
  return { port, dataDir: resolve(values.data), kill: values.kill, help: values.help };
}
