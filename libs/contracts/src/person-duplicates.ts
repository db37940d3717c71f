import { z } from './zod';
import { uuidSchema } from './common';
import { contentStatusSchema, versionSchema } from './content';

/**
 * Why a person may be the same as another (issue 14): the names match across
 * scripts (`same-name`) or within a letter (`similar-name`), a year agrees or
 * conflicts (both known, more than a year apart), the unit is the same, they
 * are linked to the same memorial.
 */
export const DUPLICATE_REASONS = [
  'same-name',
  'similar-name',
  'birth-year-agrees',
  'birth-year-conflicts',
  'death-year-agrees',
  'death-year-conflicts',
  'same-unit',
  'shared-memorial',
] as const;
export const duplicateReasonSchema = z.enum(DUPLICATE_REASONS);
export type DuplicateReason = z.infer<typeof duplicateReasonSchema>;

/** One suggested duplicate of a person: who they are, and why they may be the same. */
export const personDuplicateSchema = z.object({
  id: uuidSchema,
  slug: z.string(),
  name: z.string(),
  variants: z.array(z.string()),
  birthYear: z.number().int().nullable(),
  deathYear: z.number().int().nullable(),
  unit: z.string().nullable(),
  status: contentStatusSchema,
  isLive: z.boolean(),
  version: versionSchema,
  /** 0–100: higher is likelier the same person. */
  score: z.number().int().min(0).max(100),
  reasons: z.array(duplicateReasonSchema),
});
export type PersonDuplicate = z.infer<typeof personDuplicateSchema>;

/** `GET …/people/:id/duplicates`: the likeliest first, at most MAX_DUPLICATES. */
export const personDuplicatesSchema = z.object({ items: z.array(personDuplicateSchema) });
export type PersonDuplicates = z.infer<typeof personDuplicatesSchema>;

export const MAX_DUPLICATES = 10;

/** `POST …/people/:id/merge`: the record named in the path survives; both versions as the moderator saw them. */
export const mergePeopleSchema = z.strictObject({
  duplicateId: uuidSchema,
  version: versionSchema,
  duplicateVersion: versionSchema,
});
export type MergePeopleInput = z.infer<typeof mergePeopleSchema>;

/**
 * A value of the duplicate the survivor kept its own of (the survivor's is
 * never overwritten): reported so a curator can move it by hand. Names and
 * spellings are not reported: they join the variants.
 */
export const mergeConflictSchema = z.object({
  /** `draft` or `live`: which copy of the records it was found in. */
  copy: z.enum(['draft', 'live']),
  /** The field's path: `unit`, `birth`, `rank.ru`, `placeOfBirth.en`… */
  field: z.string(),
  kept: z.string(),
  dropped: z.string(),
});
export type MergeConflict = z.infer<typeof mergeConflictSchema>;

/**
 * What became of the visitors' copy: `unchanged` (nothing of the duplicate
 * was live), `united` (both were live: the union of the two approved copies),
 * `from-duplicate` (only the duplicate was live: its approved copy is now the
 * survivor's, at the survivor's address).
 */
export const MERGE_LIVE_OUTCOMES = ['unchanged', 'united', 'from-duplicate'] as const;

export const personMergeResultSchema = z.object({
  survivor: z.object({ id: uuidSchema, slug: z.string(), version: versionSchema, liveRevision: versionSchema.nullable(), status: contentStatusSchema }),
  duplicate: z.object({ id: uuidSchema, mergedInto: uuidSchema }),
  live: z.enum(MERGE_LIVE_OUTCOMES),
  conflicts: z.array(mergeConflictSchema),
});
export type PersonMergeResult = z.infer<typeof personMergeResultSchema>;
