import { z } from './zod';
import { geoPointSchema, resolvedTextSchema } from './content';
import { conditionSchema } from './memorials';

/** A place on a public map: a record with a location, its title resolved for the reader. */
export const publicMapPointSchema = z.object({
  type: z.enum(['item', 'memorial']),
  id: z.string(),
  slug: z.string(),
  title: resolvedTextSchema,
  location: geoPointSchema,
  kind: z.string(),
  /** A memorial's latest survey's condition; null for items and unsurveyed memorials. */
  condition: conditionSchema.nullable(),
});
export type PublicMapPoint = z.infer<typeof publicMapPointSchema>;

/**
 * `GET /api/public/countries/:country/memorial-points`: the country's live
 * memorials as points of its map, by slug (the first 5 000 of them), apart
 * from the country page so the page is not held up by its map.
 */
export const publicMemorialPointsSchema = z.object({
  items: z.array(publicMapPointSchema),
});
export type PublicMemorialPoints = z.infer<typeof publicMemorialPointsSchema>;
