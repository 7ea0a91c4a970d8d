import { CriterionSchema, ProjectSchema, type Criterion, type Project } from '../../shared/roadshow.schema';
import { sql } from 'kysely';
import type { Storage } from '../storage/storage';
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

export class SqlRoadshowRepository implements RoadshowRepository {
  constructor(private readonly storage: Storage) {}

  async projects(): Promise<Project[]> {
    const { rows } = await sql<{ data: string }>`SELECT data FROM roadshow_projects ORDER BY position, id`.execute(this.storage.db);
    return rows.map((r) => ProjectSchema.parse(JSON.parse(r.data)));
  }

  async criteria(): Promise<Criterion[]> {
    const { rows } = await sql<{ data: string }>`SELECT data FROM roadshow_criteria ORDER BY position, id`.execute(this.storage.db);
    return rows.map((r) => CriterionSchema.parse(JSON.parse(r.data)));
  }

  async state(): Promise<ShowState> {
    const { rows } = await sql<{ data: string }>`SELECT data FROM roadshow_state WHERE id = 1`.execute(this.storage.db);
    return rows[0] ? (JSON.parse(rows[0].data) as ShowState) : INITIAL_STATE;
  }

  async scores(): Promise<ScoreRow[]> {
    // Quoted aliases: PostgreSQL folds unquoted names to lower case.
    const { rows } = await sql<ScoreRow>`
      SELECT project_id AS "projectId", judge_id AS "judgeId", criterion_id AS "criterionId", score FROM roadshow_scores`.execute(this.storage.db);
    return rows;
  }

  async saveProject(project: Project): Promise<void> {
    await sql`
      INSERT INTO roadshow_projects (id, position, data) VALUES (${project.id}, ${project.order}, ${JSON.stringify(project)})
      ON CONFLICT(id) DO UPDATE SET position = excluded.position, data = excluded.data`.execute(this.storage.db);
  }

  async deleteProject(id: string): Promise<void> {
    await sql`DELETE FROM roadshow_projects WHERE id = ${id}`.execute(this.storage.db);
  }

  async replaceCriteria(criteria: readonly Criterion[]): Promise<void> {
    // Never a moment with half a rubric, whether or not the caller opened a transaction.
    await this.storage.transaction(async () => {
      await sql`DELETE FROM roadshow_criteria`.execute(this.storage.db);
      for (const [i, c] of criteria.entries()) {
        await sql`INSERT INTO roadshow_criteria (id, position, data) VALUES (${c.id}, ${i}, ${JSON.stringify(c)})`.execute(this.storage.db);
      }
    });
  }

  async saveState(state: ShowState): Promise<void> {
    await sql`
      INSERT INTO roadshow_state (id, data) VALUES (1, ${JSON.stringify(state)})
      ON CONFLICT(id) DO UPDATE SET data = excluded.data`.execute(this.storage.db);
  }

  async saveScore(s: ScoreRow, at: string): Promise<void> {
    await sql`
      INSERT INTO roadshow_scores (project_id, judge_id, criterion_id, score, updated_at) VALUES (${s.projectId}, ${s.judgeId}, ${s.criterionId}, ${s.score}, ${at})
      ON CONFLICT(project_id, judge_id, criterion_id) DO UPDATE SET score = excluded.score, updated_at = excluded.updated_at`.execute(this.storage.db);
  }

  transaction<T>(fn: () => Promise<T>): Promise<T> {
    return this.storage.transaction(fn);
  }
}
