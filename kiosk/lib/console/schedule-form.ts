import { CreateSlotSchema, type CreateSlot } from '../../../shared/schedule.schema';
import { validated, type FieldErrors, type Validated } from './field-errors';
import { fromZonedInput } from './local-time';

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
