import { CriterionSchema, ProjectSchema, type Criterion, type Project } from '../../shared/roadshow.schema';
import type { Db } from '../storage/database';
import type { ScoreRow } from './roadshow.rules';
import { INITIAL_STATE, type ShowState } from '../../shared/roadshow.rules';

export interface RoadshowRepository {
  projects(): Project[];
  criteria(): Criterion[];
  state(): ShowState;
  scores(): ScoreRow[];
  saveProject(project: Project): void;
  deleteProject(id: string): void;
  replaceCriteria(criteria: readonly Criterion[]): void;
  saveState(state: ShowState): void;
  saveScore(score: ScoreRow, at: string): void;
  transaction<T>(fn: () => T): T;
}

export class SqliteRoadshowRepository implements RoadshowRepository {
  constructor(private readonly db: Db) {}

  projects(): Project[] {
    return this.db.prepare<[], { data: string }>('SELECT data FROM roadshow_projects ORDER BY position, id').all().map((r) => ProjectSchema.parse(JSON.parse(r.data)));
  }

  criteria(): Criterion[] {
    return this.db.prepare<[], { data: string }>('SELECT data FROM roadshow_criteria ORDER BY position, id').all().map((r) => CriterionSchema.parse(JSON.parse(r.data)));
  }

  state(): ShowState {
    const row = this.db.prepare<[], { data: string }>('SELECT data FROM roadshow_state WHERE id = 1').get();
    return row ? (JSON.parse(row.data) as ShowState) : INITIAL_STATE;
  }

  scores(): ScoreRow[] {
    return this.db
      .prepare<[], ScoreRow>('SELECT project_id AS projectId, judge_id AS judgeId, criterion_id AS criterionId, score FROM roadshow_scores')
      .all();
  }

  saveProject(project: Project): void {
    this.db
      .prepare('INSERT INTO roadshow_projects (id, position, data) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET position = excluded.position, data = excluded.data')
      .run(project.id, project.order, JSON.stringify(project));
  }

  deleteProject(id: string): void {
    this.db.prepare('DELETE FROM roadshow_projects WHERE id = ?').run(id);
  }

  replaceCriteria(criteria: readonly Criterion[]): void {
    this.db.prepare('DELETE FROM roadshow_criteria').run();
    const insert = this.db.prepare('INSERT INTO roadshow_criteria (id, position, data) VALUES (?, ?, ?)');
    criteria.forEach((c, i) => insert.run(c.id, i, JSON.stringify(c)));
  }

  saveState(state: ShowState): void {
    this.db.prepare('INSERT INTO roadshow_state (id, data) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET data = excluded.data').run(JSON.stringify(state));
  }

  saveScore(s: ScoreRow, at: string): void {
    this.db
      .prepare(
        `INSERT INTO roadshow_scores (project_id, judge_id, criterion_id, score, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(project_id, judge_id, criterion_id) DO UPDATE SET score = excluded.score, updated_at = excluded.updated_at`,
      )
      .run(s.projectId, s.judgeId, s.criterionId, s.score, at);
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }
}
