import { describe, expect, it } from 'vitest';
import type { PublicRoadshow } from '../../shared/roadshow.schema';
import {
  formatScore,
  hasRoadshow,
  lineupWindow,
  onStage,
  placeText,
  ranking,
  revealBegins,
  revealFrame,
  revealOrder,
  scoringProgress,
  upNext,
} from '../../kiosk/lib/stage/roadshow';

const text = (en: string) => ({ 'zh-CN': `${en}（中文）`, en });
type Project = PublicRoadshow['projects'][number];

function project(id: string, order: number, status: Project['status'] = 'waiting'): Project {
  return { id, order, status, name: text(`Project ${id}`), presenter: `Presenter ${id}`, country: 'DE', field: text('Biomedicine') };
}

function roadshow(over: Partial<PublicRoadshow> = {}): PublicRoadshow {
  return {
    phase: 'idle',
    currentProjectId: null,
    projects: [project('c', 2), project('a', 0), project('b', 1)],
    progress: null,
    revealed: false,
    results: null,
    ...over,
  };
}

const results = [
  { projectId: 'b', rank: 1, score: 91.25, judges: 3 },
  { projectId: 'a', rank: 2, score: 84.5, judges: 3 },
  { projectId: 'c', rank: 3, score: 84.5, judges: 2 },
];
const revealed = roadshow({ phase: 'closed', currentProjectId: 'c', revealed: true, results });

describe('the roadshow on the stage', () => {
  it('has something to show once a project is in the line-up', () => {
    expect(hasRoadshow(null)).toBe(false);
    expect(hasRoadshow(roadshow({ projects: [] }))).toBe(false);
    expect(hasRoadshow(roadshow())).toBe(true);
  });

  it('names the project on stage with its place in the line-up', () => {
    const show = roadshow({ phase: 'scoring', currentProjectId: 'b', projects: [project('c', 2), project('a', 0, 'done'), project('b', 1, 'scoring')] });
    expect(onStage(show)).toMatchObject({ project: { id: 'b' }, position: 2, total: 3, phase: 'scoring' });
    expect(onStage(roadshow({ phase: 'closed', currentProjectId: 'b' }))).toBeNull();
  });

  it('names the next project between projects, and none once every one has pitched', () => {
    expect(upNext(roadshow())).toMatchObject({ project: { id: 'a' }, position: 1 });
    expect(upNext(roadshow({ phase: 'closed', currentProjectId: 'a', projects: [project('a', 0, 'done'), project('b', 1), project('c', 2)] }))).toMatchObject({ project: { id: 'b' }, position: 2 });
    expect(upNext(roadshow({ phase: 'pitching', currentProjectId: 'a', projects: [project('a', 0, 'pitching'), project('b', 1)] }))).toBeNull();
    expect(upNext(roadshow({ phase: 'closed', projects: [project('a', 0, 'done')] }))).toBeNull();
  });

  it('tells how many judges have scored only while scoring is open', () => {
    expect(scoringProgress(roadshow({ phase: 'scoring', currentProjectId: 'a', progress: { judges: 3, complete: 2 } }))).toEqual({ judges: 3, complete: 2 });
    expect(scoringProgress(roadshow({ phase: 'closed', currentProjectId: 'a', progress: { judges: 3, complete: 3 } }))).toBeNull();
  });

  it('has no ranking before the reveal, even if results arrive ahead of the flag', () => {
    expect(ranking(roadshow({ results }))).toBeNull();
    expect(revealOrder(roadshow({ results }))).toEqual([]);
    expect(ranking(revealed)?.map((row) => [row.rank, row.project?.id])).toEqual([
      [1, 'b'],
      [2, 'a'],
      [3, 'c'],
    ]);
  });

  it('plays the reveal from the last place to the first, then shows the whole ranking best first', () => {
    const order = revealOrder(revealed);
    const frames = [0, 1, 2, 3, 4].map((step) => revealFrame(order, step));
    expect(frames.slice(0, 3).map((frame) => frame?.kind === 'place' && frame.row.project?.id)).toEqual(['c', 'a', 'b']);
    expect(frames[3]?.kind === 'ranking' && frames[3].rows.map((row) => row.rank)).toEqual([1, 2, 3]);
    expect(frames[4]).toBeNull();
    expect(revealFrame(order, -1)).toBeNull();
    expect(revealFrame([], 0)).toBeNull();
  });

  it('plays the reveal when the operator reveals, not for a screen that starts after it', () => {
    const hidden = roadshow({ phase: 'closed', currentProjectId: 'c' });
    expect(revealBegins(hidden, revealed)).toBe(true);
    expect(revealBegins(null, revealed)).toBe(false);
    expect(revealBegins(revealed, revealed)).toBe(false);
    expect(revealBegins(hidden, hidden)).toBe(false);
    // Revealed with nothing scored: nothing to play.
    expect(revealBegins(hidden, { ...revealed, results: [] })).toBe(false);
  });

  it('keeps a removed project in its place in the ranking', () => {
    const rows = ranking({ ...revealed, projects: revealed.projects.filter((p) => p.id !== 'a') });
    expect(rows?.[1]).toMatchObject({ rank: 2, project: null });
  });

  it('says places and scores readably', () => {
    expect([1, 2, 3, 4, 11, 22].map((rank) => placeText(rank).en)).toEqual(['1st place', '2nd place', '3rd place', '4th place', '11th place', '22nd place']);
    expect(placeText(3)['zh-CN']).toBe('第 3 名');
    expect(formatScore(84.5)).toBe('84.5');
    expect(formatScore(91.25)).toBe('91.3');
    expect(formatScore(80)).toBe('80.0');
  });

  it('shows the part of a long line-up around the project on stage', () => {
    const list = Array.from({ length: 12 }, (_, i) => i);
    expect(lineupWindow(list, 0, 8)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(lineupWindow(list, 6, 8)).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
    expect(lineupWindow(list, 11, 8)).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
    expect(lineupWindow([1, 2], 1, 8)).toEqual([1, 2]);
  });
});
