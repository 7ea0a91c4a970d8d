import type { Meeting, MeetingStatus, MeetingStepRecord, Organisation, Partner } from '../../../shared/deals.schema';
import type { Api, ApiError } from './api';
import { stepLocally, type MeetingBody, type OrganisationBody, type PartnerBody } from './deals';
import { latestOnly } from './latest-only';


const PENDING = 'pending-';

/**
 * Matchmaking records: organisations, Hangzhou partners and meetings. A new meeting and each
 * step show at once (the status and its time) and go back if the server refuses; the public
 * figures come from /live, and a deals patch (another operator's change) reloads the records.
 */
export class DealsStore {
  organisations = $state.raw<Organisation[]>([]);
  partners = $state.raw<Partner[]>([]);
  /** Newest first. */
  meetings = $state.raw<Meeting[]>([]);
  loaded = $state(false);
  loadError = $state<string | null>(null);
  /** Meetings with a step on its way to the server (their buttons wait). */
  busy = $state.raw<ReadonlySet<string>>(new Set());

  readonly organisationsById = $derived(new Map(this.organisations.map((o) => [o.id, o])));
  readonly partnersById = $derived(new Map(this.partners.map((p) => [p.id, p])));

  readonly #get = latestOnly(() => this.api.get<{ organisations: Organisation[]; partners: Partner[]; meetings: Meeting[] }>('/api/v1/deals'));

  constructor(private readonly api: Api) {}

  async load(): Promise<void> {
    const result = await this.#get();
    if (!result) return;
    if (!result.ok) {
      if (!this.loaded) this.loadError = result.error.message;
      return;
    }
    const pending = this.meetings.filter((m) => this.isPending(m.id));
    const stepping = new Map(this.meetings.filter((m) => this.busy.has(m.id)).map((m) => [m.id, m]));
    this.organisations = result.data.organisations;
    this.partners = result.data.partners;
    this.meetings = [...pending, ...result.data.meetings.map((m) => stepping.get(m.id) ?? m).sort((a, b) => b.heldAt.localeCompare(a.heldAt))];
    this.loaded = true;
    this.loadError = null;
  }

  async addOrganisation(body: OrganisationBody): Promise<ApiError | null> {
    const result = await this.api.post<Organisation>('/api/v1/deals/organisations', body);
    if (!result.ok) return result.error;
    this.organisations = [...this.organisations.filter((o) => o.id !== result.data.id), result.data];
    return null;
  }

  async addPartner(body: PartnerBody): Promise<ApiError | null> {
    const result = await this.api.post<Partner>('/api/v1/deals/partners', body);
    if (!result.ok) return result.error;
    this.partners = [...this.partners.filter((p) => p.id !== result.data.id), result.data];
    return null;
  }

  /** Sends a CSV file as it is (the server checks every line and refuses the file if one is wrong). */
  async importCsv(kind: 'organisations' | 'partners', file: Blob): Promise<{ ok: true; imported: number } | { ok: false; error: ApiError }> {
    // Sent as text/csv whatever the browser calls the file (Windows says application/vnd.ms-excel).
    const result = await this.api.request<{ imported: number }>('POST', `/api/v1/deals/${kind}/import`, new Blob([file], { type: 'text/csv' }));
    if (!result.ok) return result;
    await this.load();
    return { ok: true, imported: result.data.imported };
  }

  /** Records a held meeting: listed at once (marked as sending), taken off again if refused. */
  async recordMeeting(body: MeetingBody): Promise<ApiError | null> {
    const tempId = `${PENDING}${crypto.randomUUID()}`;
    const at = new Date().toISOString();
    const pending: Meeting = { id: tempId, ...body, note: body.note ?? '', status: 'held', heldAt: at, intentionAt: null, signedAt: null, droppedAt: null, version: 0 };
    this.meetings = [pending, ...this.meetings];
    const result = await this.api.post<Meeting>('/api/v1/deals/meetings', body);
    if (!result.ok) {
      this.meetings = this.meetings.filter((m) => m.id !== tempId);
      return result.error;
    }
    this.meetings = this.meetings.map((m) => (m.id === tempId ? result.data : m)).filter((m, i, all) => all.findIndex((x) => x.id === m.id) === i);
    return null;
  }

  /**
   * A step forward (one tap) or a correction back (with a reason). The row shows the new status
   * at once; a refusal puts the meeting back as it was. A 409 means someone else moved it first:
   * the records are reloaded so the operator sees where it really is.
   */
  async step(id: string, to: MeetingStatus, reason?: string): Promise<ApiError | null> {
    const before = this.meetings.find((m) => m.id === id);
    if (!before || this.busy.has(id) || this.isPending(id)) return null;
    this.meetings = this.meetings.map((m) => (m.id === id ? stepLocally(m, to, new Date().toISOString()) : m));
    this.busy = new Set([...this.busy, id]);
    const result = await this.api.post<Meeting>(`/api/v1/deals/meetings/${encodeURIComponent(id)}/step`, { to, baseVersion: before.version, ...(reason ? { reason } : {}) });
    this.busy = new Set([...this.busy].filter((x) => x !== id));
    if (!result.ok) {
      this.meetings = this.meetings.map((m) => (m.id === id ? before : m));
      if (result.error.status === 409) void this.load();
      return result.error;
    }
    this.meetings = this.meetings.map((m) => (m.id === id ? result.data : m));
    return null;
  }

  async steps(id: string): Promise<{ ok: true; steps: MeetingStepRecord[] } | { ok: false; error: ApiError }> {
    const result = await this.api.get<{ steps: MeetingStepRecord[] }>(`/api/v1/deals/meetings/${encodeURIComponent(id)}/steps`);
    return result.ok ? { ok: true, steps: result.data.steps } : result;
  }

  isPending(id: string): boolean {
    return id.startsWith(PENDING);
  }
}
