import { randomUUID } from 'node:crypto';
import type { SessionUser } from '../../shared/auth.schema';
import type { Criterion, JudgingView, Project, PublicRoadshow, RankedResult, RoadshowAction, RoadshowStaffView, ScoreInput } from '../../shared/roadshow.schema';
import type { Actor, AuditService } from '../audit/audit.service';
import { AppError, badRequest, notFound } from '../platform/errors';
import type { RoadshowRepository } from './roadshow.repository';
import { completeJudges, publicRoadshow, rankProjects, type ScoreRow } from './roadshow.rules';
import { isRefusal, nextState, type ShowState } from '../../shared/roadshow.rules';
import type { DomainEventContext, DomainEventPublisher, DomainEventSource } from '../platform/domain-events';
import type { BackgroundTasks } from '../platform/background';
import pLimit from 'p-limit';

export interface RoadshowServiceDeps {
  repository: RoadshowRepository;
  audit: AuditService;
  now: () => number;
  /** Active judge accounts. */
  judges: { activeJudges(): Promise<{ id: string; username: string }[]> };
  /** Told when the public roadshow state changed; tells it when the rehearsal data was cleared or the accounts changed. */
  bus: DomainEventPublisher & DomainEventSource;
  tasks: BackgroundTasks;
}

/**
 * Runs the roadshow: projects, rubric, the operator's phases, judges' scores. Scores never leave
 * this service except as a judge's own card, the staff view, or ranked results after the reveal.
 */
export class RoadshowService {
  private projects: Project[] = [];
  private criteria: Criterion[] = [];
  private state!: ShowState;
  /** The stored version of `state`: a step is stored only over this one (see actNow). */
  private stateVersion = 0;
  private scores: ScoreRow[] = [];
  private judges: { id: string; username: string }[] = [];
  /** Steps and rubric changes run one at a time: each is checked against the state the previous one left. */
  private readonly writes = pLimit(1);

  constructor(private readonly deps: RoadshowServiceDeps) {
    // On the node where it happened; that node's roadshow.changed tells the others.
    const reloadAndTell = async (_: unknown, { origin }: DomainEventContext) => {
      if (origin === 'remote') return;
      await this.writes(() => this.reload());
      deps.bus.publish('roadshow.changed', {});
    };
    deps.bus.on('rehearsal.cleared', reloadAndTell);
    deps.bus.on('users.changed', reloadAndTell);
    deps.bus.on('roadshow.changed', (_, { origin }) => (origin === 'remote' ? this.writes(() => this.reload()) : undefined));
  }

  /** Reads everything from storage (at start, after the rehearsal data was cleared, when accounts changed). */
  async reload(): Promise<void> {
    const { repository } = this.deps;
    this.projects = await repository.projects();
    this.criteria = await repository.criteria();
    ({ state: this.state, version: this.stateVersion } = await repository.state());
    this.scores = await repository.scores();
    this.judges = await this.deps.judges.activeJudges();
  }

  publicState(): PublicRoadshow {
    const judges = this.judges.map((j) => j.id);
    const progress = this.state.currentProjectId ? { judges: judges.length, complete: completeJudges(this.state.currentProjectId, judges, this.criteria, this.scores) } : null;
    return publicRoadshow(this.state, this.projects, progress, () => this.results());
  }

  staffView(): RoadshowStaffView {
    const current = this.state.currentProjectId;
    return {
      public: this.publicState(),
      projects: this.projects,
      criteria: this.criteria,
      judges: this.judges.map((j) => ({ ...j, complete: current !== null && completeJudges(current, [j.id], this.criteria, this.scores) === 1 })),
      results: this.results(),
    };
  }

  async addProject(input: Omit<Project, 'id' | 'order'>, actor: Actor): Promise<Project> {
    const project: Project = { id: randomUUID(), order: this.projects.reduce((max, p) => Math.max(max, p.order + 1), 0), ...input };
    await this.deps.repository.transaction(async () => {
      await this.deps.repository.saveProject(project);
      await this.deps.audit.record(actor, { action: 'roadshow.project.create', targetType: 'project', targetId: project.id, after: project });
    });
    this.projects = [...this.projects, project];
    this.deps.bus.publish('roadshow.changed', {});
    return project;
  }

  async deleteProject(id: string, actor: Actor): Promise<void> {
    const project = this.projects.find((p) => p.id === id);
    if (!project) throw notFound(`No project "${id}"`);
    if (this.state.currentProjectId === id || this.state.closed.includes(id)) throw new AppError(409, 'project_started', 'A project that has pitched cannot be removed');
    await this.deps.repository.transaction(async () => {
      await this.deps.repository.deleteProject(id);
      await this.deps.audit.record(actor, { action: 'roadshow.project.delete', targetType: 'project', targetId: id, before: project });
    });
    this.projects = this.projects.filter((p) => p.id !== id);
    this.deps.bus.publish('roadshow.changed', {});
  }

  /** Sets the rubric; refused once scoring has begun, so nobody's score changes meaning. */
  setRubric(criteria: Criterion[], actor: Actor): Promise<Criterion[]> {
    return this.writes(() => this.setRubricNow(criteria, actor));
  }

  private async setRubricNow(criteria: Criterion[], actor: Actor): Promise<Criterion[]> {
    if (this.scores.length > 0) throw new AppError(409, 'scoring_started', 'The rubric cannot change after judges have started scoring');
    await this.deps.repository.transaction(async () => {
      await this.deps.repository.replaceCriteria(criteria);
      await this.deps.audit.record(actor, { action: 'roadshow.rubric', targetType: 'rubric', before: this.criteria, after: criteria });
    });
    this.criteria = criteria;
    this.deps.bus.publish('roadshow.changed', {});
    return criteria;
  }

  act(action: RoadshowAction, actor: Actor): Promise<PublicRoadshow> {
    return this.writes(() => this.actNow(action, actor));
  }

  private async actNow(action: RoadshowAction, actor: Actor): Promise<PublicRoadshow> {
    const next = nextState(this.state, action, this.projects, this.criteria.length);
    if (isRefusal(next)) throw next.code === 'no_rubric' ? badRequest(next.why.en, 'no_rubric') : new AppError(409, 'wrong_phase', `${action}: ${next.why.en}`);
    const stored = await this.deps.repository.transaction(async () => {
      // Decided in the database: another node's step from the same state came first → nothing stored.
      if (!(await this.deps.repository.saveState(next, this.stateVersion))) return false;
      await this.deps.audit.record(actor, { action: `roadshow.${action}`, targetType: 'roadshow', before: this.state, after: next });
      return true;
    });
    if (!stored) {
      await this.reload();
      throw new AppError(409, 'conflict', `${action}: another operator changed the roadshow meanwhile; it now shows the current phase`);
    }
    this.state = next;
    this.stateVersion += 1;
    this.deps.bus.publish('roadshow.changed', {});
    return this.publicState();
  }

  /** A judge scores one criterion of the project on stage; they may change it until scoring closes. */
  score(input: ScoreInput, judge: SessionUser): Promise<Record<string, number>> {
    return this.writes(() => this.scoreNow(input, judge));
  }

  private async scoreNow(input: ScoreInput, judge: SessionUser): Promise<Record<string, number>> {
    if (this.state.phase !== 'scoring' || this.state.currentProjectId !== input.projectId) {
      throw new AppError(409, 'scoring_closed', 'Scoring is not open for this project');
    }
    const criterion = this.criteria.find((c) => c.id === input.criterionId);
    if (!criterion) throw badRequest(`criterionId: no criterion "${input.criterionId}"`, 'validation_failed');
    if (input.score > criterion.maxScore) throw badRequest(`score: must be at most ${criterion.maxScore}`, 'validation_failed');
    const row: ScoreRow = { projectId: input.projectId, judgeId: judge.id, criterionId: input.criterionId, score: input.score };
    await this.deps.repository.saveScore(row, new Date(this.deps.now()).toISOString());
    this.scores = [...this.scores.filter((s) => !(s.projectId === row.projectId && s.judgeId === row.judgeId && s.criterionId === row.criterionId)), row];
    // Progress (how many judges are done) is public; the score itself is not.
    this.deps.bus.publish('roadshow.changed', {});
    return this.cardOf(judge.id, input.projectId);
  }

  /** What a judge sees: the project on stage, the rubric, and only their own scores. */
  judging(judge: SessionUser): JudgingView {
    const current = this.projects.find((p) => p.id === this.state.currentProjectId) ?? null;
    return {
      phase: this.state.phase,
      project: current,
      criteria: this.criteria,
      myScores: Object.fromEntries(this.projects.map((p) => [p.id, this.cardOf(judge.id, p.id)])),
    };
  }

  private cardOf(judgeId: string, projectId: string): Record<string, number> {
    return Object.fromEntries(this.scores.filter((s) => s.judgeId === judgeId && s.projectId === projectId).map((s) => [s.criterionId, s.score]));
  }

  private results(): RankedResult[] {
    return rankProjects(this.projects, this.state.closed, this.criteria, this.scores);
  }
}
