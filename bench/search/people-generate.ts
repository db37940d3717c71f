/**
 * People for the search benchmark (issue 14): person records linked to the
 * generated memorials, and their search rows, all by set-based SQL
 * (deterministic, like the rest of generate.ts), so 2 M people take minutes.
 *
 * The name keys are `@vitrina/names`'s own: `nameKeys()` is a union over the
 * words of a name, each word's keys depending on that word alone, so Node
 * computes them once per distinct word of the generated names (a few hundred
 * thousand words, seconds) into `bench_search.word_keys`, and SQL puts each
 * person's keys together in the API's order (spelling by spelling, word by
 * word, first occurrence kept). The rest of the row mirrors `personSource()`
 * of search-text.ts and `textsForVector()` of search-index.repository.ts;
 * verify.ts checks every column against the API's own indexing.
 */
import { nameKeys } from '@vitrina/names';
import type { Client as PgClient } from 'pg';
import { textArray } from './common';
import { COMMON_SURNAMES, GIVEN_NAMES, PATRONYMICS, SURNAME_MIDDLES, SURNAME_ROOTS } from './vocabulary';

const h = (key: string, salt: number) => `bench_search.h(${key}, ${salt})`;
const pick = (values: readonly string[], key: string, salt: number) => `(${textArray(values)})[1 + ${h(key, salt)} % ${values.length}]`;
/** One of an array's values, the first ones far more often: index ⌊n · u^power⌋ for u uniform in [0, 1). */
const skewed = (values: readonly string[], key: string, salt: number, power: number) =>
  `(${textArray(values)})[1 + floor(${values.length} * power(${h(key, salt)} / 2147483648.0, ${power}))::int]`;

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
 * plus a rank for 60 %, a unit for 40 % and a fate. Surnames follow a
 * register's shape, a few very common names and a long tail: one in ten is
 * one of the twenty commonest Russian ones, skewed (`skewed`, power 2: Иванов
 * about 2 % of everyone, Николаев about 0.3 %); the rest are made up of a root
 * (skewed, power 1.5), a middle, a second middle for half of them and a
 * suffix of the memorial's country (-ян, -дзе, -енко, -бек …): some 126 000
 * surnames per set of suffixes, most borne by a handful of people.
 */
export function peopleSql(from: number, to: number, memorials: number): string {
  const pk = 'g.i';
  const surname = `CASE WHEN ${h(pk, 70)} % 100 < 10 THEN ${skewed(COMMON_SURNAMES, pk, 71, 2)}
      ELSE ${skewed(SURNAME_ROOTS, pk, 72, 1.5)} || ${pick(SURNAME_MIDDLES, pk, 73)}
           || CASE WHEN ${h(pk, 91)} % 2 = 0 THEN ${pick(SURNAME_MIDDLES, pk, 92)} ELSE '' END || c.suffixes[1 + ${h(pk, 74)} % 3] END`;
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

/** Every spelling of a person's names as `personSource` lists them: the name, its variants, the title's texts. */
const SPELLINGS = (d: string) => `ARRAY[${d}->>'name']
       || ARRAY(SELECT v FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(${d}->'variants') = 'array' THEN ${d}->'variants' ELSE '[]'::jsonb END) WITH ORDINALITY AS x(v, ord) ORDER BY x.ord)
       || ARRAY(SELECT t.value->>'text' FROM jsonb_each(CASE WHEN jsonb_typeof(${d}->'title') = 'object' THEN ${d}->'title' ELSE '{}'::jsonb END) WITH ORDINALITY AS t(key, value, ord)
                 WHERE coalesce(t.value->>'text', '') <> '' AND t.value->>'status' IS DISTINCT FROM 'machine' ORDER BY t.ord)`;

export const WORD_KEYS_TABLE = `CREATE TABLE bench_search.word_keys (word text PRIMARY KEY, keys text[] NOT NULL, fuzzy text[] NOT NULL)`;

/**
 * `nameKeys(word)` and `nameKeys(word, { fuzzy: true })` of every distinct
 * word (split at spaces) of the generated people's spellings, into
 * bench_search.word_keys. Returns the number of words.
 */
export async function wordKeys(client: PgClient, batch = 5000): Promise<number> {
  const { rows } = await client.query<{ word: string }>(
    `SELECT DISTINCT w AS word FROM people p CROSS JOIN LATERAL unnest(string_to_array(array_to_string(${SPELLINGS('p.live_content')}, ' '), ' ')) AS w
      WHERE p.slug ~ '-n[0-9]+$'`,
  );
  for (let start = 0; start < rows.length; start += batch) {
    const keys: Record<string, [string[], string[]]> = {};
    for (const { word } of rows.slice(start, start + batch)) keys[word] = [nameKeys(word), nameKeys(word, { fuzzy: true })];
    await client.query(
      `INSERT INTO bench_search.word_keys (word, keys, fuzzy)
       SELECT e.key, ARRAY(SELECT jsonb_array_elements_text(e.value->0)), ARRAY(SELECT jsonb_array_elements_text(e.value->1)) FROM jsonb_each($1::jsonb) AS e`,
      [JSON.stringify(keys)],
    );
  }
  return rows.length;
}

/**
 * A person's keys in the API's order (`[...new Set(spellings.flatMap(nameKeys))]`): spelling by spelling,
 * word by word, each word's keys in turn, the first occurrence of each kept.
 */
const personKeys = (spellings: string, column: 'keys' | 'fuzzy') => `
  (SELECT coalesce(array_agg(x.k ORDER BY x.pos), '{}'::text[])
     FROM (SELECT e.k, min(sp.i * 100000000 + w.j * 100000 + e.n) AS pos
             FROM unnest(${spellings}) WITH ORDINALITY AS sp(txt, i)
            CROSS JOIN LATERAL unnest(string_to_array(sp.txt, ' ')) WITH ORDINALITY AS w(word, j)
             JOIN bench_search.word_keys wk ON wk.word = w.word
            CROSS JOIN LATERAL unnest(wk.${column}) WITH ORDINALITY AS e(k, n)
            GROUP BY e.k) x)`;

const year = (d: string, key: 'birth' | 'death') => `left(${d}->'${key}'->>'date', 4)::int`;

/**
 * The search rows of the generated people with id in (from, to] (uuid text
 * bounds), as `searchSources('person', …)` makes them with the person's first
 * linked live memorial, and as `SearchIndexRepository.insert` writes them
 * (tsv from `textsForVector`). Generated people have no files, no places of
 * their own and no biography, and generated memorials no address, so
 * `place_keys` is empty and the body is the rank's labels and the unit (the
 * generic `plain()` of biographies is not mirrored).
 */
export function personSearchSql(from: string, to: string): string {
  const d = 'p.live_content';
  return `
INSERT INTO search_documents (record_type, record_id, person_index, country_id, slug, kind, title, person, body, names, decades, year, condition,
                              has_media, image_id, lat, lng, published_at, name_keys, name_fuzzy_keys, place_keys, person_card, tsv)
SELECT 'person', p.id, -1, p.country_id, ${d}->>'slug', NULL, coalesce(m.live_content->'title', ${d}->'title', '{}'::jsonb),
       jsonb_build_object('name', ${d}->>'name', 'variants', coalesce(${d}->'variants', '[]'::jsonb), 'birthYear', y.born, 'deathYear', y.died, 'memorialSlug', m.live_slug),
       b.body, n.names, bench_search.decades(y.died, y.died), y.died,
       (SELECT cs->>'condition' FROM jsonb_array_elements(m.live_content->'conditionSurveys') AS cs ORDER BY cs->>'date' DESC LIMIT 1),
       false, NULL, (m.live_content->'location'->>'lat')::float8, (m.live_content->'location'->>'lng')::float8, coalesce(p.published_at, now()),
       ${personKeys('s.spellings', 'keys')}, ${personKeys('s.spellings', 'fuzzy')}, '{}'::text[],
       jsonb_build_object('title', coalesce(${d}->'title', '{}'::jsonb), 'rank', ${d}->'rank', 'rankLabels', r.labels, 'unit', ${d}->'unit',
                          'fate', coalesce(${d}->>'fate', 'unknown'), 'birthYear', y.born, 'deathYear', y.died, 'burialPlace', ${d}->'burialPlace',
                          'memorial', CASE WHEN m.id IS NOT NULL THEN jsonb_build_object('slug', m.live_slug, 'title', m.live_content->'title', 'place', m.live_content->'address',
                                        'plot', ${d}->'memorials'->0->'plot') END),
       setweight(to_tsvector('russian', ''), 'A') || setweight(to_tsvector('english', ''), 'A') || setweight(to_tsvector('simple', n.names), 'A')
       || setweight(to_tsvector('russian', coalesce(b.body->>'ru', '')), 'B') || setweight(to_tsvector('english', coalesce(b.body->>'en', '')), 'B')
       || setweight(to_tsvector('simple', b.other), 'B')
  FROM people p
  LEFT JOIN memorials m ON m.id = (${d}->'memorials'->0->>'memorialId')::uuid AND m.country_id = p.country_id AND m.live_revision IS NOT NULL
 CROSS JOIN LATERAL (SELECT ${year(d, 'birth')} AS born, ${year(d, 'death')} AS died) y
 CROSS JOIN LATERAL (SELECT ${SPELLINGS(d)} AS spellings OFFSET 0) s
 CROSS JOIN LATERAL (SELECT array_to_string(ARRAY[${d}->>'name'] || ARRAY(SELECT jsonb_array_elements_text(coalesce(${d}->'variants', '[]'::jsonb))), ' ') AS names) n
 CROSS JOIN LATERAL (SELECT coalesce(jsonb_agg(l.label ORDER BY l.first), '[]'::jsonb) AS labels
                       FROM (SELECT lower(t.value) AS label, min(t.ord) AS first FROM jsonb_each_text(CASE WHEN jsonb_typeof(${d}->'rank') = 'object' THEN ${d}->'rank' ELSE '{}'::jsonb END) WITH ORDINALITY AS t(key, value, ord)
                              WHERE t.value <> '' GROUP BY 1) l) r
 CROSS JOIN LATERAL (
       SELECT coalesce(jsonb_object_agg(q.lang, q.txt), '{}'::jsonb) AS body,
              coalesce(string_agg(q.txt, ' ' ORDER BY q.first) FILTER (WHERE q.lang NOT IN ('ru', 'en')), '') AS other
         FROM (SELECT e.lang, string_agg(e.txt, ' ' ORDER BY e.ord) AS txt, min(e.ord) AS first
                 FROM (SELECT t.ord, t.key AS lang, t.value AS txt
                         FROM jsonb_each_text(CASE WHEN jsonb_typeof(${d}->'rank') = 'object' THEN ${d}->'rank' ELSE '{}'::jsonb END) WITH ORDINALITY AS t(key, value, ord)
                        WHERE t.value <> ''
                       UNION ALL
                       SELECT 1000, 'und', ${d}->>'unit' WHERE coalesce(${d}->>'unit', '') <> '') e
                GROUP BY e.lang) q) b
 WHERE p.slug ~ '-n[0-9]+$' AND p.live_revision IS NOT NULL AND p.id > '${from}'::uuid AND p.id <= '${to}'::uuid`;
}

/** Uuid bounds cutting the id space into `parts` equal ranges (gen_random_uuid ids spread evenly). */
export function uuidRanges(parts: number): [string, string][] {
  const bound = (k: number) => (k === 0 ? '00000000-0000-0000-0000-000000000000' : k === parts ? 'ffffffff-ffff-ffff-ffff-ffffffffffff' : `${Math.floor((k * 0x100000000) / parts).toString(16).padStart(8, '0')}-0000-0000-0000-000000000000`);
  return Array.from({ length: parts }, (_, k) => [bound(k), bound(k + 1)] as [string, string]);
}
