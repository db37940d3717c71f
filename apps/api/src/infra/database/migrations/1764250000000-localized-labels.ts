import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The languages content could be stored in when this migration was written
 * (CONTENT_LANGUAGES in the contracts), copied so the migration keeps meaning
 * what it meant when the list grows.
 */
const KNOWN_LANGUAGES = new Set(['ru', 'en', 'ab', 'hy', 'az', 'be', 'ka', 'kk', 'ky', 'ro', 'tg', 'uz', 'uk', 'os']);

const KAZAKH = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const ARMENIAN = /\p{Script=Armenian}/u;
const GEORGIAN = /\p{Script=Georgian}/u;
const LATIN = /\p{Script=Latin}/u;

/** What the migration needs of the record's country. */
export interface LabelCountry {
  defaultLanguage: string;
  languages: string[];
}

type Label = Record<string, string>;
type Document = Record<string, unknown>;

/**
 * The language a label written before labels had languages is in, from its
 * script: Kazakh letters → kk (where the country has Kazakh), Cyrillic → ru,
 * Armenian → hy, Georgian → ka, Latin → en. A label of no script (a year) or
 * in a language the platform or the country does not have is taken to be in
 * the country's default language, so the record can be saved again as it is.
 */
export function labelLanguage(text: string, country: LabelCountry): string {
  const guess =
    KAZAKH.test(text) && country.languages.includes('kk')
      ? 'kk'
      : CYRILLIC.test(text)
        ? 'ru'
        : ARMENIAN.test(text)
          ? 'hy'
          : GEORGIAN.test(text)
            ? 'ka'
            : LATIN.test(text)
              ? 'en'
              : country.defaultLanguage;
  return KNOWN_LANGUAGES.has(guess) && country.languages.includes(guess) ? guess : country.defaultLanguage;
}

/** A string label in its language; an empty one (a rank could be '') is nothing. Labels already per language are kept. */
function toLabel(value: unknown, country: LabelCountry): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  return text === '' ? undefined : { [labelLanguage(text, country)]: text };
}

/** A label back as one string: in the country's default language, else Russian, else its first language. */
function fromLabel(value: unknown, country: LabelCountry): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const label = value as Label;
  return label[country.defaultLanguage] ?? label.ru ?? Object.values(label)[0];
}

function mapPeople(doc: Document, rank: (value: unknown) => unknown): Document {
  if (!Array.isArray(doc.people)) return doc;
  const people = (doc.people as Document[]).map((person) => {
    if (!person || typeof person !== 'object' || !('rank' in person)) return person;
    const { rank: old, ...rest } = person;
    const next = rank(old);
    return next === undefined ? rest : { ...rest, rank: next };
  });
  return { ...doc, people };
}

function mapTags(doc: Document, tag: (value: unknown) => unknown): Document {
  if (!Array.isArray(doc.tags)) return doc;
  return { ...doc, tags: doc.tags.map(tag).filter((value) => value !== undefined) };
}

/** An item's or memorial's document with its tags and ranks per language. */
export function localizeLabels(doc: Document, country: LabelCountry): Document {
  return mapPeople(mapTags(doc, (tag) => toLabel(tag, country)), (rank) => toLabel(rank, country));
}

/** The document as it was before: one string per tag and rank, and no `circa` (the schema of then refuses it). */
export function joinLabels(doc: Document, country: LabelCountry): Document {
  const joined = mapPeople(mapTags(doc, (tag) => fromLabel(tag, country)), (rank) => fromLabel(rank, country));
  if (!joined.date || typeof joined.date !== 'object' || !('circa' in joined.date)) return joined;
  const date = { ...(joined.date as Document) };
  delete date.circa;
  return { ...joined, date };
}

/** Where documents in the old shape sit: string tags, or string ranks. */
const OLD_SHAPE = (column: string) =>
  `(jsonb_path_exists(${column}, '$.tags[*] ? (@.type() == "string")') OR jsonb_path_exists(${column}, '$.people[*].rank ? (@.type() == "string")'))`;
/** Where documents in the new shape sit: label tags or ranks, or an approximate date. */
const NEW_SHAPE = (column: string) =>
  `(jsonb_path_exists(${column}, '$.tags[*] ? (@.type() == "object")') OR jsonb_path_exists(${column}, '$.people[*].rank ? (@.type() == "object")') OR jsonb_path_exists(${column}, '$.date.circa'))`;

/** Every place a whole item or memorial document is kept: the record's draft and live copies, and every revision. */
const PLACES = [
  { table: 'items', columns: ['content', 'live_content'], where: 'true' },
  { table: 'memorials', columns: ['content', 'live_content'], where: 'true' },
  { table: 'content_revisions', columns: ['content'], where: `r."record_type" IN ('item', 'memorial')` },
];

const BATCH = 500;

interface Row {
  id: string;
  default_language: string;
  languages: string[];
  [column: string]: unknown;
}

/**
 * Rewrites, a batch of rows at a time (by id), every document of `PLACES`
 * that `selects` finds, with `convert`. Rows the conversion left as they
 * were are never picked again, so running it twice changes nothing.
 */
async function rewrite(
  queryRunner: QueryRunner,
  selects: (column: string) => string,
  convert: (doc: Document, country: LabelCountry) => Document,
): Promise<void> {
  for (const { table, columns, where } of PLACES) {
    const select = columns.map((column) => `r."${column}"`).join(', ');
    const matches = columns.map((column) => selects(`r."${column}"`)).join(' OR ');
    const set = columns.map((column) => `"${column}" = v."${column}"`).join(', ');
    const types = columns.map((column) => `"${column}" jsonb`).join(', ');
    for (let after = '00000000-0000-0000-0000-000000000000'; ; ) {
      const rows: Row[] = await queryRunner.query(
        `SELECT r."id", ${select}, c."default_language", c."languages"
           FROM "${table}" r JOIN "countries" c ON c."id" = r."country_id"
          WHERE r."id" > $1 AND ${where} AND (${matches})
          ORDER BY r."id" LIMIT ${BATCH}`,
        [after],
      );
      if (rows.length === 0) break;
      const values = rows.map((row) => {
        const country = { defaultLanguage: row.default_language, languages: row.languages };
        const converted: Record<string, unknown> = { id: row.id };
        for (const column of columns) converted[column] = row[column] ? convert(row[column] as Document, country) : row[column];
        return converted;
      });
      await queryRunner.query(
        `UPDATE "${table}" t SET ${set} FROM jsonb_to_recordset($1::jsonb) AS v("id" uuid, ${types}) WHERE t."id" = v."id"`,
        [JSON.stringify(values)],
      );
      after = rows[rows.length - 1].id;
    }
  }
}

/**
 * Visitor-facing short texts per language: an item's or memorial's tags and
 * a named person's rank were one string each, and become `{ <lang>: text }`
 * (the language read from the script; see labelLanguage). Search rows are
 * dropped, so the API builds them again at start (reindexIfEmpty) with every
 * language's tags and the people's ranks.
 */
export class LocalizedLabels1764250000000 implements MigrationInterface {
  name = 'LocalizedLabels1764250000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await rewrite(queryRunner, OLD_SHAPE, localizeLabels);
    await queryRunner.query(`DELETE FROM "search_documents"`);
  }

  /** Each tag and rank keeps one language's text (the country's default, else Russian, else any); approximate dates lose `circa`. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await rewrite(queryRunner, NEW_SHAPE, joinLabels);
    await queryRunner.query(`DELETE FROM "search_documents"`);
  }
}
