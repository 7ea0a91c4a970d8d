import { describe, expect, it } from 'vitest';
import type { Criterion, Project } from '../../shared/roadshow.schema';
import { judgeScore, publicRoadshow, rankProjects, type ScoreRow } from '../../server/roadshow/roadshow.rules';
import { INITIAL_STATE, isRefusal, nextState, type ShowState } from '../../shared/roadshow.rules';

const criteria: Criterion[] = [
  { id: 'innovation', name: { 'zh-CN': '创新性', en: 'Innovation' }, weight: 3, maxScore: 10 },
  { id: 'market', name: { 'zh-CN': '市场前景', en: 'Market' }, weight: 1, maxScore: 10 },
];
const project = (id: string, order: number): Project => ({ id, order, name: { 'zh-CN': id, en: id }, presenter: 'P', country: 'DE', field: { 'zh-CN': '医药', en: 'Medicine' } });
const projects = [project('a', 0), project('b', 1), project('c', 2)];
const card = (projectId: string, judgeId: string, innovation: number, market: number): ScoreRow[] => [
  { projectId, judgeId, criterionId: 'innovation', score: innovation },
  { projectId, judgeId, criterionId: 'market', score: market },
];

describe('scores', () => {
  it('weights each criterion and scales to 100', () => {
    expect(judgeScore(new Map([['innovation', 10], ['market', 0]]), criteria)).toBe(75);
  });

  it('counts a judge only once every criterion is scored', () => {
    expect(judgeScore(new Map([['innovation', 10]]), criteria)).toBeNull();
  });

  it('ranks by the mean of complete judges, ties broken by the heaviest criterion, then pitch order', () => {
    const scores = [
      ...card('a', 'j1', 8, 8), // 80
      ...card('b', 'j1', 10, 2), // 80, but higher on innovation
      ...card('c', 'j1', 9, 9), // 90
      { projectId: 'c', judgeId: 'j2', criterionId: 'innovation', score: 1 }, // incomplete: ignored
    ];
    const ranked = rankProjects(projects, ['a', 'b', 'c'], criteria, scores);
    expect(ranked.map((r) => [r.projectId, r.rank, r.score])).toEqual([
      ['c', 1, 90],
      ['b', 2, 80],
      ['a', 3, 80],
    ]);
    expect(ranked[0]!.judges).toBe(1);
  });

  it('ranks only projects whose scoring closed', () => {
    expect(rankProjects(projects, ['a'], criteria, card('b', 'j1', 10, 10)).map((r) => r.projectId)).toEqual(['a']);
  });
});

describe('the show', () => {
  const run = (state: ShowState, ...actions: Parameters<typeof nextState>[1][]) =>
    actions.reduce<ShowState>((s, action) => {
      const next = nextState(s, action, projects, criteria.length);
      if (isRefusal(next)) throw new Error(`${action}: ${next.why.en}`);
      return next;
    }, state);

  it('moves project by project: pitching → scoring → closed', () => {
    const state = run(INITIAL_STATE, 'next-project', 'open-scoring', 'close-scoring', 'next-project');
    expect(state).toMatchObject({ phase: 'pitching', currentProjectId: 'b', closed: ['a'] });
  });

  it('refuses steps out of order, and revealing while scoring is open', () => {
    const refused = (state: ShowState, action: Parameters<typeof nextState>[1]) => nextState(state, action, projects, criteria.length);
    expect(refused(INITIAL_STATE, 'open-scoring')).toMatchObject({ code: 'wrong_phase' });
    expect(refused(run(INITIAL_STATE, 'next-project'), 'next-project')).toMatchObject({ code: 'wrong_phase' });
    expect(refused(run(INITIAL_STATE, 'next-project', 'open-scoring'), 'reveal')).toMatchObject({ code: 'wrong_phase' });
    expect(refused(INITIAL_STATE, 'reveal')).toMatchObject({ code: 'wrong_phase' });
  });

  it('puts no project on stage before there is a rubric', () => {
    expect(nextState(INITIAL_STATE, 'next-project', projects, 0)).toEqual({ code: 'no_rubric', why: { 'zh-CN': '请先设置评分标准', en: 'Set the scoring rubric first' } });
  });

  it('says "add a project" when there is none, and "every project has pitched" when all did', () => {
    expect(nextState(INITIAL_STATE, 'next-project', [], criteria.length)).toMatchObject({ why: { en: 'Add a project first' } });
    const done = { ...INITIAL_STATE, phase: 'closed' as const, closed: projects.map((p) => p.id) };
    expect(nextState(done, 'next-project', projects, criteria.length)).toMatchObject({ why: { en: 'Every project has pitched' } });
  });

  it('hides results and scores from the public until the reveal', () => {
    const closed = run(INITIAL_STATE, 'next-project', 'open-scoring', 'close-scoring');
    const results = () => rankProjects(projects, closed.closed, criteria, card('a', 'j1', 9, 9));
    const hidden = publicRoadshow(closed, projects, null, results);
    expect(hidden.results).toBeNull();
    expect(JSON.stringify(hidden)).not.toContain('"score"');
    const revealed = publicRoadshow(run(closed, 'reveal'), projects, null, results);
    expect(revealed.results).toEqual([{ projectId: 'a', rank: 1, score: 90, judges: 1 }]);
  });

  it('shows scoring progress only as counts', () => {
    const scoring = run(INITIAL_STATE, 'next-project', 'open-scoring');
    const view = publicRoadshow(scoring, projects, { judges: 2, complete: 1 }, () => []);
    expect(view.progress).toEqual({ judges: 2, complete: 1 });
    expect(view.projects.map((p) => p.status)).toEqual(['scoring', 'waiting', 'waiting']);
  });
});
