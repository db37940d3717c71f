import { z } from './zod';
import { uuidSchema } from './common';
import { geoPointSchema, resolvedTextSchema } from './content';
import { itemKindSchema } from './items';
import { languageSchema } from './languages';
import { conditionSchema, memorialKindSchema } from './memorials';
import type { PublicDate, PublicExhibitionSummary, PublicItemSummary, PublicMedia } from './public';
import { safeString } from './text';

/**
 * The read API for partners (aggregators, national portals, researchers):
 * a list per kind of record of a country, newest approved first, a page at a
 * time, and the API keys that lift the anonymous rate limits.
 */

/** The largest page of a country's list of items, memorials or exhibitions, and the one given when none is asked. */
export const PUBLIC_RECORDS_MAX_LIMIT = 200;
export const PUBLIC_RECORDS_DEFAULT_LIMIT = 50;

/** The kinds listed by `GET /api/public/countries/:country/{items,memorials,exhibitions}` (people have their own register). */
export const PUBLIC_LIST_COLLECTIONS = ['items', 'memorials', 'exhibitions'] as const;
export type PublicListCollection = (typeof PUBLIC_LIST_COLLECTIONS)[number];

/** Where a partner puts its key (or in `Authorization: Bearer <key>`). */
export const API_KEY_HEADER = 'x-api-key';

/**
 * The query of a country's list of one kind. `cursor` is the `nextCursor` of
 * the previous page, as given (opaque; anything else is a 400).
 */
export const publicRecordsQuerySchema = z.object({
  lang: languageSchema.optional(),
  limit: z.coerce.number().int().min(1).max(PUBLIC_RECORDS_MAX_LIMIT).default(PUBLIC_RECORDS_DEFAULT_LIMIT),
  cursor: z
    .string()
    .max(2_000)
    .regex(/^[A-Za-z0-9_-]+$/, 'must be the nextCursor of a previous page, as given')
    .optional(),
});
export type PublicRecordsQuery = z.infer<typeof publicRecordsQuerySchema>;

export const publicMediaSchema = z.object({
  id: z.string(),
  kind: z.string(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  thumbhash: z.string().nullable(),
  widths: z.array(z.number()),
  tiled: z.boolean(),
  tileScaleFactors: z.array(z.number()).nullable(),
  mimeType: z.string(),
  alt: resolvedTextSchema.nullable(),
  caption: resolvedTextSchema.nullable(),
  credit: resolvedTextSchema.nullable(),
  rights: z.string().nullable(),
  fileUrl: z.string().nullable(),
  captions: z.array(z.object({ lang: z.string(), url: z.string() })),
  transcript: resolvedTextSchema.nullable(),
}) satisfies z.ZodType<PublicMedia>;

export const publicDateSchema = z.object({
  earliest: z.number().nullable(),
  latest: z.number().nullable(),
  circa: z.boolean(),
  display: resolvedTextSchema.nullable(),
}) satisfies z.ZodType<PublicDate>;

/** An item as cards and lists show it (the country page's recent items, an exhibition's cards). */
export const publicItemSummarySchema = z.object({
  id: uuidSchema,
  slug: z.string(),
  kind: itemKindSchema,
  title: resolvedTextSchema,
  date: publicDateSchema.nullable(),
  place: resolvedTextSchema.nullable(),
  image: publicMediaSchema.nullable(),
}) satisfies z.ZodType<PublicItemSummary>;

/** A memorial as a list shows it: an item's card with its place on the map and its latest surveyed condition. */
export const publicMemorialSummarySchema = z.object({
  id: uuidSchema,
  slug: z.string(),
  kind: memorialKindSchema,
  title: resolvedTextSchema,
  date: publicDateSchema.nullable(),
  place: resolvedTextSchema.nullable(),
  image: publicMediaSchema.nullable(),
  location: geoPointSchema,
  condition: conditionSchema.nullable(),
});
export type PublicMemorialSummary = z.infer<typeof publicMemorialSummarySchema>;

/** An exhibition as the country page lists it. */
export const publicExhibitionSummarySchema = z.object({
  id: uuidSchema,
  slug: z.string(),
  title: resolvedTextSchema,
  summary: resolvedTextSchema.nullable(),
  cover: publicItemSummarySchema.nullable(),
  coverImage: publicMediaSchema.nullable(),
}) satisfies z.ZodType<PublicExhibitionSummary>;

const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    /** Null on the last page. */
    nextCursor: z.string().nullable(),
  });

/** One page of a country's live items, newest approved first (then by id). */
export const publicItemsPageSchema = pageOf(publicItemSummarySchema);
export type PublicItemsPage = z.infer<typeof publicItemsPageSchema>;
/** One page of a country's live memorials, newest approved first (then by id). */
export const publicMemorialsPageSchema = pageOf(publicMemorialSummarySchema);
export type PublicMemorialsPage = z.infer<typeof publicMemorialsPageSchema>;
/** One page of a country's live exhibitions, newest approved first (then by id). */
export const publicExhibitionsPageSchema = pageOf(publicExhibitionSummarySchema);
export type PublicExhibitionsPage = z.infer<typeof publicExhibitionsPageSchema>;

/** What an administrator gives a new partner key: who it is for, and how to reach them. */
export const createApiKeySchema = z.strictObject({
  name: safeString().trim().min(1).max(120),
  contact: safeString().trim().max(300).optional(),
});
export type CreateApiKey = z.infer<typeof createApiKeySchema>;

/** A partner key as administrators see it: never the key itself, only its first characters. */
export const apiKeySchema = z.object({
  id: uuidSchema,
  name: z.string(),
  contact: z.string().nullable(),
  /** The key's first characters, to recognise it (`vtr_AbCd…`). */
  prefix: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiKey = z.infer<typeof apiKeySchema>;

export const apiKeyListSchema = z.object({ items: z.array(apiKeySchema) });
export type ApiKeyList = z.infer<typeof apiKeyListSchema>;

/** The answer to a key's creation: the only time the key itself is shown (only its hash is kept). */
export const createdApiKeySchema = apiKeySchema.extend({ key: z.string() });
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;
