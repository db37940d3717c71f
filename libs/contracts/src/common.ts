import { z } from './zod';

export const uuidSchema = z.uuid();

export const slugSchema = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single hyphens');

/** The body of every error answer the API gives. */
export const apiErrorSchema = z.object({
  statusCode: z.number().int(),
  error: z.string(),
  message: z.string(),
  issues: z
    .array(z.object({ path: z.string(), message: z.string() }))
    .optional(),
  /** A refused approval: everything that keeps the revision from going live. */
  blockers: z
    .array(z.object({ code: z.string(), message: z.string(), lang: z.string().optional(), assetId: z.string().optional() }))
    .optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export const idParamsSchema = z.strictObject({ id: uuidSchema });
