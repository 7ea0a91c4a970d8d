import { z } from 'zod';
import { ANNOUNCEMENT_TARGETS } from './announcements.rules';
import { localizedText } from './i18n';

/**
 * Who sees an announcement: every screen (visitors' phones included), the stage displays, the booth
 * kiosks, one device, or the visitors' phones. Targets grow by extension only.
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
  expiresAt: z.iso.datetime(),
});
export type Announcement = z.infer<typeof AnnouncementSchema>;

/** The longest an announcement may stay up: a day of the show. */
export const MAX_ANNOUNCEMENT_MS = 24 * 60 * 60_000;

export const CreateAnnouncementSchema = z
  .strictObject({
    text: localizedText(500),
    target: AnnouncementTargetSchema,
    deviceId: z.string().min(1).max(64).optional(),
    urgent: z.boolean().default(false),
    /** Defaults to now. */
    startsAt: z.iso.datetime({ offset: true }).optional(),
    expiresAt: z.iso.datetime({ offset: true }),
  })
  .superRefine((a, ctx) => {
    if (a.target === 'device' && !a.deviceId) ctx.addIssue({ code: 'custom', path: ['deviceId'], message: 'is required when target is "device"' });
    if (a.target !== 'device' && a.deviceId) ctx.addIssue({ code: 'custom', path: ['deviceId'], message: 'is only allowed when target is "device"' });
  });
export type CreateAnnouncement = z.infer<typeof CreateAnnouncementSchema>;

export { announcementTargets } from './announcements.rules';
