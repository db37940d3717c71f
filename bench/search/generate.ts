/**
 * Fills a PostgreSQL database with N published items and memorials (60 / 40),
 * P people (person records, each linked to a memorial picked by hash), their
 * first revisions and the search rows the API would have written for them —
 * all with set-based SQL, so millions take minutes, not hours (the people's
 * name keys by @vitrina/names once per distinct word: people-generate.ts).
 *
 *   npx tsx bench/search/generate.ts
 *
 * Env: BENCH_SEARCH_RECORDS (1 000 000), BENCH_SEARCH_PEOPLE (2 000 000), BENCH_SEARCH_ORDER
 * (type or publication: the order search rows are stored in, see order.ts), BENCH_SEARCH_DB_NAME
 * (bench_search_<records>), BENCH_SEARCH_REPLACE=1 (drop a database of that
 * name first), BENCH_PG_ADMIN_URL (see bench/media/support.ts).
 *
 * The schema is the API's own: the built API (dist/apps/api/main.js) is
 * started once against the fresh database, which migrates it and seeds the
 * twelve countries, the demo accounts and the demo content, and is stopped
 * again. Then:
 *  1. the secondary indexes of items, memorials, content_revisions and
 *     search_documents are dropped (definitions kept);
 *  2. items and memorials are inserted from generate_series, every value
 *     picked by hashing the record's number (deterministic);
 *  3. people are inserted from generate_series (person-n<k>, live, linked to a
 *     generated memorial), then their search rows are made in Node by the
 *     API's searchSources() + SearchIndexRepository.insert() (name, fuzzy and
 *     place keys by @vitrina/names);
 *     the revisions (number 1, the whole document) and the search rows of
 *     items and memorials are computed from `live_content` by SQL that
 *     mirrors apps/api/src/modules/search/search-text.ts and
 *     search-index.service.ts (bench/search/verify.ts checks it against the
 *     API's own indexing);
 *  4. the indexes are made again, VACUUM ANALYZE;
 *  5. the benchmark vocabulary (rare / medium / common words, a surname and a
 *     misspelling of it) is counted and stored in bench_search.vocabulary.
 * The database is kept (its name is printed); on an error or Ctrl-C it is dropped.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Client as PgClient } from 'pg';
import { type Cleanup, type Database, type Store, envNumber, fmt, makeTempDir, printTable, runBenchmark, startApi, startStore, stopChild } from '../media/support';
import {
  type Task,
  asDatabase,
  checkName,
  connect,
  databaseExists,
  dropDatabase,
  quote,
  runQueue,
  seconds,
  textArray,
  withAdmin,
} from './common';
import {
  COMMON,
  COMMON_SURNAMES,
  CONDITIONS,
  COUNTRY_SHAPE,
  DEDICATIONS,
  FILLER,
  ITEM_KINDS,
  ITEM_TOPICS,
  KIND_NAMES,
  MEDIUM,
  MEMORIAL_KINDS,
  NATIVE_WORDS,
  PLACE_1,
  PLACE_2,
  PLACE_3,
  SURNAME_SUFFIXES,
  TAIL_A,
  TAIL_B,
  TAIL_C,
  TRANSLIT_DROP,
  TRANSLIT_MULTI,
  TRANSLIT_SINGLE,
} from './vocabulary';
import { FILTER_COMBINATION } from '../../apps/api/src/modules/search/search-query';
import { type SearchOrder, parseOrder, reorderSearchRows } from './order';
import { PEOPLE_HELPERS, WORD_KEYS_TABLE, peopleSql, personSearchSql, uuidRanges, wordKeys } from './people-generate';

/** Generated records are told from the demo ones by their slug: `<kind>-n<number>`. */
export const GENERATED_SLUG = `'-n[0-9]+$'`;
const TABLES = ['items', 'memorials', 'people', 'content_revisions', 'search_documents', 'search_words'] as const;

/**
 * One country's bulk import of its memorial register (issue 18): the last
 * IMPORT_SHARE of the record numbers are memorials of IMPORT_COUNTRY,
 * published one after another from IMPORT_AT (20 a second), with the people
 * linked to them. 100 000 memorials at a million records.
 */
export const IMPORT_COUNTRY = 'kazakhstan';
export const IMPORT_SHARE = 0.1;
const IMPORT_AT = `timestamptz '2025-03-03 09:00:00+00'`;
/** Records with a picture, in percent: one ready image per country (bench_search.assets) stands for them all. */
const MEDIA_PERCENT = { item: 40, memorial: 55 };
const WORKERS = 2;

export interface VocabularyRow {
  class: 'common' | 'medium' | 'rare' | 'misspelt' | 'prefix';
  word: string;
  lang: string;
  /** Share of the records the generator aimed at (null where it is a by-product). */
  target: number | null;
  /** Items and memorials whose search row matches the word. */
  records: number;
  /** Search rows that match (records and people). */
  docs: number;
  note: string;
}

export interface Generated {
  database: Database;
  records: number;
  seconds: number;
  phases: { phase: string; seconds: number }[];
  vocabulary: VocabularyRow[];
}

// ───────────────────────────── SQL pieces ─────────────────────────────

const h = (key: string, salt: number) => `bench_search.h(${key}, ${salt})`;
/** One of an array's values, picked by hash. */
const pick = (values: readonly string[], key: string, salt: number) => `(${textArray(values)})[1 + ${h(key, salt)} % ${values.length}]`;
const chance = (key: string, salt: number, share: number) => `(${h(key, salt)} % 100000 < ${Math.round(share * 100000)})`;
const text = (expr: string, status: string) => `jsonb_build_object('text', ${expr}, 'status', ${status})`;

function translitFunction(): string {
  let body = 't';
  for (const [from, to] of TRANSLIT_MULTI) body = `replace(${body}, ${quote(from)}, ${quote(to)})`;
  const from = TRANSLIT_SINGLE.map(([f]) => f).join('') + TRANSLIT_DROP.join('');
  const to = TRANSLIT_SINGLE.map(([, t]) => t).join('');
  return `CREATE FUNCTION bench_search.translit(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT translate(${body}, ${quote(from)}, ${quote(to)}) $$`;
}

const HELPERS = [
  `DROP SCHEMA IF EXISTS bench_search CASCADE`,
  `CREATE SCHEMA bench_search`,
  `COMMENT ON SCHEMA bench_search IS 'made by bench/search/generate.ts: what the search benchmark needs beside the API schema'`,
  `CREATE FUNCTION bench_search.h(i bigint, salt int) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT (hashint8extended(i, salt) & 2147483647)::int $$`,
  translitFunction(),
  // decadesBetween() of search-text.ts: every decade from a to b, at most 30.
  `CREATE FUNCTION bench_search.decades(a int, b int) RETURNS int[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
     SELECT CASE WHEN a IS NULL AND b IS NULL THEN '{}'::int[]
       ELSE ARRAY(SELECT generate_series((floor(coalesce(a, b) / 10.0) * 10)::int, (floor(coalesce(b, a) / 10.0) * 10)::int, 10) LIMIT 30) END $$`,
  `CREATE TABLE bench_search.slots (slot int PRIMARY KEY, country_id uuid NOT NULL, slug text NOT NULL, native text NOT NULL,
     lat0 float8 NOT NULL, lng0 float8 NOT NULL, spread float8 NOT NULL, suffixes text[] NOT NULL, nat text[] NOT NULL)`,
  `CREATE TABLE bench_search.vocabulary (class text NOT NULL, word text NOT NULL, lang text NOT NULL, target float8, records int NOT NULL, docs int NOT NULL, note text NOT NULL DEFAULT '')`,
  `CREATE TABLE bench_search.meta (key text PRIMARY KEY, value text NOT NULL)`,
  `CREATE TABLE bench_search.assets (country_id uuid PRIMARY KEY, id uuid NOT NULL)`,
];

/** One ready image per country that generated records show (has_media and image_id of their search rows come from it). */
const ASSETS = [
  `INSERT INTO bench_search.assets SELECT c.id, gen_random_uuid() FROM countries c`,
  `INSERT INTO media_assets (id, country_id, kind, mime_type, byte_size, sha256, original_name, width, height, status)
   SELECT a.id, a.country_id, 'image', 'image/jpeg', 1000, md5(a.id::text) || md5(a.country_id::text), 'bench.jpg', 1200, 800, 'ready' FROM bench_search.assets a`,
];

/** A record's files (live_media_ids and media_ids) and its document's `media`: the country's bench image for `percent` % of records. */
const mediaOf = (percent: number) => `
 CROSS JOIN LATERAL (SELECT CASE WHEN ${h('g.i', 64)} % 100 < ${percent} THEN ARRAY[ba.id] ELSE '{}'::uuid[] END AS ids OFFSET 0) f
 CROSS JOIN LATERAL (SELECT coalesce((SELECT jsonb_agg(jsonb_build_object('assetId', x)) FROM unnest(f.ids) AS x), '[]'::jsonb) AS doc OFFSET 0) fm`;

/** Per record `i`: the values both kinds share (country slot `s` joined in by the caller). */
function baseColumns(kinds: readonly string[]): string {
  const tail = (salt: number) => `${pick(TAIL_A, 'g.i', salt)} || ${pick(TAIL_B, 'g.i', salt + 1)} || ${pick(TAIL_C, 'g.i', salt + 2)}`;
  const p = `(${h('g.i', 8)} % ${PLACE_1.length * PLACE_2.length * PLACE_3.length})`;
  return `
    ${pick(kinds, 'g.i', 2)} AS kind,
    ${h('g.i', 3)} % 100 AS lc,
    ${h('g.i', 4)} % 100 < 5 AS machine,
    (${textArray(PLACE_1)})[1 + ${p} % ${PLACE_1.length}] || (${textArray(PLACE_2)})[1 + (${p} / ${PLACE_1.length}) % ${PLACE_2.length}]
      || (${textArray(PLACE_3)})[1 + ${p} / ${PLACE_1.length * PLACE_2.length}] AS place_ru,
    ${h('g.i', 11)} AS topic,
    round((s.lat0 + ((${h('g.i', 13)} % 2000001) / 1000000.0 - 1) * s.spread)::numeric, 6)::float8 AS lat,
    round((s.lng0 + ((${h('g.i', 14)} % 2000001) / 1000000.0 - 1) * s.spread * 1.4)::numeric, 6)::float8 AS lng,
    timestamptz '2025-06-01 00:00:00+00' - make_interval(days => ${h('g.i', 15)} % 3650, secs => ${h('g.i', 16)} % 86400) AS published_at,
    ${h('g.i', 17)} % 100000 AS edit_secs,
    ${h('g.i', 18)} % 90 AS draft_days,
    ${[0, 1, 2, 3, 4, 5].map((j) => pick(FILLER.map((w) => w.ru), 'g.i', 20 + j) + ` AS f${j}_ru`).join(',\n    ')},
    ${[0, 1, 2, 3, 4, 5].map((j) => `(${h('g.i', 20 + j)} % ${FILLER.length}) AS f${j}`).join(', ')},
    ${tail(30)} AS t0, ${tail(33)} AS t1, ${tail(36)} AS t2,
    ${COMMON.map((word, k) => `${chance('g.i', 40 + k, word.share)} AS c${k}`).join(', ')},
    ${MEDIUM.map((word, k) => `${chance('g.i', 50 + k, word.share)} AS m${k}`).join(', ')},
    ${h('g.i', 9)} AS nat_pick`;
}

/** The description in ru, en and the country's language, from the base columns `a` and `b`. */
function descriptions(): string {
  const fillerEn = textArray(FILLER.map((w) => w.en));
  const en = (j: number) => `(${fillerEn})[1 + a.f${j}]`;
  const ru = (j: number) => `a.f${j}_ru`;
  const common = (lang: 'ru' | 'en', k: number) => `CASE WHEN a.c${k} THEN ${quote(COMMON[k][lang])} END`;
  const medium = (lang: 'ru' | 'en') => MEDIUM.map((word, k) => `CASE WHEN a.m${k} THEN ${quote(word[lang])} END`).join(', ');
  return `
    concat_ws(' ', initcap(${ru(0)}), ${ru(1)}, ${common('ru', 0)}, ${ru(2)}, 'в', b.place_ru || ',', a.y0::text, ${common('ru', 1)},
      ${ru(3)}, a.t0, ${common('ru', 2)}, ${ru(4)}, a.t1, ${medium('ru')}, ${ru(5)}, a.t2) || '.' AS desc_ru,
    concat_ws(' ', initcap(${en(0)}), ${en(1)}, ${common('en', 0)}, ${en(2)}, 'in', b.place_en || ',', a.y0::text, ${common('en', 1)},
      ${en(3)}, b.t0_en, ${common('en', 2)}, ${en(4)}, b.t1_en, ${medium('en')}, ${en(5)}, b.t2_en) || '.' AS desc_en,
    concat_ws(' ', s.nat[1 + a.nat_pick % 10], s.nat[1 + (a.nat_pick / 10) % 10], CASE WHEN a.c0 THEN s.nat[2] END, b.place_ru,
      a.y0::text, CASE WHEN a.c1 THEN s.nat[3] END, s.nat[1 + (a.nat_pick / 100) % 10], a.t0) || '.' AS desc_nat`;
}

/** Title, description and place as LocalizedText, by language class: 75 % ru+en, 15 % own+ru+en, 10 % own+en. */
function localizedColumns(): string {
  const enStatus = `CASE WHEN a.machine THEN 'machine' ELSE 'translated' END`;
  return `
    CASE WHEN a.lc < 75 THEN jsonb_build_object('ru', ${text('t.title_ru', `'original'`)}, 'en', ${text('t.title_en', enStatus)})
         WHEN a.lc < 90 THEN jsonb_build_object(s.native, ${text('t.title_nat', `'original'`)}, 'ru', ${text('t.title_ru', `'translated'`)}, 'en', ${text('t.title_en', `'translated'`)})
         ELSE jsonb_build_object(s.native, ${text('t.title_nat', `'original'`)}, 'en', ${text('t.title_en', `'translated'`)}) END AS title,
    CASE WHEN a.lc < 75 THEN jsonb_build_object('ru', ${text('t.desc_ru', `'original'`)}, 'en', ${text('t.desc_en', enStatus)})
         WHEN a.lc < 90 THEN jsonb_build_object(s.native, ${text('t.desc_nat', `'original'`)}, 'ru', ${text('t.desc_ru', `'translated'`)})
         ELSE jsonb_build_object(s.native, ${text('t.desc_nat', `'original'`)}) END AS description,
    jsonb_build_object('ru', ${text('b.place_ru', `'original'`)}, 'en', ${text('b.place_en', `'translated'`)}) AS place`;
}

function tailsEn(): string {
  return `bench_search.translit(a.t0) AS t0_en, bench_search.translit(a.t1) AS t1_en, bench_search.translit(a.t2) AS t2_en`;
}

export function itemsSql(from: number, to: number): string {
  const kindRu = textArray(ITEM_KINDS.map((k) => KIND_NAMES[k].ru));
  const kindEn = textArray(ITEM_KINDS.map((k) => KIND_NAMES[k].en));
  const kindIndex = `array_position(${textArray(ITEM_KINDS)}, a.kind)`;
  return `
INSERT INTO items (id, country_id, slug, kind, status, version, content, media_ids, published_at, live_revision, live_content, live_slug,
                   live_media_ids, live_media_texts, created_at, updated_at, earliest_year, latest_year, lat, lng)
SELECT gen_random_uuid(), s.country_id, d.slug, a.kind, 'published', 1, d.doc - 'slug' - 'kind', f.ids, a.published_at, 1, d.doc, d.slug,
       f.ids, '{}', a.published_at - make_interval(days => a.draft_days), a.published_at + make_interval(secs => a.edit_secs),
       CASE WHEN a.dated THEN a.y0 END, CASE WHEN a.dated THEN a.y1 END, CASE WHEN a.located THEN a.lat END, CASE WHEN a.located THEN a.lng END
  FROM generate_series(${from}::bigint, ${to}::bigint) AS g(i)
  JOIN bench_search.slots s ON s.slot = ${h('g.i', 1)} % 200
  JOIN bench_search.assets ba ON ba.country_id = s.country_id${mediaOf(MEDIA_PERCENT.item)}
 CROSS JOIN LATERAL (SELECT ${baseColumns(ITEM_KINDS)},
       ${h('g.i', 7)} % 100 < 90 AS dated,
       ${h('g.i', 12)} % 100 < 50 AS located,
       CASE WHEN ${h('g.i', 5)} % 100 < 55 THEN 1939 + ${h('g.i', 51)} % 8 ELSE 1900 + ${h('g.i', 51)} % 91 END AS y0,
       CASE WHEN ${h('g.i', 6)} % 4 = 0 THEN ${h('g.i', 6)} % 9 ELSE 0 END AS span
     OFFSET 0) a0
 CROSS JOIN LATERAL (SELECT a0.*, a0.y0 + a0.span AS y1 OFFSET 0) a
 CROSS JOIN LATERAL (SELECT a.place_ru, bench_search.translit(a.place_ru) AS place_en, ${tailsEn()} OFFSET 0) b
 CROSS JOIN LATERAL (SELECT
       (${kindRu})[${kindIndex}] || ' «' || (${textArray(ITEM_TOPICS.map((t) => t.ru))})[1 + a.topic % ${ITEM_TOPICS.length}] || '», ' || b.place_ru AS title_ru,
       (${kindEn})[${kindIndex}] || ' "' || (${textArray(ITEM_TOPICS.map((t) => t.en))})[1 + a.topic % ${ITEM_TOPICS.length}] || '", ' || b.place_en AS title_en,
       s.nat[7 + a.topic % 4] || ' ' || b.place_ru AS title_nat,
       ${descriptions()}
     OFFSET 0) t
 CROSS JOIN LATERAL (SELECT ${localizedColumns()} OFFSET 0) l
 CROSS JOIN LATERAL (SELECT a.kind || '-n' || g.i AS slug,
       jsonb_build_object('slug', a.kind || '-n' || g.i, 'kind', a.kind, 'title', l.title, 'description', l.description, 'place', l.place,
                          'tags', '[]'::jsonb, 'media', fm.doc)
       || CASE WHEN a.dated THEN jsonb_build_object('date', jsonb_build_object('earliest', a.y0, 'latest', a.y1)) ELSE '{}'::jsonb END
       || CASE WHEN a.located THEN jsonb_build_object('location', jsonb_build_object('lat', a.lat, 'lng', a.lng)) ELSE '{}'::jsonb END AS doc
     OFFSET 0) d`;
}

/** Memorials numbered from…to; those from `importFrom` on are IMPORT_COUNTRY's bulk import. */
export function memorialsSql(from: number, to: number, importFrom: number): string {
  const kindRu = textArray(MEMORIAL_KINDS.map((k) => KIND_NAMES[k].ru));
  const kindEn = textArray(MEMORIAL_KINDS.map((k) => KIND_NAMES[k].en));
  const kindIndex = `array_position(${textArray(MEMORIAL_KINDS)}, a.kind)`;
  const weights = [40, 30, 17, 8, 5];
  const condition = `CASE ${weights.map((_, k) => `WHEN ${h('g.i', 62)} % 100 < ${weights.slice(0, k + 1).reduce((x, y) => x + y, 0)} THEN ${quote(CONDITIONS[k])}`).join(' ')} END`;
  return `
INSERT INTO memorials (id, country_id, slug, kind, status, version, content, media_ids, published_at, live_revision, live_content, live_slug,
                       live_media_ids, live_media_texts, created_at, updated_at, lat, lng, condition)
SELECT gen_random_uuid(), s.country_id, d.slug, a.kind, 'published', 1, d.doc - 'slug' - 'kind', f.ids, pt.published_at, 1, d.doc, d.slug,
       f.ids, '{}', pt.published_at - make_interval(days => a.draft_days), pt.published_at + make_interval(secs => a.edit_secs),
       a.lat, a.lng, a.condition
  FROM generate_series(${from}::bigint, ${to}::bigint) AS g(i)
  JOIN bench_search.slots s ON s.slot = CASE WHEN g.i >= ${importFrom} THEN (SELECT min(slot) FROM bench_search.slots WHERE slug = ${quote(IMPORT_COUNTRY)}) ELSE ${h('g.i', 1)} % 200 END
  JOIN bench_search.assets ba ON ba.country_id = s.country_id${mediaOf(MEDIA_PERCENT.memorial)}
 CROSS JOIN LATERAL (SELECT ${baseColumns(MEMORIAL_KINDS)},
       CASE WHEN ${h('g.i', 5)} % 100 < 40 THEN 1965 + ${h('g.i', 51)} % 11 ELSE 1946 + ${h('g.i', 51)} % 45 END AS y0,
       ${condition} AS condition
     OFFSET 0) a
 CROSS JOIN LATERAL (SELECT CASE WHEN g.i >= ${importFrom} THEN ${IMPORT_AT} + make_interval(secs => (g.i - ${importFrom}) / 20.0) ELSE a.published_at END AS published_at) pt
 CROSS JOIN LATERAL (SELECT a.place_ru, bench_search.translit(a.place_ru) AS place_en, ${tailsEn()} OFFSET 0) b
 CROSS JOIN LATERAL (SELECT
       (${kindRu})[${kindIndex}] || ' ' || (${textArray(DEDICATIONS.map((t) => t.ru))})[1 + a.topic % ${DEDICATIONS.length}] || ', ' || b.place_ru AS title_ru,
       (${kindEn})[${kindIndex}] || ' ' || (${textArray(DEDICATIONS.map((t) => t.en))})[1 + a.topic % ${DEDICATIONS.length}] || ', ' || b.place_en AS title_en,
       s.nat[1] || ' ' || s.nat[10] || ' ' || b.place_ru AS title_nat,
       ${descriptions()}
     OFFSET 0) t
 CROSS JOIN LATERAL (SELECT ${localizedColumns()} OFFSET 0) l
 CROSS JOIN LATERAL (SELECT a.kind || '-n' || g.i AS slug,
       jsonb_build_object('slug', a.kind || '-n' || g.i, 'kind', a.kind, 'title', l.title, 'description', l.description, 'place', l.place,
                          'date', jsonb_build_object('earliest', a.y0, 'latest', a.y0), 'unveilingDate', a.y0::text,
                          'location', jsonb_build_object('lat', a.lat, 'lng', a.lng),
                          'inscriptions', '[]'::jsonb,
                          'conditionSurveys', jsonb_build_array(jsonb_build_object('date', '2020-05-01', 'condition', a.condition)),
                          'events', '[]'::jsonb, 'tags', '[]'::jsonb, 'media', fm.doc) AS doc
     OFFSET 0) d`;
}

function revisionsSql(table: string, type: string): string {
  return `INSERT INTO content_revisions (record_type, record_id, country_id, number, content, media_texts, author_id, created_at)
          SELECT '${type}', r.id, r.country_id, 1, r.live_content, '{}', NULL, r.published_at FROM ${table} r WHERE r.slug ~ ${GENERATED_SLUG}`;
}

/** Texts of a LocalizedText the way search-text.ts's `texts()` takes them: in stored key order, not empty, not machine drafts. */
const localizedTexts = (keys: string[], doc: string) => `
  SELECT k.pos * 1000 + t.ord AS ord, t.key AS lang, t.value->>'text' AS txt
    FROM unnest(${textArray(keys)}) WITH ORDINALITY AS k(name, pos)
   CROSS JOIN LATERAL jsonb_each(CASE WHEN jsonb_typeof(${doc}->k.name) = 'object' THEN ${doc}->k.name ELSE '{}'::jsonb END) WITH ORDINALITY AS t(key, value, ord)
   WHERE coalesce(t.value->>'text', '') <> '' AND t.value->>'status' IS DISTINCT FROM 'machine'`;

/** The tsvector of search-index.service.ts's VECTOR, from its six texts. */
const vector = (titleRu: string, titleEn: string, names: string, bodyRu: string, bodyEn: string, other: string) =>
  `setweight(to_tsvector('russian', ${titleRu}), 'A') || setweight(to_tsvector('english', ${titleEn}), 'A') || setweight(to_tsvector('simple', ${names}), 'A')` +
  ` || setweight(to_tsvector('russian', ${bodyRu}), 'B') || setweight(to_tsvector('english', ${bodyEn}), 'B') || setweight(to_tsvector('simple', ${other}), 'B')`;

const SEARCH_COLUMNS = `record_type, record_id, person_index, country_id, slug, kind, title, person, body, names, decades, year, condition, has_media, image_id, lat, lng, published_at, tsv`;

/**
 * has_media and image_id as search-index.service.ts's MEDIA_OF_RECORD: any of the record's files of its
 * country ready or being made, and the first image of those (generated records have none).
 */
const recordMedia = (r: string) => `
  CASE WHEN cardinality(${r}.live_media_ids) = 0 THEN false
       ELSE EXISTS (SELECT 1 FROM media_assets a WHERE a.country_id = ${r}.country_id AND a.id = ANY(${r}.live_media_ids) AND a.status IN ('ready', 'processing')) END,
  CASE WHEN cardinality(${r}.live_media_ids) = 0 THEN NULL
       ELSE (SELECT a.id FROM media_assets a WHERE a.country_id = ${r}.country_id AND a.id = ANY(${r}.live_media_ids) AND a.status IN ('ready', 'processing') AND a.kind = 'image'
              ORDER BY array_position(${r}.live_media_ids, a.id) LIMIT 1) END`;

/** The latest condition survey (dates compared as strings, the first of equal dates wins, as a stable sort does). */
const latestCondition = (doc: string) =>
  `(SELECT cs.value->>'condition' FROM jsonb_array_elements(CASE WHEN jsonb_typeof(${doc}->'conditionSurveys') = 'array' THEN ${doc}->'conditionSurveys' ELSE '[]'::jsonb END) WITH ORDINALITY AS cs(value, ord)
     ORDER BY cs.value->>'date' DESC, cs.ord LIMIT 1)`;

/** A live record's own search row, as searchSources() + textsForVector() make it. */
function recordSearchSql(table: string, type: string): string {
  return `
INSERT INTO search_documents (${SEARCH_COLUMNS})
SELECT '${type}', r.id, -1, r.country_id, r.live_content->>'slug', r.live_content->>'kind', coalesce(r.live_content->'title', '{}'::jsonb), NULL,
       b.body, n.names, bench_search.decades(coalesce(y.earliest, y.unveiled), coalesce(y.latest, y.unveiled)), coalesce(y.earliest, y.unveiled, y.latest),
       ${latestCondition('r.live_content')}, ${recordMedia('r')},
       (r.live_content->'location'->>'lat')::float8, (r.live_content->'location'->>'lng')::float8, coalesce(r.published_at, now()),
       ${vector(
         `coalesce(r.live_content->'title'->'ru'->>'text', '')`,
         `coalesce(r.live_content->'title'->'en'->>'text', '')`,
         'n.names',
         `coalesce(b.body->>'ru', '')`,
         `coalesce(b.body->>'en', '')`,
         'b.other',
       )}
  FROM ${table} r
 CROSS JOIN LATERAL (SELECT (r.live_content->'date'->>'earliest')::int AS earliest, (r.live_content->'date'->>'latest')::int AS latest,
       CASE WHEN jsonb_typeof(r.live_content->'unveilingDate') = 'string' THEN left(r.live_content->>'unveilingDate', 4)::int END AS unveiled) y
 CROSS JOIN LATERAL (SELECT coalesce(string_agg(x.txt, ' ' ORDER BY x.ord), '') AS names FROM (${localizedTexts(['title', 'place'], 'r.live_content')}) x) n
 CROSS JOIN LATERAL (
       SELECT coalesce(jsonb_object_agg(p.lang, p.txt), '{}'::jsonb) AS body,
              coalesce(string_agg(p.txt, ' ' ORDER BY p.first) FILTER (WHERE p.lang NOT IN ('ru', 'en')), '') AS other
         FROM (SELECT e.lang, string_agg(e.txt, ' ' ORDER BY e.ord) AS txt, min(e.ord) AS first
                 FROM (${localizedTexts(['description', 'place', 'creator', 'materials', 'provenance', 'address', 'summary'], 'r.live_content')}
                       UNION ALL
                       SELECT 100000 + i.ord * 100, coalesce(i.value->>'originalLanguage', 'und'), i.value->>'original'
                         FROM jsonb_array_elements(CASE WHEN jsonb_typeof(r.live_content->'inscriptions') = 'array' THEN r.live_content->'inscriptions' ELSE '[]'::jsonb END) WITH ORDINALITY AS i(value, ord)
                       UNION ALL
                       SELECT 100000 + i.ord * 100 + t.ord, t.key, t.value->>'text'
                         FROM jsonb_array_elements(CASE WHEN jsonb_typeof(r.live_content->'inscriptions') = 'array' THEN r.live_content->'inscriptions' ELSE '[]'::jsonb END) WITH ORDINALITY AS i(value, ord)
                        CROSS JOIN LATERAL jsonb_each(CASE WHEN jsonb_typeof(i.value->'translations') = 'object' THEN i.value->'translations' ELSE '{}'::jsonb END) WITH ORDINALITY AS t(key, value, ord)
                        WHERE coalesce(t.value->>'text', '') <> '' AND t.value->>'status' IS DISTINCT FROM 'machine'
                       UNION ALL
                       SELECT 1000000000 + tag.ord * 100 + t.ord, t.key, t.value
                         FROM jsonb_array_elements(CASE WHEN jsonb_typeof(r.live_content->'tags') = 'array' THEN r.live_content->'tags' ELSE '[]'::jsonb END) WITH ORDINALITY AS tag(value, ord)
                        CROSS JOIN LATERAL jsonb_each_text(CASE WHEN jsonb_typeof(tag.value) = 'object' THEN tag.value ELSE '{}'::jsonb END) WITH ORDINALITY AS t(key, value, ord)
                        WHERE t.value <> '') e
                GROUP BY e.lang) p) b
 WHERE r.slug ~ ${GENERATED_SLUG} AND r.live_revision IS NOT NULL`;
}

// ───────────────────────────── steps ─────────────────────────────

interface IndexDefinition {
  table: string;
  name: string;
  /** CREATE INDEX … or ALTER TABLE … ADD CONSTRAINT … */
  create: string;
  drop: string;
}

/** search_filter_counts made again from the search rows: what the SearchFilterCounts migration's triggers keep. */
export const FILTER_COUNTS_SQL = `DELETE FROM search_filter_counts;
  INSERT INTO search_filter_counts (${FILTER_COMBINATION}, rows) SELECT ${FILTER_COMBINATION}, count(*) FROM search_documents GROUP BY ${FILTER_COMBINATION}`;

async function secondaryIndexes(client: PgClient): Promise<IndexDefinition[]> {
  const { rows } = await client.query<{ table: string; name: string; indexdef: string; conname: string | null; condef: string | null }>(
    `SELECT t.relname AS table, ic.relname AS name, pg_get_indexdef(i.indexrelid) AS indexdef, c.conname, pg_get_constraintdef(c.oid) AS condef
       FROM pg_index i
       JOIN pg_class t ON t.oid = i.indrelid
       JOIN pg_class ic ON ic.oid = i.indexrelid
       LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid AND c.conrelid = i.indrelid AND c.contype IN ('u', 'x')
      WHERE t.relname = ANY($1) AND t.relnamespace = 'public'::regnamespace AND NOT i.indisprimary
      ORDER BY t.relname, ic.relname`,
    [TABLES],
  );
  return rows.map((row) =>
    row.conname
      ? { table: row.table, name: row.name, create: `ALTER TABLE "${row.table}" ADD CONSTRAINT "${row.conname}" ${row.condef}`, drop: `ALTER TABLE "${row.table}" DROP CONSTRAINT "${row.conname}"` }
      : { table: row.table, name: row.name, create: row.indexdef, drop: `DROP INDEX "${row.name}"` },
  );
}

/** Indexes by how long they take to build, longest first (two run at once). */
function buildOrder(index: IndexDefinition): number {
  const weight: Record<string, number> = { search_documents: 4, memorials: 2, items: 2, content_revisions: 1 };
  const gin = /USING gin/i.test(index.create) ? (/gin_trgm_ops/.test(index.create) ? 30 : 20) : 1;
  return -(weight[index.table] ?? 1) * gin;
}

async function slots(client: PgClient): Promise<void> {
  const { rows } = await client.query<{ id: string; slug: string; default_language: string }>(`SELECT id, slug, default_language FROM countries ORDER BY slug`);
  const bySlug = new Map(rows.map((row) => [row.slug, row]));
  const values: string[] = [];
  for (const [slug, shape] of Object.entries(COUNTRY_SHAPE)) {
    const country = bySlug.get(slug);
    if (!country) throw new Error(`country ${slug} is not in the countries table: did the API seed the twelve countries?`);
    const native = country.default_language;
    const suffixes = SURNAME_SUFFIXES[native];
    const nat = NATIVE_WORDS[native];
    if (!suffixes || !nat) throw new Error(`no words for language ${native} (country ${slug})`);
    for (let n = 0; n < Math.round(shape.percent * 2); n++) {
      values.push(`(${values.length}, ${quote(country.id)}, ${quote(slug)}, ${quote(native)}, ${shape.lat}, ${shape.lng}, ${shape.spread}, ${textArray(suffixes)}, ${textArray(nat)})`);
    }
  }
  if (values.length !== 200) throw new Error(`country shares must make 200 slots, not ${values.length}`);
  await client.query(`INSERT INTO bench_search.slots VALUES ${values.join(', ')}`);
}

/** Chunks of [from, to] so two connections share the work evenly. */
function chunks(from: number, to: number, size: number): [number, number][] {
  const parts: [number, number][] = [];
  for (let start = from; start <= to; start += size) parts.push([start, Math.min(to, start + size - 1)]);
  return parts;
}

const QUERY = (q: string) => `(websearch_to_tsquery('russian', ${q}) || websearch_to_tsquery('english', ${q}) || websearch_to_tsquery('simple', ${q}))`;

const VOWEL_SWAP: Record<string, string> = { а: 'о', о: 'а', е: 'и', и: 'е', у: 'о', ы: 'и', я: 'е' };

/** A typo: the first vowel after the third letter written as another, as people mishear names (Абдышенко → Абдишенко). */
export function misspell(surname: string): string {
  const at = [...surname].findIndex((letter, index) => index >= 3 && VOWEL_SWAP[letter]);
  return at < 0 ? surname : surname.slice(0, at) + VOWEL_SWAP[surname[at]] + surname.slice(at + 1);
}

/** Counts the benchmark's words in the generated data and stores them in bench_search.vocabulary. */
async function countVocabulary(clients: PgClient[]): Promise<VocabularyRow[]> {
  const [client] = clients;
  // The rare words: a place name and a surname near the median of their kind, so they are typical.
  const place = await client.query<{ word: string; n: number }>(
    `WITH p AS (SELECT live_content->'place'->'ru'->>'text' AS word, count(*)::int AS n FROM items WHERE slug ~ ${GENERATED_SLUG} GROUP BY 1)
     SELECT word, n FROM p WHERE n >= (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY n) FROM p) ORDER BY n, word LIMIT 1`,
  );
  const placeStats = await client.query<{ names: number; min: number; median: number; max: number }>(
    `WITH p AS (SELECT live_content->'place'->'ru'->>'text' AS word, count(*)::int AS n FROM (SELECT live_content FROM items WHERE slug ~ ${GENERATED_SLUG} UNION ALL SELECT live_content FROM memorials WHERE slug ~ ${GENERATED_SLUG}) r GROUP BY 1)
     SELECT count(*)::int AS names, min(n) AS min, percentile_disc(0.5) WITHIN GROUP (ORDER BY n) AS median, max(n) AS max FROM p`,
  );
  // Synthetic surnames only (not the twenty common ones), long enough to misspell.
  const surname = await client.query<{ word: string; n: number }>(
    `WITH s AS (SELECT split_part(person->>'name', ' ', 1) AS word, count(*)::int AS n FROM search_documents
                 WHERE record_type = 'person' AND slug ~ ${GENERATED_SLUG} GROUP BY 1)
     SELECT word, n FROM s WHERE word <> ALL(${textArray(COMMON_SURNAMES)}) AND length(word) >= 9 AND word ~ '(ян|дзе|енко|бек)$'
        AND n >= (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY n) FROM s) ORDER BY n, word LIMIT 1`,
  );
  const surnameStats = await client.query<{ names: number; min: number; median: number; max: number }>(
    `WITH s AS (SELECT split_part(person->>'name', ' ', 1) AS word, count(*)::int AS n FROM search_documents
                 WHERE record_type = 'person' AND slug ~ ${GENERATED_SLUG} GROUP BY 1)
     SELECT count(*)::int AS names, min(n) AS min, percentile_disc(0.5) WITHIN GROUP (ORDER BY n) AS median, max(n) AS max FROM s
      WHERE word <> ALL(${textArray(COMMON_SURNAMES)})`,
  );
  const rarePlace = place.rows[0].word;
  const rareSurname = surname.rows[0].word;
  const misspelt = misspell(rareSurname);

  const words: Omit<VocabularyRow, 'records' | 'docs'>[] = [
    ...COMMON.flatMap((w) => [
      { class: 'common' as const, word: w.ru, lang: 'ru', target: w.share, note: 'descriptions' },
      { class: 'common' as const, word: w.en, lang: 'en', target: w.share * 0.75, note: 'en descriptions (75 % of records have one)' },
    ]),
    ...MEDIUM.map((w) => ({ class: 'medium' as const, word: w.ru, lang: 'ru', target: w.share, note: 'descriptions' })),
    { class: 'medium', word: MEDIUM[0].en, lang: 'en', target: MEDIUM[0].share * 0.75, note: 'en descriptions' },
    { class: 'medium', word: COMMON_SURNAMES[0], lang: 'ru', target: null, note: 'the commonest surname: about 2 % of people' },
    { class: 'rare', word: rarePlace, lang: 'ru', target: null, note: `place name; ${placeStats.rows[0].names} names, records per name min/median/max ${placeStats.rows[0].min}/${placeStats.rows[0].median}/${placeStats.rows[0].max}` },
    { class: 'rare', word: rareSurname, lang: 'ru', target: null, note: `surname; ${surnameStats.rows[0].names} made-up surnames, people per name min/median/max ${surnameStats.rows[0].min}/${surnameStats.rows[0].median}/${surnameStats.rows[0].max}` },
    { class: 'misspelt', word: misspelt, lang: 'ru', target: null, note: `typo of ${rareSurname}; counts: trigram matches (<% at 0.5) or full-text` },
    { class: 'prefix', word: rareSurname.slice(0, 6), lang: 'ru', target: null, note: `suggest prefix of ${rareSurname}; counts: trigram matches` },
  ];
  const rows: VocabularyRow[] = [];
  const queue = [...words];
  await Promise.all(
    clients.map(async (c) => {
      await c.query(`SET pg_trgm.word_similarity_threshold = 0.5`);
      for (let word = queue.shift(); word; word = queue.shift()) {
        const trigram = word.class === 'misspelt' || word.class === 'prefix';
        const match = trigram ? `($1 <% d.names OR d.tsv @@ ${QUERY('$1')})` : `d.tsv @@ ${QUERY('$1')}`;
        const { rows: [count] } = await c.query<{ records: number; docs: number }>(
          `SELECT count(*) FILTER (WHERE d.record_type <> 'person')::int AS records, count(*)::int AS docs FROM search_documents d WHERE ${match}`,
          [word.word],
        );
        rows.push({ ...word, ...count });
      }
    }),
  );
  const order = ['common', 'medium', 'rare', 'misspelt', 'prefix'];
  rows.sort((a, b) => order.indexOf(a.class) - order.indexOf(b.class) || b.records - a.records);
  await client.query(`DELETE FROM bench_search.vocabulary`);
  for (const row of rows) {
    await client.query(`INSERT INTO bench_search.vocabulary VALUES ($1, $2, $3, $4, $5, $6, $7)`, [row.class, row.word, row.lang, row.target, row.records, row.docs, row.note]);
  }
  return rows;
}

export function printVocabulary(rows: VocabularyRow[], records: number, docs: number): void {
  printTable(`Vocabulary (of ${records} records, ${docs} search rows)`, [
    ['class', 'word', 'lang', 'aimed at', 'records', '% of records', 'search rows', '% of rows', 'note'],
    ...rows.map((row) => [
      row.class,
      row.word,
      row.lang,
      row.target === null ? '—' : `${fmt(row.target * 100, 2)} %`,
      row.records,
      `${fmt((100 * row.records) / records, 4)} %`,
      row.docs,
      `${fmt((100 * row.docs) / docs, 4)} %`,
      row.note,
    ]),
  ]);
}

/**
 * Makes and fills a database; returns once it is ready for the benchmark.
 * The database is dropped by `cleanup` unless `keep` (then only on failure).
 */
export async function generateDatabase(
  cleanup: Cleanup,
  options: { records: number; people?: number; name: string; keep: boolean; store?: Store; order?: SearchOrder },
): Promise<Generated> {
  const { records } = options;
  const peopleCount = Math.round(options.people ?? records * 2);
  const name = checkName(options.name);
  const started = process.hrtime.bigint();
  const phases: { phase: string; seconds: number }[] = [];
  const phase = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
    console.log(`\n${label}…`);
    const at = process.hrtime.bigint();
    const result = await work();
    phases.push({ phase: label, seconds: seconds(at) });
    console.log(`  done in ${fmt(seconds(at), 1)} s`);
    return result;
  };

  let finished = false;
  await withAdmin((client) => client.query(`CREATE DATABASE ${name}`));
  cleanup.add(`drop database ${name}`, async () => {
    if (!options.keep || !finished) await dropDatabase(name);
  });
  const database = asDatabase(name);
  console.log(`database ${name}: ${records} records (${Math.round(records * 0.6)} items, ${records - Math.round(records * 0.6)} memorials), ${peopleCount} people`);

  await phase('migrate and seed with the built API', async () => {
    let store = options.store;
    if (!store) {
      const tempDir = makeTempDir('search-generate');
      cleanup.add(`remove ${tempDir}`, () => rmSync(tempDir, { recursive: true, force: true }));
      store = await startStore(cleanup, join(tempDir, 's3'));
    }
    const api = await startApi(cleanup, { store, database });
    await stopChild(api.child, 10_000);
  });

  const settings = {
    synchronous_commit: 'off',
    // Data made here is consistent by construction: skip foreign-key triggers while loading.
    session_replication_role: 'replica',
    maintenance_work_mem: `'1GB'`,
    work_mem: `'64MB'`,
    jit: 'off',
    statement_timeout: '0',
  };
  const clients = await Promise.all(Array.from({ length: WORKERS }, () => connect(database, settings)));
  cleanup.add('close generator connections', async () => {
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
  });
  const [client] = clients;

  const indexes = await phase('helpers and dropping secondary indexes', async () => {
    for (const sql of HELPERS) await client.query(sql);
    await slots(client);
    for (const sql of ASSETS) await client.query(sql);
    const found = await secondaryIndexes(client);
    for (const index of found) await client.query(index.drop);
    console.log(`  dropped ${found.length}: ${found.map((i) => i.name).join(', ')}`);
    return found;
  });

  const items = Math.round(records * 0.6);
  const importFrom = records - Math.round(records * IMPORT_SHARE) + 1;
  const chunk = Math.max(5000, Math.ceil(records / 16));
  await phase('items and memorials', () =>
    runQueue(clients, [
      ...chunks(items + 1, records, Math.ceil(chunk * 0.6)).map(([from, to]): Task => ({ label: `memorials ${from}–${to}`, sql: memorialsSql(from, to, importFrom) })),
      ...chunks(1, items, chunk).map(([from, to]): Task => ({ label: `items ${from}–${to}`, sql: itemsSql(from, to) })),
    ]),
  );

  const memorialCount = records - items;
  await phase('people linked to memorials', async () => {
    for (const sql of PEOPLE_HELPERS) await client.query(sql);
    await runQueue(clients, chunks(1, peopleCount, Math.max(5000, Math.ceil(peopleCount / 16))).map(([from, to]): Task => ({ label: `people ${from}–${to}`, sql: peopleSql(from, to, memorialCount) })));
  });

  // Search rows kind by kind (memorials, people, items: the `type` order of order.ts), the revisions beside them.
  await phase('revisions and search rows of memorials', () =>
    runQueue(clients, [
      { label: 'search rows of memorials', sql: recordSearchSql('memorials', 'memorial') },
      { label: 'revisions of people', sql: revisionsSql('people', 'person') },
      { label: 'revisions of memorials', sql: revisionsSql('memorials', 'memorial') },
      { label: 'revisions of items', sql: revisionsSql('items', 'item') },
    ]),
  );

  // Keys by @vitrina/names in Node, once per distinct word of the names; the rows in SQL (people-generate.ts).
  await phase('name keys of the distinct words (@vitrina/names)', async () => {
    await client.query(WORD_KEYS_TABLE);
    console.log(`  ${await wordKeys(client)} words`);
  });
  await phase('search rows of people', () =>
    runQueue(clients, uuidRanges(16).map(([from, to], k): Task => ({ label: `people search rows ${k + 1}/16`, sql: personSearchSql(from, to) }))),
  );
  await phase('search rows of items', () => runQueue(clients, [{ label: 'search rows of items', sql: recordSearchSql('items', 'item') }]));

  // As SearchIndex does for every row it writes: the distinct words of the names, for typo look-ups.
  await phase('known words of names', () =>
    runQueue(clients, [
      {
        label: 'search_words',
        sql: `INSERT INTO search_words (word)
              SELECT DISTINCT w FROM search_documents d, unnest(tsvector_to_array(to_tsvector('simple', d.names))) AS w
              ON CONFLICT (word) DO NOTHING`,
      },
    ]),
  );

  // As the triggers on search_documents keep them (they do not fire here: session_replication_role = replica).
  await phase('rows per combination of filter values', () => runQueue(clients, [{ label: 'search_filter_counts', sql: FILTER_COUNTS_SQL }]));

  const order = options.order ?? 'type';
  if (order !== 'type') await phase(`search rows in ${order} order`, () => reorderSearchRows(client, order));

  await phase('indexes', () =>
    runQueue(
      clients,
      [...indexes].sort((a, b) => buildOrder(a) - buildOrder(b)).map((index) => ({ label: `${index.table}.${index.name}`, sql: index.create })),
    ),
  );

  await phase('VACUUM ANALYZE', () =>
    runQueue(clients, [...TABLES, 'countries', 'exhibitions', 'media_assets'].map((table) => ({ label: table, sql: `VACUUM (ANALYZE) ${table}` }))),
  );

  const counts = await client.query<{ items: number; memorials: number; persons: number; people: number; docs: number; revisions: number; bytes: string }>(
    `SELECT (SELECT count(*) FROM items)::int AS items, (SELECT count(*) FROM memorials)::int AS memorials, (SELECT count(*) FROM people)::int AS persons,
            (SELECT count(*) FROM search_documents WHERE record_type = 'person')::int AS people,
            (SELECT count(*) FROM search_documents)::int AS docs, (SELECT count(*) FROM content_revisions)::int AS revisions,
            pg_size_pretty(pg_database_size(current_database())) AS bytes`,
  );
  const vocabulary = await phase('counting the vocabulary', () => countVocabulary(clients));
  const total = seconds(started);
  for (const [key, value] of Object.entries({ records, order, import_country: IMPORT_COUNTRY, imported_memorials: records - importFrom + 1, generated_at: new Date().toISOString(), generation_seconds: total.toFixed(1) })) {
    await client.query(`INSERT INTO bench_search.meta VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [key, String(value)]);
  }
  await Promise.all(clients.map((c) => c.end()));

  const c = counts.rows[0];
  printTable(`Generated ${name}`, [
    ['what', 'rows'],
    ['items (incl. demo)', c.items],
    ['memorials (incl. demo)', c.memorials],
    ['people (incl. demo)', c.persons],
    ['people search rows', c.people],
    ['search rows', c.docs],
    ['content revisions', c.revisions],
    ['database size', c.bytes],
  ]);
  printTable('Generation time', [['phase', 'seconds'], ...phases.map((p) => [p.phase, fmt(p.seconds, 1)]), ['total', fmt(total, 1)]]);
  printVocabulary(vocabulary, c.items + c.memorials, c.docs);
  finished = true;
  return { database, records, seconds: total, phases, vocabulary };
}

async function main(cleanup: Cleanup): Promise<void> {
  const records = Math.round(envNumber('BENCH_SEARCH_RECORDS', 1_000_000));
  const name = process.env.BENCH_SEARCH_DB_NAME || `bench_search_${records >= 1_000_000 && records % 1_000_000 === 0 ? `${records / 1_000_000}m` : records % 1000 === 0 ? `${records / 1000}k` : records}`;
  if (await databaseExists(checkName(name))) {
    if (process.env.BENCH_SEARCH_REPLACE !== '1') {
      throw new Error(`database ${name} exists: reuse it (BENCH_SEARCH_DB=${name} npx tsx bench/search/search.ts), set BENCH_SEARCH_REPLACE=1 to make it again, or BENCH_SEARCH_DB_NAME for another name`);
    }
    await dropDatabase(name);
  }
  const people = Math.round(envNumber('BENCH_SEARCH_PEOPLE', 2_000_000));
  const order = parseOrder(process.env.BENCH_SEARCH_ORDER, 'type');
  const generated = await generateDatabase(cleanup, { records, people, name, keep: true, order });
  console.log(`\nkept database ${name} (${fmt(generated.seconds, 0)} s); drop it with: psql ${asDatabase('postgres').url} -c 'DROP DATABASE ${name}'`);
  console.log(`benchmark it with: BENCH_SEARCH_DB=${name} npx tsx --tsconfig bench/search/tsconfig.json bench/search/search.ts`);
}

if (require.main === module) runBenchmark(main);
