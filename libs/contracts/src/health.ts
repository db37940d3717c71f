import { z } from './zod';

export const componentStatusSchema = z.enum(['up', 'down']);

export const healthResponseSchema = z.object({
  status: z.enum(['ok', 'error']),
  database: componentStatusSchema,
  storage: componentStatusSchema,
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;
