import type { PublicRoadshow } from '../../../shared/roadshow.schema';
import type { LocalizedText } from '../i18n';

/**
 * The roadshow as the stage shows it, as pure rules: who is on stage and where in the line-up,
 * how far the judges are (never what they scored), and the reveal of the results from last place
 * to first.
 */

export type RoadshowProject = PublicRoadshow['projects'][number];

/** How equal scores are separated, word for word as the server states it. */
export { TIE_BREAK_RULE as TIE_BREAK_TEXT } from '../../../shared/roadshow.vocabulary';

/** The scene has something to show once a project is in the line-up. */
export function hasRoadshow(roadshow: PublicRoadshow | null): roadshow is PublicRoadshow {
  return roadshow !== null && roadshow.projects.length > 0;
}

/** The line-up in pitch order. */
export function lineup(roadshow: PublicRoadshow): RoadshowProject[] {
  return [...roadshow.projects].sort((a, b) => a.order - b.order);
}

export interface PlacedProject {
  project: RoadshowProject;
  /** Its place in the line-up, from 1. */
  position: number;
  total: number;
}

function placed(roadshow: PublicRoadshow, project: RoadshowProject | undefined): PlacedProject | null {
  if (!project) return null;
  const order = lineup(roadshow);
  return { project, position: order.findIndex((p) => p.id === project.id) + 1, total: order.length };
}

/** The project pitching or being scored, with its place in the line-up; null between projects. */
export function onStage(roadshow: PublicRoadshow): (PlacedProject & { phase: 'pitching' | 'scoring' }) | null {
  if (roadshow.phase !== 'pitching' && roadshow.phase !== 'scoring') return null;
  const found = placed(
    roadshow,
    roadshow.projects.find((p) => p.id === roadshow.currentProjectId),
  );
  return found && { ...found, phase: roadshow.phase };
}

/** The next project to pitch (between projects, or before the first); null when every one has pitched. */
export function upNext(roadshow: PublicRoadshow): PlacedProject | null {
  if (onStage(roadshow)) return null;
  return placed(
    roadshow,
    lineup(roadshow).find((p) => p.status === 'waiting'),
  );
}

/** How many judges have scored the project on stage, out of how many; only while scoring is open. */
export function scoringProgress(roadshow: PublicRoadshow): { complete: number; judges: number } | null {
  if (roadshow.phase !== 'scoring' || !roadshow.progress) return null;
  return { complete: Math.min(roadshow.progress.complete, roadshow.progress.judges), judges: roadshow.progress.judges };
}

export interface RankedRow {
  rank: number;
  /** Weighted average, 0–100. */
  score: number;
  judges: number;
  /** Null when the project was removed after scoring (the row keeps its place). */
  project: RoadshowProject | null;
}

/**
 * The ranking, best first, or null while it is not revealed. The server sends no results before
 * the reveal; `revealed` is checked as well, so no score can show ahead of the reveal flag or stay
 * behind after the operator hides the results.
 */
export function ranking(roadshow: PublicRoadshow | null): RankedRow[] | null {
  if (!roadshow?.revealed || !roadshow.results) return null;
  const byId = new Map(roadshow.projects.map((project) => [project.id, project]));
  return [...roadshow.results]
    .sort((a, b) => a.rank - b.rank)
    .map((result) => ({ rank: result.rank, score: result.score, judges: result.judges, project: byId.get(result.projectId) ?? null }));
}

/** The order the reveal plays the places in: last place first, the winner last. */
export function revealOrder(roadshow: PublicRoadshow | null): RankedRow[] {
  return (ranking(roadshow) ?? []).reverse();
}

/**
 * The operator has just revealed the results: the stage plays the reveal. A screen that starts (or
 * first connects) after the reveal shows the ranking without playing it again.
 */
export function revealBegins(previous: PublicRoadshow | null, next: PublicRoadshow | null): boolean {
  return previous !== null && !previous.revealed && revealOrder(next).length > 0;
}

export type RevealFrame =
  /** One place, from the last to the first. */
  | { kind: 'place'; row: RankedRow; step: number; steps: number }
  /** Then the whole ranking, best first. */
  | { kind: 'ranking'; rows: RankedRow[] };

/** What the reveal shows at `step` (0: the last place); null once it is over. */
export function revealFrame(order: readonly RankedRow[], step: number): RevealFrame | null {
  if (step < 0 || order.length === 0) return null;
  if (step < order.length) return { kind: 'place', row: order[step]!, step, steps: order.length };
  if (step === order.length) return { kind: 'ranking', rows: [...order].reverse() };
  return null;
}

/** How long each frame of the reveal stays: the winner a little longer, the ranking long enough to read. */
export const REVEAL_MS = { place: 5_000, winner: 8_000, ranking: 20_000 } as const;

export function revealFrameMs(frame: RevealFrame): number {
  if (frame.kind === 'ranking') return REVEAL_MS.ranking;
  return frame.row.rank === 1 ? REVEAL_MS.winner : REVEAL_MS.place;
}

const ORDINAL_SUFFIX: Record<string, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };
const englishOrdinals = new Intl.PluralRules('en', { type: 'ordinal' });

/** "第 3 名" / "3rd place". */
export function placeText(rank: number): LocalizedText {
  return { 'zh-CN': `第 ${rank} 名`, en: `${rank}${ORDINAL_SUFFIX[englishOrdinals.select(rank)] ?? 'th'} place` };
}

const scoreFormat = new Intl.NumberFormat('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A result on the 0–100 scale with one decimal, as the phone page shows it: "86.7". */
export function formatScore(score: number): string {
  return scoreFormat.format(score);
}

/**
 * The part of a long line-up that fits the screen: `size` projects, starting a little before the
 * one on stage (or the next to pitch) so what is done, now and next stay in view.
 */
export function lineupWindow<T>(list: readonly T[], focus: number, size: number, before = 2): T[] {
  if (list.length <= size) return [...list];
  const start = Math.min(Math.max(0, focus - before), list.length - size);
  return list.slice(start, start + size);
}
