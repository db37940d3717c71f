import { z } from './zod';
import { uuidSchema } from './common';
import {
  contentSlugSchema,
  localizedLongTextSchema,
  localizedTextSchema,
  requiredLocalizedTextSchema,
  versionSchema,
} from './content';
import { studioRecordFields } from './items';

const blockId = uuidSchema;

export const textBlockSchema = z.strictObject({
  id: blockId,
  type: z.literal('text'),
  /** HTML per language; the server keeps only an allowlist of tags (no scripts, no javascript: links). */
  body: localizedLongTextSchema,
});

export const itemBlockSchema = z.strictObject({
  id: blockId,
  type: z.literal('item'),
  itemId: uuidSchema,
  /** The exhibition's own caption for the item. */
  caption: localizedTextSchema.optional(),
});

export const galleryBlockSchema = z.strictObject({
  id: blockId,
  type: z.literal('gallery'),
  itemIds: z.array(uuidSchema).min(1).max(60),
  caption: localizedTextSchema.optional(),
});

export const quoteBlockSchema = z.strictObject({
  id: blockId,
  type: z.literal('quote'),
  text: localizedLongTextSchema,
  attribution: localizedTextSchema.optional(),
});

export const mapBlockSchema = z.strictObject({
  id: blockId,
  type: z.literal('map'),
  itemIds: z.array(uuidSchema).max(500).default([]),
  memorialIds: z.array(uuidSchema).max(500).default([]),
  caption: localizedTextSchema.optional(),
});

/** Images, sound, film or documents shown in the story itself. */
export const mediaBlockSchema = z.strictObject({
  id: blockId,
  type: z.literal('media'),
  assetIds: z.array(uuidSchema).min(1).max(30),
  caption: localizedTextSchema.optional(),
});

export const exhibitionBlockSchema = z.discriminatedUnion('type', [
  textBlockSchema,
  itemBlockSchema,
  galleryBlockSchema,
  quoteBlockSchema,
  mapBlockSchema,
  mediaBlockSchema,
]);
export type ExhibitionBlock = z.infer<typeof exhibitionBlockSchema>;

export const exhibitionSectionSchema = z.strictObject({
  id: uuidSchema,
  title: localizedTextSchema.optional(),
  blocks: z.array(exhibitionBlockSchema).max(200),
});
export type ExhibitionSection = z.infer<typeof exhibitionSectionSchema>;

export const exhibitionInputSchema = z.strictObject({
  slug: contentSlugSchema,
  title: requiredLocalizedTextSchema,
  summary: localizedLongTextSchema.optional(),
  /** An item of the same country whose image serves as cover. */
  coverItemId: uuidSchema.optional(),
  /** An image of the same country shown as cover; takes precedence over the cover item's image. */
  coverMediaId: uuidSchema.optional(),
  sections: z.array(exhibitionSectionSchema).max(100).default([]),
});
export type ExhibitionInput = z.input<typeof exhibitionInputSchema>;
export type ExhibitionDocument = z.infer<typeof exhibitionInputSchema>;

export const createExhibitionSchema = exhibitionInputSchema;
export const updateExhibitionSchema = exhibitionInputSchema.extend({ version: versionSchema });
export type UpdateExhibitionInput = z.input<typeof updateExhibitionSchema>;

export const studioExhibitionSchema = exhibitionInputSchema.extend(studioRecordFields);
export type StudioExhibition = z.infer<typeof studioExhibitionSchema>;
