import { z } from './zod';

export const uuidSchema = z.uuid();

export const slugSchema = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single hyphens');

/**
 * Stable names of refusals a client words in its own language and ties to a
 * field (the `message` is English, for logs and API clients).
 */
export const API_ERROR_CODES = ['email-taken', 'country-slug-taken'] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** The body of every error answer the API gives. */
export const apiErrorSchema = z.object({
  statusCode: z.number().int(),
  error: z.string(),
  message: z.string(),
  /** Which refusal this is, when it has a stable name (API_ERROR_CODES). */
  code: z.enum(API_ERROR_CODES).optional(),
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
