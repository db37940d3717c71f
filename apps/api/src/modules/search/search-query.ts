import type { SearchQuery } from '@vitrina/contracts';
import { SNIPPET_MARK_END, SNIPPET_MARK_START } from '@vitrina/contracts';

/**
 * Rows ranked and counted per query at most; beyond that, counts are estimated. Ranking
 * reads every match's row, so this bounds the cost of medium and common terms (at a
 * million records a medium word matches 5 000–20 000 rows).
 */
export const MATCH_CAP = 2_000;
/** How alike (pg_trgm similarity, which must exceed this) a misspelt or transliterated word must be to a known word: Ivanoff ~ ivanov is 0.5. */
export const NAME_SIMILARITY = 0.45;
/** Suggestions complete what is typed: near-exact prefixes only, which the trigram index finds fast. */
export const SUGGEST_SIMILARITY = 0.8;

export interface Cursor {
  key: number;
  id: string;
  /** Whether the first page needed name matching; later pages must match the same way. */
  names: boolean;
}

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

/** Fewer word matches than this, and the known words closest to the query's are searched too. */
export const NAME_FALLBACK_BELOW = 20;

export interface BuiltSearch {
  sql: string;
  params: unknown[];
}

const QUERY = `(websearch_to_tsquery('russian', $1) || websearch_to_tsquery('english', $1) || websearch_to_tsquery('simple', $1))`;

/** The filters of a query, as SQL over `d` with parameters from `next`. */
function filters(query: SearchQuery, countryIds: string[] | undefined, next: (value: unknown) => string): string[] {
  const where: string[] = [];
  if (countryIds) where.push(`d.country_id = ANY(${next(countryIds)}::uuid[])`);
  if (query.type?.length) where.push(`d.record_type = ANY(${next(query.type)}::text[])`);
  if (query.kind?.length) where.push(`d.kind = ANY(${next(query.kind)}::text[])`);
  if (query.decade?.length) where.push(`d.decades && ${next(query.decade)}::int[]`);
  if (query.condition?.length) where.push(`d.condition = ANY(${next(query.condition)}::text[])`);
  if (query.hasMedia !== undefined) where.push(`d.has_media = ${next(query.hasMedia)}`);
  return where;
}

/**
 * One statement answers a search: the matches (full-text in Russian, English
 * and word for word; with `similarWords`, also those known words — what a
 * misspelt or transliterated name probably meant, see SIMILAR_WORDS_SQL) are taken at most
 * MATCH_CAP at a time from the GIN indexes — never by walking a date or
 * rank order over the whole table — then ranked or dated, paged by cursor,
 * counted per facet, and the page's snippets highlighted.
 */
export function buildSearchSql(
  query: SearchQuery,
  countryIds: string[] | undefined,
  lang: string,
  cursor: Cursor | undefined,
  similarWords: SimilarWord[] = [],
): BuiltSearch {
  const params: unknown[] = [query.q];
  const next = (value: unknown) => (params.push(value), `$${params.length}`);
  const anyOf = (words: string[]) => `to_tsquery('simple', array_to_string(ARRAY(SELECT quote_literal(w) FROM unnest(${next(words)}::text[]) AS w), ' | '))`;
  const match = similarWords.length > 0 ? `(${QUERY} || ${anyOf(similarWords.map((w) => w.word))})` : QUERY;
  const closest = similarWords.filter((w) => w.closest).map((w) => w.word);
  // What the typo most likely meant comes first; the rest keep a chance on later pages.
  const closestFirst = closest.length > 0 && closest.length < similarWords.length ? ` + CASE WHEN d.tsv @@ ${anyOf(closest)} THEN 1 ELSE 0 END` : '';
  const where = filters(query, countryIds, next);
  const key =
    query.sort === 'date'
      ? `coalesce(d.year, -1)::float8`
      : `(ts_rank_cd(d.tsv, ${match}, 1) + CASE WHEN d.names ILIKE ${next(`%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)} THEN 0.3 ELSE 0 END${closestFirst})::float8`;
  const config = lang === 'ru' ? 'russian' : lang === 'en' ? 'english' : 'simple';
  let after = '';
  if (cursor) {
    const [at, id] = [next(cursor.key), next(cursor.id)];
    after = `WHERE (m.key < ${at}::float8 OR (m.key = ${at}::float8 AND m.id > ${id}::bigint))`;
  }
  const sql = `
    WITH matches AS MATERIALIZED (
      SELECT d.id, ${key} AS key, d.country_id, d.record_type, d.kind, d.decades, d.condition, d.has_media
        FROM search_documents d
       WHERE d.tsv @@ ${match}
         ${where.map((clause) => `AND ${clause}`).join(' ')}
       LIMIT ${MATCH_CAP}
    ),
    page AS (
      SELECT m.id, m.key FROM matches m ${after} ORDER BY m.key DESC, m.id LIMIT ${next(query.limit + 1)}
    )
    SELECT
      (SELECT count(*)::int FROM matches) AS total,
      (SELECT coalesce(json_agg(f), '[]') FROM (SELECT country_id::text AS value, count(*)::int AS count FROM matches GROUP BY 1 ORDER BY 2 DESC) f) AS country,
      (SELECT coalesce(json_agg(f), '[]') FROM (SELECT record_type AS value, count(*)::int AS count FROM matches GROUP BY 1 ORDER BY 2 DESC) f) AS type,
      (SELECT coalesce(json_agg(f), '[]') FROM (SELECT kind AS value, count(*)::int AS count FROM matches WHERE kind IS NOT NULL GROUP BY 1 ORDER BY 2 DESC) f) AS kind,
      (SELECT coalesce(json_agg(f), '[]') FROM (SELECT decade::text AS value, count(*)::int AS count FROM matches, unnest(decades) AS decade GROUP BY 1 ORDER BY 1) f) AS decade,
      (SELECT coalesce(json_agg(f), '[]') FROM (SELECT condition AS value, count(*)::int AS count FROM matches WHERE condition IS NOT NULL GROUP BY 1 ORDER BY 2 DESC) f) AS condition,
      (SELECT coalesce(json_agg(f), '[]') FROM (SELECT has_media::text AS value, count(*)::int AS count FROM matches GROUP BY 1 ORDER BY 2 DESC) f) AS "hasMedia",
      (SELECT coalesce(json_agg(h ORDER BY h.key DESC, h.id), '[]') FROM (
         SELECT d.id, p.key, d.record_type, d.record_id, d.country_id, d.slug, d.kind, d.title, d.person, d.condition, d.lat, d.lng, d.year,
                ts_headline('${config}', coalesce(d.body->>${next(lang)}, d.body->>'ru', d.body->>'en', ''), ${match},
                  'StartSel=${SNIPPET_MARK_START}, StopSel=${SNIPPET_MARK_END}, MaxFragments=1, MaxWords=24, MinWords=8') AS snippet
           FROM page p JOIN search_documents d ON d.id = p.id) h) AS hits`;
  return { sql, params };
}

/** The planner's guess of how many rows match, filters included, for terms too common to count. */
export function buildEstimateSql(query: SearchQuery, countryIds: string[] | undefined): BuiltSearch {
  const params: unknown[] = [query.q];
  const next = (value: unknown) => (params.push(value), `$${params.length}`);
  const where = filters(query, countryIds, next);
  const sql = `EXPLAIN (FORMAT JSON) SELECT 1 FROM search_documents d WHERE d.tsv @@ ${QUERY} ${where.map((clause) => `AND ${clause}`).join(' ')}`;
  return { sql, params };
}
