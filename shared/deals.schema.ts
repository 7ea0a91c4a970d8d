import { z } from 'zod';
import { INDUSTRIES, MEETING_STATUSES, ORGANISATION_TYPES } from './deals.vocabulary';
import { localizedText } from './i18n.schema';

export { INDUSTRIES, INDUSTRY_NAMES, ORGANISATION_TYPES } from './deals.vocabulary';
export const IndustrySchema = z.enum(INDUSTRIES);
export type Industry = z.infer<typeof IndustrySchema>;

/** ISO 3166-1 alpha-2, e.g. "DE"; screens name it in each language with Intl.DisplayNames. */
export const CountryCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'must be a two-letter ISO country code such as DE');

export const OrganisationInputSchema = z.strictObject({
  name: localizedText(160),
  country: CountryCodeSchema,
  type: z.enum(ORGANISATION_TYPES).default('other'),
});
export const OrganisationSchema = OrganisationInputSchema.extend({ id: z.string() });
export type Organisation = z.infer<typeof OrganisationSchema>;

export const PartnerInputSchema = z.strictObject({ name: localizedText(160), district: z.string().trim().max(60, 'must be at most 60 characters').optional() });
export const PartnerSchema = PartnerInputSchema.extend({ id: z.string() });
export type Partner = z.infer<typeof PartnerSchema>;

// The meeting's path (held → intention → signed, or dropped) and its names: deals.vocabulary.ts.
export { MEETING_STATUSES };
export const MeetingStatusSchema = z.enum(MEETING_STATUSES);
export type MeetingStatus = z.infer<typeof MeetingStatusSchema>;

export const MeetingSchema = z.object({
  id: z.string(),
  organisationId: z.string(),
  partnerId: z.string(),
  industry: IndustrySchema,
  status: MeetingStatusSchema,
  heldAt: z.string(),
  intentionAt: z.string().nullable(),
  signedAt: z.string().nullable(),
  droppedAt: z.string().nullable(),
  note: z.string(),
  version: z.number().int(),
});
export type Meeting = z.infer<typeof MeetingSchema>;

const pick = (what: string) => z.string({ error: `pick ${what} from the list` }).min(1, `pick ${what} from the list`).max(64);

export const RecordMeetingSchema = z.strictObject({
  organisationId: pick('an organisation'),
  partnerId: pick('a Hangzhou partner'),
  industry: z.enum(INDUSTRIES, { error: 'pick one of the five industries' }),
  note: z.string().trim().max(500, 'must be at most 500 characters').default(''),
});
export type RecordMeeting = z.infer<typeof RecordMeetingSchema>;

export const MeetingStepSchema = z.strictObject({
  to: MeetingStatusSchema,
  baseVersion: z.number().int().min(1),
  /** Required when the step goes back (a correction). */
  reason: z.string().trim().min(3, 'must say why (at least 3 characters)').max(500).optional(),
});
export type MeetingStep = z.infer<typeof MeetingStepSchema>;

const funnel = z.object({ meetings: z.number().int(), intentions: z.number().int(), agreements: z.number().int() });
export type Funnel = z.infer<typeof funnel>;

/** Public deal figures: the funnel overall and by country, industry and organisation. */
export const DealFiguresSchema = z.object({
  totals: funnel,
  byCountry: z.record(z.string(), funnel),
  byIndustry: z.record(z.string(), funnel),
  byOrganisation: z.array(funnel.extend({ organisationId: z.string(), name: localizedText(160), country: z.string() })),
  /** The latest signed agreements, newest first (the stage celebrates new ones). */
  latest: z.array(
    z.object({
      meetingId: z.string(),
      organisation: localizedText(160),
      country: z.string(),
      partner: localizedText(160),
      industry: IndustrySchema,
      signedAt: z.string(),
    }),
  ),
});
export type DealFigures = z.infer<typeof DealFiguresSchema>;

/** One audited step of a meeting (GET /api/v1/deals/meetings/:id/steps). */
export interface MeetingStepRecord {
  meetingId: string;
  at: string;
  from: MeetingStatus | null;
  to: MeetingStatus;
  reason: string | null;
  username: string;
}
