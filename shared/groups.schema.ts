import { z } from 'zod';
import { DeviceCommandInputSchema } from './devices.schema';

/** A named set of screens ("Hall A kiosks"); a screen may be in several. */
export const ScreenGroupSchema = z.object({
  id: z.string(),
  name: z.string(),
  deviceIds: z.array(z.string()),
  createdAt: z.iso.datetime(),
  createdBy: z.string(),
});
export type ScreenGroup = z.infer<typeof ScreenGroupSchema>;

const groupName = z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters');
const deviceIds = z.array(z.string().min(1).max(64)).max(500, 'may hold at most 500 screens');

/** POST /api/v1/groups */
export const CreateGroupSchema = z.strictObject({ name: groupName, deviceIds: deviceIds.default([]) });
export type CreateGroup = z.infer<typeof CreateGroupSchema>;

/** PUT /api/v1/groups/:id — the name and the whole member list. */
export const UpdateGroupSchema = z.strictObject({ name: groupName, deviceIds });
export type UpdateGroup = z.infer<typeof UpdateGroupSchema>;

/** POST /api/v1/groups/:id/commands — the same commands as for one screen, to every member. */
export const GroupCommandSchema = DeviceCommandInputSchema;
