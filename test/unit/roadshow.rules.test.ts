import { describe, expect, it } from 'vitest';
import type { Criterion, Project } from '../../shared/roadshow.schema';
import { INITIAL_STATE, judgeScore, nextState, publicRoadshow, rankProjects, type ScoreRow, type ShowState } from '../../server/roadshow/roadshow.rules';

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
      const next = nextState(s, action, projects);
      if (typeof next === 'string') throw new Error(`${action}: ${next}`);
      return next;
    }, state);

  it('moves project by project: pitching → scoring → closed', () => {
    const state = run(INITIAL_STATE, 'next-project', 'open-scoring', 'close-scoring', 'next-project');
    expect(state).toMatchObject({ phase: 'pitching', currentProjectId: 'b', closed: ['a'] });
  });

  it('refuses steps out of order, and revealing while scoring is open', () => {
    expect(nextState(INITIAL_STATE, 'open-scoring', projects)).toBeTypeOf('string');
    expect(nextState(run(INITIAL_STATE, 'next-project'), 'next-project', projects)).toBeTypeOf('string');
    expect(nextState(run(INITIAL_STATE, 'next-project', 'open-scoring'), 'reveal', projects)).toBeTypeOf('string');
    expect(nextState(INITIAL_STATE, 'reveal', projects)).toBeTypeOf('string');
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
