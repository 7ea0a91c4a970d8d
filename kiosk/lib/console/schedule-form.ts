import { conflictsOf } from '../../../shared/schedule.rules';
import { CreateSlotSchema, type CreateSlot, type ScheduleSlot } from '../../../shared/schedule.schema';
import { validated, type FieldErrors, type Validated } from './field-errors';
import { fromZonedInput, toZonedInput } from './local-time';
import type { DaySlot } from './schedule.svelte';

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

/**
 * The body for a filled-in slot form, or the fields that are wrong. The form itself says when a
 * select is still empty or a time cannot be read (on the wall clock of `timeZone`); the rest (the
 * end after the start, at most a day) is the server's CreateSlotSchema, with its messages.
 */
export function slotPayload(form: SlotForm, timeZone: string): Validated<CreateSlot> {
  const fields: FieldErrors = {};
  const start = fromZonedInput(form.startsAt, timeZone);
  if (!start) fields.startsAt = 'must be a date and time';
  if (form.kind !== 'scene-pin') {
    if (!form.item) fields.item = 'choose an item';
    if (Object.keys(fields).length > 0) return { ok: false, fields };
    return validated(CreateSlotSchema, { kind: 'item-publish', item: form.item, published: form.kind === 'publish', startsAt: start });
  }
  const [type, id] = form.target.split(':', 2) as [string, string | undefined];
  if ((type !== 'device' && type !== 'group') || !id) fields['target.id'] = 'choose a screen or a group';
  if (!form.scene) fields.scene = 'choose a scene';
  const end = fromZonedInput(form.endsAt, timeZone);
  if (!end) fields.endsAt = 'must be a date and time';
  if (Object.keys(fields).length > 0) return { ok: false, fields };
  return validated(CreateSlotSchema, { kind: 'scene-pin', target: { type, id }, scene: form.scene, startsAt: start, endsAt: end });
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
