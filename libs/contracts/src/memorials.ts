import { z } from './zod';
import { localizedTextSchema, partialDateSchema, geoPointSchema, localizedLongTextSchema, versionSchema } from './content';
import { heritageFields, mediaRefSchema, studioRecordFields } from './items';

export const MEMORIAL_KINDS = ['monument', 'obelisk', 'bust', 'plaque', 'mass-grave', 'cemetery', 'other'] as const;
export const memorialKindSchema = z.enum(MEMORIAL_KINDS);
export type MemorialKind = z.infer<typeof memorialKindSchema>;

/** The scale War Memorials Online uses. */
export const CONDITIONS = ['good', 'fair', 'poor', 'very-bad', 'lost'] as const;
export const conditionSchema = z.enum(CONDITIONS);
export type Condition = z.infer<typeof conditionSchema>;

export const MEMORIAL_EVENT_TYPES = ['unveiling', 'restoration', 'relocation', 'reburial', 'vandalism', 'names-added'] as const;
export const memorialEventTypeSchema = z.enum(MEMORIAL_EVENT_TYPES);

export const inscriptionSchema = z.strictObject({
  /** The inscription as carved, in its own script. */
  original: z.string().trim().min(1).max(5_000),
  /** Language of the original, free (an inscription may be in a language the platform has no UI for). */
  originalLanguage: z.string().trim().min(2).max(12).optional(),
  translations: localizedLongTextSchema.default({}),
});

export const conditionSurveySchema = z.strictObject({
  date: partialDateSchema,
  condition: conditionSchema,
  note: localizedTextSchema.optional(),
  surveyor: z.string().trim().max(200).optional(),
});

export const memorialEventSchema = z.strictObject({
  date: partialDateSchema,
  type: memorialEventTypeSchema,
  description: localizedTextSchema.optional(),
  /** Who did it: a restorer, an organisation, a municipality. */
  actor: z.string().trim().max(300).optional(),
  /** Photographs and documents of this event (before/after a restoration, say). */
  media: z.array(mediaRefSchema).max(20).default([]),
});

export const memorialInputSchema = z.strictObject({
  ...heritageFields,
  kind: memorialKindSchema,
  location: geoPointSchema,
  address: localizedTextSchema.optional(),
  unveilingDate: partialDateSchema.optional(),
  inscriptions: z.array(inscriptionSchema).max(50).default([]),
  conditionSurveys: z.array(conditionSurveySchema).max(200).default([]),
  events: z.array(memorialEventSchema).max(500).default([]),
});
export type MemorialInput = z.input<typeof memorialInputSchema>;
export type MemorialDocument = z.infer<typeof memorialInputSchema>;

export const createMemorialSchema = memorialInputSchema;
export const updateMemorialSchema = memorialInputSchema.extend({ version: versionSchema });
export type UpdateMemorialInput = z.input<typeof updateMemorialSchema>;

export const studioMemorialSchema = memorialInputSchema.extend(studioRecordFields);
export type StudioMemorial = z.infer<typeof studioMemorialSchema>;
