import { randomUUID } from 'node:crypto';
import {
  OrganisationInputSchema,
  PartnerInputSchema,
  type DealFigures,
  type Meeting,
  type MeetingStep,
  type Organisation,
  type Partner,
  type RecordMeeting,
} from '../../shared/deals.schema';
import type { Actor, AuditService } from '../audit/audit.service';
import { parseCsv, toCsv } from '../platform/csv';
import { AppError, badRequest, describeZodError, notFound } from '../platform/errors';
import type { DealsRepository, MeetingStepRecord } from './deals.repository';
import { applyStep, dealFigures, stepKind } from './deals.rules';
import type { DomainEventPublisher, DomainEventSource } from '../platform/domain-events';
import type { BackgroundTasks } from '../platform/background';
import pLimit from 'p-limit';

export interface DealsServiceDeps {
  repository: DealsRepository;
  audit: AuditService;
  now: () => number;
  /** Told when the public figures changed; tells it when the rehearsal data was cleared. */
  bus: DomainEventPublisher & DomainEventSource;
  tasks: BackgroundTasks;
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
/** Intl names real regions and echoes unknown codes back. */
const isKnownCountry = (code: string) => code !== 'ZZ' && regionNames.of(code) !== code; // ZZ is CLDR's "unknown region"

/**
 * Matchmaking records: organisations, Hangzhou partners and their meetings. Kept in memory (a show
 * has hundreds, not millions), stored on every change together with its audit entry.
 */
export class DealsService {
  private organisationsById = new Map<string, Organisation>();
  private partnersById = new Map<string, Partner>();
  private meetingsById = new Map<string, Meeting>();
  private cachedFigures: DealFigures | undefined;
  /** Writes run one at a time: a meeting's version check and the step it allows must not interleave with another step. */
  private readonly writes = pLimit(1);

  constructor(private readonly deps: DealsServiceDeps) {
    deps.bus.on('rehearsal.cleared', async (_, { origin }) => {
      // The node that cleared tells the others with its deal.changed.
      if (origin === 'remote') return;
      await this.writes(() => this.reload());
      deps.bus.publish('deal.changed', { meetingId: null });
    });
    // Another node recorded something: reload, queued with the writes so that a step of this node
    // is checked against the other node's version.
    deps.bus.on('deal.changed', (_, { origin }) => (origin === 'remote' ? this.writes(() => this.reload()) : undefined));
  }

  /** Reads everything from storage (at start, and after the rehearsal data was cleared). */
  async reload(): Promise<void> {
    const { repository } = this.deps;
    const [organisations, partners, meetings] = await Promise.all([repository.organisations(), repository.partners(), repository.meetings()]);
    this.organisationsById = new Map(organisations.map((o) => [o.id, o]));
    this.partnersById = new Map(partners.map((p) => [p.id, p]));
    this.meetingsById = new Map(meetings.map((m) => [m.id, m]));
    this.cachedFigures = undefined;
  }

  figures(): DealFigures {
    return (this.cachedFigures ??= dealFigures([...this.meetingsById.values()], this.organisationsById, this.partnersById));
  }

  records(): { organisations: Organisation[]; partners: Partner[]; meetings: Meeting[] } {
    return { organisations: [...this.organisationsById.values()], partners: [...this.partnersById.values()], meetings: [...this.meetingsById.values()] };
  }

  async addOrganisation(input: Omit<Organisation, 'id'>, actor: Actor): Promise<Organisation> {
    if (!isKnownCountry(input.country)) throw badRequest(`country: "${input.country}" is not a known country code`, 'validation_failed');
    const organisation = { id: randomUUID(), ...input };
    await this.deps.repository.transaction(async () => {
      await this.deps.repository.saveOrganisation(organisation, this.nowIso());
      await this.deps.audit.record(actor, { action: 'organisation.create', targetType: 'organisation', targetId: organisation.id, after: organisation });
    });
    this.organisationsById.set(organisation.id, organisation);
    this.listsChanged();
    return organisation;
  }

  async addPartner(input: Omit<Partner, 'id'>, actor: Actor): Promise<Partner> {
    const partner = { id: randomUUID(), ...input };
    await this.deps.repository.transaction(async () => {
      await this.deps.repository.savePartner(partner, this.nowIso());
      await this.deps.audit.record(actor, { action: 'partner.create', targetType: 'partner', targetId: partner.id, after: partner });
    });
    this.partnersById.set(partner.id, partner);
    this.listsChanged();
    return partner;
  }

  /**
   * Imports organisations (`name_zh,name_en,country,type`) or partners (`name_zh,name_en,district`)
   * from CSV. All rows are checked first; one bad row refuses the file, naming the line and field.
   */
  async importCsv(kind: 'organisations' | 'partners', text: string, actor: Actor): Promise<number> {
    let rows: Record<string, string>[];
    try {
      rows = parseCsv(text);
    } catch (error) {
      throw badRequest(`csv: ${(error as Error).message}`, 'invalid_csv');
    }
    if (rows.length === 0) throw badRequest('csv: no rows after the header line', 'invalid_csv');
    const parsed = rows.map((row, i) => {
      const line = i + 2; // line 1 is the header
      const name = { 'zh-CN': row.name_zh ?? '', en: row.name_en ?? '' };
      const result = kind === 'organisations' ? OrganisationInputSchema.safeParse({ name, country: row.country ?? '', type: row.type || 'other' }) : PartnerInputSchema.safeParse({ name, ...(row.district ? { district: row.district } : {}) });
      if (!result.success) throw badRequest(`line ${line}: ${describeZodError(result.error)}`, 'validation_failed');
      if (kind === 'organisations' && !isKnownCountry((result.data as Organisation).country)) throw badRequest(`line ${line}: country: not a known country code`, 'validation_failed');
      return result.data;
    });
    const at = this.nowIso();
    const records = parsed.map((input) => ({ id: randomUUID(), ...input }));
    await this.deps.repository.transaction(async () => {
      for (const record of records) {
        if (kind === 'organisations') await this.deps.repository.saveOrganisation(record as Organisation, at);
        else await this.deps.repository.savePartner(record as Partner, at);
      }
      await this.deps.audit.record(actor, { action: `${kind}.import`, targetType: kind, after: { rows: parsed.length } });
    });
    // Only after the commit: a rolled-back import must leave the in-memory lists as storage has them.
    for (const record of records) {
      if (kind === 'organisations') this.organisationsById.set(record.id, record as Organisation);
      else this.partnersById.set(record.id, record as Partner);
    }
    this.listsChanged();
    return parsed.length;
  }

  recordMeeting(input: RecordMeeting, actor: Actor): Promise<Meeting> {
    return this.writes(() => this.recordMeetingNow(input, actor));
  }

  private async recordMeetingNow(input: RecordMeeting, actor: Actor): Promise<Meeting> {
    if (!this.organisationsById.has(input.organisationId)) throw badRequest(`organisationId: no organisation "${input.organisationId}"`, 'validation_failed');
    if (!this.partnersById.has(input.partnerId)) throw badRequest(`partnerId: no partner "${input.partnerId}"`, 'validation_failed');
    const at = this.nowIso();
    const meeting: Meeting = { id: randomUUID(), ...input, status: 'held', heldAt: at, intentionAt: null, signedAt: null, droppedAt: null, version: 1 };
    await this.store(meeting, { meetingId: meeting.id, at, from: null, to: 'held', reason: null, username: actor.username }, actor, 'meeting.record', null);
    return meeting;
  }

  /** Moves a meeting a step on, or corrects it back (with a reason); never silently rewritten. */
  step(id: string, step: MeetingStep, actor: Actor): Promise<Meeting> {
    return this.writes(() => this.stepNow(id, step, actor));
  }

  private async stepNow(id: string, step: MeetingStep, actor: Actor): Promise<Meeting> {
    const meeting = this.meetingsById.get(id);
    if (!meeting) throw notFound(`No meeting "${id}"`);
    if (step.baseVersion !== meeting.version) {
      throw new AppError(409, 'conflict', `Someone else changed this meeting meanwhile (now version ${meeting.version}); reload it`, { currentVersion: meeting.version });
    }
    const kind = stepKind(meeting.status, step.to);
    if (kind === 'same') throw badRequest(`to: the meeting is already "${step.to}"`, 'validation_failed');
    if (kind === 'correction' && !step.reason) throw badRequest(`reason: going from "${meeting.status}" back to "${step.to}" is a correction and needs a reason`, 'validation_failed');
    const at = this.nowIso();
    const next = applyStep(meeting, step.to, at);
    await this.store(next, { meetingId: id, at, from: meeting.status, to: step.to, reason: step.reason ?? null, username: actor.username }, actor, kind === 'correction' ? 'meeting.correct' : 'meeting.step', meeting);
    return next;
  }

  steps(id: string): Promise<MeetingStepRecord[]> {
    if (!this.meetingsById.has(id)) throw notFound(`No meeting "${id}"`);
    return this.deps.repository.steps(id);
  }

  exportCsv(): string {
    const org = (m: Meeting) => this.organisationsById.get(m.organisationId);
    const partner = (m: Meeting) => this.partnersById.get(m.partnerId);
    return toCsv<Meeting>(
      [
        { header: 'meeting_id', value: (m) => m.id },
        { header: 'organisation_zh', value: (m) => org(m)?.name['zh-CN'] },
        { header: 'organisation_en', value: (m) => org(m)?.name.en },
        { header: 'country', value: (m) => org(m)?.country },
        { header: 'partner_zh', value: (m) => partner(m)?.name['zh-CN'] },
        { header: 'partner_en', value: (m) => partner(m)?.name.en },
        { header: 'industry', value: (m) => m.industry },
        { header: 'status', value: (m) => m.status },
        { header: 'held_at', value: (m) => m.heldAt },
        { header: 'intention_at', value: (m) => m.intentionAt },
        { header: 'signed_at', value: (m) => m.signedAt },
        { header: 'dropped_at', value: (m) => m.droppedAt },
        { header: 'note', value: (m) => m.note },
      ],
      [...this.meetingsById.values()],
    );
  }

  /** Stores a step; another node's step from the same version came first: 409, and this node reloads what it stored. */
  private async store(meeting: Meeting, step: MeetingStepRecord, actor: Actor, action: string, before: Meeting | null): Promise<void> {
    try {
      await this.storeNow(meeting, step, actor, action, before);
    } catch (error) {
      if (!(error instanceof ConflictOnAnotherNode)) throw error;
      await this.reload();
      const current = this.meetingsById.get(meeting.id);
      throw new AppError(409, 'conflict', `Someone else changed this meeting meanwhile (now version ${current?.version ?? 'unknown'}); reload it`, { currentVersion: current?.version ?? null });
    }
  }

  private async storeNow(meeting: Meeting, step: MeetingStepRecord, actor: Actor, action: string, before: Meeting | null): Promise<void> {
    await this.deps.repository.transaction(async () => {
      if (!(await this.deps.repository.saveMeeting(meeting, step, actor.username))) throw new ConflictOnAnotherNode();
      await this.deps.audit.record(actor, { action, targetType: 'meeting', targetId: meeting.id, before, after: { ...meeting, reason: step.reason } });
    });
    this.meetingsById.set(meeting.id, meeting);
    this.cachedFigures = undefined;
    this.deps.bus.publish('deal.changed', { meetingId: meeting.id });
  }

  /** Organisations or partners were added: another node needs them before it records a meeting with them. */
  private listsChanged(): void {
    this.deps.bus.publish('deal.changed', { meetingId: null });
  }

  private nowIso(): string {
    return new Date(this.deps.now()).toISOString();
  }
}

/** Thrown inside the transaction (rolling it back, audit entry included) when the stored version moved on. */
class ConflictOnAnotherNode extends Error {}
