import { z } from 'zod';

export const USER_ROLES = ['admin', 'operator', 'judge'] as const;
export const UserRoleSchema = z.enum(USER_ROLES);
export type UserRole = z.infer<typeof UserRoleSchema>;

/**
 * The one form of a user name that sign-in, its rate limit and the database agree on: the same
 * name typed with spaces, a trailing newline, other letter case or full-width letters is the same
 * account, so it must also share that account's failure count.
 */
export function normalizeUsername(name: string): string {
  return name.normalize('NFKC').trim().toLowerCase();
}

export const LoginSchema = z.strictObject({
  username: z.string().max(64).transform(normalizeUsername).pipe(z.string().min(1, 'must not be empty')),
  password: z.string().min(1, 'must not be empty').max(256),
});
export type Login = z.infer<typeof LoginSchema>;

export const SessionUserSchema = z.object({ id: z.string(), username: z.string(), role: UserRoleSchema });
export type SessionUser = z.infer<typeof SessionUserSchema>;

const password = z.string().min(10, 'must be at least 10 characters').max(256);
const username = z.string().trim().regex(/^[a-zA-Z0-9._-]{2,32}$/, 'must be 2–32 letters, digits, dots, dashes or underscores');

export const CreateUserSchema = z.strictObject({ username, role: UserRoleSchema, password });
export type CreateUser = z.infer<typeof CreateUserSchema>;

export const UpdateUserSchema = z.strictObject({ role: UserRoleSchema.optional(), disabled: z.boolean().optional() });
export type UpdateUser = z.infer<typeof UpdateUserSchema>;

export const ResetPasswordSchema = z.strictObject({ password });

export const UserSchema = z.object({ id: z.string(), username: z.string(), role: UserRoleSchema, disabled: z.boolean(), createdAt: z.string() });
export type User = z.infer<typeof UserSchema>;
