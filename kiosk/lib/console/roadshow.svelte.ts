import type { Criterion, Project, PublicRoadshow, RoadshowAction } from '../../../shared/roadshow.schema';
import type { Api, ApiError } from './api';
import type { JudgingView, RoadshowStaffView } from '../../../shared/roadshow.schema';
import { judgeCard, type ProjectBody } from './roadshow';
import { ServerView } from './server-view.svelte';

/**
 * The roadshow as operators run it. Every judge's score and every show step sends a roadshow
 * patch on /live; the page reloads this staff view on each, so who has scored shows live without
 * the public state ever carrying more than counts.
 */
export class RoadshowStore extends ServerView<RoadshowStaffView> {
  /** The show action on its way to the server (all show buttons wait for it). */
  acting = $state<RoadshowAction | null>(null);

  constructor(private readonly api: Api) {
    super(() => api.get<RoadshowStaffView>('/api/v1/roadshow'));
  }

  get loaded(): boolean {
    return this.view !== null;
  }

  async addProject(body: ProjectBody): Promise<ApiError | null> {
    const result = await this.api.post<Project>('/api/v1/roadshow/projects', body);
    if (!result.ok) return result.error;
    if (this.view) this.view = { ...this.view, projects: [...this.view.projects.filter((p) => p.id !== result.data.id), result.data] };
    void this.load();
    return null;
  }

  /** Gone from the list at once; back in its place if the server refuses (it has pitched meanwhile). */
  async removeProject(id: string): Promise<ApiError | null> {
    const before = this.view;
    if (before) this.view = { ...before, projects: before.projects.filter((p) => p.id !== id), public: { ...before.public, projects: before.public.projects.filter((p) => p.id !== id) } };
    const result = await this.api.delete(`/api/v1/roadshow/projects/${encodeURIComponent(id)}`);
    if (!result.ok) {
      if (before && this.view) this.view = { ...this.view, projects: before.projects, public: before.public };
      void this.load();
      return result.error;
    }
    return null;
  }

  async saveRubric(criteria: Criterion[]): Promise<ApiError | null> {
    const result = await this.api.put<{ criteria: Criterion[] }>('/api/v1/roadshow/rubric', { criteria });
    if (!result.ok) return result.error;
    if (this.view) this.view = { ...this.view, criteria: result.data.criteria };
    return null;
  }

  /** One step of the show. The answer is the new public state; the staff view follows. */
  async act(action: RoadshowAction): Promise<ApiError | null> {
    if (this.acting) return null;
    this.acting = action;
    const result = await this.api.post<PublicRoadshow>('/api/v1/roadshow/actions', { action });
    this.acting = null;
    if (!result.ok) {
      void this.load();
      return result.error;
    }
    if (this.view) this.view = { ...this.view, public: result.data };
    void this.load();
    return null;
  }
}

/**
 * A judge's own view: the project on stage, the rubric and only their scores. A tap shows at once
 * and stays while the server answers; a refusal (scoring closed meanwhile) takes it back.
 */
export class JudgingStore extends ServerView<JudgingView> {
  /** Scores tapped and not yet answered: project id → criterion → score. */
  pending = $state.raw<ReadonlyMap<string, ReadonlyMap<string, number>>>(new Map());

  #queue: Promise<void> = Promise.resolve();

  constructor(private readonly api: Api) {
    super(() => api.get<JudgingView>('/api/v1/roadshow/judging'));
  }

  /** The card of a project as this judge sees it now: saved scores with the taps still on their way. */
  card(projectId: string) {
    return judgeCard(this.view?.myScores[projectId], this.pending.get(projectId) ?? new Map(), this.view?.criteria ?? []);
  }

  /**
   * Saves one score. Taps go to the server one after another, so the last answer is the judge's
   * last tap even when they change their mind quickly.
   */
  score(projectId: string, criterionId: string, score: number): Promise<ApiError | null> {
    this.#setPending(projectId, criterionId, score);
    const send = async (): Promise<ApiError | null> => {
      const result = await this.api.put<{ myScores: Record<string, number> }>('/api/v1/roadshow/scores', { projectId, criterionId, score });
      // A later tap on the same criterion owns the pending value now; its own answer clears it.
      if (this.pending.get(projectId)?.get(criterionId) === score) this.#clearPending(projectId, criterionId);
      if (!result.ok) {
        void this.load();
        return result.error;
      }
      if (this.view) this.view = { ...this.view, myScores: { ...this.view.myScores, [projectId]: result.data.myScores } };
      return null;
    };
    const done = this.#queue.then(send);
    this.#queue = done.then(() => undefined);
    return done;
  }

  #setPending(projectId: string, criterionId: string, score: number): void {
    const next = new Map(this.pending);
    next.set(projectId, new Map([...(next.get(projectId) ?? []), [criterionId, score]]));
    this.pending = next;
  }

  #clearPending(projectId: string, criterionId: string): void {
    const next = new Map(this.pending);
    const card = new Map(next.get(projectId) ?? []);
    card.delete(criterionId);
    if (card.size === 0) next.delete(projectId);
    else next.set(projectId, card);
    this.pending = next;
  }
}
