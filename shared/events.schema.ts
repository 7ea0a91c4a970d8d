import { z } from 'zod';
import { SlugSchema } from './content.schema';
import { EVENT_TYPES, MAX_DWELL_MS, MAX_EVENTS_PER_REQUEST } from './events.rules';

export { EVENT_TYPES, MAX_DWELL_MS, MAX_EVENTS_PER_REQUEST } from './events.rules';

export const EventTypeSchema = z.enum(EVENT_TYPES);
export type EventType = z.infer<typeof EventTypeSchema>;

/**
 * No event can be older than this: a device whose clock fell back to 1970 (a dead RTC battery) or
 * a forged year 1 would otherwise land in the all-time total. The server also refuses events older
 * than its INGEST_MAX_EVENT_AGE_DAYS.
 */
export const EARLIEST_EVENT_TIME = '2000-01-01T00:00:00Z';
const EARLIEST_EVENT_MS = Date.parse(EARLIEST_EVENT_TIME);
/** The longest badge code accepted (QR codes on badges carry an id or a short URL, not documents). */
export const MAX_BADGE_LENGTH = 512;

/**
 * A scanned badge's code, exactly as read. The server keeps only a hash of it with the day (it may
 * be personal data) and counts each badge at most once per day.
 */
export const BadgeCodeSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(MAX_BADGE_LENGTH, `must be at most ${MAX_BADGE_LENGTH} characters`)
  .regex(/^[^\p{Cc}]+$/u, 'must not contain control characters');

/**
 * One anonymous visitor or interaction event. Which fields a type needs:
 * visit — section optional (a door sensor may count the whole hall), badge optional; session and
 * exit — section optional; tap — section; view — section and item; dwell — section and ms (item optional).
 */
export const VisitorEventSchema = z
  .strictObject({
    id: z.uuid('must be a UUID'),
    type: EventTypeSchema,
    section: SlugSchema.optional(),
    item: SlugSchema.optional(),
    at: z.iso
      .datetime({ offset: true, error: 'must be an ISO 8601 time with a zone, e.g. 2023-11-12T09:30:00+08:00' })
      // Only a well-formed time is compared (a malformed one already has its message).
      .refine((at) => !(Date.parse(at) < EARLIEST_EVENT_MS), `must be on or after ${EARLIEST_EVENT_TIME.slice(0, 10)} (is the device's clock set?)`),
    ms: z.number().int('must be a whole number').min(0).max(MAX_DWELL_MS).optional(),
    badge: BadgeCodeSchema.optional(),
  })
  .superRefine((event, ctx) => {
    const need = (field: 'section' | 'item' | 'ms') => {
      if (event[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: `is required for ${event.type} events` });
    };
    if (event.type !== 'visit' && event.type !== 'session' && event.type !== 'exit') need('section');
    if (event.badge !== undefined && event.type !== 'visit') {
      ctx.addIssue({ code: 'custom', path: ['badge'], message: `only visit events carry a badge, not ${event.type} events` });
    }
    if (event.type === 'view') need('item');
    if (event.type === 'dwell') need('ms');
    if (event.item !== undefined && event.section === undefined) need('section');
  });
export type VisitorEvent = z.infer<typeof VisitorEventSchema>;

export const EventBatchSchema = z.strictObject({
  events: z
    .array(VisitorEventSchema)
    .min(1, 'must hold at least one event')
    .max(MAX_EVENTS_PER_REQUEST, `must hold at most ${MAX_EVENTS_PER_REQUEST} events`),
});
export type EventBatch = z.infer<typeof EventBatchSchema>;

/**
 * `repeatedBadges`: visits whose badge was already counted that day (by any door); they are not
 * counted again. Optional: older servers leave it out.
 */
export const IngestResultSchema = z.object({ accepted: z.number().int(), duplicates: z.number().int(), repeatedBadges: z.number().int().optional() });
export type IngestResult = z.infer<typeof IngestResultSchema>;
