import type { PublicRoadshow } from '../../../shared/roadshow.schema';

export type RoadshowProject = PublicRoadshow['projects'][number];
export type ProjectStatus = RoadshowProject['status'];

export interface RankedRow {
  rank: number;
  /** Weighted average, 0–100. */
  score: number;
  judges: number;
  /** Null when the project was deleted after scoring (the row still holds its place). */
  project: RoadshowProject | null;
}

/** The line-up in pitch order (the server sends it sorted; sorting again costs nothing and guards the rule). */
export function lineup(roadshow: PublicRoadshow): RoadshowProject[] {
  return [...roadshow.projects].sort((a, b) => a.order - b.order);
}

/** The project on stage (pitching or being scored), or null between projects. */
export function onStage(roadshow: PublicRoadshow): RoadshowProject | null {
  if (roadshow.phase !== 'pitching' && roadshow.phase !== 'scoring') return null;
  return roadshow.projects.find((project) => project.id === roadshow.currentProjectId) ?? null;
}

/**
 * The ranked results, best first, or null while they are hidden. The server sends no results before
 * the reveal; this checks `revealed` as well, so that a screen can never show a score that arrives
 * ahead of the reveal flag (or stays behind after "hide results").
 */
export function revealedResults(roadshow: PublicRoadshow): RankedRow[] | null {
  if (!roadshow.revealed || !roadshow.results) return null;
  const byId = new Map(roadshow.projects.map((project) => [project.id, project]));
  return [...roadshow.results]
    .sort((a, b) => a.rank - b.rank)
    .map((result) => ({ rank: result.rank, score: result.score, judges: result.judges, project: byId.get(result.projectId) ?? null }));
}

/** How many projects have finished (pitched and scored). */
export function doneCount(roadshow: PublicRoadshow): number {
  return roadshow.projects.filter((project) => project.status === 'done').length;
}

/** Where the show is, as a visitor would put it. */
export type ShowMoment = 'not-started' | 'pitching' | 'scoring' | 'between' | 'finished';

export function showMoment(roadshow: PublicRoadshow): ShowMoment {
  const current = onStage(roadshow);
  if (current) return roadshow.phase === 'scoring' ? 'scoring' : 'pitching';
  const done = doneCount(roadshow);
  if (roadshow.projects.length > 0 && done === roadshow.projects.length) return 'finished';
  return done === 0 ? 'not-started' : 'between';
}
