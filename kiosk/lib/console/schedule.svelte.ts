import type { CreateSlot, ScheduleSlot } from '../../../shared/schedule.schema';
import type { Api, ApiError } from './api';

export type DaySlot = ScheduleSlot & { conflicts: string[] };

/** One day of the run of show, as the server plans it (conflicts flagged by the server's rule). */
export class ScheduleStore {
  day = $state('');
  slots = $state.raw<DaySlot[]>([]);
  error = $state<string | null>(null);

  constructor(private readonly api: Api) {}

  async load(day: string): Promise<void> {
    const result = await this.api.get<{ day: string; slots: DaySlot[] }>(`/api/v1/schedule${day ? `?day=${encodeURIComponent(day)}` : ''}`);
    if (!result.ok) {
      this.error = result.error.message;
      return;
    }
    this.error = null;
    this.day = result.data.day;
    this.slots = result.data.slots;
  }

  /** How many slots the last slot saved conflicts with, as the server found (a warning, not a refusal). */
  lastConflicts = $state(0);

  /** Plans a new slot, or replaces the plan of slot `id`. */
  async save(id: string | null, body: CreateSlot): Promise<ApiError | null> {
    const result = id ? await this.api.put<DaySlot>(`/api/v1/schedule/${encodeURIComponent(id)}`, body) : await this.api.post<DaySlot>('/api/v1/schedule', body);
    if (!result.ok) return result.error;
    this.lastConflicts = result.data.conflicts.length;
    await this.load(this.day);
    return null;
  }

  async remove(id: string): Promise<ApiError | null> {
    const result = await this.api.delete(`/api/v1/schedule/${encodeURIComponent(id)}`);
    if (!result.ok) return result.error;
    await this.load(this.day);
    return null;
  }
}
