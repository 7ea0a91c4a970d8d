import type { Criterion, Project, PublicRoadshow, RankedResult } from '../../shared/roadshow.schema';
import type { ShowState } from '../../shared/roadshow.rules';

export interface ScoreRow {
  projectId: string;
  judgeId: string;
  criterionId: string;
  score: number;
}

/** A judge's weighted score for a project on a 0–100 scale, or null while any criterion is unscored. */
export function judgeScore(scores: ReadonlyMap<string, number>, criteria: readonly Criterion[]): number | null {
  let weighted = 0;
  let weights = 0;
  for (const criterion of criteria) {
    const score = scores.get(criterion.id);
    if (score === undefined) return null;
    weighted += criterion.weight * (score / criterion.maxScore);
    weights += criterion.weight;
  }
  return weights === 0 ? null : (weighted / weights) * 100;
}

/** Per project, per judge: criterion → score. */
function scorecards(scores: readonly ScoreRow[]): Map<string, Map<string, Map<string, number>>> {
  const byProject = new Map<string, Map<string, Map<string, number>>>();
  for (const row of scores) {
    let judges = byProject.get(row.projectId);
    if (!judges) byProject.set(row.projectId, (judges = new Map()));
    let card = judges.get(row.judgeId);
    if (!card) judges.set(row.judgeId, (card = new Map()));
    card.set(row.criterionId, row.score);
  }
  return byProject;
}

/** How many of `judgeIds` have scored every criterion of a project. */
export function completeJudges(projectId: string, judgeIds: readonly string[], criteria: readonly Criterion[], scores: readonly ScoreRow[]): number {
  const cards = scorecards(scores.filter((s) => s.projectId === projectId)).get(projectId);
  return judgeIds.filter((id) => {
    const card = cards?.get(id);
    return card !== undefined && judgeScore(card, criteria) !== null;
  }).length;
}

/**
 * Ranks the closed projects: the mean of the complete judges' weighted scores, higher first.
 * Ties: the higher mean on the highest-weighted criterion, then the earlier pitch (TIE_BREAK_RULE).
 */
export function rankProjects(projects: readonly Project[], closed: readonly string[], criteria: readonly Criterion[], scores: readonly ScoreRow[]): RankedResult[] {
  const cards = scorecards(scores);
  const top = [...criteria].sort((a, b) => b.weight - a.weight)[0];
  const rows = projects
    .filter((p) => closed.includes(p.id))
    .map((project) => {
      const complete = [...(cards.get(project.id)?.values() ?? [])].filter((card) => judgeScore(card, criteria) !== null);
      const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);
      return {
        project,
        score: mean(complete.map((card) => judgeScore(card, criteria)!)),
        topCriterion: top ? mean(complete.map((card) => card.get(top.id)! / top.maxScore)) : 0,
        judges: complete.length,
      };
    })
    .sort((a, b) => b.score - a.score || b.topCriterion - a.topCriterion || a.project.order - b.project.order);
  return rows.map((row, i) => ({ projectId: row.project.id, rank: i + 1, score: Math.round(row.score * 100) / 100, judges: row.judges }));
}

/** What public screens may see: statuses and progress counts, results only once revealed. */
export function publicRoadshow(state: ShowState, projects: readonly Project[], progress: PublicRoadshow['progress'], results: () => RankedResult[]): PublicRoadshow {
  return {
    phase: state.phase,
    currentProjectId: state.currentProjectId,
    projects: [...projects]
      .sort((a, b) => a.order - b.order)
      .map((p) => ({
        ...p,
        status: state.closed.includes(p.id) ? 'done' : p.id === state.currentProjectId && state.phase === 'pitching' ? 'pitching' : p.id === state.currentProjectId && state.phase === 'scoring' ? 'scoring' : 'waiting',
      })),
    progress: state.phase === 'scoring' ? progress : null,
    revealed: state.revealed,
    results: state.revealed ? results() : null,
  };
}
