import { CriterionSchema, ProjectSchema, type Criterion, type Project } from '../../shared/roadshow.schema';
import { sql } from 'kysely';
import type { Storage } from '../storage/storage';
import type { ScoreRow } from './roadshow.rules';
import { INITIAL_STATE, type ShowState } from '../../shared/roadshow.rules';

export interface RoadshowRepository {
  projects(): Promise<Project[]>;
  criteria(): Promise<Criterion[]>;
  /** The show's state and its version (0 before the first step). */
  state(): Promise<VersionedState>;
  scores(): Promise<ScoreRow[]>;
  saveProject(project: Project): Promise<void>;
  deleteProject(id: string): Promise<void>;
  replaceCriteria(criteria: readonly Criterion[]): Promise<void>;
  /** Stores `state` as version `baseVersion + 1` if the stored one is still `baseVersion`; false when another step came first. */
  saveState(state: ShowState, baseVersion: number): Promise<boolean>;
  saveScore(score: ScoreRow, at: string): Promise<void>;
  transaction<T>(fn: () => Promise<T>): Promise<T>;
}

export interface VersionedState {
  state: ShowState;
  version: number;
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

  async state(): Promise<VersionedState> {
    const { rows } = await sql<{ data: string; version: number }>`SELECT data, version FROM roadshow_state WHERE id = 1`.execute(this.storage.db);
    return rows[0] ? { state: JSON.parse(rows[0].data) as ShowState, version: Number(rows[0].version) } : { state: INITIAL_STATE, version: 0 };
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

  async saveState(state: ShowState, baseVersion: number): Promise<boolean> {
    const data = JSON.stringify(state);
    // Version 0 is "no row yet" (a new show, or after the rehearsal data was cleared): the first
    // step inserts it, and a second first step finds a row whose version is no longer 0.
    const result =
      baseVersion === 0
        ? await sql`
            INSERT INTO roadshow_state (id, data, version) VALUES (1, ${data}, 1)
            ON CONFLICT(id) DO UPDATE SET data = excluded.data, version = 1 WHERE roadshow_state.version = 0`.execute(this.storage.db)
        : await sql`UPDATE roadshow_state SET data = ${data}, version = ${baseVersion + 1} WHERE id = 1 AND version = ${baseVersion}`.execute(this.storage.db);
    return Number(result.numAffectedRows ?? 0) === 1;
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
