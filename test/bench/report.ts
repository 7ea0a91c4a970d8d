import type { FanoutPair } from './fanout';
import { count, kb, ms, percent, table, times, verdict } from './format';
import type { FrameWindow } from './frame-recorder';
import type { IngestPair, IngestRun } from './ingest';
import type { KioskBenchResult } from './kiosk-bench';
import type { PagesRun } from './pages';
import { FOLLOW_BUDGET_MS, type FollowBenchResult, type FollowFigures } from './follow-bench';
import type { StageBenchResult } from './stage-bench';
import {
  ENGINE_NAME,
  ingestRatioMet,
  ingestTargetRatio,
  KIOSK_PAINT_BUDGET_MS,
  p99Met,
  ratioMet,
  TARGET_P99_MS,
  TARGET_RATIO,
  weightMet,
  weightRows,
  type TargetCheck,
} from './targets';

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

/** Ingest figures, group commit beside the naive server, per engine and batch size. */
export function ingestTable(pairs: readonly IngestPair[]): string {
  const rows: string[][] = [
    ['engine', 'batch', 'mode', 'events/s', 'acked events', 'failed', 'answer p50', 'answer p99', 'reqs/commit', 'server CPU', 'CPU/event', 'server loop', 'disk/event', 'bench CPU', 'counters', 'vs naive'],
  ];
  const runRow = (pair: IngestPair, run: IngestRun, versus: string) => [
    ENGINE_NAME[pair.engine],
    String(run.batchSize),
    run.mode === 'group' ? 'group commit' : 'naive (per post)',
    count(run.eventsPerSecond),
    count(run.ackedEvents),
    count(run.failedRequests),
    ms(run.answerMs?.p50),
    ms(run.answerMs?.p99),
    run.meanGroupRequests === undefined ? '—' : run.meanGroupRequests.toFixed(1),
    percent(run.serverCpu),
    `${run.serverCpuUsPerEvent.toFixed(0)} µs`,
    percent(run.serverLoop),
    run.diskBytesPerEvent === undefined ? '—' : `${count(run.diskBytesPerEvent)} B`,
    percent(run.generatorCpu),
    run.verification.ok ? 'verified' : `MISMATCH: ${run.verification.mismatches.join('; ')}`,
    versus,
  ];
  for (const pair of pairs) {
    rows.push(runRow(pair, pair.group, `${times(pair.ratio)} (≥ ${ingestTargetRatio(pair)}×: ${verdict(ingestRatioMet(pair))})`));
    rows.push(runRow(pair, pair.perRequest, 'baseline'));
  }
  return table(rows);
}

export function targetsTable(checks: readonly TargetCheck[]): string {
  return table([['target', 'measured', 'result'], ...checks.map((c) => [c.name, c.value, verdict(c.met)])]);
}

/** Gzipped JavaScript (and CSS, and the font slices fetched) of every page measured, against its budget. */
export function pageWeightTable(pages: PagesRun): string {
  const rows: string[][] = [['app', 'page', 'JS files', 'JS KB', 'JS gz KB', 'CSS gz KB', 'fonts KB (files)', 'budget', 'result']];
  for (const row of weightRows(pages)) {
    rows.push([
      row.app,
      row.page,
      String(row.weight.jsFiles.length),
      kb(row.weight.jsBytes),
      kb(row.weight.jsGzipBytes),
      kb(row.weight.cssGzipBytes),
      `${kb(row.weight.fontBytes)} (${row.weight.fontFiles})`,
      row.budgetKb === undefined ? '—' : `≤ ${row.budgetKb} KB`,
      row.budgetKb === undefined ? 'no budget' : verdict(weightMet(row)),
    ]);
  }
  return table(rows);
}

const fps = (w: FrameWindow) => w.fps.toFixed(1);
const longTasks = (w: FrameWindow) => `${w.longTasks}${w.longTasks ? ` (longest ${ms(w.longestTaskMs)} ms)` : ''}`;
const paintVerdict = (value: number) => `≤ ${count(KIOSK_PAINT_BUDGET_MS)} ms: ${verdict(value <= KIOSK_PAINT_BUDGET_MS)}`;

/** Kiosk paint times and attract-loop smoothness, each beside its baseline from the same run. */
export function kioskTable(kiosk: KioskBenchResult): string {
  const { attract, idle } = kiosk;
  return table([
    ['figure', 'kiosk', 'baseline', 'ratio', 'budget'],
    ['first contentful paint, cold', `${ms(kiosk.cold.firstContentfulPaintMs)} ms`, `${ms(kiosk.baselineFirstContentfulPaintMs)} ms`, times(kiosk.paintRatio), paintVerdict(kiosk.cold.firstContentfulPaintMs)],
    ['first section tile, cold', `${ms(kiosk.cold.firstTileMs)} ms`, '', '', paintVerdict(kiosk.cold.firstTileMs)],
    ['first contentful paint, warm', `${ms(kiosk.warm.firstContentfulPaintMs)} ms`, '', '', ''],
    ['first section tile, warm', `${ms(kiosk.warm.firstTileMs)} ms`, '', '', ''],
    ['attract loop frames/s', fps(attract), fps(idle), times(kiosk.fpsRatio), ''],
    ['attract frame time p50 / p99', `${ms(attract.frameMs?.p50)} / ${ms(attract.frameMs?.p99)} ms`, `${ms(idle.frameMs?.p50)} / ${ms(idle.frameMs?.p99)} ms`, '', ''],
    ['attract long tasks (> 50 ms)', longTasks(attract), longTasks(idle), '', ''],
  ]);
}

/** Stage frame times while patches stream, beside the same page idle. */
export function stageTable(stage: StageBenchResult): string {
  const { streaming, idle } = stage;
  return table([
    ['figure', 'streaming', 'idle', 'ratio'],
    ['frame time p50', `${ms(streaming.frameMs?.p50)} ms`, `${ms(idle.frameMs?.p50)} ms`, times(stage.frameRatio.p50)],
    ['frame time p99', `${ms(streaming.frameMs?.p99)} ms`, `${ms(idle.frameMs?.p99)} ms`, times(stage.frameRatio.p99)],
    ['frame time max', `${ms(streaming.frameMs?.max)} ms`, `${ms(idle.frameMs?.max)} ms`, ''],
    ['frames/s', fps(streaming), fps(idle), times(streaming.fps / idle.fps)],
    ['long tasks (> 50 ms)', longTasks(streaming), longTasks(idle), ''],
    ['counter patches/s', streaming.patchesPerSecond.toFixed(1), idle.patchesPerSecond.toFixed(1), ''],
    ['scenes shown', streaming.scenesShown.join(', '), idle.scenesShown.join(', '), ''],
    ['JS heap after GC', `${stage.heapMb.before} → ${stage.heapMb.after} MB`, '', ''],
  ]);
}

/** Time from an operator's request to each screen showing the change, beside the request's own round trip. */
export function followTable(follow: FollowBenchResult): string {
  const row = (name: string, f: FollowFigures) => [name, `${ms(f.medianMs)} ms`, `${ms(f.maxMs)} ms`, `${ms(f.requestMedianMs)} ms`, `≤ ${count(FOLLOW_BUDGET_MS)} ms: ${verdict(f.maxMs <= FOLLOW_BUDGET_MS)}`];
  return table([
    ['screen', 'shown after (median)', 'slowest', 'request round trip (median)', 'budget (slowest)'],
    row('phone item page ← item edit', follow.phoneItem),
    row('kiosk item page ← item edit', follow.kioskItem),
    row('stage ← announcement', follow.stageAnnouncement),
  ]);
}
