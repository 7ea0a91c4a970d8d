import { z } from 'zod';

/** One change an operator made: who, what, when, and the value before and after. */
export const AuditEntrySchema = z.object({
  id: z.number().int(),
  at: z.iso.datetime(),
  userId: z.string().nullable(),
  username: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditQuerySchema = z.strictObject({
  action: z.string().max(64).optional(),
  targetType: z.string().max(64).optional(),
  username: z.string().max(64).optional(),
  /** A screen's id: changes to it, and to groups and announcements that name it. */
  screen: z.string().min(1).max(64).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;
