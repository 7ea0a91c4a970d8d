import { z } from 'zod';
import { ExhibitionSchema, PublishedSectionSchema } from './content.schema';
import { CountersSchema } from './counters.schema';
import { AnnouncementSchema } from './announcements.schema';
import { DealFiguresSchema } from './deals.schema';
import { PublicRoadshowSchema } from './roadshow.schema';

/** Number of the last change a snapshot or patch includes; increases by one per change, across restarts. */
export const SeqSchema = z.number().int().min(0);

/** The public state: everything a screen needs to render, as of `seq`. */
export const SnapshotSchema = z.object({
  seq: SeqSchema,
  appVersion: z.string(),
  /** The address phones use to reach this server (QR codes encode it); from PUBLIC_URL or the server's LAN address. */
  publicUrl: z.string(),
  serverTime: z.iso.datetime(),
  /**
   * Names the exhibition and sections below: it changes when they do. A client that holds this
   * version gets snapshots without them (see LiveSnapshotSchema and GET /api/v1/snapshot/content).
   */
  contentVersion: z.string(),
  exhibition: ExhibitionSchema,
  sections: z.array(PublishedSectionSchema),
  counters: CountersSchema,
  announcements: z.array(AnnouncementSchema),
  deals: DealFiguresSchema,
  roadshow: PublicRoadshowSchema,
  /** True on a rehearsal server (npm run demo): screens mark the figures as simulated. */
  rehearsal: z.boolean(),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

/**
 * A snapshot without the content, for a client that already holds `contentVersion` (it said so in
 * the handshake's `auth.contentVersion`, or in `?content=` on GET /api/v1/snapshot).
 */
export const LiveSnapshotSchema = SnapshotSchema.omit({ exhibition: true, sections: true });
export type LiveSnapshot = z.infer<typeof LiveSnapshotSchema>;

/** GET /api/v1/snapshot/content: the published content and its version (also its ETag). */
export const ContentSchema = z.object({ contentVersion: z.string(), exhibition: ExhibitionSchema, sections: z.array(PublishedSectionSchema) });
export type Content = z.infer<typeof ContentSchema>;

/**
 * One change after a snapshot. Each patch carries the latest values of what it names (not a delta),
 * so applying patch `seq` to a state at `seq - 1` gives the state at `seq`.
 */
/**
 * `prev` is sent only to clients that declared a view (see shared/live-views.ts): such a client
 * does not get every patch, so instead of `seq === current + 1` a patch applies to a state at
 * `current` when `prev <= current < seq`. It names the previous patch sent to that view, and the
 * patch carries everything its view saw change after `prev`.
 */
const PrevSchema = SeqSchema.optional();

/** A path from the root of the counters (array indexes as strings). */
const JsonPathSchema = z.array(z.string().refine((key) => key !== '__proto__', 'not a usable key'));
/** `[path, value]`: the path now holds value; `[path]`: it no longer exists. See shared/json-delta.rules.ts. */
export const DeltaChangeSchema = z.union([z.tuple([JsonPathSchema]), z.tuple([JsonPathSchema, z.unknown()])]);

export const PatchSchema = z.discriminatedUnion('type', [
  z.object({ seq: SeqSchema, prev: PrevSchema, type: z.literal('counters'), counters: CountersSchema }),
  /**
   * The counters that moved since the previous counters patch of this view, with their latest
   * values (only to clients that declared a view).
   */
  z.object({ seq: SeqSchema, prev: SeqSchema, type: z.literal('counters:delta'), changes: z.array(DeltaChangeSchema) }),
  z.object({ seq: SeqSchema, prev: PrevSchema, type: z.literal('content'), contentVersion: z.string(), exhibition: ExhibitionSchema, sections: z.array(PublishedSectionSchema) }),
  z.object({ seq: SeqSchema, prev: PrevSchema, type: z.literal('announcements'), announcements: z.array(AnnouncementSchema) }),
  z.object({ seq: SeqSchema, prev: PrevSchema, type: z.literal('deals'), deals: DealFiguresSchema }),
  z.object({ seq: SeqSchema, prev: PrevSchema, type: z.literal('roadshow'), roadshow: PublicRoadshowSchema }),
]);
export type Patch = z.infer<typeof PatchSchema>;
export type PatchType = Patch['type'];
/** A patch before the broadcaster numbers it. */
export type PatchBody = Exclude<Patch, { type: 'counters:delta' }> extends infer P ? (P extends Patch ? Omit<P, 'seq' | 'prev'> : never) : never;
