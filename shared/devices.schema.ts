import { z } from 'zod';
import { SlugSchema } from './content.schema';
import { LocaleSchema } from './i18n.schema';
import { DEFAULT_IDLE_TIMEOUT_SECONDS, DEFAULT_SCENE_SECONDS, DEVICE_ROLES, IDLE_TIMEOUT_SECONDS, SCENE_SECONDS } from './devices.rules';

export { DEFAULT_IDLE_TIMEOUT_SECONDS, DEFAULT_SCENE_SECONDS, DEVICE_ROLES };

export const DeviceRoleSchema = z.enum(DEVICE_ROLES);
export type DeviceRole = z.infer<typeof DeviceRoleSchema>;

/** Seconds without a touch before a kiosk asks "are you still there?" and returns to attract mode. */
export const IdleTimeoutSchema = z
  .number()
  .int('must be a whole number of seconds')
  .min(IDLE_TIMEOUT_SECONDS.min, `must be at least ${IDLE_TIMEOUT_SECONDS.min} seconds`)
  .max(IDLE_TIMEOUT_SECONDS.max, `must be at most ${IDLE_TIMEOUT_SECONDS.max} seconds`);
/** Seconds a stage display shows each scene before rotating to the next. */
export const SceneSecondsSchema = z
  .number()
  .int('must be a whole number of seconds')
  .min(SCENE_SECONDS.min, `must be at least ${SCENE_SECONDS.min} seconds`)
  .max(SCENE_SECONDS.max, `must be at most ${SCENE_SECONDS.max} seconds`);

const deviceName = z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters');

export const CreateDeviceSchema = z.strictObject({
  name: deviceName,
  role: DeviceRoleSchema,
  section: SlugSchema.optional(),
  idleTimeoutSeconds: IdleTimeoutSchema.optional(),
  sceneSeconds: SceneSecondsSchema.optional(),
  locale: LocaleSchema.optional(),
});
export type CreateDevice = z.infer<typeof CreateDeviceSchema>;

export const CreatedDeviceSchema = z.object({ id: z.string(), token: z.string() });
export type CreatedDevice = z.infer<typeof CreatedDeviceSchema>;

/** What a paired screen needs to know about itself; sent on every /device connect. */
export const DeviceConfigSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: DeviceRoleSchema,
  section: SlugSchema.nullable(),
  idleTimeoutSeconds: z.number().int(),
  sceneSeconds: z.number().int(),
  locale: LocaleSchema,
});
export type DeviceConfig = z.infer<typeof DeviceConfigSchema>;

/**
 * What a screen shows now, in parts the console can draw a miniature from: its app, its view, the
 * section and item or the stage scene, its language, the announcement on it, and whether it is
 * running on saved content. Sent with every heartbeat and at once whenever it changes.
 */
export const ScreenStateSchema = z.strictObject({
  app: z.enum(['kiosk', 'stage', 'door']),
  /** kiosk: attract | home | section | item; stage: scene; door: counter. */
  view: z.string().max(40),
  section: SlugSchema.nullable().optional(),
  item: SlugSchema.nullable().optional(),
  scene: z.string().max(40).nullable().optional(),
  pinned: z.boolean().optional(),
  locale: LocaleSchema.optional(),
  /** The id of the announcement on screen, if any. */
  announcement: z.string().max(64).nullable().optional(),
  /** Its live connection is down: it shows saved content. */
  offline: z.boolean().optional(),
  /** Door counter: the count it shows for this door today (its own taps, some perhaps not sent yet). */
  count: z.number().int().nonnegative().max(10_000_000).optional(),
  /** Door counter counting in and out: the exits it shows for this door today. */
  exits: z.number().int().nonnegative().max(10_000_000).optional(),
  /** Door counter: `in` (entries only) or `in-out` (two buttons). */
  mode: z.enum(['in', 'in-out']).optional(),
});
export type ScreenState = z.infer<typeof ScreenStateSchema>;

export const DeviceSchema = DeviceConfigSchema.extend({
  createdAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
  lastSeenAt: z.iso.datetime().nullable(),
  onlineSince: z.string().nullable(),
  online: z.boolean(),
  appVersion: z.string().nullable(),
  view: z.string().nullable(),
  address: z.string().nullable(),
  /** What the device counted today (TIME_ZONE): door entries (`visit`), booth visits (`session`) and exits (`exit`, a door counting in and out). */
  today: z.object({ visits: z.number().int(), boothVisits: z.number().int(), exits: z.number().int().optional() }).optional(),
  /** What it last reported showing (at lastSeenAt); null before its first report. */
  state: ScreenStateSchema.nullable().optional(),
});
export type Device = z.infer<typeof DeviceSchema>;


/** What a screen reports about itself every 15 s over the /device namespace (and at once when what it shows changes). */
export const HeartbeatSchema = z.strictObject({
  appVersion: z.string().max(64),
  view: z.string().max(200),
  onlineSince: z.iso.datetime().optional(),
  /** Added later: screens of older builds leave it out. */
  state: ScreenStateSchema.optional(),
});
export type Heartbeat = z.infer<typeof HeartbeatSchema>;

/** Commands an operator sends to one paired screen (POST /api/v1/devices/:id/commands). */
export const DeviceCommandInputSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('reload') }),
  z.strictObject({ type: z.literal('identify') }),
  z.strictObject({ type: z.literal('set-locale'), locale: LocaleSchema }),
  /** Stage: show one scene until unpinned (`scene: null` resumes the rotation). */
  z.strictObject({ type: z.literal('pin-scene'), scene: SlugSchema.nullable() }),
  z.strictObject({ type: z.literal('next-scene') }),
]);
export type DeviceCommandInput = z.infer<typeof DeviceCommandInputSchema>;

/** A command as the screen receives it; `identify` carries the name to show full-screen. */
export type DeviceCommand = Exclude<DeviceCommandInput, { type: 'identify' }> | { type: 'identify'; name: string; seconds: number };

/** A screen asking to be paired: it shows `code`; it polls with `id` and `secret` until approved. */
export const PairingTicketSchema = z.object({ id: z.string(), code: z.string(), secret: z.string(), expiresAt: z.iso.datetime() });
export type PairingTicket = z.infer<typeof PairingTicketSchema>;

export const PairingClaimSchema = z.strictObject({ id: z.string().min(1).max(64), secret: z.string().min(1).max(128) });
export type PairingClaim = z.infer<typeof PairingClaimSchema>;

export const PairingClaimResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('pending'), expiresAt: z.iso.datetime() }),
  z.object({ status: z.literal('paired'), token: z.string(), device: DeviceConfigSchema }),
]);
export type PairingClaimResult = z.infer<typeof PairingClaimResultSchema>;

/** Roles of devices with a screen, paired through a code rather than created with a token. */
export const PAIRED_ROLES = ['booth', 'stage', 'door'] as const;

/** An operator approving the code a screen shows. */
export const PairingApprovalSchema = z.strictObject({
  code: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{6}$/, 'must be the 6-character code the screen shows'),
  name: deviceName,
  role: z.enum(PAIRED_ROLES),
  section: SlugSchema.optional(),
  idleTimeoutSeconds: IdleTimeoutSchema.optional(),
  sceneSeconds: SceneSecondsSchema.optional(),
  locale: LocaleSchema.optional(),
});
export type PairingApproval = z.infer<typeof PairingApprovalSchema>;

/** A code waiting for approval, as the console lists it. */
export const PendingPairingSchema = z.object({ code: z.string(), createdAt: z.iso.datetime(), expiresAt: z.iso.datetime(), address: z.string().nullable(), userAgent: z.string().nullable() });
export type PendingPairing = z.infer<typeof PendingPairingSchema>;
