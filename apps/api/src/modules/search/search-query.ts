import type { SearchFacet, SearchQuery } from '@vitrina/contracts';
import { SNIPPET_MARK_END, SNIPPET_MARK_START } from '@vitrina/contracts';
import { testedOf } from './search-narrowing';

/**
 * Matches one statement reads, ranks and counts at most. Up to this many a
 * search is exact: every match is ranked or dated, every count is true. Each
 * match is a random row read, about 10 µs on the 2-core bench machine with
 * the rank, so more would not fit the 50 ms goal (4 600 matches took 55 ms,
 * 18 000 took 380 ms at 1M); beyond it see search-plan.ts. Measured in
 * bench/README.md ("Search").
 */
export const MATCH_CAP = 3_000;
/** A planner estimate above this many matches skips the exact attempt: it would only overflow the cap. */
export const EXACT_ATTEMPT_BELOW = 2 * MATCH_CAP;
/**
 * The same with filters: the planner multiplies their shares as if they were
 * independent, and they are not (no item has a condition: 24 000 guessed for
 * items in poor condition, none there), so a far larger guess is still tried
 * exactly. The GIN index intersects the filters before any row is read, so a
 * guess that was right costs a bitmap and the cap's rows, tens of ms.
 */
export const FILTERED_EXACT_ATTEMPT_BELOW = 30 * MATCH_CAP;

/** Matches a window of the newest rows is sized to hold, well under the cap so a low estimate does not overflow it. */
export const WINDOW_TARGET = 300;

/** How alike (pg_trgm similarity, which must exceed this) a misspelt or transliterated word must be to a known word: Ivanoff ~ ivanov is 0.5. */
export const NAME_SIMILARITY = 0.45;
/** Suggestions complete what is typed: near-exact prefixes only, which the trigram index finds fast. */
export const SUGGEST_SIMILARITY = 0.8;
/** Shorter than this (in letters), a trigram match finds nothing (`ab` shares too few trigrams with `abcdef`): suggest by known words' prefixes. */
export const SUGGEST_PREFIX_BELOW = 4;
/** Known words a short prefix stands for at most, the shortest first. */
export const SUGGEST_PREFIX_WORDS = 8;
export const SUGGESTIONS = 8;

/** Known words at most this many per word of the query stand in for a misspelt name. */
export const SIMILAR_WORDS_PER_WORD = 8;

/** Known words at most this much less similar than the closest one rank first: иваноф means иванов before иван. */
export const SIMILAR_WORDS_SPREAD = 0.05;

/** A known word that a misspelt query word may have meant; `closest` ones rank first. */
export interface SimilarWord {
  word: string;
  closest: boolean;
}

/**
 * The indexed words closest to each word of the query, by trigram similarity
 * (run with `pg_trgm.similarity_threshold` at NAME_SIMILARITY): Иваноф finds
 * иванов, Ivanoff finds ivanov. A typo of a name is searched as these words.
 */
export const SIMILAR_WORDS_SQL = `
  SELECT c.word, c.similarity >= c.best - ${SIMILAR_WORDS_SPREAD} AS closest FROM (
    SELECT s.word, s.similarity, max(s.similarity) OVER (PARTITION BY q.word) AS best
      FROM unnest(tsvector_to_array(to_tsvector('simple', $1))) AS q(word)
      CROSS JOIN LATERAL (
        SELECT w.word, similarity(w.word, q.word) AS similarity FROM search_words w
         WHERE w.word % q.word
         ORDER BY 2 DESC, w.word
         LIMIT ${SIMILAR_WORDS_PER_WORD}
      ) AS s
  ) AS c`;

/**
 * Whether a word of the query is among the index's most common lexemes (the
 * planner's statistics of the tsvector, kept by ANALYZE): a word a typo
 * cannot be, as it is there by the thousand.
 */
export const COMMON_WORDS_SQL = `
  SELECT EXISTS (
    SELECT 1 FROM pg_stats s
     WHERE s.schemaname = current_schema() AND s.tablename = 'search_documents' AND s.attname = 'tsv'
       AND s.most_common_elems::text::text[] && tsvector_to_array(to_tsvector('russian', $1) || to_tsvector('english', $1) || to_tsvector('simple', $1))
  ) AS common`;

/** Fewer word matches than this, and the known words closest to the query's are searched too. */
export const NAME_FALLBACK_BELOW = 20;

/** A row's place in a sort: its key (rank or year) and id, both descending. */
export interface After {
  key: number;
  id: string;
}

/** Matches a facet sample reads when counts beyond the cap are scaled up from it. */
export const FACET_SAMPLE = 600;

/**
 * Matches of the words alone, before any filter, that one statement reads to
 * answer a filtered search whole (buildFacetedWordsSql): each a row read
 * (~5 µs here) to test the filters, against a statement per facet, each
 * intersecting the GIN index's long lists of filter values otherwise.
 */
export const WORDS_ALONE_CAP = 10_000;

/** A range of search row ids, newest last (ids grow as rows are written: a re-published record gets new ones). */
export interface IdWindow {
  lo: string;
  hi: string;
}

/** What is searched for: the query, the countries it may see, and the known words a typo stands for. */
export interface SearchSpec {
  query: SearchQuery;
  countryIds: string[] | undefined;
  similarWords: SimilarWord[];
  /** The tsquery of `query.q` and the similar words, as text (see TSQUERY_SQL, `withWords`); null when browsing (no `q`): every row the filters let through. */
  tsquery: string | null;
  /**
   * The exact name keys (`@vitrina/names`) of each required word of the
   * query: a person whose names share a key with every one is found too,
   * however the family spelt the name (Semenov finds Семёнов). Fuzzy keys
   * are left to the find-a-person search, which confirms them one by one.
   */
  nameKeys?: string[][];
  /** A facet whose own filter is left out, to count that facet's other values (disjunctive facets). */
  without?: SearchFacet;
  /**
   * When a search with words has filters: how many rows the words match
   * alone (the planner's estimate) and the share of all rows each filter
   * lets through (search_filter_counts, exact). The filters of each statement
   * are then split between the GIN index and the rows by testedFilters.
   */
  narrowing?: { wordsAlone: number; shares: Partial<Record<SearchFacet, number>>; listsOnRows?: boolean };
}

export interface BuiltSearch {
  sql: string;
  params: unknown[];
}

/**
 * The query's words in Russian, English and as written, as one tsquery in
 * text, each distinct reading once: the planner then sees a constant and
 * estimates it well (`'паровоз' | 'паровоз' | 'паровоз'` was guessed three
 * times too common). Empty when the query holds only stop words.
 */
export const TSQUERY_SQL = `
  SELECT coalesce(string_agg(DISTINCT '(' || t::text || ')', ' | '), '') AS query
    FROM unnest(ARRAY[websearch_to_tsquery('russian', $1), websearch_to_tsquery('english', $1), websearch_to_tsquery('simple', $1)]) AS t
   WHERE t::text <> ''`;

/** A known word as a tsquery lexeme, quoted as tsquery input wants (it is used as written, not parsed again). */
const lexeme = (word: string) => `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
const anyOf = (words: string[]) => words.map(lexeme).join(' | ');

/** The query's tsquery, or else any of the known words a typo stands for. */
export function withWords(tsquery: string, similarWords: SimilarWord[]): string {
  if (similarWords.length === 0) return tsquery;
  return tsquery ? `(${tsquery}) | ${anyOf(similarWords.map((w) => w.word))}` : anyOf(similarWords.map((w) => w.word));
}

/** The sort=date key; the index ix_search_documents_date is on exactly this and the id. */
const DATE_KEY = `coalesce(d.year, -1)`;

/** Parameters in order; `next` adds one and names it. */
class Params {
  readonly values: unknown[] = [];
  next(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** Each filter a query sets, as SQL over `d`, by the facet it narrows. */
function filtersOf(query: SearchQuery, countryIds: string[] | undefined, p: Params, without?: SearchFacet, tested: readonly SearchFacet[] = []): Partial<Record<SearchFacet, string>> {
  const set: Partial<Record<SearchFacet, () => string>> = {};
  // One value as `=`: a btree led by the column then still hands rows over newest first (PostgreSQL 15 does not for `= ANY`).
  const oneOf = (column: string, values: string[], type: string) => () => (values.length === 1 ? `${column} = ${p.next(values[0])}::${type}` : `${column} = ANY(${p.next(values)}::${type}[])`);
  if (countryIds) set.country = oneOf('d.country_id', countryIds, 'uuid');
  if (query.type?.length) set.type = oneOf('d.record_type', query.type, 'text');
  if (query.kind?.length) set.kind = oneOf('d.kind', query.kind, 'text');
  if (query.decade?.length) set.decade = () => `d.decades && ${p.next(query.decade)}::int[]`;
  if (query.condition?.length) set.condition = oneOf('d.condition', query.condition, 'text');
  // As `= ANY`: the planner folds `has_media = true` into a bare boolean, which the GIN index cannot take.
  if (query.hasMedia !== undefined) set.hasMedia = () => `d.has_media = ANY(${p.next([query.hasMedia])}::boolean[])`;
  if (without) delete set[without];
  // `IS TRUE` is no condition an index can take, so the row is tested instead (a null value fails either way).
  const inIndex = (facet: string, clause: string) => (tested.includes(facet as SearchFacet) ? `(${clause}) IS TRUE` : clause);
  return Object.fromEntries(Object.entries(set).map(([facet, clause]) => [facet, inIndex(facet, clause())]));
}

/** Filters as `AND …` clauses to follow a WHERE. */
const andAll = (filters: Partial<Record<SearchFacet, string>>) => Object.values(filters).map((clause) => `AND ${clause}`).join(' ');

/**
 * The query's type and country filters as one type and one country each,
 * every pairing of them (a filter it does not set stays unset): a btree led
 * by the type or the country walks, or finds an end of, one value at a time.
 */
function oneValueEach(query: SearchQuery, countryIds: string[] | undefined): { query: SearchQuery; countryIds: string[] | undefined }[] {
  const types = query.type?.length ? query.type.map((type) => [type]) : [query.type];
  const countries = countryIds?.length ? countryIds.map((id) => [id]) : [countryIds];
  return types.flatMap((type) => countries.map((ids) => ({ query: { ...query, type }, countryIds: ids })));
}

/** The share of all search rows each filter of the query lets through, exactly, from search_filter_counts. */
export function buildFilterSharesSql(spec: SearchSpec): BuiltSearch {
  const p = new Params();
  const shares = Object.entries(filtersOf(spec.query, spec.countryIds, p)).map(
    ([facet, clause]) => `coalesce(sum(d.rows) FILTER (WHERE ${clause}), 0)::float8 / greatest(sum(d.rows), 1) AS "${facet}"`,
  );
  return { sql: `SELECT ${shares.join(', ')} FROM search_filter_counts d`, params: p.values };
}

/** Whether the search sets a filter besides the one left out. */
const hasFilters = (spec: SearchSpec) => Object.keys(filtersOf(spec.query, spec.countryIds, new Params(), spec.without)).length > 0;

/** Whether the GIN index can narrow the search: it has words, or a filter besides the one left out. */
export function narrowsByIndex(spec: SearchSpec): boolean {
  return spec.tsquery !== null || hasFilters(spec);
}

/** Whether a search whose matches the planner guessed at `estimate` is worth answering exactly first. */
export function worthExactAttempt(spec: SearchSpec, estimate: number): boolean {
  return estimate <= (hasFilters(spec) ? FILTERED_EXACT_ATTEMPT_BELOW : EXACT_ATTEMPT_BELOW);
}

/** The facets a query filters by. */
export function activeFacets(query: SearchQuery, countryIds: string[] | undefined): SearchFacet[] {
  return Object.keys(filtersOf(query, countryIds, new Params())) as SearchFacet[];
}

interface Terms {
  p: Params;
  /** The tsquery (a parameter: a constant to the planner); null when browsing. */
  match: string | null;
  /** Each filter (all but `spec.without`), by the facet it narrows. */
  filters: Partial<Record<SearchFacet, string>>;
  /** `AND …` of the filters. */
  where: string;
  /** What a row must match: the tsquery, or a person's name keys. */
  found: string;
  /** A person's name keys match every required word (`false` when the query has no name keys). */
  named: string;
}

function termsOf(spec: SearchSpec): Terms {
  const p = new Params();
  const match = spec.tsquery === null ? null : `${p.next(spec.tsquery)}::tsquery`;
  const filters = filtersOf(spec.query, spec.countryIds, p, spec.without, testedOf(spec));
  const where = andAll(filters);
  const words = spec.nameKeys ?? [];
  const named = words.length > 0 ? `(${words.map((keys) => `d.name_keys && ${p.next(keys)}::text[]`).join(' AND ')})` : 'false';
  const found = match === null ? 'true' : words.length > 0 ? `(d.tsv @@ ${match} OR ${named})` : `d.tsv @@ ${match}`;
  return { p, match, filters, where, found, named };
}

/** The relevance key: rank, plus a bonus when the names hold the query as typed, plus one for what a typo most likely meant. */
function relevanceKey(spec: SearchSpec, terms: Terms): string {
  // Browsing has nothing to rank by: every key is equal and the id (newest first) orders the rows.
  if (terms.match === null || spec.query.q === undefined) return `0::float8`;
  const closest = spec.similarWords.filter((w) => w.closest).map((w) => w.word);
  // What the typo most likely meant comes first; the rest keep a chance on later pages.
  const closestFirst = closest.length > 0 && closest.length < spec.similarWords.length ? ` + CASE WHEN d.tsv @@ ${terms.p.next(anyOf(closest))}::tsquery THEN 1 ELSE 0 END` : '';
  const typed = terms.p.next(`%${spec.query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  // A person found by their name's keys ranks as if the names held the query as typed.
  const named = terms.named === 'false' ? '' : ` + CASE WHEN ${terms.named} THEN 0.3 ELSE 0 END`;
  return `(ts_rank_cd(d.tsv, ${terms.match}, 1) + CASE WHEN d.names ILIKE ${typed} THEN 0.3 ELSE 0 END${closestFirst}${named})::float8`;
}

/**
 * Each facet's values and counts over the rows of `source` (a CTE), counting
 * a row as `count` says: count(*) for search rows, sum(rows) for combinations.
 */
const facetSql = (facet: SearchFacet, count: string, source: string): string =>
  ({
    country: `SELECT country_id::text AS value, ${count}::int AS count FROM ${source} GROUP BY 1 ORDER BY 2 DESC, 1`,
    type: `SELECT record_type AS value, ${count}::int AS count FROM ${source} GROUP BY 1 ORDER BY 2 DESC, 1`,
    kind: `SELECT kind AS value, ${count}::int AS count FROM ${source} WHERE kind IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1`,
    // Rows grouped by their decades first: a few dozen distinct lists, where unnesting every row's took 19 ms for 18 000 rows.
    decade: `SELECT decade::text AS value, sum(g.count)::int AS count FROM (SELECT decades, ${count} AS count FROM ${source} GROUP BY decades) g, unnest(g.decades) AS decade GROUP BY 1 ORDER BY 1`,
    condition: `SELECT condition AS value, ${count}::int AS count FROM ${source} WHERE condition IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1`,
    hasMedia: `SELECT has_media::text AS value, ${count}::int AS count FROM ${source} GROUP BY 1 ORDER BY 2 DESC, 1`,
  })[facet];

/** The facets' counts as columns, each over `matches` unless `sourceOf` names another CTE for it. */
const facetColumns = (facets: readonly SearchFacet[], count = 'count(*)', sourceOf: (facet: SearchFacet) => string = () => 'matches') =>
  facets.map((facet) => `(SELECT coalesce(json_agg(f), '[]') FROM (${facetSql(facet, count, sourceOf(facet))}) f) AS "${facet}"`);

/** The columns search_filter_counts counts search rows by (a combination of the values a visitor filters by). */
export const FILTER_COMBINATION = 'country_id, record_type, kind, condition, has_media, decades';

/**
 * Browsing's total and facet counts, exact, from the rows counted per
 * combination of filter values (search_filter_counts, appended by triggers,
 * summed here): a few thousand combinations stand for millions of search
 * rows. A combination no row has any more sums to 0 and is left out, so it
 * shows no facet value.
 */
export function buildFilterCountsSql(spec: SearchSpec, facets: readonly SearchFacet[]): BuiltSearch {
  // Browsing: the terms are the filters alone, over the columns the counts share with the search rows.
  const terms = termsOf(spec);
  const sql = `
    WITH matches AS MATERIALIZED (
      SELECT ${FILTER_COMBINATION}, sum(d.rows) AS rows
        FROM search_filter_counts d
       WHERE true ${terms.where}
       GROUP BY ${FILTER_COMBINATION}
      HAVING sum(d.rows) > 0
    )
    SELECT ${[`(SELECT coalesce(sum(rows), 0)::int FROM matches) AS total`, ...facetColumns(facets, 'sum(rows)')].join(',\n           ')}`;
  return { sql, params: terms.p.values };
}

/** The hits of a page (`page` has id and key), with what a hit shows and its highlighted snippet. */
function hitsColumn(terms: Pick<Terms, 'p' | 'match'>, lang: string): string {
  const config = lang === 'ru' ? 'russian' : lang === 'en' ? 'english' : 'simple';
  // Browsing matched no words: there is nothing to show in context.
  const snippet =
    terms.match === null
      ? 'NULL::text'
      : `ts_headline('${config}', coalesce(d.body->>${terms.p.next(lang)}, d.body->>'ru', d.body->>'en', ''), ${terms.match},
                  'StartSel=${SNIPPET_MARK_START}, StopSel=${SNIPPET_MARK_END}, MaxFragments=1, MaxWords=24, MinWords=8')`;
  return `(SELECT coalesce(json_agg(h ORDER BY h.key DESC, h.id::bigint DESC), '[]') FROM (
         SELECT d.id::text AS id, p.key, d.record_type, d.record_id, d.country_id, d.slug, d.kind, d.title, d.person, d.condition, d.lat, d.lng, d.year, d.image_id,
                ${snippet} AS snippet
           FROM page p JOIN search_documents d ON d.id = p.id) h) AS hits`;
}

export interface SampleOptions {
  /** Only rows with ids in this range (the newest first, see search-plan.ts); all rows when absent. */
  window?: IdWindow;
  /** Facets to count over the matches. */
  facets: readonly SearchFacet[];
  /** A page of hits in the query's sort, after a row; none when only counting. */
  page?: { after?: After; size: number; lang: string };
  /** Matches read at most; MATCH_CAP + 1 (to tell whether there are more than the cap) unless only sampling. */
  limit?: number;
}

/**
 * One statement over at most MATCH_CAP + 1 matches taken from the GIN
 * index (within an id window, by the primary key too; never by walking a
 * date or rank order over the whole table): their number, facet counts, and
 * a page ranked or dated among them, with snippets. When `total` exceeds
 * MATCH_CAP the page and the counts cover an arbitrary part of the matches
 * and must not be used as such.
 */
export function buildSampleSql(spec: SearchSpec, options: SampleOptions): BuiltSearch {
  const terms = termsOf(spec);
  const { p } = terms;
  const page = options.page;
  const window = options.window ? `AND d.id BETWEEN ${p.next(options.window.lo)}::bigint AND ${p.next(options.window.hi)}::bigint` : '';
  const columns = [`(SELECT count(*)::int FROM matches) AS total`, ...facetColumns(options.facets)];
  let ranked = '';
  if (page) {
    const key = spec.query.sort === 'date' ? `${DATE_KEY}::float8` : relevanceKey(spec, terms);
    const after = page.after ? `WHERE (r.key, r.id) < (${p.next(page.after.key)}::float8, ${p.next(page.after.id)}::bigint)` : '';
    // Ranked only when all the matches were read: over the cap the statement only counts, and ranking would be wasted.
    ranked = `,
    ranked AS MATERIALIZED (
      SELECT d.id, ${key} AS key FROM matches m JOIN search_documents d ON d.id = m.id
       WHERE (SELECT count(*) FROM matches) <= ${MATCH_CAP}
    ),
    page AS (SELECT r.id, r.key FROM ranked r ${after} ORDER BY r.key DESC, r.id DESC LIMIT ${p.next(page.size)})`;
    columns.push(hitsColumn(terms, page.lang));
  }
  const sql = `
    WITH matches AS MATERIALIZED (
      SELECT d.id, d.country_id, d.record_type, d.kind, d.decades, d.condition, d.has_media
        FROM search_documents d
       WHERE ${terms.found} ${terms.where} ${window}
       LIMIT ${options.limit ?? MATCH_CAP + 1}
    )${ranked}
    SELECT ${columns.join(',\n           ')}`;
  return { sql, params: p.values };
}

/**
 * A whole search in one statement, for words whose matches, before any
 * filter, are few (a place name, a surname, a trade): every match of
 * the words alone is read from the GIN index by the words only (a filter that
 * a third of the rows pass costs more inside the index than on these few
 * rows), and each row is tested against each filter. Then the total, the
 * counts of the facets the query does not filter by, each facet it filters by
 * counted without its own filter, and the page: what took a statement per
 * facet, each intersecting the index again. `found` is the number of matches
 * of the words alone: over WORDS_ALONE_CAP nothing else may be used.
 *
 * Without `page`, only `found` and the facets filtered by, each counted
 * without its own filter, over the first WORDS_ALONE_CAP + 1 matches: a
 * sample, for words that match more (see search-plan.ts, sampledFilteredFacets).
 */
export function buildFacetedWordsSql(spec: SearchSpec, facets: readonly SearchFacet[], page?: NonNullable<SampleOptions['page']>): BuiltSearch {
  const terms = termsOf(spec);
  const { p } = terms;
  const filtered = Object.keys(terms.filters) as SearchFacet[];
  const passes = (facets: SearchFacet[]) => (facets.length ? facets.map((facet) => `f_${facet}`).join(' AND ') : 'true');
  const all = filtered.length ? filtered.map((facet) => `(${terms.filters[facet]})`).join(' AND ') : 'true';
  // Keyed while the row is at hand, and only when it passes every filter: a rank is the dearest part of a row.
  const key = !page ? 'NULL::float8' : spec.query.sort === 'date' ? `${DATE_KEY}::float8` : relevanceKey(spec, terms);
  const others = filtered.map(
    (facet) => `without_${facet} AS MATERIALIZED (SELECT * FROM found WHERE ${passes(filtered.filter((other) => other !== facet))})`,
  );
  const ctes = [
    `found AS MATERIALIZED (
      SELECT d.id, d.country_id, d.record_type, d.kind, d.decades, d.condition, d.has_media,
             CASE WHEN ${all} THEN ${key} END AS key
             ${filtered.map((facet) => `, (${terms.filters[facet]}) AS f_${facet}`).join('')}
        FROM search_documents d
       WHERE ${terms.found}
       LIMIT ${WORDS_ALONE_CAP + 1}
    )`,
    ...others,
  ];
  const columns = [`(SELECT count(*)::int FROM found) AS found`, ...facetColumns(filtered, 'count(*)', (facet) => `without_${facet}`)];
  if (page) {
    const after = page.after ? `AND (m.key, m.id) < (${p.next(page.after.key)}::float8, ${p.next(page.after.id)}::bigint)` : '';
    ctes.push(
      `matches AS MATERIALIZED (SELECT * FROM found WHERE ${passes(filtered)})`,
      `page AS (
      SELECT m.id, m.key FROM matches m
       WHERE (SELECT count(*) FROM found) <= ${WORDS_ALONE_CAP} ${after}
       ORDER BY m.key DESC, m.id DESC LIMIT ${p.next(page.size)}
    )`,
    );
    columns.push(`(SELECT count(*)::int FROM matches) AS total`, ...facetColumns(facets), hitsColumn(terms, page.lang));
  }
  const sql = `
    WITH ${ctes.join(',\n    ')}
    SELECT ${columns.join(',\n           ')}`;
  return { sql, params: p.values };
}

/** Walks newest first one browsing page may be split into (see buildNewestPageSql). */
const NEWEST_WALKS_AT_MOST = 16;

/**
 * A page of browsing (no words) beyond the cap, newest first: every key is 0
 * (see relevanceKey), so the order and the cursor are the id's alone. A
 * btree led by the type or the country hands rows over newest first only for
 * one value (PostgreSQL 15 does not for `= ANY`), so a list of types or
 * countries is a walk per value, merged: one walk of every row newest first,
 * testing each, read two million people before the first memorial where
 * rows are stored type by type.
 */
export function buildNewestPageSql(spec: SearchSpec, after: After | undefined, size: number, lang: string): BuiltSearch {
  const p = new Params();
  const each = oneValueEach(spec.query, spec.countryIds);
  const walks = each.length <= NEWEST_WALKS_AT_MOST ? each : [{ query: spec.query, countryIds: spec.countryIds }];
  const limit = p.next(size);
  const before = after ? `AND d.id < ${p.next(after.id)}::bigint` : '';
  const walk = (one: (typeof walks)[number]) => {
    return `(SELECT d.id FROM search_documents d WHERE true ${andAll(filtersOf(one.query, one.countryIds, p, spec.without))} ${before} ORDER BY d.id DESC LIMIT ${limit})`;
  };
  const sql = `
    WITH page AS MATERIALIZED (
      SELECT w.id, 0::float8 AS key FROM (${walks.map(walk).join('\n        UNION ALL ')}) w
       ORDER BY w.id DESC
       LIMIT ${limit}
    )
    SELECT ${hitsColumn({ p, match: null }, lang)}`;
  return { sql, params: p.values };
}

/** Years (sort keys: a missing year is -1), newest first; with `after`, only rows after it. */
export interface KeyWindow {
  years: number[];
  after?: After;
}

/**
 * The decades in which rows passing the query's filters have their year (a
 * row's year is in the first of its decades), from search_filter_counts.
 * Only meaningful with a decade filter: a row with no decades has its year
 * anywhere, and only a decade filter keeps such rows out.
 */
export function buildYearDecadesSql(spec: SearchSpec): BuiltSearch {
  const p = new Params();
  const where = andAll(filtersOf(spec.query, spec.countryIds, p, spec.without));
  const sql = `SELECT d.decades[1] AS decade FROM search_filter_counts d WHERE cardinality(d.decades) > 0 ${where} GROUP BY 1 HAVING sum(d.rows) > 0`;
  return { sql, params: p.values };
}

/**
 * A page sorted by date for a term with more matches than the cap, from one
 * window of years: the first matches whose year is in it. The GIN index holds
 * the year beside the words (ix_search_documents_tsv, btree_gin), so a medium
 * term's matches of those years come out of the index alone, one year at a
 * time; for a common term the planner walks the date index over those years
 * instead, a few rows per hit. The window bounds the work either way; windows
 * are taken newest first, so the order and the paging are exact.
 */
export function buildDateWindowSql(spec: SearchSpec, window: KeyWindow, size: number, lang: string): BuiltSearch {
  const terms = termsOf(spec);
  const { p } = terms;
  const years = window.years;
  const after = window.after ? `AND (${DATE_KEY}, d.id) < (${p.next(Math.floor(window.after.key))}::int, ${p.next(window.after.id)}::bigint)` : '';
  const sql = `
    WITH page AS MATERIALIZED (
      SELECT d.id, ${DATE_KEY}::float8 AS key FROM search_documents d
       WHERE ${terms.found} ${terms.where}
         AND ${DATE_KEY} = ANY(${p.next(years)}::int[]) ${after}
       ORDER BY ${DATE_KEY} DESC, d.id DESC
       LIMIT ${p.next(size)}
    )
    SELECT ${hitsColumn(terms, lang)}`;
  return { sql, params: p.values };
}

/** The lowest and highest sort=date key (from the date index), and about how many rows there are. */
export const KEY_RANGE_SQL = `SELECT (SELECT coalesce(d.year, -1) FROM search_documents d ORDER BY coalesce(d.year, -1) LIMIT 1) AS lo,
                                     (SELECT coalesce(d.year, -1) FROM search_documents d ORDER BY coalesce(d.year, -1) DESC LIMIT 1) AS hi,
                                     (SELECT reltuples FROM pg_class WHERE oid = 'search_documents'::regclass)::float8 AS rows`;

/**
 * Matches at least this share of all rows, and a date window walks the date
 * index (each row tested, a page within a few hundred rows); fewer, and it
 * must not: the walk would read thousands of rows per hit where they are
 * sparse, so index scans are switched off for the statement and the matches
 * of the window's years come from the GIN index.
 */
export const DATE_WALK_SHARE = 0.05;

/**
 * The planner's guess of how many rows match, filters included, for terms too
 * common to count. With `wordsOnly`, the words' matches before any filter, by
 * the full text alone: its statistics know a word's share, while a name key
 * shared by thousands of names is guessed at a fixed share of the rows.
 */
export function buildEstimateSql(spec: SearchSpec, wordsOnly = false): BuiltSearch {
  if (wordsOnly && spec.tsquery !== null) return { sql: `EXPLAIN (FORMAT JSON) SELECT 1 FROM search_documents d WHERE d.tsv @@ $1::tsquery`, params: [spec.tsquery] };
  const terms = termsOf(spec);
  return { sql: `EXPLAIN (FORMAT JSON) SELECT 1 FROM search_documents d WHERE ${terms.found} ${terms.where}`, params: terms.p.values };
}

/**
 * The lowest and highest search row id of the rows of the types and
 * countries a search filters by (all rows when it sets neither): the range
 * the windows of the newest rows are cut from. Each end is an index lookup
 * per type and country (a btree led by them, then the id). Where rows are
 * stored type by type, the memorials' ids are a block of their own, and
 * windows cut from the whole table's newest ids found none of them in four
 * windows of growing width.
 */
export function buildIdRangeSql(spec: SearchSpec): BuiltSearch {
  const p = new Params();
  const ends = oneValueEach(spec.query, spec.countryIds);
  if (ends.length > NEWEST_WALKS_AT_MOST) return { sql: `SELECT min(id)::text AS lo, max(id)::text AS hi FROM search_documents`, params: [] };
  const end = (one: (typeof ends)[number]) => {
    const where = andAll(filtersOf({ ...one.query, kind: undefined, decade: undefined, condition: undefined, hasMedia: undefined }, one.countryIds, p));
    return `SELECT (SELECT min(d.id) FROM search_documents d WHERE true ${where}) AS lo, (SELECT max(d.id) FROM search_documents d WHERE true ${where}) AS hi`;
  };
  return { sql: `SELECT min(r.lo)::text AS lo, max(r.hi)::text AS hi FROM (${ends.map(end).join(' UNION ALL ')}) r`, params: p.values };
}

/** The shortest known words starting with a short prefix (by the text_pattern_ops index ix_search_words_prefix). */
export function buildPrefixWordsSql(prefix: string): BuiltSearch {
  const pattern = `${prefix.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return { sql: `SELECT w.word FROM search_words w WHERE w.word LIKE $1 ORDER BY length(w.word), w.word LIMIT ${SUGGEST_PREFIX_WORDS}`, params: [pattern] };
}

/** Rows whose names hold a known word (by the GIN index; the names check keeps out words found only in the texts). */
export function buildWordSuggestSql(word: string, countryId: string | undefined, limit: number): BuiltSearch {
  const p = new Params();
  const match = `${p.next(lexeme(word))}::tsquery`;
  const named = p.next(`%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const country = countryId ? `AND d.country_id = ${p.next(countryId)}::uuid` : '';
  const sql = `SELECT d.id, d.record_id, d.record_type, d.country_id, d.slug, d.title, d.person FROM search_documents d
                WHERE d.tsv @@ ${match} AND d.names ILIKE ${named} ${country}
                LIMIT ${p.next(limit)}`;
  return { sql, params: p.values };
}
