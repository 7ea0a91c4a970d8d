import { randomUUID } from 'node:crypto';
import { INDUSTRIES } from '../../shared/deals.vocabulary';
import type { VisitorEvent } from '../../shared/events.schema';
import type { Actor } from '../audit/audit.service';
import type { ShowfloorServer } from '../app';

/** The simulator acts as this user in the audit log, so its records are recognisable. */
const SIMULATOR: Actor = { id: null, username: 'simulator' };

export interface SimulatorOptions {
  /** Compresses the day: 60 means a minute of show plays in a second of meetings and pitches. */
  speed: number;
  random?: () => number;
}

const COUNTRIES = ['DE', 'IT', 'FR', 'GB', 'NL', 'BY', 'RU', 'US', 'CA', 'JP', 'KR', 'SG', 'AU', 'IL'];

/**
 * Plays a plausible exhibition day against a rehearsal server, through the same services the
 * HTTP routes use: visitors in waves, kiosk interactions, meetings that become intentions and
 * agreements, and a roadshow scored by simulated judges. Everything it writes lives in the
 * rehearsal database only.
 */
export class Simulator {
  private timers: NodeJS.Timeout[] = [];
  private readonly random: () => number;
  private readonly sensorId = 'simulated-door-sensor';

  constructor(
    private readonly server: ShowfloorServer,
    private readonly options: SimulatorOptions,
  ) {
    this.random = options.random ?? Math.random;
  }

  async start(): Promise<void> {
    await this.seedRoadshow();
    await this.seedMatchmaking();
    this.every(1_000, () => this.visitorsAndInteractions());
    this.every(Math.max(250, 60_000 / this.options.speed), () => this.matchmakingStep());
    this.every(Math.max(500, 120_000 / this.options.speed), () => this.roadshowStep());
  }

  stop(): void {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
  }

  /** Runs `fn` every `ms`, never two at once; a failed step (the operator acting meanwhile, a clear) is retried next time. */
  private every(ms: number, fn: () => Promise<void>): void {
    let running = false;
    this.timers.push(
      setInterval(() => {
        if (running) return;
        running = true;
        fn()
          .catch(() => {})
          .finally(() => (running = false));
      }, ms),
    );
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)]!;
  }

  /** Arrivals rise and fall in waves (opening, lunch, the afternoon sessions). */
  private async visitorsAndInteractions(): Promise<void> {
    const { content, ingest } = this.server.services;
    const sections = content.publishedSections();
    const wave = 0.5 + 0.5 * Math.sin(Date.now() / 60_000);
    const arrivals = Math.round(2 + 10 * wave * this.random());
    const events: VisitorEvent[] = [];
    const at = new Date().toISOString();
    for (let i = 0; i < arrivals; i++) events.push({ id: randomUUID(), type: 'visit', section: this.pick(sections).id, at });
    for (let i = 0; i < arrivals * 2; i++) {
      const section = this.pick(sections);
      const item = section.items.length ? this.pick(section.items) : undefined;
      events.push({ id: randomUUID(), type: 'tap', section: section.id, at });
      if (item) {
        events.push({ id: randomUUID(), type: 'view', section: section.id, item: item.id, at });
        events.push({ id: randomUUID(), type: 'dwell', section: section.id, item: item.id, at, ms: Math.round(5_000 + 40_000 * this.random()) });
      }
    }
    await ingest.ingest(this.sensorId, { events });
  }

  private async seedMatchmaking(): Promise<void> {
    const { deals } = this.server.services;
    if (deals.records().organisations.length > 0) return;
    await deals.addOrganisation({ name: { 'zh-CN': '弗劳恩霍夫协会', en: 'Fraunhofer-Gesellschaft' }, country: 'DE', type: 'research' }, SIMULATOR);
    await deals.addOrganisation({ name: { 'zh-CN': '意大利技术研究院', en: 'Istituto Italiano di Tecnologia' }, country: 'IT', type: 'research' }, SIMULATOR);
    for (const [i, country] of COUNTRIES.slice(2).entries()) {
      await deals.addOrganisation({ name: { 'zh-CN': `模拟机构 ${i + 3}`, en: `Simulated organisation ${i + 3}` }, country, type: 'other' }, SIMULATOR);
    }
    for (let i = 1; i <= 12; i++) await deals.addPartner({ name: { 'zh-CN': `模拟杭州企业 ${i}`, en: `Simulated Hangzhou company ${i}` } }, SIMULATOR);
  }

  /** Each tick: a new meeting, or a step for an open one (about a third end up signed). */
  private async matchmakingStep(): Promise<void> {
    const { deals } = this.server.services;
    await this.seedMatchmaking(); // again after the rehearsal data was cleared
    const { organisations, partners, meetings } = deals.records();
    const open = meetings.filter((m) => m.status === 'held' || m.status === 'intention');
    if (open.length < 3 || this.random() < 0.4) {
      await deals.recordMeeting({ organisationId: this.pick(organisations).id, partnerId: this.pick(partners).id, industry: this.pick(INDUSTRIES), note: '' }, SIMULATOR);
      return;
    }
    const meeting = this.pick(open);
    const to = meeting.status === 'held' ? (this.random() < 0.75 ? 'intention' : 'dropped') : this.random() < 0.6 ? 'signed' : 'dropped';
    await deals.step(meeting.id, { to, baseVersion: meeting.version }, SIMULATOR);
  }

  private async seedRoadshow(): Promise<void> {
    const { roadshow, users, content } = this.server.services;
    const view = roadshow.staffView();
    if (view.criteria.length === 0) {
      await roadshow.setRubric(
        [
          { id: 'innovation', name: { 'zh-CN': '创新性', en: 'Innovation' }, weight: 3, maxScore: 10 },
          { id: 'feasibility', name: { 'zh-CN': '可行性', en: 'Feasibility' }, weight: 2, maxScore: 10 },
          { id: 'market', name: { 'zh-CN': '市场前景', en: 'Market potential' }, weight: 2, maxScore: 10 },
          { id: 'team', name: { 'zh-CN': '团队', en: 'Team' }, weight: 1, maxScore: 10 },
        ],
        SIMULATOR,
      );
    }
    if (view.projects.length === 0) {
      const items = content.publishedSections().flatMap((s) => s.items).slice(0, 3);
      for (const [i, item] of items.entries()) {
        await roadshow.addProject({ name: item.title, presenter: `Presenter ${i + 1}`, country: COUNTRIES[i]!, field: { 'zh-CN': '科技创新', en: 'Innovation' } }, SIMULATOR);
      }
    }
    const existing = new Set((await users.list()).map((u) => u.username));
    for (const name of ['sim-judge-1', 'sim-judge-2', 'sim-judge-3']) {
      if (!existing.has(name)) await users.create({ username: name, role: 'judge', password: randomUUID() }, SIMULATOR);
    }
  }

  /** Moves the show on one step; judges score while scoring is open. */
  private async roadshowStep(): Promise<void> {
    const { roadshow, users } = this.server.services;
    if (roadshow.staffView().projects.length === 0) await this.seedRoadshow(); // again after a clear
    const state = roadshow.publicState();
    const act = async (action: Parameters<typeof roadshow.act>[0]) => {
      try {
        await roadshow.act(action, SIMULATOR);
      } catch {
        // The operator may be driving the show by hand at the same time; the next tick tries again.
      }
    };
    if (state.phase === 'idle' || state.phase === 'closed') {
      if (state.projects.some((p) => p.status === 'waiting')) await act('next-project');
      else if (!state.revealed) await act('reveal');
    } else if (state.phase === 'pitching') {
      await act('open-scoring');
    } else if (state.phase === 'scoring' && state.currentProjectId) {
      const judges = (await users.list()).filter((u) => u.role === 'judge' && u.username.startsWith('sim-judge'));
      for (const judge of judges) {
        for (const criterion of roadshow.staffView().criteria) {
          try {
            await roadshow.score({ projectId: state.currentProjectId, criterionId: criterion.id, score: 5 + Math.floor(this.random() * 6) }, { id: judge.id, username: judge.username, role: 'judge' });
          } catch {
            // Scoring closed under us: fine.
          }
        }
      }
      await act('close-scoring');
    }
  }
}
