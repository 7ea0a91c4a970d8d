/**
 * Several showfloor nodes committing into one PostgreSQL database (`npx tsx test/bench/ingest-nodes.ts`):
 * how throughput moves with 1, 2 and 3 nodes under the same load, and how many transactions wait
 * on a lock at once (sampled from pg_locks). Every group writes today's visitors and the all-time
 * total, so those rows are where nodes would queue; each node keeps one group in flight, so at
 * most one transaction per other node should be waiting. Afterwards the all-time visitors row
 * must equal the visits acknowledged by all nodes.
 *
 * Environment: BENCH_QUICK=1 for 2 s per node count instead of 8; BENCH_NODES=1,2,3 (default).
 */
import pg from 'pg';
import { clock } from './clock';
import { addTally, emptyTally, makeBatch } from './event-mix';
import { count } from './format';
import { postEvents, startShowfloor, type ShowfloorProcess } from './showfloor';
import { startPostgres, type PostgresServer } from '../support/postgres';

const quick = process.env.BENCH_QUICK === '1';
const durationMs = quick ? 2_000 : 8_000;
const posters = 64;
const batchSize = 50;
const nodeCounts = (process.env.BENCH_NODES ?? '1,2,3').split(',').map((n) => {
  const nodes = Number(n.trim());
  if (!Number.isInteger(nodes) || nodes < 1 || nodes > 8) throw new Error(`BENCH_NODES: "${n}" is not a whole number from 1 to 8`);
  return nodes;
});

interface NodesRun {
  nodes: number;
  eventsPerSecond: number;
  failedRequests: number;
  /** Transactions waiting for a lock at once: the most seen, and the mean over the samples. */
  lockWaitersMax: number;
  lockWaitersMean: number;
  verified: boolean;
}

async function measure(postgres: PostgresServer, nodes: number): Promise<NodesRun> {
  const url = await postgres.createDatabase();
  const servers: ShowfloorProcess[] = [];
  const probe = new pg.Client({ connectionString: url });
  try {
    // One after another: the first seeds the content, the others find it.
    for (let i = 0; i < nodes; i++) servers.push(await startShowfloor({ DATABASE_URL: url }));
    await probe.connect();
    const acked = emptyTally();
    let events = 0;
    let failed = 0;
    const waiters: number[] = [];
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const { rows } = await probe.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted');
        waiters.push(rows[0]!.n);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const load = async (ms: number) => {
      const deadline = clock() + ms;
      await Promise.all(
        Array.from({ length: posters }, async (_, i) => {
          const server = servers[i % servers.length]!;
          while (clock() < deadline) {
            const { events: batch, tally } = makeBatch(batchSize);
            const result = await postEvents(server.http, server.token, batch);
            if (result.status === 200 && result.accepted === batch.length) {
              events += result.accepted;
              addTally(acked, tally);
            } else failed++;
          }
        }),
      );
    };
    // A second of warm-up compiles every node's code paths; its events are verified, not timed.
    await load(1_000);
    events = 0;
    waiters.length = 0;
    const startedAt = clock();
    await load(durationMs);
    const elapsedS = (clock() - startedAt) / 1000;
    sampling = false;
    await sampler;
    const { rows } = await probe.query<{ value: string }>(
      "SELECT value FROM counter_values WHERE day = '*' AND metric = 'visits' AND section = '' AND item = '' AND bucket = 0",
    );
    return {
      nodes,
      eventsPerSecond: events / elapsedS,
      failedRequests: failed,
      lockWaitersMax: Math.max(0, ...waiters),
      lockWaitersMean: waiters.reduce((sum, n) => sum + n, 0) / Math.max(1, waiters.length),
      verified: Number(rows[0]?.value ?? 0) === acked.visits,
    };
  } finally {
    await probe.end().catch(() => {});
    for (const server of servers) await server.stop();
    await postgres.dropDatabase(url);
  }
}

const cluster = await startPostgres();
try {
  process.stdout.write(`${posters} posters, ${batchSize}-event batches, ${durationMs / 1000} s per node count, spread evenly over the nodes; one PostgreSQL database\n`);
  for (const nodes of nodeCounts) {
    const run = await measure(cluster, nodes);
    process.stdout.write(
      `${run.nodes} node${run.nodes === 1 ? ' ' : 's'}: ${count(run.eventsPerSecond)} events/s, ${run.failedRequests} failed, ` +
        `lock waiters max ${run.lockWaitersMax} (mean ${run.lockWaitersMean.toFixed(2)}), all-time visitors ${run.verified ? 'verified' : 'MISMATCH'}\n`,
    );
  }
} finally {
  await cluster.stop();
}
