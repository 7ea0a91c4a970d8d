import { conflictsOf } from '../../../shared/schedule.rules';
import type { CreateSlot, ScheduleSlot } from '../../../shared/schedule.schema';
import type { Api, ApiError } from './api';
import type { FieldErrors } from './field-errors';
import { fromZonedInput, toZonedInput } from './local-time';

export type DaySlot = ScheduleSlot & { conflicts: string[] };

/** The slot form as the operator fills it in: the target as "device:<id>" or "group:<id>", times as datetime-local values in TIME_ZONE. */
export interface SlotForm {
  /** A scene pin, or an item published or unpublished at `startsAt`. */
  kind: 'scene-pin' | 'publish' | 'unpublish';
  item: string;
  target: string;
  scene: string;
  startsAt: string;
  endsAt: string;
}

/** The body for a filled-in slot form, or the fields that are wrong (named as the server names them). */
export function slotPayload(form: SlotForm, timeZone: string): { ok: true; body: CreateSlot } | { ok: false; fields: FieldErrors } {
  const fields: FieldErrors = {};
  if (form.kind !== 'scene-pin') {
    const at = fromZonedInput(form.startsAt, timeZone);
    if (!form.item) fields.item = 'choose an item';
    if (!at) fields.startsAt = 'must be a date and time';
    if (Object.keys(fields).length > 0) return { ok: false, fields };
    return { ok: true, body: { kind: 'item-publish', item: form.item, published: form.kind === 'publish', startsAt: at! } };
  }
  const [type, id] = form.target.split(':', 2) as [string, string | undefined];
  if ((type !== 'device' && type !== 'group') || !id) fields['target.id'] = 'choose a screen or a group';
  if (!form.scene) fields.scene = 'choose a scene';
  const start = fromZonedInput(form.startsAt, timeZone);
  const end = fromZonedInput(form.endsAt, timeZone);
  if (!start) fields.startsAt = 'must be a date and time';
  if (!end) fields.endsAt = 'must be a date and time';
  else if (start && Date.parse(end) <= Date.parse(start)) fields.endsAt = 'must be after startsAt';
  if (Object.keys(fields).length > 0) return { ok: false, fields };
  return { ok: true, body: { kind: 'scene-pin', target: { type: type as 'device' | 'group', id: id! }, scene: form.scene, startsAt: start!, endsAt: end! } };
}

/** The form filled in with a planned slot, to edit it. */
export function slotForm(slot: ScheduleSlot, timeZone: string): SlotForm {
  const input = (iso: string) => toZonedInput(iso, timeZone).slice(0, 16);
  if (slot.kind === 'item-publish') return { kind: slot.published ? 'publish' : 'unpublish', item: slot.item, target: '', scene: 'roadshow', startsAt: input(slot.startsAt), endsAt: input(slot.startsAt) };
  return { kind: 'scene-pin', item: '', target: `${slot.target.type}:${slot.target.id}`, scene: slot.scene, startsAt: input(slot.startsAt), endsAt: input(slot.endsAt) };
}

/**
 * The day's slots a filled-in form would conflict with (the shared rule the server applies too),
 * shown before the operator saves; `editing` is the slot being edited, which cannot conflict with itself.
 */
export function formConflicts(body: CreateSlot, editing: string | null, day: readonly DaySlot[], groupMembers: (id: string) => readonly string[] | undefined): DaySlot[] {
  const candidate = { ...body, id: editing ?? '' };
  const ids = new Set(conflictsOf(candidate, day, groupMembers));
  return day.filter((s) => ids.has(s.id));
}

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
