import type { FanoutPair } from './fanout';
import { count, ms, times } from './format';
import type { IngestRun } from './ingest';

/** The goals the figures are judged against. */
export const TARGET_RATIO = 1.3;
export const TARGET_P99_MS = 50;
export const TARGET_P99_CLIENTS = 1000;
export const TARGET_EVENTS_PER_SECOND = 20_000;

/** A target and whether this run met it; `met` is undefined when the run had nothing to judge it by. */
export interface TargetCheck {
  name: string;
  value: string;
  met: boolean | undefined;
}

export const ratioMet = (ratio: number | undefined): boolean | undefined => (ratio === undefined ? undefined : ratio <= TARGET_RATIO);

/** Showfloor's last-client p99 is judged against TARGET_P99_MS only at TARGET_P99_CLIENTS. */
export const p99Met = (pair: FanoutPair): boolean | undefined =>
  pair.clients === TARGET_P99_CLIENTS && pair.showfloor.lastClientMs ? pair.showfloor.lastClientMs.p99 <= TARGET_P99_MS : undefined;

export const ingestMet = (run: IngestRun): boolean => run.eventsPerSecond >= TARGET_EVENTS_PER_SECOND;

/** Every target with this run's figure; n/a where the run did not measure it (e.g. BENCH_QUICK has no 1,000-client run). */
export function targetChecks(pairs: readonly FanoutPair[], ingest: { group?: IngestRun; perEvent?: IngestRun }): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const pair of pairs) {
    const n = count(pair.clients);
    checks.push({ name: `fan-out ${n} clients: last-client p50 ratio ≤ ${TARGET_RATIO}×`, value: times(pair.ratio.p50), met: ratioMet(pair.ratio.p50) });
    checks.push({ name: `fan-out ${n} clients: last-client p99 ratio ≤ ${TARGET_RATIO}×`, value: times(pair.ratio.p99), met: ratioMet(pair.ratio.p99) });
    checks.push({
      name: `fan-out ${n} clients: no lost deliveries`,
      value: `${pair.showfloor.lostDeliveries} showfloor, ${pair.bare.lostDeliveries} bare`,
      met: pair.showfloor.lostDeliveries === 0 && pair.bare.lostDeliveries === 0,
    });
  }
  const atTarget = pairs.find((p) => p.clients === TARGET_P99_CLIENTS);
  checks.push({
    name: `fan-out ${count(TARGET_P99_CLIENTS)} clients: showfloor last-client p99 ≤ ${TARGET_P99_MS} ms`,
    value: atTarget ? `${ms(atTarget.showfloor.lastClientMs?.p99)} ms` : `no ${count(TARGET_P99_CLIENTS)}-client run`,
    met: atTarget ? p99Met(atTarget) : undefined,
  });
  checks.push({
    name: `ingest (group, synchronous=FULL) ≥ ${count(TARGET_EVENTS_PER_SECOND)} events/s`,
    value: ingest.group ? `${count(ingest.group.eventsPerSecond)} events/s` : '—',
    met: ingest.group ? ingestMet(ingest.group) : undefined,
  });
  for (const run of [ingest.group, ingest.perEvent]) {
    if (!run) continue;
    checks.push({
      name: `ingest (${run.mode}): snapshot counters = acknowledged events`,
      value: run.verification.ok ? 'verified' : run.verification.mismatches.join('; '),
      met: run.verification.ok,
    });
  }
  return checks;
}
