import { z } from 'zod';
import type { GeoPoint, ResolvedText } from './content';
import type { PublicMedia } from './public';
import { languageSchema } from './languages';
import { CONDITIONS } from './memorials';

export const SEARCH_TYPES = ['item', 'memorial', 'exhibition', 'person'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export const SEARCH_FACETS = ['country', 'type', 'kind', 'decade', 'condition', 'hasMedia'] as const;
export type SearchFacet = (typeof SEARCH_FACETS)[number];

/** Marks around the words that matched in a snippet (private-use characters: never in real text, never HTML). */
export const SNIPPET_MARK_START = '\uE000';
export const SNIPPET_MARK_END = '\uE001';

/** Text typed by a visitor: PostgreSQL text cannot hold a NUL character, so one is refused here rather than failing there. */
const typed = (max: number, min = 1) =>
  z.string().trim().min(min).max(max).refine((value) => !value.includes('\u0000'), 'must not contain a NUL character');

const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value), z.array(item).max(20));

export const searchQuerySchema = z.object({
  /** The words searched for; without them (or only blanks), browsing: every published record the filters let through, newest first. */
  q: z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), typed(200).optional()),
  lang: languageSchema.optional(),
  country: csv(z.string().regex(/^[a-z0-9-]{2,40}$/)).optional(),
  type: csv(z.enum(SEARCH_TYPES)).optional(),
  kind: csv(z.string().regex(/^[a-z-]{2,40}$/)).optional(),
  decade: csv(z.coerce.number().int().min(1000).max(2100).multipleOf(10)).optional(),
  condition: csv(z.enum(CONDITIONS)).optional(),
  hasMedia: z.enum(['true', 'false']).transform((value) => value === 'true').optional(),
  sort: z.enum(['relevance', 'date']).default('relevance'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

export const suggestQuerySchema = z.object({
  q: typed(100, 2),
  lang: languageSchema.optional(),
  country: z.string().regex(/^[a-z0-9-]{2,40}$/).optional(),
});
export type SuggestQuery = z.infer<typeof suggestQuerySchema>;

export interface SearchHit {
  type: SearchType;
  /** The item, memorial, exhibition or person record. */
  id: string;
  country: string;
  slug: string;
  /** For a person: the title of the memorial the hit names (their first linked live one), else their display name. */
  title: ResolvedText | null;
  /** For a person: their name as written, with years, and the slug of that memorial (its page anchors them as `person-{slug}`). */
  person: { name: string; variants: string[]; birthYear: number | null; deathYear: number | null; memorialSlug: string | null } | null;
  kind: string | null;
  condition: string | null;
  location: GeoPoint | null;
  year: number | null;
  /** Plain text with the matching words between SNIPPET_MARK_START and SNIPPET_MARK_END. */
  snippet: string | null;
  /** The record's first picture, once its derivatives are ready. */
  image: PublicMedia | null;
}

export interface FacetValue {
  value: string;
  count: number;
}

export interface SearchResults {
  items: SearchHit[];
  total: number;
  /** True when the term is so common that the total is the database's estimate, not a count. */
  estimated: boolean;
  /**
   * True when sort=relevance and too many things match to rank them all: hits are
   * ranked among the most recently published (or re-published) matches
   * first, then among older ones, page after page, to the last match.
   * Sorting by date stays exact.
   */
  approximate: boolean;
  /** Each facet is counted without its own filter, so its other values stay visible. */
  facets: Record<SearchFacet, FacetValue[]>;
  /** Facets whose counts are scaled up from a sample of the matches (too many to count). */
  estimatedFacets: SearchFacet[];
  next: string | null;
}

export interface Suggestion {
  text: string;
  type: SearchType;
  url: string;
}
