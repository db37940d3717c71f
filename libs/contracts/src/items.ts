import { z } from './zod';
import { uuidSchema } from './common';
import {
  contentSlugSchema,
  contentStatusSchema,
  dateRangeSchema,
  geoPointSchema,
  localizedLongTextSchema,
  localizedTagSchema,
  localizedTextSchema,
  requiredLocalizedTextSchema,
  resolvedTextSchema,
  rightsUriSchema,
  versionSchema,
} from './content';

export const ITEM_KINDS = ['artefact', 'photograph', 'document', 'artwork', 'building', 'story'] as const;
export const itemKindSchema = z.enum(ITEM_KINDS);
export type ItemKind = z.infer<typeof itemKindSchema>;

/** A media asset of the record's own country. */
export const mediaRefSchema = z.strictObject({ assetId: uuidSchema });

/** The descriptive fields items and memorials share. */
export const heritageFields = {
  slug: contentSlugSchema,
  title: requiredLocalizedTextSchema,
  description: localizedLongTextSchema.optional(),
  creator: localizedTextSchema.optional(),
  date: dateRangeSchema.optional(),
  place: localizedTextSchema.optional(),
  materials: localizedTextSchema.optional(),
  dimensions: z.string().trim().max(200).optional(),
  provenance: localizedLongTextSchema.optional(),
  creditLine: localizedTextSchema.optional(),
  rights: rightsUriSchema.optional(),
  inventoryNumber: z.string().trim().max(100).optional(),
  /** Each tag with its translations: `{ ru: 'Ереван', en: 'Yerevan' }`. */
  tags: z.array(localizedTagSchema).max(50).default([]),
  /** Media assets of the same country, in display order. */
  media: z.array(mediaRefSchema).max(100).default([]),
};

export const itemInputSchema = z.strictObject({
  ...heritageFields,
  kind: itemKindSchema,
  location: geoPointSchema.optional(),
});
export type ItemInput = z.input<typeof itemInputSchema>;
/** An item as stored: validated, defaults applied. */
export type ItemDocument = z.infer<typeof itemInputSchema>;

export const createItemSchema = itemInputSchema;
/** A save names the version it started from; a stale version gets 409. */
export const updateItemSchema = itemInputSchema.extend({ version: versionSchema });
export type UpdateItemInput = z.input<typeof updateItemSchema>;

export const studioRecordFields = {
  id: uuidSchema,
  countryId: uuidSchema,
  status: contentStatusSchema,
  version: versionSchema,
  /** The revision visitors see, if any. */
  liveRevision: versionSchema.nullable(),
  /** The moderator's last word to the curators (why changes were requested, say). */
  reviewComment: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const studioItemSchema = itemInputSchema.extend(studioRecordFields);
export type StudioItem = z.infer<typeof studioItemSchema>;

/** A record's picture in a studio list: its first medium with a picture, at its smallest width. */
export const studioThumbnailSchema = z.object({ assetId: uuidSchema, url: z.string() });
export type StudioThumbnail = z.infer<typeof studioThumbnailSchema>;

export const studioListItemSchema = z.object({
  id: uuidSchema,
  slug: z.string(),
  kind: z.string(),
  title: resolvedTextSchema.nullable(),
  status: contentStatusSchema,
  version: versionSchema,
  isLive: z.boolean(),
  updatedAt: z.string(),
  /** Null when the record has no medium with a picture yet (or none at all, as an exhibition without a cover image). */
  thumbnail: studioThumbnailSchema.nullable().optional(),
});
export type StudioListEntry = z.infer<typeof studioListItemSchema>;

export const studioListSchema = z.object({
  items: z.array(studioListItemSchema),
  total: z.number().int(),
  /** True when the list holds more than `total` (counting stops some thousands past the page shown). */
  totalAtLeast: z.boolean().optional(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type StudioList = z.infer<typeof studioListSchema>;
