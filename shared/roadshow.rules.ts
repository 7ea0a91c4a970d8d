// The roadshow's state machine, zod-free: the server runs it, and the console reads it to tell which
// show buttons make sense now (and why not), so the two cannot disagree.
import type { LocalizedText } from './i18n';
import type { Project } from './roadshow.schema';

/**
 * The show moves one project at a time: pitching → scoring (judges may score and change their
 * scores) → closed. `idle` before the first project.
 */
export const ROADSHOW_PHASES = ['idle', 'pitching', 'scoring', 'closed'] as const;
export type ShowPhase = (typeof ROADSHOW_PHASES)[number];

/** What the operator can do to the show. */
export const ROADSHOW_ACTIONS = ['next-project', 'open-scoring', 'close-scoring', 'reveal', 'hide-results'] as const;
export type ShowAction = (typeof ROADSHOW_ACTIONS)[number];

export interface ShowState {
  phase: ShowPhase;
  currentProjectId: string | null;
  revealed: boolean;
  /** Projects whose scoring has closed, in the order they closed. */
  closed: string[];
}

export const INITIAL_STATE: ShowState = { phase: 'idle', currentProjectId: null, revealed: false, closed: [] };

/**
 * Why an action cannot happen now. `no_rubric`: the server answers 400 (the operator must set the
 * rubric); `wrong_phase`: 409 (the show is elsewhere than the console thought).
 */
export interface ShowRefusal {
  code: 'no_rubric' | 'wrong_phase';
  why: LocalizedText;
}

export const isRefusal = (next: ShowState | ShowRefusal): next is ShowRefusal => 'code' in next;

const refuse = (code: ShowRefusal['code'], zh: string, en: string): ShowRefusal => ({ code, why: { 'zh-CN': zh, en } });

/**
 * The show's next state after an operator's action, or why it cannot happen now. No project goes
 * on stage before there is a rubric (`criteriaCount` criteria): judges could not score it.
 */
export function nextState(state: ShowState, action: ShowAction, projects: readonly Pick<Project, 'id' | 'order'>[], criteriaCount: number): ShowState | ShowRefusal {
  switch (action) {
    case 'next-project': {
      if (state.phase === 'pitching' || state.phase === 'scoring') return refuse('wrong_phase', '请先结束当前项目的评分', 'Finish the current project first (close its scoring)');
      if (criteriaCount === 0) return refuse('no_rubric', '请先设置评分标准', 'Set the scoring rubric first');
      const next = [...projects].sort((a, b) => a.order - b.order).find((p) => !state.closed.includes(p.id));
      if (!next) return projects.length === 0 ? refuse('wrong_phase', '还没有项目', 'Add a project first') : refuse('wrong_phase', '所有项目都已路演', 'Every project has pitched');
      return { ...state, phase: 'pitching', currentProjectId: next.id };
    }
    case 'open-scoring':
      return state.phase === 'pitching' ? { ...state, phase: 'scoring' } : refuse('wrong_phase', '项目路演开始后才能开启评分', 'Scoring opens after a project has pitched');
    case 'close-scoring':
      return state.phase === 'scoring' && state.currentProjectId
        ? { ...state, phase: 'closed', closed: [...state.closed, state.currentProjectId] }
        : refuse('wrong_phase', '评分尚未开启', 'Scoring is not open');
    case 'reveal':
      if (state.phase === 'scoring') return refuse('wrong_phase', '请先结束评分', 'Close the scoring before revealing');
      return state.closed.length > 0 ? { ...state, revealed: true } : refuse('wrong_phase', '还没有完成评分的项目', 'No project has been scored yet');
    case 'hide-results':
      return { ...state, revealed: false };
  }
}
