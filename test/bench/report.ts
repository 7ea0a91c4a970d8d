import type { FanoutPair } from './fanout';
import { count, ms, percent, table, times, verdict } from './format';
import type { IngestRun } from './ingest';
import { ingestMet, p99Met, ratioMet, TARGET_EVENTS_PER_SECOND, TARGET_P99_MS, TARGET_RATIO, type TargetCheck } from './targets';

/** Fan-out figures, each client count as showfloor, bare, and their ratio with its target. */
export function fanoutTable(pairs: readonly FanoutPair[]): string {
  const rows: string[][] = [
    ['clients', 'server', 'connected', 'last p50', 'last p99', 'each p50', 'each p99', 'POST ans p50', 'rounds ok', 'lost', 'server CPU ms/round', 'target'],
  ];
  for (const pair of pairs) {
    for (const run of [pair.showfloor, pair.bare]) {
      const p99Target = run === pair.showfloor && p99Met(pair) !== undefined ? `last p99 ≤ ${TARGET_P99_MS} ms: ${verdict(p99Met(pair))}` : '';
      rows.push([
        count(pair.clients),
        run.server,
        `${count(run.connected)}/${count(run.clients)}`,
        ms(run.lastClientMs?.p50),
        ms(run.lastClientMs?.p99),
        ms(run.deliveryMs?.p50),
        ms(run.deliveryMs?.p99),
        ms(run.postAnswerMs?.p50),
        `${run.completeRounds}/${run.rounds}`,
        count(run.lostDeliveries),
        ms(run.serverCpuMsPerRound),
        p99Target,
      ]);
    }
    const ratioTarget = `≤ ${TARGET_RATIO}×: ${verdict(ratioMet(pair.ratio.p50))} / ${verdict(ratioMet(pair.ratio.p99))}`;
    rows.push(['', 'ratio showfloor/bare', '', times(pair.ratio.p50), times(pair.ratio.p99), '', '', '', '', '', '', ratioTarget]);
  }
  return table(rows);
}

/** Ingest figures per commit mode; the target applies to group commit. */
export function ingestTable(runs: readonly IngestRun[]): string {
  const rows: string[][] = [
    ['mode', 'events/s', 'acked events', 'requests', 'failed', 'answer p50', 'answer p99', 'reqs/commit', 'server CPU', 'server loop', 'disk/event', 'bench CPU', 'counters', 'target'],
  ];
  for (const run of runs) {
    rows.push([
      run.mode,
      count(run.eventsPerSecond),
      count(run.ackedEvents),
      count(run.ackedRequests),
      count(run.failedRequests),
      ms(run.answerMs?.p50),
      ms(run.answerMs?.p99),
      run.meanGroupRequests === undefined ? '—' : run.meanGroupRequests.toFixed(1),
      percent(run.serverCpu),
      percent(run.serverLoop),
      run.diskBytesPerEvent === undefined ? '—' : `${count(run.diskBytesPerEvent)} B`,
      percent(run.generatorCpu),
      run.verification.ok ? 'verified' : `MISMATCH: ${run.verification.mismatches.join('; ')}`,
      run.mode === 'group' ? `≥ ${count(TARGET_EVENTS_PER_SECOND)}/s: ${verdict(ingestMet(run))}` : 'baseline',
    ]);
  }
  return table(rows);
}

export function targetsTable(checks: readonly TargetCheck[]): string {
  return table([['target', 'measured', 'result'], ...checks.map((c) => [c.name, c.value, verdict(c.met)])]);
}
