import { z } from 'zod';
import type { GeoPoint, ResolvedText } from './content';
import { languageSchema } from './languages';
import { CONDITIONS } from './memorials';

export const SEARCH_TYPES = ['item', 'memorial', 'exhibition', 'person'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/** Marks around the words that matched in a snippet (private-use characters: never in real text, never HTML). */
export const SNIPPET_MARK_START = '\uE000';
export const SNIPPET_MARK_END = '\uE001';

const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value), z.array(item).max(20));

export const searchQuerySchema = z.object({
  q: z.string().trim().min(1).max(200),
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
  q: z.string().trim().min(2).max(100),
  lang: languageSchema.optional(),
  country: z.string().regex(/^[a-z0-9-]{2,40}$/).optional(),
});
export type SuggestQuery = z.infer<typeof suggestQuerySchema>;

export interface SearchHit {
  type: SearchType;
  /** The item, memorial or exhibition (for a person: the memorial naming them). */
  id: string;
  country: string;
  slug: string;
  title: ResolvedText | null;
  /** For a person: their name as carved, with years. */
  person: { name: string; variants: string[]; birthYear: number | null; deathYear: number | null } | null;
  kind: string | null;
  condition: string | null;
  location: GeoPoint | null;
  year: number | null;
  /** Plain text with the matching words between SNIPPET_MARK_START and SNIPPET_MARK_END. */
  snippet: string | null;
}

export interface FacetValue {
  value: string;
  count: number;
}

export interface SearchResults {
  items: SearchHit[];
  total: number;
  /** True when the term is so common that counts were estimated from a capped sample. */
  estimated: boolean;
  facets: { country: FacetValue[]; type: FacetValue[]; kind: FacetValue[]; decade: FacetValue[]; condition: FacetValue[]; hasMedia: FacetValue[] };
  next: string | null;
}

export interface Suggestion {
  text: string;
  type: SearchType;
  url: string;
}
