/**
 * Sign-in under a flood (`npx tsx test/bench/sign-in-bench.ts`): how long a real operator's
 * sign-in takes alone, and while one address keeps 40 bogus sign-ins with fresh names in flight
 * (the attack from issue 10). The server runs in this process behind TRUST_PROXY so that the two
 * sides speak from different addresses, as on a show floor. Prints medians and maxima of 5 rounds.
 */
import { ADMIN_PASSWORD, startTestServer } from '../support/test-server';

const ROUNDS = Number(process.env.SIGN_IN_BENCH_ROUNDS ?? 5);

async function login(url: string, username: string, password: string, address: string): Promise<number> {
  const response = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ username, password }),
  });
  await response.arrayBuffer();
  return response.status;
}

async function timed(run: () => Promise<number>): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const status = await run();
  return { ms: performance.now() - started, status };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  const t = await startTestServer({ TRUST_PROXY: 'true', LOGIN_MAX_FAILURES: '1000' });
  const alone: number[] = [];
  const flooded: number[] = [];
  const refused: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    alone.push((await timed(() => login(t.url, 'admin', ADMIN_PASSWORD, `10.1.0.${round}`))).ms);
    let stop = false;
    let refusedNow = 0;
    // 40 bogus sign-ins kept in flight from one address for the whole measurement.
    const flood = Array.from({ length: 40 }, async (_, i) => {
      while (!stop) if ((await login(t.url, `bogus-${round}-${i}-${crypto.randomUUID()}`, 'nope', '10.66.0.1')) !== 401) refusedNow++;
    });
    await new Promise((r) => setTimeout(r, 300));
    const operator = await timed(() => login(t.url, 'admin', ADMIN_PASSWORD, `10.2.0.${round}`));
    if (operator.status !== 200) throw new Error(`operator sign-in answered ${operator.status}`);
    flooded.push(operator.ms);
    stop = true;
    await Promise.all(flood);
    refused.push(refusedNow);
  }
  await t.stop();
  const rss = process.memoryUsage().rss / 1024 / 1024;
  process.stdout.write(
    `sign-in alone: median ${median(alone).toFixed(0)} ms, max ${Math.max(...alone).toFixed(0)} ms\n` +
      `sign-in while 40 bogus sign-ins run: median ${median(flooded).toFixed(0)} ms, max ${Math.max(...flooded).toFixed(0)} ms (${(median(flooded) / median(alone)).toFixed(2)}× alone; target ≤ 1,000 ms)\n` +
      `bogus sign-ins answered 429/503 at once: median ${median(refused)} per round; process RSS at the end ${rss.toFixed(0)} MB\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`sign-in bench failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
