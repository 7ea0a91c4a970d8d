import { CriterionSchema, ProjectSchema, type Criterion, type Project } from '../../shared/roadshow.schema';
import type { Db } from '../storage/database';
import type { ScoreRow } from './roadshow.rules';
import { INITIAL_STATE, type ShowState } from '../../shared/roadshow.rules';

export interface RoadshowRepository {
  projects(): Promise<Project[]>;
  criteria(): Promise<Criterion[]>;
  state(): Promise<ShowState>;
  scores(): Promise<ScoreRow[]>;
  saveProject(project: Project): Promise<void>;
  deleteProject(id: string): Promise<void>;
  replaceCriteria(criteria: readonly Criterion[]): Promise<void>;
  saveState(state: ShowState): Promise<void>;
  saveScore(score: ScoreRow, at: string): Promise<void>;
  transaction<T>(fn: () => Promise<T>): Promise<T>;
}

export class SqliteRoadshowRepository implements RoadshowRepository {
  constructor(private readonly db: Db) {}

  async projects(): Promise<Project[]> {
    return this.db.prepare<[], { data: string }>('SELECT data FROM roadshow_projects ORDER BY position, id').all().map((r) => ProjectSchema.parse(JSON.parse(r.data)));
  }

  async criteria(): Promise<Criterion[]> {
    return this.db.prepare<[], { data: string }>('SELECT data FROM roadshow_criteria ORDER BY position, id').all().map((r) => CriterionSchema.parse(JSON.parse(r.data)));
  }

  async state(): Promise<ShowState> {
    const row = this.db.prepare<[], { data: string }>('SELECT data FROM roadshow_state WHERE id = 1').get();
    return row ? (JSON.parse(row.data) as ShowState) : INITIAL_STATE;
  }

  async scores(): Promise<ScoreRow[]> {
    return this.db
      .prepare<[], ScoreRow>('SELECT project_id AS projectId, judge_id AS judgeId, criterion_id AS criterionId, score FROM roadshow_scores')
      .all();
  }

  async saveProject(project: Project): Promise<void> {
    this.db
      .prepare('INSERT INTO roadshow_projects (id, position, data) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET position = excluded.position, data = excluded.data')
      .run(project.id, project.order, JSON.stringify(project));
  }

  async deleteProject(id: string): Promise<void> {
    this.db.prepare('DELETE FROM roadshow_projects WHERE id = ?').run(id);
  }

  async replaceCriteria(criteria: readonly Criterion[]): Promise<void> {
    this.db.prepare('DELETE FROM roadshow_criteria').run();
    const insert = this.db.prepare('INSERT INTO roadshow_criteria (id, position, data) VALUES (?, ?, ?)');
    criteria.forEach((c, i) => insert.run(c.id, i, JSON.stringify(c)));
  }

  async saveState(state: ShowState): Promise<void> {
    this.db.prepare('INSERT INTO roadshow_state (id, data) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET data = excluded.data').run(JSON.stringify(state));
  }

  async saveScore(s: ScoreRow, at: string): Promise<void> {
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
