/**
 * The fixed cases of the search benchmark (search.ts): searches with a word
 * of each class, suggest, and the pages that must stay fast at a million
 * records (the country page, the studio lists, the public list of people),
 * each a function from the request's number to its path. Warm-up requests
 * are asked for with negative numbers and get words the timed ones do not use.
 */
import type { Client as PgClient } from 'pg';
import { GENERATED_SLUG, misspell } from './generate';
import { COMMON, MEDIUM } from './vocabulary';

export interface Request {
  path: string;
  /** The same search straight against PostgreSQL, for the API / SQL ratio. */
  query?: Record<string, string>;
}

export interface Case {
  id: string;
  label: string;
  goal?: { ms: number; what: string };
  auth?: boolean;
  /** The i-th timed request; warm-up requests are asked for with negative i. */
  request: (i: number) => Request;
  /** Looks at an answer (counts, hits); returns a problem or nothing. */
  inspect?: (body: unknown, request: Request) => string | void;
}

export interface Words {
  places: string[];
  surnames: string[];
}

export async function pickWords(db: PgClient, count: number): Promise<Words> {
  // Random but repeatable picks: ordered by a hash of the word.
  const places = await db.query<{ word: string }>(
    `SELECT word FROM (SELECT DISTINCT live_content->'place'->'ru'->>'text' AS word FROM items WHERE slug ~ ${GENERATED_SLUG}) p ORDER BY md5(word) LIMIT $1`,
    [count],
  );
  const surnames = await db.query<{ word: string }>(
    `SELECT word FROM (SELECT DISTINCT split_part(person->>'name', ' ', 1) AS word FROM search_documents WHERE record_type = 'person' AND slug ~ ${GENERATED_SLUG}) s
      WHERE length(word) >= 9 AND word ~ '(ян|дзе|енко|бек|швили|уулу|заде)$' ORDER BY md5(word) LIMIT $1`,
    [count],
  );
  return { places: places.rows.map((r) => r.word), surnames: surnames.rows.map((r) => r.word) };
}

interface SearchBody {
  items: { type: string; person: { name: string } | null; year: number | null }[];
  total: number;
  estimated: boolean;
  facets: Record<string, unknown[]>;
}

export function searchCases(words: Words, countries: { id: string; slug: string }[], requests: number): Case[] {
  const rotate = <T>(list: T[], i: number, offset = 0) => list[((i < 0 ? requests + -i - 1 : i) + offset) % list.length];
  const qs = (query: Record<string, string>) => new URLSearchParams({ ...query, limit: '20' }).toString();
  const search = (query: Record<string, string>): Request => ({ path: `/api/public/search?${qs(query)}`, query: { ...query, limit: '20' } });
  const totals = new Map<string, number[]>();
  const searchInspect =
    (id: string, expectHits: boolean) =>
    (body: unknown): string | void => {
      const result = body as SearchBody;
      if (!Array.isArray(result.items) || typeof result.total !== 'number' || !result.facets) return 'answer is not { items, total, facets }';
      (totals.get(id) ?? totals.set(id, []).get(id)!).push(result.total);
      if (result.estimated) (totals.get(`${id}:estimated`) ?? totals.set(`${id}:estimated`, []).get(`${id}:estimated`)!).push(1);
      if (expectHits && result.total === 0) return 'no hits';
    };
  const dateOrder =
    (id: string) =>
    (body: unknown): string | void => {
      const problem = searchInspect(id, true)(body);
      const years = (body as SearchBody).items.map((hit) => hit.year ?? -1);
      if (years.some((year, k) => k > 0 && year > years[k - 1])) return 'hits not in date order (newest first)';
      return problem;
    };
  const half = Math.floor(words.places.length / 2);
  const cases: Case[] = [
    {
      id: 'rare',
      label: 'search: rare place name (relevance)',
      goal: { ms: 50, what: 'rare' },
      request: (i) => search({ q: rotate(words.places.slice(0, half), i), lang: 'ru' }),
      inspect: searchInspect('rare', true),
    },
    {
      id: 'medium',
      label: 'search: medium word (relevance)',
      goal: { ms: 50, what: 'medium' },
      request: (i) => search({ q: rotate(MEDIUM.map((w) => w.ru), i), lang: 'ru' }),
      inspect: searchInspect('medium', true),
    },
    {
      id: 'common',
      label: 'search: common word (relevance)',
      goal: { ms: 250, what: 'common' },
      request: (i) => search({ q: rotate(COMMON.map((w) => w.ru), i), lang: 'ru' }),
      inspect: searchInspect('common', true),
    },
    {
      id: 'rare-date',
      label: 'search: rare place name, sort=date',
      goal: { ms: 50, what: 'rare' },
      request: (i) => search({ q: rotate(words.places.slice(half), i), lang: 'ru', sort: 'date' }),
      inspect: dateOrder('rare-date'),
    },
    {
      id: 'misspelt',
      label: 'search: misspelt rare surname (trigram)',
      goal: { ms: 50, what: 'rare' },
      request: (i) => search({ q: misspell(rotate(words.surnames, i)), lang: 'ru' }),
      inspect: (body, request) => {
        const problem = searchInspect('misspelt', true)(body);
        const wanted = words.surnames.find((surname) => misspell(surname) === request.query!.q);
        const found = (body as SearchBody).items.some((hit) => hit.person?.name.startsWith(`${wanted} `));
        (totals.get('misspelt:found') ?? totals.set('misspelt:found', []).get('misspelt:found')!).push(found ? 1 : 0);
        return problem;
      },
    },
    {
      id: 'surname',
      label: 'search: rare surname, exact (extra)',
      goal: { ms: 50, what: 'rare' },
      request: (i) => search({ q: rotate(words.surnames, i, 7), lang: 'ru' }),
      inspect: searchInspect('surname', true),
    },
    {
      id: 'common-en',
      label: 'search: common word in English (extra)',
      goal: { ms: 250, what: 'common' },
      request: (i) => search({ q: rotate(COMMON.map((w) => w.en), i), lang: 'en' }),
      inspect: searchInspect('common-en', true),
    },
    {
      id: 'common-filtered',
      label: 'search: common word, country + type=memorial (extra)',
      goal: { ms: 250, what: 'common' },
      request: (i) => search({ q: rotate(COMMON.map((w) => w.ru), i), lang: 'ru', country: rotate(countries, i, 3).slug, type: 'memorial' }),
      inspect: searchInspect('common-filtered', false),
    },
    {
      id: 'medium-date',
      label: 'search: medium word, sort=date (extra)',
      goal: { ms: 50, what: 'medium' },
      request: (i) => search({ q: rotate(MEDIUM.map((w) => w.ru), i, 3), lang: 'ru', sort: 'date' }),
      inspect: dateOrder('medium-date'),
    },
    {
      id: 'common-date',
      label: 'search: common word, sort=date (extra)',
      goal: { ms: 250, what: 'common' },
      request: (i) => search({ q: rotate(COMMON.map((w) => w.ru), i, 1), lang: 'ru', sort: 'date' }),
      inspect: dateOrder('common-date'),
    },
    {
      id: 'medium-country',
      label: 'search: medium word, one country (extra; its facet counted without it)',
      goal: { ms: 50, what: 'medium' },
      request: (i) => search({ q: rotate(MEDIUM.map((w) => w.ru), i, 5), lang: 'ru', country: rotate(countries, i, 5).slug }),
      inspect: searchInspect('medium-country', false),
    },
    {
      id: 'suggest-short',
      label: 'suggest: first 2 letters of a surname (extra; known words by prefix)',
      request: (i) => ({ path: `/api/public/search/suggest?${new URLSearchParams({ q: rotate(words.surnames, i, 13).slice(0, 2), lang: 'ru' })}` }),
      inspect: (body) => (Array.isArray(body) ? (body.length > 0 ? undefined : 'no suggestions') : 'answer is not an array'),
    },
    {
      id: 'suggest',
      label: 'suggest: first 6 letters of a surname (extra)',
      request: (i) => ({ path: `/api/public/search/suggest?${new URLSearchParams({ q: rotate(words.surnames, i, 11).slice(0, 6), lang: 'ru' })}` }),
      inspect: (body) => (Array.isArray(body) ? undefined : 'answer is not an array'),
    },
  ];
  (cases as unknown as { totals: Map<string, number[]> }).totals = totals;
  return cases;
}

/** A country with what its lists hold (every row, published or not: the studio lists them all). */
export interface Country {
  id: string;
  slug: string;
  items: number;
  memorials: number;
  people: number;
}

export async function readCountries(db: PgClient): Promise<Country[]> {
  const count = (table: string) => `(SELECT count(*) FROM ${table} t WHERE t.country_id = c.id)::int AS ${table}`;
  const { rows } = await db.query<Country>(`SELECT c.id, c.slug, ${count('items')}, ${count('memorials')}, ${count('people')} FROM countries c ORDER BY c.slug`);
  return rows;
}

const PAGE_GOAL = { ms: 100, what: 'page' };
const STUDIO_PAGE = 20;
const PUBLIC_PEOPLE_PAGE = 50;

/**
 * The pages: each for every country in turn, and for the country with the
 * most of what it lists. The studio lists are asked as the demo admin, a page
 * of 20 as the studio shows; the public people list its first page (50).
 */
export function pageCases(countries: Country[], requests: number): Case[] {
  const rotate = <T>(list: T[], i: number) => list[(i < 0 ? requests + -i - 1 : i) % list.length];
  const largestBy = (size: (country: Country) => number) => [...countries].sort((a, b) => size(b) - size(a))[0];
  const home = (body: unknown) => (typeof body === 'object' && body && 'recentItems' in body ? undefined : 'answer has no recent items');
  const points = (body: unknown) =>
    typeof body === 'object' && body && 'items' in body && (body as { items: unknown[] }).items.length > 0 ? undefined : 'answer has no memorial points';
  const entries = (size: number) => (body: unknown) =>
    typeof body === 'object' && body && 'items' in body && (body as { items: unknown[] }).items.length === size ? undefined : `list has not ${size} entries`;
  const page = (id: string, label: string, largest: Country, path: (country: Country) => string, inspect: Case['inspect'], auth = false): Case[] => [
    { id, label: `${label}, every country in turn`, goal: PAGE_GOAL, auth, request: (i) => ({ path: path(rotate(countries, i)) }), inspect },
    { id: `${id}-largest`, label: `${label}, largest country (${largest.slug})`, goal: PAGE_GOAL, auth, request: () => ({ path: path(largest) }), inspect },
  ];
  const studio = (collection: string) => (country: Country) => `/api/studio/countries/${country.id}/${collection}?limit=${STUDIO_PAGE}`;
  return [
    ...page('home', 'country page', largestBy((c) => c.items + c.memorials), (c) => `/api/public/countries/${c.slug}/home`, home),
    // Asked by the country page's map once the page shows (up to 5 000 points, about 1.3 MiB): measured, with no goal of its own.
    ...page('points', "country page's map points", largestBy((c) => c.memorials), (c) => `/api/public/countries/${c.slug}/memorial-points`, points).map(
      ({ goal: _goal, ...measured }) => measured,
    ),
    ...page('studio', 'studio items list', largestBy((c) => c.items), studio('items'), entries(STUDIO_PAGE), true),
    ...page('studio-memorials', 'studio memorials list', largestBy((c) => c.memorials), studio('memorials'), entries(STUDIO_PAGE), true),
    ...page('studio-people', 'studio people list', largestBy((c) => c.people), studio('people'), entries(STUDIO_PAGE), true),
    ...page('people', 'public people list', largestBy((c) => c.people), (c) => `/api/public/countries/${c.slug}/people`, entries(PUBLIC_PEOPLE_PAGE)),
  ];
}
