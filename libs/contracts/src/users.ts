import { z } from './zod';
import { emailSchema, membershipSchema, passwordSchema, roleSchema } from './auth';
import { uuidSchema } from './common';

export const createUserSchema = z.strictObject({
  email: emailSchema,
  displayName: z.string().trim().min(1).max(120),
  password: passwordSchema,
  isAdmin: z.boolean().default(false),
});
export type CreateUserInput = z.input<typeof createUserSchema>;

export const updateUserSchema = z
  .strictObject({
    displayName: z.string().trim().min(1).max(120).optional(),
    isAdmin: z.boolean().optional(),
    disabled: z.boolean().optional(),
    password: passwordSchema.optional(),
  })
  .refine((value) => Object.keys(value).length > 0, 'nothing to update');
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const grantMembershipSchema = z.strictObject({
  countryId: uuidSchema,
  role: roleSchema,
});
export type GrantMembershipInput = z.infer<typeof grantMembershipSchema>;

export const userSchema = z.object({
  id: uuidSchema,
  email: z.string(),
  displayName: z.string(),
  isAdmin: z.boolean(),
  disabled: z.boolean(),
  createdAt: z.string(),
  memberships: z.array(membershipSchema),
});
export type User = z.infer<typeof userSchema>;

export const userListSchema = z.object({ items: z.array(userSchema) });
export type UserList = z.infer<typeof userListSchema>;

export const membershipParamsSchema = z.strictObject({ id: uuidSchema, countryId: uuidSchema });

/** What an administrator's unlock of a user's sign-in cleared: the failed logins counted against the account. */
export const loginUnlockSchema = z.object({ clearedFailures: z.number().int().nonnegative() });
export type LoginUnlock = z.infer<typeof loginUnlockSchema>;
