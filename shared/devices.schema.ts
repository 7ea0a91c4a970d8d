import { z } from 'zod';
import { SlugSchema } from './content.schema';

export const DEVICE_ROLES = ['booth', 'stage', 'sensor'] as const;
export const DeviceRoleSchema = z.enum(DEVICE_ROLES);
export type DeviceRole = z.infer<typeof DeviceRoleSchema>;

export const CreateDeviceSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters'),
  role: DeviceRoleSchema,
  section: SlugSchema.optional(),
});
export type CreateDevice = z.infer<typeof CreateDeviceSchema>;

export const CreatedDeviceSchema = z.object({ id: z.string(), token: z.string() });
export type CreatedDevice = z.infer<typeof CreatedDeviceSchema>;

export const DeviceSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: DeviceRoleSchema,
  section: SlugSchema.nullable(),
  createdAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
  lastSeenAt: z.iso.datetime().nullable(),
  online: z.boolean(),
  appVersion: z.string().nullable(),
  view: z.string().nullable(),
});
export type Device = z.infer<typeof DeviceSchema>;

/** What a screen reports about itself every few seconds over the /device namespace. */
export const HeartbeatSchema = z.strictObject({
  appVersion: z.string().max(64),
  view: z.string().max(200),
  onlineSince: z.iso.datetime().optional(),
});
export type Heartbeat = z.infer<typeof HeartbeatSchema>;

/** Commands the server sends to one paired screen. */
export const DeviceCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('reload') }),
  z.object({ type: z.literal('identify'), name: z.string() }),
]);
export type DeviceCommand = z.infer<typeof DeviceCommandSchema>;
