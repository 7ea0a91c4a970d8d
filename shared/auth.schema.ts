import { z } from 'zod';

export const USER_ROLES = ['admin', 'operator', 'judge'] as const;
export const UserRoleSchema = z.enum(USER_ROLES);
export type UserRole = z.infer<typeof UserRoleSchema>;

export const LoginSchema = z.strictObject({
  username: z.string().trim().min(1, 'must not be empty').max(64),
  password: z.string().min(1, 'must not be empty').max(256),
});
export type Login = z.infer<typeof LoginSchema>;

export const SessionUserSchema = z.object({ id: z.string(), username: z.string(), role: UserRoleSchema });
export type SessionUser = z.infer<typeof SessionUserSchema>;
