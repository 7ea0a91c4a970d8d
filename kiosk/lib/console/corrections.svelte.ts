import type { Api, ApiError } from './api';
import type { CounterCorrection } from '../../../shared/corrections.schema';
import type { CorrectionBody } from './corrections-form';

/** Visitor-count corrections: each its own audited record beside the counted events. */
export class CorrectionsStore {
  list = $state.raw<CounterCorrection[]>([]);
  loaded = $state(false);
  loadError = $state<string | null>(null);

  constructor(private readonly api: Api) {}

  async load(): Promise<void> {
    const result = await this.api.get<{ corrections: CounterCorrection[] }>('/api/v1/counters/corrections');
    if (result.ok) {
      this.list = [...result.data.corrections].sort((a, b) => b.at.localeCompare(a.at));
      this.loaded = true;
      this.loadError = null;
    } else if (!this.loaded) {
      this.loadError = result.error.message;
    }
  }

  /**
   * Records a correction. It is listed at once (marked as sending) and taken off again if the
   * server refuses; the live figures change when the server's counters patch arrives.
   */
  async correct(body: CorrectionBody, username: string, today: string): Promise<ApiError | null> {
    const tempId = `pending-${crypto.randomUUID()}`;
    const pending: CounterCorrection = { id: tempId, day: body.day ?? today, section: body.section ?? null, delta: body.delta, reason: body.reason, username, at: new Date().toISOString() };
    this.list = [pending, ...this.list];
    const result = await this.api.post<{ id: string }>('/api/v1/counters/corrections', body);
    if (!result.ok) {
      this.list = this.list.filter((c) => c.id !== tempId);
      return result.error;
    }
    this.list = this.list.map((c) => (c.id === tempId ? { ...c, id: result.data.id } : c));
    void this.load();
    return null;
  }

  async resetDay(day: string, confirm: string, reason: string): Promise<ApiError | null> {
    const result = await this.api.post('/api/v1/counters/reset', { day, confirm, reason });
    if (!result.ok) return result.error;
    void this.load();
    return null;
  }

  isPending(id: string): boolean {
    return id.startsWith('pending-');
  }

  reset(): void {
    this.list = [];
    this.loaded = false;
  }
}
