import type { SearchQuery } from '@vitrina/contracts';
import { SNIPPET_MARK_END, SNIPPET_MARK_START } from '@vitrina/contracts';

/**
 * Rows ranked and counted per query at most; beyond that, counts are estimated. Ranking
 * reads every match's row, so this bounds the cost of medium and common terms (at a
 * million records a medium word matches 5 000–20 000 rows).
 */
export const MATCH_CAP = 2_000;
/** How alike a misspelt or transliterated word must be to a name (pg_trgm word similarity). */
export const NAME_SIMILARITY = 0.5;
/** Suggestions complete what is typed: near-exact prefixes only, which the trigram index finds fast. */
export const SUGGEST_SIMILARITY = 0.8;

export interface Cursor {
  key: number;
  id: string;
  /** Whether the first page needed name matching; later pages must match the same way. */
  names: boolean;
}

/** Fewer word matches than this, and names within trigram reach are searched too. */
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
 * and word for word; with `withNames`, also names within trigram reach, which
 * costs a similarity check per candidate and so is only asked for when words
 * alone find little — a misspelt or transliterated name) are taken at most
 * MATCH_CAP at a time from the GIN indexes — never by walking a date or
 * rank order over the whole table — then ranked or dated, paged by cursor,
 * counted per facet, and the page's snippets highlighted.
 */
export function buildSearchSql(
  query: SearchQuery,
  countryIds: string[] | undefined,
  lang: string,
  cursor: Cursor | undefined,
  withNames: boolean,
): BuiltSearch {
  const params: unknown[] = [query.q];
  const next = (value: unknown) => (params.push(value), `$${params.length}`);
  const where = filters(query, countryIds, next);
  const key =
    query.sort === 'date'
      ? `coalesce(d.year, -1)::float8`
      : `(ts_rank_cd(d.tsv, ${QUERY}, 1) + CASE WHEN d.names ILIKE ${next(`%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)} THEN 0.3 ELSE 0 END)::float8`;
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
       WHERE ${withNames ? `(d.tsv @@ ${QUERY} OR $1 <% d.names)` : `d.tsv @@ ${QUERY}`}
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
                ts_headline('${config}', coalesce(d.body->>${next(lang)}, d.body->>'ru', d.body->>'en', ''), ${QUERY},
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
