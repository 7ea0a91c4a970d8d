import type { CreateAnnouncement } from '../../../shared/announcements.schema';
import type { Reply } from '../../../shared/reply';
import type { Api, ApiError } from './api';
import type { ListedAnnouncement } from '../../../shared/announcements.schema';

/** Withdrawing goes over the /console socket when it is up; HTTP is the fallback, since this must work in a hurry. */
export type Withdraw = (id: string) => Promise<Reply<null>> | null;

/** The recent announcements in any state; their state is recomputed on the console's clock. */
export class AnnouncementsStore {
  list = $state.raw<ListedAnnouncement[]>([]);
  loaded = $state(false);
  loadError = $state<string | null>(null);
  /** Ids being withdrawn (the button shows it). */
  withdrawing = $state.raw<ReadonlySet<string>>(new Set());

  #withdrawViaSocket: Withdraw = () => null;

  constructor(private readonly api: Api) {}

  useSocket(withdraw: Withdraw): void {
    this.#withdrawViaSocket = withdraw;
  }

  async load(): Promise<void> {
    const result = await this.api.get<{ announcements: ListedAnnouncement[] }>('/api/v1/announcements');
    if (result.ok) {
      this.list = result.data.announcements;
      this.loaded = true;
      this.loadError = null;
    } else if (!this.loaded) {
      this.loadError = result.error.message;
    }
  }

  async create(body: CreateAnnouncement): Promise<ApiError | null> {
    const result = await this.api.post<ListedAnnouncement>('/api/v1/announcements', body);
    if (!result.ok) return result.error;
    const now = Date.now();
    const created = { ...result.data, state: Date.parse(result.data.startsAt) > now ? 'scheduled' : 'active' } as ListedAnnouncement;
    this.list = [created, ...this.list.filter((a) => a.id !== created.id)];
    return null;
  }

  /** One click: it shows as withdrawn at once and returns to its state if the server refuses. */
  async withdraw(id: string): Promise<ApiError | null> {
    const before = this.list;
    const at = new Date().toISOString();
    this.list = this.list.map((a) => (a.id === id ? { ...a, withdrawnAt: at, state: 'withdrawn' } : a));
    this.withdrawing = new Set([...this.withdrawing, id]);
    let error: ApiError | null = null;
    const viaSocket = this.#withdrawViaSocket(id);
    if (viaSocket) {
      const reply = await viaSocket;
      if (!reply.ok) error = { status: 0, ...reply.error };
    } else {
      const result = await this.api.delete(`/api/v1/announcements/${encodeURIComponent(id)}`);
      if (!result.ok) error = result.error;
    }
    this.withdrawing = new Set([...this.withdrawing].filter((x) => x !== id));
    const old = before.find((a) => a.id === id);
    if (error && old) this.list = this.list.map((a) => (a.id === id ? old : a));
    return error;
  }

  reset(): void {
    this.list = [];
    this.loaded = false;
  }
}
