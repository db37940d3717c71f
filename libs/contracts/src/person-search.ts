import { z } from 'zod';
import type { ResolvedText } from './content';
import { languageSchema } from './languages';
import { FATES, type Fate } from './people';
import type { FacetValue } from './search';

/**
 * Finding a person by name as a family spells it (issue 14): the name in any
 * script or transliteration, misspelt by a letter, patronymic optional,
 * narrowed by years, place, rank, unit and fate. The filters and facets
 * follow the shape of the general search's (`search.ts`).
 */
export const PERSON_FACETS = ['country', 'fate', 'rank', 'unit', 'decade'] as const;
export type PersonFacet = (typeof PERSON_FACETS)[number];

/** Text typed by a visitor; NUL is refused here (PostgreSQL text cannot hold it), lone surrogates too (not text). */
const typed = (max: number, min = 1) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((value) => !value.includes('\u0000'), 'must not contain a NUL character')
    .refine((value) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value), 'must be text (no lone surrogates)');

const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value), z.array(item).max(20));

const year = z.coerce.number().int().min(1000).max(2100);

export const personSearchQuerySchema = z
  .object({
    /** The name: surname, given name, patronymic, in any order, script or scheme. */
    q: typed(200),
    lang: languageSchema.optional(),
    country: csv(z.string().regex(/^[a-z0-9-]{2,40}$/)).optional(),
    fate: csv(z.enum(FATES)).optional(),
    /** A rank as shown in any language (`сержант`, `Sergeant`). */
    rank: csv(typed(200)).optional(),
    /** Part of the unit's name, any case (`316`, `стрелковая дивизия`). */
    unit: typed(300).optional(),
    /** A place of birth, conscription or burial, or the memorial's place, under any of its names (Алма-Ата finds Алматы). */
    place: typed(200).optional(),
    /** The person's years (birth to death, as far as known) overlap these. */
    yearFrom: year.optional(),
    yearTo: year.optional(),
    /** Decades of death, as facet values. */
    decade: csv(z.coerce.number().int().min(1000).max(2100).multipleOf(10)).optional(),
    offset: z.coerce.number().int().min(0).max(1000).default(0),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .refine((query) => query.yearFrom === undefined || query.yearTo === undefined || query.yearFrom <= query.yearTo, {
    message: 'yearFrom must not be after yearTo',
    path: ['yearTo'],
  });
export type PersonSearchQuery = z.infer<typeof personSearchQuerySchema>;

export interface PersonHit {
  /** The person record. */
  id: string;
  country: string;
  slug: string;
  /** The name as written in its original script. */
  name: string;
  /** The display name in the reader's language. */
  title: ResolvedText | null;
  variants: string[];
  birthYear: number | null;
  deathYear: number | null;
  rank: string | null;
  unit: string | null;
  fate: Fate;
  /** The memorial the person is linked to first (their burial place when they have one), its page anchors them as `person-{slug}`. */
  memorial: { slug: string; title: ResolvedText | null; place: ResolvedText | null; condition: string | null; plot: string | null } | null;
  /** A burial place outside the register. */
  burialPlace: ResolvedText | null;
  /** Whether every word matched exactly, or some within one letter. */
  match: 'exact' | 'fuzzy';
}

export interface PersonSearchResults {
  items: PersonHit[];
  total: number;
  /** True when more people matched than are read (PERSON_MATCH_CAP): the total and counts are of those read. */
  capped: boolean;
  /** Each facet is counted without its own filter, so its other values stay visible. */
  facets: Record<PersonFacet, FacetValue[]>;
  /** The offset of the next page, or null. */
  next: number | null;
}
