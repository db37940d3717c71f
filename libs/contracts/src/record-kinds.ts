import { uuidSchema } from './common';
import { type ContentStatus } from './content';
import { createExhibitionSchema, exhibitionInputSchema, updateExhibitionSchema } from './exhibitions';
import { ITEM_KINDS, createItemSchema, itemInputSchema, updateItemSchema } from './items';
import { updateMediaSchema } from './media';
import type { PublicExhibition, PublicItem, PublicMemorial, PublicPerson } from './public';
import { FATES, createPersonSchema, personInputSchema, updatePersonSchema } from './people';
import { MEMORIAL_KINDS, createMemorialSchema, memorialInputSchema, updateMemorialSchema } from './memorials';
import { RECORD_COLLECTIONS } from './record-collections';
import type { RecordType } from './review';
import { z } from './zod';

/** At most this many files' texts ride along one save (a record shows far fewer files). */
export const MAX_MEDIA_TEXTS_PER_SAVE = 300;

/**
 * What a studio save (create or update) may carry beside the document: the
 * texts of the record's files (alt, caption, credit, rights, transcript),
 * keyed by asset id. The API writes them to the assets and saves the revision
 * in one transaction, so the revision's snapshot of its files' texts is
 * exactly what the curator saw. Each asset must be the record's country's and
 * shown by the document being saved.
 */
export const recordSaveExtras = {
  mediaTexts: z
    .record(uuidSchema, updateMediaSchema)
    .refine((texts) => Object.keys(texts).length <= MAX_MEDIA_TEXTS_PER_SAVE, `at most ${MAX_MEDIA_TEXTS_PER_SAVE} files' texts per save`)
    .optional(),
};
export const recordMediaTextsSchema = recordSaveExtras.mediaTexts.unwrap();
export type RecordMediaTexts = z.infer<typeof recordMediaTextsSchema>;

/**
 * One row per kind of curated record: the single place the API and the web
 * read a kind's names, URL segment, schemas and workflow rules from. A new
 * kind of record starts here (then a kind module in the API's `content/`,
 * a public view and a page).
 */
export const RECORD_KINDS = {
  item: {
    type: 'item',
    /** The URL segment of its studio, review and public routes (and its table). */
    collection: RECORD_COLLECTIONS.item,
    /** The sub-kinds a curator picks from (and the `kind` filter of lists); empty when the kind has none. */
    subKinds: ITEM_KINDS,
    /** The document's running text search indexes, in index order. */
    searchText: ['description', 'place', 'creator', 'materials', 'provenance'],
    /** The keys under which its documents name media files, wherever they sit in the document. */
    mediaKeys: ['assetId'],
    inputSchema: itemInputSchema,
    createSchema: createItemSchema,
    updateSchema: updateItemSchema,
    /** A studio save's body: the document (with the version it started from, for an update) and the save's extras. */
    createBodySchema: createItemSchema.extend(recordSaveExtras),
    updateBodySchema: updateItemSchema.extend(recordSaveExtras),
  },
  memorial: {
    type: 'memorial',
    collection: RECORD_COLLECTIONS.memorial,
    subKinds: MEMORIAL_KINDS,
    searchText: ['description', 'place', 'creator', 'materials', 'provenance', 'address', 'inscriptions'],
    mediaKeys: ['assetId'],
    inputSchema: memorialInputSchema,
    createSchema: createMemorialSchema,
    updateSchema: updateMemorialSchema,
    createBodySchema: createMemorialSchema.extend(recordSaveExtras),
    updateBodySchema: updateMemorialSchema.extend(recordSaveExtras),
  },
  exhibition: {
    type: 'exhibition',
    collection: RECORD_COLLECTIONS.exhibition,
    subKinds: [] as readonly string[],
    searchText: ['summary', 'sections'],
    mediaKeys: ['coverMediaId', 'assetIds'],
    inputSchema: exhibitionInputSchema,
    createSchema: createExhibitionSchema,
    updateSchema: updateExhibitionSchema,
    createBodySchema: createExhibitionSchema.extend(recordSaveExtras),
    updateBodySchema: updateExhibitionSchema.extend(recordSaveExtras),
  },
  person: {
    type: 'person',
    collection: RECORD_COLLECTIONS.person,
    /** A person's `kind` column is their fate, so studio lists filter by it. */
    subKinds: FATES,
    searchText: ['placeOfBirth', 'placeOfConscription', 'burialPlace', 'biography'],
    mediaKeys: ['assetId'],
    inputSchema: personInputSchema,
    createSchema: createPersonSchema,
    updateSchema: updatePersonSchema,
    createBodySchema: createPersonSchema.safeExtend(recordSaveExtras),
    updateBodySchema: updatePersonSchema.safeExtend(recordSaveExtras),
  },
} as const satisfies Record<RecordType, RecordKindRow>;

interface RecordKindRow {
  type: RecordType;
  collection: string;
  subKinds: readonly string[];
  searchText: readonly string[];
  mediaKeys: readonly string[];
  inputSchema: z.ZodType;
  createSchema: z.ZodType;
  updateSchema: z.ZodType;
  createBodySchema: z.ZodType;
  updateBodySchema: z.ZodType;
}

/** What visitors get of each kind: its public projection (the API's public view of a live record). */
export interface PublicRecordViews {
  item: PublicItem;
  memorial: PublicMemorial;
  exhibition: PublicExhibition;
  person: PublicPerson;
}

/** Every key under which some kind names media files. */
export const MEDIA_REFERENCE_KEYS: ReadonlySet<string> = new Set(Object.values(RECORD_KINDS).flatMap((kind) => kind.mediaKeys));

/**
 * Every media asset a curated document shows: item and memorial media,
 * memorial event photographs, exhibition covers and media blocks: the values
 * under each kind's `mediaKeys`, wherever they sit, so a kind gaining a new
 * place for media needs only its registry row. The API checks and snapshots
 * these; the studio sends the texts of these files with a save.
 */
export function mediaIdsIn(document: unknown): string[] {
  const ids = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      if (!MEDIA_REFERENCE_KEYS.has(key)) visit(child);
      else if (typeof child === 'string') ids.add(child);
      else if (Array.isArray(child)) child.forEach((id) => typeof id === 'string' && ids.add(id));
    }
  };
  visit(document);
  return [...ids];
}

export type RecordKindContract = (typeof RECORD_KINDS)[RecordType];
export type Collection = RecordKindContract['collection'];

/** Collection segment → record type, for routes that name the collection. */
export const COLLECTIONS = Object.fromEntries(Object.values(RECORD_KINDS).map((kind) => [kind.collection, kind.type])) as {
  [K in RecordType as (typeof RECORD_KINDS)[K]['collection']]: K;
};
export const COLLECTION_NAMES = Object.values(RECORD_KINDS).map((kind) => kind.collection) as [Collection, ...Collection[]];
export const collectionSchema = z.enum(COLLECTION_NAMES);

export function isCollection(value: string | undefined): value is Collection {
  return (COLLECTION_NAMES as readonly string[]).includes(value ?? '');
}

export function kindOfCollection(collection: Collection): RecordKindContract {
  return RECORD_KINDS[COLLECTIONS[collection]];
}

/** States from which a curator may submit the latest revision: anything not live and not already awaiting review. */
export const SUBMITTABLE_STATUSES: readonly ContentStatus[] = ['draft', 'changes_requested', 'rejected', 'unpublished', 'archived'];
