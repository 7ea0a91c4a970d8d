import { describe, expect, it } from 'vitest';
import { RoadshowActionSchema, type Criterion, type Project } from '../../shared/roadshow.schema';
import { publicRoadshow } from '../../server/roadshow/roadshow.rules';
import { isRefusal, nextState, type ShowState } from '../../shared/roadshow.rules';
import { actionChecks, criterionRow, judgeCard, phaseSteps, projectPayload, ROADSHOW_ACTIONS, rubricLocked, rubricPayload, weightShares } from '../../kiosk/lib/console/roadshow';

const project = (id: string, order: number): Project => ({ id, order, name: { 'zh-CN': id, en: id }, presenter: 'P', country: 'DE', field: { 'zh-CN': '领域', en: 'Field' } });
const projects = [project('a', 0), project('b', 1)];
const criteria: Criterion[] = [
  { id: 'innovation', name: { 'zh-CN': '创新性', en: 'Innovation' }, weight: 2, maxScore: 10 },
  { id: 'market', name: { 'zh-CN': '市场', en: 'Market' }, weight: 1, maxScore: 10 },
];
const publicOf = (state: ShowState, list = projects) => publicRoadshow(state, list, null, () => []);

/** Every state a show passes through with two projects, reached by the server's own rules. */
function reachableStates(): ShowState[] {
  const seen = new Map<string, ShowState>();
  const queue: ShowState[] = [{ phase: 'idle', currentProjectId: null, revealed: false, closed: [] }];
  while (queue.length > 0) {
    const state = queue.shift()!;
    const key = JSON.stringify(state);
    if (seen.has(key)) continue;
    seen.set(key, state);
    for (const action of ROADSHOW_ACTIONS) {
      const next = nextState(state, action, projects, criteria.length);
      if (!isRefusal(next)) queue.push(next);
    }
  }
  return [...seen.values()];
}

describe('show control buttons', () => {
  it('cover every action the server knows', () => {
    expect([...ROADSHOW_ACTIONS].sort()).toEqual([...RoadshowActionSchema.shape.action.options].sort());
  });

  it('are on exactly when the server would take the step (revealing twice or hiding hidden results aside)', () => {
    const states = reachableStates();
    expect(states.length).toBeGreaterThan(8);
    for (const state of states) {
      const checks = actionChecks(publicOf(state), criteria.length);
      for (const action of ROADSHOW_ACTIONS) {
        let server = !isRefusal(nextState(state, action, projects, criteria.length));
        if (action === 'reveal' && state.revealed) server = false;
        if (action === 'hide-results' && !state.revealed) server = false;
        expect(checks[action].allowed, `${action} in ${JSON.stringify(state)}`).toBe(server);
      }
    }
  });

  it('keep the first project back until there is a rubric, and say why', () => {
    const checks = actionChecks(publicOf({ phase: 'idle', currentProjectId: null, revealed: false, closed: [] }), 0);
    expect(checks['next-project']).toEqual({ allowed: false, why: { 'zh-CN': '请先设置评分标准', en: 'Set the scoring rubric first' } });
  });

  it('show the steps of the project on stage, the reveal last', () => {
    const at = (state: ShowState) => phaseSteps(publicOf(state)).map((s) => `${s.phase}:${s.state}`);
    expect(at({ phase: 'idle', currentProjectId: null, revealed: false, closed: [] })).toEqual(['pitching:todo', 'scoring:todo', 'closed:todo', 'revealed:todo']);
    expect(at({ phase: 'scoring', currentProjectId: 'a', revealed: false, closed: [] })).toEqual(['pitching:done', 'scoring:current', 'closed:todo', 'revealed:todo']);
    expect(at({ phase: 'closed', currentProjectId: 'b', revealed: true, closed: ['a', 'b'] })).toEqual(['pitching:done', 'scoring:done', 'closed:done', 'revealed:current']);
  });

  it('lock the rubric from the moment scoring opens', () => {
    expect(rubricLocked(publicOf({ phase: 'pitching', currentProjectId: 'a', revealed: false, closed: [] }))).toBe(false);
    expect(rubricLocked(publicOf({ phase: 'scoring', currentProjectId: 'a', revealed: false, closed: [] }))).toBe(true);
    expect(rubricLocked(publicOf({ phase: 'pitching', currentProjectId: 'b', revealed: false, closed: ['a'] }))).toBe(true);
  });
});

describe('rubric editor', () => {
  it('keeps existing ids, makes new ones from the English name, unique', () => {
    const rows = [criterionRow(criteria[0]), { ...criterionRow(), name: { 'zh-CN': '团队', en: 'Team & Execution' }, weight: '1.5', maxScore: '5' }, { ...criterionRow(), name: { 'zh-CN': '团队二', en: 'Team & execution' } }];
    const payload = rubricPayload(rows);
    expect(payload).toMatchObject({ ok: true });
    if (!payload.ok) return;
    expect(payload.body.criteria.map((c) => c.id)).toEqual(['innovation', 'team-execution', 'team-execution-2']);
    expect(payload.body.criteria[1]).toMatchObject({ weight: 1.5, maxScore: 5 });
  });

  it('names each wrong cell as the server would', () => {
    const payload = rubricPayload([{ id: '', name: { 'zh-CN': '', en: 'X' }, weight: 0, maxScore: 2.5 }]);
    expect(payload).toEqual({ ok: false, fields: { 'criteria.0.name.zh-CN': 'must not be empty', 'criteria.0.weight': 'must be above 0', 'criteria.0.maxScore': 'must be a whole number from 1 to 100' } });
    expect(rubricPayload([])).toEqual({ ok: false, fields: { criteria: 'must have at least one criterion' } });
  });

  it('shows what a weight means as a share of the total', () => {
    expect(weightShares(criteria.map((c) => criterionRow(c)))).toEqual([66.7, 33.3]);
    expect(weightShares([{ ...criterionRow(), weight: '' }])).toEqual([0]);
  });
});

describe('projects', () => {
  it('needs both names, both field names, a presenter and a country code', () => {
    expect(projectPayload({ name: { 'zh-CN': 'X', en: '' }, presenter: ' ', country: 'd', field: { 'zh-CN': '', en: 'F' } })).toEqual({
      ok: false,
      fields: { 'name.en': 'must not be empty', 'field.zh-CN': 'must not be empty', presenter: 'must not be empty', country: 'must be a two-letter ISO country code such as DE' },
    });
    expect(projectPayload({ name: { 'zh-CN': 'X', en: 'X' }, presenter: 'Dr. Y', country: 'by', field: { 'zh-CN': 'F', en: 'F' } })).toMatchObject({ ok: true, body: { country: 'BY' } });
  });
});

describe('a judge’s card', () => {
  it('shows a tapped score over the saved one until the server answers, and counts what is scored', () => {
    const card = judgeCard({ innovation: 4 }, new Map([['innovation', 9]]), criteria);
    expect(card).toEqual({ scores: { innovation: 9 }, scored: 1, complete: false });
    expect(judgeCard({ innovation: 4 }, new Map([['market', 7]]), criteria)).toEqual({ scores: { innovation: 4, market: 7 }, scored: 2, complete: true });
    expect(judgeCard(undefined, new Map(), [])).toEqual({ scores: {}, scored: 0, complete: false });
  });
});
