import { z } from 'zod';
import { SlugSchema } from './content.schema';

const reason = z.string().trim().min(3, 'must say why (at least 3 characters)').max(500, 'must be at most 500 characters');

/** An operator's correction of the visitor count: its own record, never an edit of the events. */
export const CounterCorrectionInputSchema = z.strictObject({
  day: z.iso.date().optional(),
  section: SlugSchema.optional(),
  delta: z
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(-100_000, 'must be between -100000 and 100000')
    .max(100_000, 'must be between -100000 and 100000')
    .refine((n) => n !== 0, 'must not be 0'),
  reason,
});
export type CounterCorrectionInput = z.infer<typeof CounterCorrectionInputSchema>;

export const CounterCorrectionSchema = z.object({
  id: z.string(),
  day: z.iso.date(),
  section: z.string().nullable(),
  delta: z.number().int(),
  reason: z.string(),
  username: z.string(),
  at: z.iso.datetime(),
});
export type CounterCorrection = z.infer<typeof CounterCorrectionSchema>;

/** Zeroing a day's figures (after a rehearsal, say); `confirm` repeats the day so it is never a slip. */
export const DayResetSchema = z
  .strictObject({ day: z.iso.date(), confirm: z.string(), reason })
  .refine((r) => r.confirm === r.day, { path: ['confirm'], message: 'must repeat the day to reset' });
export type DayReset = z.infer<typeof DayResetSchema>;
