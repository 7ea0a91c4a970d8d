import { bilingual, type LocalizedText } from '../../../shared/i18n';
import { ProjectInputSchema, RubricSchema, type Criterion, type Project, type PublicRoadshow, type RoadshowAction, type RoadshowPhase } from '../../../shared/roadshow.schema';
import { isRefusal, nextState, ROADSHOW_ACTIONS, type ShowState } from '../../../shared/roadshow.rules';
import { validated, type Validated } from './field-errors';
import { slugify } from './item-form';

export { ROADSHOW_ACTIONS };

export type ActionCheck = { allowed: true } | { allowed: false; why: LocalizedText };

/** The server's state, as far as the public view tells it (the order projects closed in is not needed here). */
export function showStateOf(state: PublicRoadshow): ShowState {
  return { phase: state.phase, currentProjectId: state.currentProjectId, revealed: state.revealed, closed: state.projects.filter((p) => p.status === 'done').map((p) => p.id) };
}

/**
 * Which show actions make sense now, each with the reason when not: the server's own state machine
 * (shared/roadshow.rules.ts) run on the public state. The server still decides (a stale console
 * gets a 409); this keeps the buttons honest. Revealing twice or hiding hidden results would change
 * nothing, so the console turns those off too.
 */
export function actionChecks(state: PublicRoadshow, criteriaCount: number): Record<RoadshowAction, ActionCheck> {
  const show = showStateOf(state);
  const check = (action: RoadshowAction): ActionCheck => {
    if (action === 'reveal' && state.revealed) return { allowed: false, why: bilingual('结果已揭晓', 'The results are already shown') };
    if (action === 'hide-results' && !state.revealed) return { allowed: false, why: bilingual('结果尚未揭晓', 'The results are not shown') };
    const next = nextState(show, action, state.projects, criteriaCount);
    return isRefusal(next) ? { allowed: false, why: next.why } : { allowed: true };
  };
  return Object.fromEntries(ROADSHOW_ACTIONS.map((action) => [action, check(action)])) as Record<RoadshowAction, ActionCheck>;
}

/** The project on stage (pitching, scoring or just closed), or null before the first. */
export function currentProject(state: PublicRoadshow): PublicRoadshow['projects'][number] | null {
  return state.projects.find((p) => p.id === state.currentProjectId) ?? null;
}

/** The steps of one project's turn, for the phase strip: which are behind, which is now. */
export function phaseSteps(state: PublicRoadshow): { phase: RoadshowPhase | 'revealed'; state: 'done' | 'current' | 'todo' }[] {
  const order: (RoadshowPhase | 'revealed')[] = ['pitching', 'scoring', 'closed', 'revealed'];
  const now = state.revealed && state.phase !== 'pitching' && state.phase !== 'scoring' ? 3 : order.indexOf(state.phase);
  return order.map((phase, i) => ({ phase, state: now < 0 ? 'todo' : i < now ? 'done' : i === now ? 'current' : 'todo' }));
}

/** The rubric can change until the first score exists; the console locks it from the moment scoring opens. */
export function rubricLocked(state: PublicRoadshow): boolean {
  return state.phase === 'scoring' || state.projects.some((p) => p.status === 'done');
}

export interface CriterionRow {
  /** Kept for a criterion that exists; made from the English name for a new one. */
  id: string;
  name: LocalizedText;
  weight: number | string | null;
  maxScore: number | string | null;
}

export const criterionRow = (c?: Criterion): CriterionRow =>
  c ? { id: c.id, name: { ...c.name }, weight: c.weight, maxScore: c.maxScore } : { id: '', name: bilingual('', ''), weight: 1, maxScore: 10 };

/**
 * PUT /api/v1/roadshow/rubric from the editor's rows, checked with the server's RubricSchema (its
 * messages, keyed as it names them: `criteria.1.weight`). A new row's id is made from its English name.
 */
export function rubricPayload(rows: readonly CriterionRow[]): Validated<{ criteria: Criterion[] }> {
  const used = new Set<string>();
  const number = (value: number | string | null) => Number(String(value ?? '').trim() || NaN);
  const criteria = rows.map((row, i) => {
    const base = row.id || slugify(row.name.en.trim());
    let id = base || `criterion-${i + 1}`;
    for (let n = 2; used.has(id); n++) id = `${(base || 'criterion').slice(0, 60)}-${n}`;
    used.add(id);
    return { id, name: row.name, weight: number(row.weight), maxScore: number(row.maxScore) };
  });
  return validated(RubricSchema, { criteria }) as Validated<{ criteria: Criterion[] }>;
}

/** Each criterion's share of the total, in per cent, so the operator sees what a weight means. */
export function weightShares(rows: readonly CriterionRow[]): number[] {
  const weights = rows.map((r) => Math.max(0, Number(r.weight) || 0));
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (total > 0 ? Math.round((w / total) * 1000) / 10 : 0));
}

export interface ProjectForm {
  name: LocalizedText;
  presenter: string;
  country: string;
  field: LocalizedText;
}
export type ProjectBody = Omit<Project, 'id' | 'order'>;

/** POST /api/v1/roadshow/projects (or PUT one) from the form, checked with the server's ProjectInputSchema. */
export function projectPayload(form: ProjectForm): Validated<ProjectBody> {
  return validated(ProjectInputSchema, form);
}

/**
 * A judge's card after tapping a score, before the server answers; and how complete it is.
 * `pending` (criterion → score) lies over what the server last said, so a reload triggered by
 * another judge's score cannot flicker a tapped value back.
 */
export function judgeCard(saved: Record<string, number> | undefined, pending: ReadonlyMap<string, number>, criteria: readonly Criterion[]): { scores: Record<string, number>; scored: number; complete: boolean } {
  const scores: Record<string, number> = { ...(saved ?? {}) };
  for (const [criterion, score] of pending) scores[criterion] = score;
  const scored = criteria.filter((c) => scores[c.id] !== undefined).length;
  return { scores, scored, complete: criteria.length > 0 && scored === criteria.length };
}

export { PROJECT_STATUS_NAMES, TIE_BREAK_RULE } from '../../../shared/roadshow.vocabulary';

export const PHASE_NAMES: Record<RoadshowPhase | 'revealed', LocalizedText> = {
  idle: bilingual('未开始', 'Not started'),
  pitching: bilingual('路演中', 'Pitching'),
  scoring: bilingual('评分中', 'Scoring open'),
  closed: bilingual('评分已结束', 'Scoring closed'),
  revealed: bilingual('结果已揭晓', 'Results revealed'),
};
