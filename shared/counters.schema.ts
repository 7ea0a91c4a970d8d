import { z } from 'zod';

const count = z.number().int().min(0);

export const InteractionTotalsSchema = z.object({
  taps: count,
  views: count,
  dwellCount: count,
  dwellMs: count,
});
export type InteractionTotals = z.infer<typeof InteractionTotalsSchema>;

/** Visitors counted in one 10-minute bucket; `start` is the bucket's first instant (ISO, UTC). */
export const VisitorBucketSchema = z.object({ start: z.string(), count });
export type VisitorBucket = z.infer<typeof VisitorBucketSchema>;

/**
 * Live figures. "Today" is the calendar day in the server's TIME_ZONE; `day` names it.
 * Everything but `visitors.total` is for today only.
 */
export const CountersSchema = z.object({
  day: z.iso.date(),
  timeZone: z.string(),
  visitors: z.object({
    today: count,
    total: count,
    bySection: z.record(z.string(), count),
    /** Only buckets that saw visitors, in time order. */
    byBucket: z.array(VisitorBucketSchema),
  }),
  /**
   * Booth visits today: kiosk sessions (attract mode → first touch), per section. A figure of its
   * own beside `visitors` (door entries). Optional: a snapshot saved by an older kiosk build lacks it.
   */
  boothVisits: z.object({ today: count, bySection: z.record(z.string(), count) }).optional(),
  /**
   * People leaving today through doors that count in and out (`exit` events), and who is on site
   * now: today's entries minus today's exits, never below 0. Only as good as the doors: entries at
   * a door that counts "in" only are never matched by exits. Optional: older servers leave it out.
   */
  onSite: z.object({ now: count, exitsToday: count }).optional(),
  interactions: z.object({
    bySection: z.record(z.string(), InteractionTotalsSchema),
    byItem: z.record(z.string(), InteractionTotalsSchema),
  }),
});
export type Counters = z.infer<typeof CountersSchema>;
