/**
 * People for the search benchmark (issue 14): person records linked to the
 * generated memorials, and their search rows made by the API's own indexing
 * code (`searchSources` of search-text.ts, `SearchIndexRepository.insert`),
 * so the name, fuzzy and place keys are exactly what `@vitrina/names` gives
 * the API. The records are written by set-based SQL (deterministic, like the
 * rest of generate.ts); the search rows a batch at a time from Node, since
 * the keys are computed in TypeScript, not in SQL.
 */
import type { Client as PgClient } from 'pg';
import type { EntityManager } from 'typeorm';
import { SearchIndexRepository } from '../../apps/api/src/modules/search/search-index.repository';
import { type HitMemorial, searchSources } from '../../apps/api/src/modules/search/search-text';
import { textArray } from './common';
import { COMMON_SURNAMES, GIVEN_NAMES, PATRONYMICS, SURNAME_MIDDLES, SURNAME_ROOTS } from './vocabulary';

const h = (key: string, salt: number) => `bench_search.h(${key}, ${salt})`;
const pick = (values: readonly string[], key: string, salt: number) => `(${textArray(values)})[1 + ${h(key, salt)} % ${values.length}]`;

const RANKS: readonly { ru: string; en: string }[] = [
  { ru: 'рядовой', en: 'private' },
  { ru: 'ефрейтор', en: 'corporal' },
  { ru: 'сержант', en: 'sergeant' },
  { ru: 'старшина', en: 'sergeant major' },
  { ru: 'лейтенант', en: 'lieutenant' },
  { ru: 'капитан', en: 'captain' },
];
const FATES = ['killed', 'killed', 'missing', 'died-of-wounds', 'died-in-captivity', 'unknown'] as const;

/** The generated memorials numbered 1…M (so a person picks one by hash) and each country's words. */
export const PEOPLE_HELPERS = [
  `CREATE TABLE bench_search.memorial_numbers AS
     SELECT row_number() OVER (ORDER BY id)::bigint AS n, id, country_id, published_at FROM memorials WHERE slug ~ '-n[0-9]+$'`,
  `ALTER TABLE bench_search.memorial_numbers ADD PRIMARY KEY (n)`,
  `CREATE TABLE bench_search.country_words AS SELECT DISTINCT ON (country_id) country_id, native, suffixes FROM bench_search.slots ORDER BY country_id, slot`,
  `ALTER TABLE bench_search.country_words ADD PRIMARY KEY (country_id)`,
];

/**
 * People numbered from…to, each linked (`commemorated`, with a plot for one in
 * three) to a memorial picked by hash, live at the memorial's publication:
 * the document the people migration makes of a name row (name, title in the
 * country's language, a Latin variant for 70 %, years as partial dates),
 * plus a rank for 60 %, a unit for 40 % and a fate. Surnames as before: one
 * in ten of the twenty commonest Russian ones, else root + middle + a suffix
 * of the memorial's country (-ян, -дзе, -енко, -бек …).
 */
export function peopleSql(from: number, to: number, memorials: number): string {
  const pk = 'g.i';
  const surname = `CASE WHEN ${h(pk, 70)} % 100 < 10 THEN ${pick(COMMON_SURNAMES, pk, 71)}
      ELSE ${pick(SURNAME_ROOTS, pk, 72)} || ${pick(SURNAME_MIDDLES, pk, 73)} || c.suffixes[1 + ${h(pk, 74)} % 3] END`;
  const rank = (lang: 'ru' | 'en') => pick(RANKS.map((r) => r[lang]), pk, 84);
  return `
INSERT INTO people (id, country_id, slug, kind, status, version, content, published_at, live_revision, live_content, live_slug, created_at, updated_at)
SELECT gen_random_uuid(), m.country_id, d.slug, n.fate, 'published', 1, d.doc, m.published_at, 1, d.doc || jsonb_build_object('slug', d.slug), d.slug,
       m.published_at, m.published_at
  FROM generate_series(${from}::bigint, ${to}::bigint) AS g(i)
  JOIN bench_search.memorial_numbers m ON m.n = 1 + ${h(pk, 90)} % ${memorials}
  JOIN bench_search.country_words c ON c.country_id = m.country_id
 CROSS JOIN LATERAL (SELECT ${surname} AS surname, ${pick(GIVEN_NAMES, pk, 75)} AS given,
       CASE WHEN ${h(pk, 76)} % 100 < 60 THEN ${pick(PATRONYMICS, pk, 77)} END AS patronymic OFFSET 0) p
 CROSS JOIN LATERAL (SELECT p.surname || ' ' || p.given || coalesce(' ' || p.patronymic, '') AS name,
       CASE WHEN ${h(pk, 82)} % 100 < 70 THEN jsonb_build_array(bench_search.translit(p.surname || ' ' || p.given)) ELSE '[]'::jsonb END AS variants,
       CASE WHEN ${h(pk, 78)} % 100 < 80 THEN 1880 + ${h(pk, 79)} % 46 END AS born,
       CASE WHEN ${h(pk, 80)} % 100 < 95 THEN 1941 + ${h(pk, 81)} % 5 END AS died,
       CASE WHEN ${h(pk, 83)} % 100 < 60 THEN jsonb_build_object('ru', ${rank('ru')}, 'en', ${rank('en')}) END AS rank,
       CASE WHEN ${h(pk, 85)} % 100 < 40 THEN (100 + ${h(pk, 86)} % 300)::text || ' стрелковая дивизия' END AS unit,
       ${pick(FATES, pk, 87)} AS fate OFFSET 0) n
 CROSS JOIN LATERAL (SELECT 'person-n' || g.i AS slug,
       jsonb_build_object('name', n.name, 'title', jsonb_build_object(c.native, jsonb_build_object('text', n.name, 'status', 'original')),
                          'variants', n.variants, 'fate', n.fate, 'awards', '[]'::jsonb, 'sources', '[]'::jsonb, 'media', '[]'::jsonb,
                          'livingConsent', false,
                          'memorials', jsonb_build_array(jsonb_build_object('memorialId', m.id, 'role', 'commemorated')
                             || CASE WHEN ${h(pk, 88)} % 3 = 0 THEN jsonb_build_object('plot', 'ряд ' || (1 + ${h(pk, 89)} % 40)::text) ELSE '{}'::jsonb END))
       || CASE WHEN n.born IS NOT NULL THEN jsonb_build_object('birth', jsonb_build_object('date', n.born::text)) ELSE '{}'::jsonb END
       || CASE WHEN n.died IS NOT NULL THEN jsonb_build_object('death', jsonb_build_object('date', n.died::text)) ELSE '{}'::jsonb END
       || CASE WHEN n.rank IS NOT NULL THEN jsonb_build_object('rank', n.rank) ELSE '{}'::jsonb END
       || CASE WHEN n.unit IS NOT NULL THEN jsonb_build_object('unit', n.unit) ELSE '{}'::jsonb END AS doc
     OFFSET 0) d`;
}

/** A pg client as the API repositories' EntityManager (they only call `query`). */
export function asManager(client: PgClient): EntityManager {
  return { query: async (sql: string, params?: unknown[]) => (await client.query(sql, params)).rows } as unknown as EntityManager;
}

interface PersonRow {
  id: string;
  country_id: string;
  published_at: Date;
  live_content: Record<string, unknown>;
  memorial: HitMemorial | null;
}

/**
 * The search rows of the generated people with id in [from, to) (uuid text
 * bounds), a batch at a time: as SearchIndex does it, the first linked live
 * memorial as `liveMemorials` reads it, then `searchSources` and the
 * repository's own `insert` (which also remembers the words of the names).
 * Generated people have no files.
 */
export async function indexPeople(client: PgClient, from: string, to: string, batch = 2000): Promise<number> {
  const tx = asManager(client);
  const repository = new SearchIndexRepository(null as never);
  let count = 0;
  for (let after = from; ; ) {
    const { rows } = await client.query<PersonRow>(
      `SELECT p.id, p.country_id, p.published_at, p.live_content,
              (SELECT jsonb_build_object('id', m.id, 'slug', m.live_slug, 'title', m.live_content->'title', 'place', m.live_content->'address',
                      'lat', (m.live_content->'location'->>'lat')::float8, 'lng', (m.live_content->'location'->>'lng')::float8,
                      'condition', (SELECT s->>'condition' FROM jsonb_array_elements(m.live_content->'conditionSurveys') AS s ORDER BY s->>'date' DESC LIMIT 1))
                 FROM memorials m WHERE m.id = (p.live_content->'memorials'->0->>'memorialId')::uuid AND m.country_id = p.country_id AND m.live_revision IS NOT NULL) AS memorial
         FROM people p
        WHERE p.live_revision IS NOT NULL AND p.slug ~ '-n[0-9]+$' AND p.id > $1::uuid AND p.id <= $2::uuid
        ORDER BY p.id LIMIT ${batch}`,
      [after, to],
    );
    if (rows.length === 0) break;
    const sources = rows.flatMap((row) =>
      searchSources('person', { id: row.id, countryId: row.country_id, publishedAt: row.published_at }, row.live_content, { hasMedia: false, imageId: null }, row.memorial),
    );
    await repository.insert(tx, sources);
    count += rows.length;
    after = rows[rows.length - 1].id;
  }
  return count;
}

/** Uuid bounds cutting the id space into `parts` equal ranges (gen_random_uuid ids spread evenly). */
export function uuidRanges(parts: number): [string, string][] {
  const bound = (k: number) => (k === 0 ? '00000000-0000-0000-0000-000000000000' : k === parts ? 'ffffffff-ffff-ffff-ffff-ffffffffffff' : `${Math.floor((k * 0x100000000) / parts).toString(16).padStart(8, '0')}-0000-0000-0000-000000000000`);
  return Array.from({ length: parts }, (_, k) => [bound(k), bound(k + 1)] as [string, string]);
}
