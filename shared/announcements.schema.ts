import { z } from 'zod';
import { ANNOUNCEMENT_TARGETS, type AnnouncementState } from './announcements.rules';
import { localizedText } from './i18n.schema';

export { announcementTargets, MAX_ANNOUNCEMENT_MS, MIN_ANNOUNCEMENT_MS, UNTIL_WITHDRAWN_EXPIRY } from './announcements.rules';

/**
 * Who sees an announcement: every screen (visitors' phones included), the stage displays, the booth
 * kiosks, one device, a screen group, or the visitors' phones. Targets grow by extension only.
 */
export const AnnouncementTargetSchema = z.enum(ANNOUNCEMENT_TARGETS);
export type AnnouncementTarget = z.infer<typeof AnnouncementTargetSchema>;

/** An announcement as screens receive it. Text is plain text: pages render it as text, never as HTML. */
export const AnnouncementSchema = z.object({
  id: z.string(),
  text: localizedText(500),
  target: AnnouncementTargetSchema,
  deviceId: z.string().nullable(),
  urgent: z.boolean(),
  startsAt: z.iso.datetime(),
  /** For one "until withdrawn", UNTIL_WITHDRAWN_EXPIRY. */
  expiresAt: z.iso.datetime(),
  /** Stays up until an operator withdraws it (added later: absent from older servers' messages). */
  untilWithdrawn: z.boolean().optional(),
  /** target "group": the group, and its member screens at the time of this message. */
  groupId: z.string().nullable().optional(),
  deviceIds: z.array(z.string()).optional(),
});
export type Announcement = z.infer<typeof AnnouncementSchema>;

/** An announcement as the console lists it (GET /api/v1/announcements): who made it, and where it stands. */
export type ListedAnnouncement = Announcement & { withdrawnAt: string | null; createdBy: string; createdAt: string; state: AnnouncementState };

export const CreateAnnouncementSchema = z
  .strictObject({
    text: localizedText(500),
    target: AnnouncementTargetSchema,
    deviceId: z.string().min(1).max(64).optional(),
    groupId: z.string().min(1).max(64).optional(),
    urgent: z.boolean().default(false),
    /** Defaults to now. */
    startsAt: z.iso.datetime({ offset: true }).optional(),
    /** Required unless `untilWithdrawn`; at least 30 s after the start, at most 24 h. */
    expiresAt: z.iso.datetime({ offset: true }).optional(),
    /** Stays up until withdrawn (no `expiresAt`). */
    untilWithdrawn: z.boolean().optional(),
  })
  .superRefine((a, ctx) => {
    if (a.untilWithdrawn && a.expiresAt) ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: 'must be left out when untilWithdrawn is true' });
    if (!a.untilWithdrawn && !a.expiresAt) ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: 'is required (or set untilWithdrawn: true)' });
    if (a.target === 'device' && !a.deviceId) ctx.addIssue({ code: 'custom', path: ['deviceId'], message: 'is required when target is "device"' });
    if (a.target !== 'device' && a.deviceId) ctx.addIssue({ code: 'custom', path: ['deviceId'], message: 'is only allowed when target is "device"' });
    if (a.target === 'group' && !a.groupId) ctx.addIssue({ code: 'custom', path: ['groupId'], message: 'is required when target is "group"' });
    if (a.target !== 'group' && a.groupId) ctx.addIssue({ code: 'custom', path: ['groupId'], message: 'is only allowed when target is "group"' });
  });
export type CreateAnnouncement = z.infer<typeof CreateAnnouncementSchema>;
