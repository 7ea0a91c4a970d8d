import type { LocalizedText } from '../../../shared/i18n';
import type { Criterion, Project, PublicRoadshow, RankedResult, RoadshowAction, RoadshowPhase } from '../../../shared/roadshow.schema';
import { isRefusal, nextState, ROADSHOW_ACTIONS, type ShowState } from '../../../shared/roadshow.rules';
import type { FieldErrors } from './field-errors';
import { slugify } from './item-form';

/** GET /api/v1/roadshow: everything, including the results before the reveal (staff only). */
export interface RoadshowStaffView {
  public: PublicRoadshow;
  projects: Project[];
  criteria: Criterion[];
  /** Active judge accounts and whether each has scored every criterion of the project on stage. */
  judges: { id: string; username: string; complete: boolean }[];
  results: RankedResult[];
}

/** GET /api/v1/roadshow/judging: what one judge may see. */
export interface JudgingView {
  phase: RoadshowPhase;
  project: Project | null;
  criteria: Criterion[];
  /** Project id → criterion id → this judge's score. */
  myScores: Record<string, Record<string, number>>;
}

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
    if (action === 'reveal' && state.revealed) return { allowed: false, why: { 'zh-CN': '结果已揭晓', en: 'The results are already shown' } };
    if (action === 'hide-results' && !state.revealed) return { allowed: false, why: { 'zh-CN': '结果尚未揭晓', en: 'The results are not shown' } };
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
  c ? { id: c.id, name: { ...c.name }, weight: c.weight, maxScore: c.maxScore } : { id: '', name: { 'zh-CN': '', en: '' }, weight: 1, maxScore: 10 };

/** PUT /api/v1/roadshow/rubric from the editor's rows, or the problems keyed as the server names them (`criteria.1.weight`). */
export function rubricPayload(rows: readonly CriterionRow[]): { ok: true; body: { criteria: Criterion[] } } | { ok: false; fields: FieldErrors } {
  const fields: FieldErrors = {};
  if (rows.length === 0) fields.criteria = 'must have at least one criterion';
  if (rows.length > 12) fields.criteria = 'at most 12 criteria';
  const used = new Set<string>();
  const criteria = rows.map((row, i): Criterion => {
    const name = { 'zh-CN': row.name['zh-CN'].trim(), en: row.name.en.trim() };
    if (!name['zh-CN']) fields[`criteria.${i}.name.zh-CN`] = 'must not be empty';
    if (!name.en) fields[`criteria.${i}.name.en`] = 'must not be empty';
    const weight = Number(String(row.weight ?? '').trim() || NaN);
    if (!Number.isFinite(weight) || weight <= 0) fields[`criteria.${i}.weight`] = 'must be above 0';
    else if (weight > 100) fields[`criteria.${i}.weight`] = 'must be at most 100';
    const maxScore = Number(String(row.maxScore ?? '').trim() || NaN);
    if (!Number.isInteger(maxScore) || maxScore < 1 || maxScore > 100) fields[`criteria.${i}.maxScore`] = 'must be a whole number from 1 to 100';
    let id = row.id || slugify(name.en) || `criterion-${i + 1}`;
    for (let n = 2; used.has(id); n++) id = `${(row.id || slugify(name.en) || 'criterion').slice(0, 60)}-${n}`;
    used.add(id);
    return { id, name, weight, maxScore };
  });
  if (Object.keys(fields).length > 0) return { ok: false, fields };
  return { ok: true, body: { criteria } };
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

export function projectPayload(form: ProjectForm): { ok: true; body: ProjectBody } | { ok: false; fields: FieldErrors } {
  const fields: FieldErrors = {};
  const trim = (t: LocalizedText) => ({ 'zh-CN': t['zh-CN'].trim(), en: t.en.trim() });
  const name = trim(form.name);
  const field = trim(form.field);
  for (const [key, text] of [
    ['name', name],
    ['field', field],
  ] as const) {
    if (!text['zh-CN']) fields[`${key}.zh-CN`] = 'must not be empty';
    if (!text.en) fields[`${key}.en`] = 'must not be empty';
  }
  const presenter = form.presenter.trim();
  if (!presenter) fields.presenter = 'must not be empty';
  const country = form.country.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) fields.country = 'must be a two-letter ISO country code such as DE';
  if (Object.keys(fields).length > 0) return { ok: false, fields };
  return { ok: true, body: { name, presenter, country, field } };
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

export { TIE_BREAK_RULE } from '../../../shared/roadshow.vocabulary';

export const PHASE_NAMES: Record<RoadshowPhase | 'revealed', LocalizedText> = {
  idle: { 'zh-CN': '未开始', en: 'Not started' },
  pitching: { 'zh-CN': '路演中', en: 'Pitching' },
  scoring: { 'zh-CN': '评分中', en: 'Scoring open' },
  closed: { 'zh-CN': '评分已结束', en: 'Scoring closed' },
  revealed: { 'zh-CN': '结果已揭晓', en: 'Results revealed' },
};

export const PROJECT_STATUS_NAMES: Record<PublicRoadshow['projects'][number]['status'], LocalizedText> = {
  waiting: { 'zh-CN': '待路演', en: 'Waiting' },
  pitching: { 'zh-CN': '路演中', en: 'Pitching' },
  scoring: { 'zh-CN': '评分中', en: 'Scoring' },
  done: { 'zh-CN': '已完成', en: 'Done' },
};
