import { z } from 'zod';
import { SlugSchema } from './content.schema';

/** Where a scene pin goes: one stage display or a screen group. */
export const SlotTargetSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('device'), id: z.string().min(1).max(64) }),
  z.strictObject({ type: z.literal('group'), id: z.string().min(1).max(64) }),
]);
export type SlotTarget = z.infer<typeof SlotTargetSchema>;

/**
 * A run-of-show slot: a stage scene pinned on a display or a group from `startsAt` to `endsAt`,
 * or an item published or unpublished at `startsAt` (its `endsAt` is the same instant).
 */
export const ScheduleSlotSchema = z.discriminatedUnion('kind', [
  z.object({
    id: z.string(),
    kind: z.literal('scene-pin'),
    target: SlotTargetSchema,
    scene: z.string(),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
    createdBy: z.string(),
    createdAt: z.iso.datetime(),
  }),
  z.object({
    id: z.string(),
    kind: z.literal('item-publish'),
    item: z.string(),
    published: z.boolean(),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
    /** When the scheduler applied it; null while it is still ahead (or the server was down at its time). */
    appliedAt: z.iso.datetime().nullable(),
    createdBy: z.string(),
    createdAt: z.iso.datetime(),
  }),
]);
export type ScheduleSlot = z.infer<typeof ScheduleSlotSchema>;
export type ScenePinSlot = Extract<ScheduleSlot, { kind: 'scene-pin' }>;
export type PublishSlot = Extract<ScheduleSlot, { kind: 'item-publish' }>;

/** The longest a slot may last: a day of the show. */
export const MAX_SLOT_MS = 24 * 60 * 60_000;

/** POST /api/v1/schedule, and PUT /api/v1/schedule/:id to replace a slot's plan */
export const CreateSlotSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('scene-pin'),
      target: SlotTargetSchema,
      scene: SlugSchema,
      startsAt: z.iso.datetime({ offset: true }),
      endsAt: z.iso.datetime({ offset: true }),
    }),
    z.strictObject({
      kind: z.literal('item-publish'),
      item: SlugSchema,
      published: z.boolean(),
      startsAt: z.iso.datetime({ offset: true }),
    }),
  ])
  .superRefine((slot, ctx) => {
    if (slot.kind !== 'scene-pin') return;
    const start = Date.parse(slot.startsAt);
    const end = Date.parse(slot.endsAt);
    if (end <= start) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after startsAt' });
    else if (end - start > MAX_SLOT_MS) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'a slot may last at most 24 hours' });
  });
export type CreateSlot = z.infer<typeof CreateSlotSchema>;

/** GET /api/v1/schedule?day=YYYY-MM-DD */
export const ScheduleQuerySchema = z.strictObject({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day as YYYY-MM-DD').optional() });
