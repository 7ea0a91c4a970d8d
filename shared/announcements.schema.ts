import { z } from 'zod';
import { localizedText } from './i18n';

export const AnnouncementTargetSchema = z.enum(['all', 'stage', 'kiosks', 'device']);

/** An announcement as screens receive it (the console issue adds editing). */
export const AnnouncementSchema = z.object({
  id: z.string(),
  text: localizedText(500),
  target: AnnouncementTargetSchema,
  deviceId: z.string().optional(),
  urgent: z.boolean(),
  startsAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});
export type Announcement = z.infer<typeof AnnouncementSchema>;
