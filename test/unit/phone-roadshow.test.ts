import { describe, expect, it } from 'vitest';
import type { PublicRoadshow } from '../../shared/roadshow.schema';
import { doneCount, lineup, onStage, revealedResults, showMoment } from '../../kiosk/lib/phone/roadshow';

const text = (en: string) => ({ 'zh-CN': `${en}（中文）`, en });

function project(id: string, order: number, status: PublicRoadshow['projects'][number]['status']): PublicRoadshow['projects'][number] {
  return { id, order, status, name: text(`Project ${id}`), presenter: `Presenter ${id}`, country: 'DE', field: text('Biomedicine') };
}

function roadshow(over: Partial<PublicRoadshow> = {}): PublicRoadshow {
  return {
    phase: 'closed',
    currentProjectId: 'b',
    projects: [project('b', 1, 'done'), project('a', 0, 'done'), project('c', 2, 'waiting')],
    progress: null,
    revealed: false,
    results: null,
    ...over,
  };
}

describe('phone roadshow view', () => {
  it('lists the projects in pitch order', () => {
    expect(lineup(roadshow()).map((p) => p.id)).toEqual(['a', 'b', 'c']);
  });

  it('names the project on stage only while it pitches or is scored', () => {
    expect(onStage(roadshow({ phase: 'pitching', currentProjectId: 'c' }))?.id).toBe('c');
    expect(onStage(roadshow({ phase: 'scoring', currentProjectId: 'c' }))?.id).toBe('c');
    expect(onStage(roadshow({ phase: 'closed', currentProjectId: 'b' }))).toBeNull();
    expect(onStage(roadshow({ phase: 'idle', currentProjectId: null }))).toBeNull();
  });

  it('counts the finished projects', () => {
    expect(doneCount(roadshow())).toBe(2);
  });

  it('has no results before the reveal, even if a results list arrives ahead of the flag', () => {
    expect(revealedResults(roadshow())).toBeNull();
    const early = roadshow({ revealed: false, results: [{ projectId: 'a', rank: 1, score: 90, judges: 2 }] });
    expect(revealedResults(early)).toBeNull();
  });

  it('ranks the revealed results best first, with their projects', () => {
    const revealed = roadshow({
      revealed: true,
      results: [
        { projectId: 'a', rank: 2, score: 60, judges: 2 },
        { projectId: 'b', rank: 1, score: 90, judges: 2 },
      ],
    });
    expect(revealedResults(revealed)?.map((row) => [row.rank, row.project?.id, row.score])).toEqual([
      [1, 'b', 90],
      [2, 'a', 60],
    ]);
  });

  it('keeps the place of a result whose project was deleted', () => {
    const revealed = roadshow({ revealed: true, results: [{ projectId: 'gone', rank: 1, score: 75, judges: 1 }] });
    expect(revealedResults(revealed)).toEqual([{ rank: 1, score: 75, judges: 1, project: null }]);
  });
});

describe('showMoment', () => {
  it('says where the show is: not started, on stage, between projects, finished', () => {
    const waiting = [project('a', 0, 'waiting'), project('b', 1, 'waiting')];
    expect(showMoment(roadshow({ phase: 'idle', currentProjectId: null, projects: waiting }))).toBe('not-started');
    expect(showMoment(roadshow({ phase: 'pitching', currentProjectId: 'a', projects: [project('a', 0, 'pitching'), project('b', 1, 'waiting')] }))).toBe('pitching');
    expect(showMoment(roadshow({ phase: 'scoring', currentProjectId: 'a', projects: [project('a', 0, 'scoring'), project('b', 1, 'waiting')] }))).toBe('scoring');
    expect(showMoment(roadshow({ phase: 'closed', currentProjectId: 'a', projects: [project('a', 0, 'done'), project('b', 1, 'waiting')] }))).toBe('between');
    expect(showMoment(roadshow({ phase: 'closed', currentProjectId: 'b', projects: [project('a', 0, 'done'), project('b', 1, 'done')] }))).toBe('finished');
  });
});
