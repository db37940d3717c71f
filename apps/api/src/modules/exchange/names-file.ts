import { createHash } from 'node:crypto';
import type { ContentLanguage, ImportIssue, PersonDocument } from '@vitrina/contracts';
import { IMPORT_NAMES_MAX_ROWS, personInputSchema } from '@vitrina/contracts';
import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';

/** What the report needs of a schema issue. */
interface ZodIssue {
  code: string;
  path: PropertyKey[];
  message: string;
}

/**
 * The names-on-a-memorial file (issue 15, first slice): its bytes decoded,
 * its CSV parsed, its columns named by header, each row made a person
 * document and validated with the shared person schema. Pure: no database.
 */

export type FileEncoding = 'utf-8' | 'windows-1251';

/**
 * The file as UTF-8 bytes: valid UTF-8 (with a BOM or none) as it is;
 * anything else read as Windows-1251, what Excel in a Russian locale saves
 * (Node's WHATWG TextDecoder), and encoded again as UTF-8.
 */
export function decodeNamesFile(bytes: Buffer): { utf8: Buffer; encoding: FileEncoding } {
  if (isUtf8(bytes)) return { utf8: bytes, encoding: 'utf-8' };
  return { utf8: Buffer.from(new TextDecoder('windows-1251').decode(bytes), 'utf8'), encoding: 'windows-1251' };
}

/** A refusal of the whole file (400, or 413 for too many rows), with the message key and what it names. */
export class NamesFileError extends Error {
  constructor(
    readonly key: string,
    readonly detail: Record<string, unknown>,
    readonly status: 400 | 413 = 400,
  ) {
    super(key);
  }
}

/** Columns of one value, matching the people export's headers; `birth`/`death` are accepted for `birth_date`/`death_date`. */
const FIXED_COLUMNS = [
  'external_id',
  'slug',
  'name',
  'surname',
  'given_name',
  'patronymic',
  'variants',
  'birth_date',
  'birth_circa',
  'death_date',
  'death_circa',
  'unit',
  'fate',
  'role',
  'plot',
  'awards',
] as const;
const ALIASES: Record<string, string> = { birth: 'birth_date', death: 'death_date' };
/** Columns with one column per language of the country: `title_ru`, `rank_en`… */
const TEXT_COLUMNS = ['title', 'rank', 'place_of_birth', 'place_of_conscription', 'burial_place'] as const;

/** Every header the file may have for a country of these languages. */
export function namesColumns(languages: readonly string[]): string[] {
  return [...FIXED_COLUMNS, ...Object.keys(ALIASES), ...TEXT_COLUMNS.flatMap((name) => languages.map((lang) => `${name}_${lang}`))];
}

/** A list in one cell, as the export writes it. */
const LIST = /\s*;\s*/;
/** A cell a spreadsheet would run as a formula. */
const FORMULA = /^[=+@]/;
/** The export's escape of such a cell (`'=…`): the quote is dropped and the text kept as text. */
const ESCAPED_FORMULA = /^'[=+\-@]/;

export interface NamesRow {
  /** The line of the record in the file (the header is 1). */
  line: number;
  externalId: string | null;
  /** The slug the file gives, if any (a new person otherwise gets one made from the name). */
  slug: string | null;
  document: Omit<PersonDocument, 'slug'> & { slug?: string };
}

export interface NamesContext {
  memorialId: string;
  languages: readonly ContentLanguage[];
  defaultLanguage: ContentLanguage;
}

/** The delimiter of the header line: Excel in many locales saves `;`. */
function delimiterOf(utf8: Buffer): string {
  const end = utf8.indexOf(0x0a);
  const header = utf8.subarray(0, end === -1 ? utf8.length : end).toString('utf8');
  return header.includes(';') && !header.includes(',') ? ';' : ',';
}

/** Bytes the parser is given at a time: it parses a whole piece at once, so a small piece keeps few records in flight. */
const PIECE = 64 * 1024;

function* pieces(utf8: Buffer): Generator<Buffer> {
  for (let start = 0; start < utf8.length; start += PIECE) yield utf8.subarray(start, start + PIECE);
}

/**
 * The file's records one at a time (its header first), as the CSV parser
 * streams them from the bytes a piece at a time: a file of any size is never
 * held as rows (a multi-byte letter cut between pieces is joined again by the parser).
 */
export async function* namesRecords(utf8: Buffer): AsyncGenerator<string[]> {
  const parser = Readable.from(pieces(utf8)).pipe(parse({ bom: true, delimiter: delimiterOf(utf8), relax_column_count: true, skip_empty_lines: true, trim: false }));
  try {
    for await (const record of parser) yield record as string[];
  } catch (error) {
    throw new NamesFileError('import.malformed_csv', { reason: (error as Error).message });
  }
}

/** One row's outcome: the person it describes, or what is wrong with it. */
export interface RowOutcome {
  row: NamesRow | null;
  issues: ImportIssue[];
}

/** The file's header, checked, and how each later row becomes a validated person document. */
export class NamesReader {
  /** The document fields the file's columns fill: what a re-import by `external_id` overwrites (the rest is kept). */
  readonly fields: Set<string>;
  private readonly columns: string[];
  private readonly canonical: string[];

  constructor(
    header: string[] | undefined,
    private readonly context: NamesContext,
  ) {
    if (!header) throw new NamesFileError('import.empty_file', {});
    const known = new Set(namesColumns(context.languages));
    this.columns = header.map((cell) => cell.trim().toLowerCase());
    const unknown = this.columns.filter((name) => !known.has(name));
    if (unknown.length > 0) throw new NamesFileError('import.unknown_column', { columns: unknown, known: [...known] });
    this.canonical = this.columns.map((name) => ALIASES[name] ?? name);
    const twice = this.canonical.filter((name, index) => this.canonical.indexOf(name) !== index);
    if (twice.length > 0) throw new NamesFileError('import.duplicate_column', { columns: twice });
    if (!this.canonical.some((name) => ['name', 'surname', 'given_name'].includes(name))) throw new NamesFileError('import.missing_column', { columns: ['name'] });
    this.fields = new Set(this.canonical.flatMap((name) => FIELD_OF_COLUMN[name.replace(/_[a-z]{2}$/, '')] ?? []));
  }

  /** The `index`-th data row (its line is index + 2: the header is line 1). */
  read(cells: string[], index: number): RowOutcome {
    const line = index + 2;
    if (index >= IMPORT_NAMES_MAX_ROWS) throw new NamesFileError('import.too_many_rows', { max: IMPORT_NAMES_MAX_ROWS }, 413);
    const issues: ImportIssue[] = [];
    const report = (row: number, column: string | null, message: string) => issues.push({ row, column, message });
    if (cells.length !== this.columns.length) {
      report(line, null, 'import.column_count');
      return { row: null, issues };
    }
    const values = new Map<string, string>();
    this.canonical.forEach((name, position) => {
      let value = cells[position].trim();
      if (ESCAPED_FORMULA.test(value)) value = value.slice(1);
      else if (FORMULA.test(value)) {
        report(line, this.columns[position], 'import.formula');
        return;
      }
      if (value !== '') values.set(name, value);
    });
    if (issues.length > 0) return { row: null, issues };
    const row = rowDocument(line, values, this.context, report);
    return { row: issues.length > 0 ? null : row, issues };
  }
}

/** Which document field a column (less any language suffix) fills. */
const FIELD_OF_COLUMN: Record<string, string[]> = {
  name: ['name'],
  surname: ['surname', 'name'],
  given_name: ['givenName', 'name'],
  patronymic: ['patronymic', 'name'],
  variants: ['variants'],
  birth_date: ['birth'],
  birth_circa: ['birth'],
  death_date: ['death'],
  death_circa: ['death'],
  unit: ['unit'],
  fate: ['fate'],
  awards: ['awards'],
  title: ['title'],
  rank: ['rank'],
  place_of_birth: ['placeOfBirth'],
  place_of_conscription: ['placeOfConscription'],
  burial_place: ['burialPlace'],
};

type Report = (line: number, column: string | null, message: string) => void;

const CIRCA = /^(?:c\.|ca\.|~|около|ок\.|circa)\s*/i;
const YES = new Set(['true', 'yes', '1', 'да']);
const NO = new Set(['false', 'no', '0', 'нет']);

/** A row's cells as a person document, validated; null (with issues reported) when it is not one. */
function rowDocument(line: number, values: Map<string, string>, context: NamesContext, report: Report): NamesRow | null {
  const get = (name: string) => values.get(name);
  const flag = (name: string): boolean | undefined => {
    const value = get(name)?.toLowerCase();
    if (value === undefined) return undefined;
    if (YES.has(value)) return true;
    if (NO.has(value)) return false;
    report(line, name, 'import.unknown_value');
    return undefined;
  };
  const date = (name: 'birth' | 'death') => {
    const raw = get(`${name}_date`);
    const circaFlag = flag(`${name}_circa`);
    if (raw === undefined) return undefined;
    const circa = CIRCA.test(raw) || circaFlag === true;
    return { date: raw.replace(CIRCA, ''), ...(circa ? { circa: true } : {}) };
  };
  const perLanguage = (name: string, asText: boolean) => {
    const entries = context.languages.flatMap((lang) => {
      const value = get(`${name}_${lang}`);
      return value === undefined ? [] : [[lang, asText ? { text: value, status: 'original' } : value] as const];
    });
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
  };
  const list = (name: string) => (get(name) ?? '').split(LIST).filter((entry) => entry !== '');

  const name = get('name') ?? [get('surname'), get('given_name'), get('patronymic')].filter(Boolean).join(' ');
  if (name === '') {
    report(line, 'name', 'import.required');
    return null;
  }
  const role = get('role') ?? 'commemorated';
  const plot = get('plot');
  const candidate = {
    slug: get('slug') ?? 'import-placeholder',
    name,
    title: perLanguage('title', true) ?? { [context.defaultLanguage]: { text: name, status: 'original' } },
    surname: get('surname'),
    givenName: get('given_name'),
    patronymic: get('patronymic'),
    variants: list('variants'),
    birth: date('birth'),
    death: date('death'),
    placeOfBirth: perLanguage('place_of_birth', true),
    placeOfConscription: perLanguage('place_of_conscription', true),
    rank: perLanguage('rank', false),
    unit: get('unit'),
    fate: get('fate'),
    burialPlace: perLanguage('burial_place', true),
    awards: list('awards'),
    memorials: [{ memorialId: context.memorialId, role, ...(plot ? { plot } : {}) }],
  };
  const parsed = personInputSchema.safeParse(JSON.parse(JSON.stringify(candidate)));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) report(line, columnOf(issue.path, context.defaultLanguage), messageOf(issue));
    return null;
  }
  const externalId = get('external_id') ?? null;
  if (externalId !== null && externalId.length > 200) {
    report(line, 'external_id', 'import.too_long');
    return null;
  }
  const { slug, ...document } = parsed.data;
  return { line, externalId, slug: get('slug') ? slug : null, document };
}

const FIELD_COLUMNS: Record<string, string> = {
  givenName: 'given_name',
  birth: 'birth_date',
  death: 'death_date',
  placeOfBirth: 'place_of_birth',
  placeOfConscription: 'place_of_conscription',
  burialPlace: 'burial_place',
};
const LANGUAGE_FIELDS = new Set(['title', 'rank', 'placeOfBirth', 'placeOfConscription', 'burialPlace']);

/** The column a schema issue is about (`title_ru` for `title.ru.text`, `role` for `memorials.0.role`). */
function columnOf(path: readonly PropertyKey[], defaultLanguage: string): string | null {
  const [field, next, third] = path.map(String);
  if (field === undefined) return null;
  if (field === 'memorials') return third === 'plot' ? 'plot' : 'role';
  const column = FIELD_COLUMNS[field] ?? field;
  if (LANGUAGE_FIELDS.has(field)) return `${column}_${next ?? defaultLanguage}`;
  return column;
}

/** The report's message key for a schema issue. */
function messageOf(issue: ZodIssue): string {
  const [field] = issue.path.map(String);
  if (issue.message === 'birth must not be after death') return 'import.birth_after_death';
  if ((field === 'birth' || field === 'death') && issue.code !== 'too_big') return 'import.invalid_date';
  switch (issue.code as string) {
    case 'too_big':
      return 'import.too_long';
    case 'too_small':
      return 'import.required';
    case 'invalid_value':
    case 'invalid_enum_value':
      return 'import.unknown_value';
    case 'invalid_format':
    case 'invalid_string':
      return 'import.invalid_format';
    default:
      return 'import.invalid';
  }
}

const LATIN: Record<string, string> = Object.fromEntries(
  [
    ...'а:a б:b в:v г:g д:d е:e ё:e ж:zh з:z и:i й:i к:k л:l м:m н:n о:o п:p р:r с:s т:t у:u ф:f х:kh ц:ts ч:ch ш:sh щ:shch ъ: ы:y ь: э:e ю:iu я:ia'.split(' '),
    ...'ә:a ғ:g қ:q ң:n ө:o ұ:u ү:u һ:h і:i'.split(' '),
  ].map((pair) => pair.split(':') as [string, string]),
);

/**
 * The slug of a new person: the name in Latin letters and a few characters
 * of a hash of what identifies the row (the memorial and the external id, or
 * the file's line and time), so a file of namesakes never collides.
 */
export function slugFor(name: string, seed: string): string {
  const latin = [...name.toLowerCase()].map((letter) => LATIN[letter] ?? letter).join('');
  const base = latin
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  const suffix = createHash('sha256').update(seed).digest('hex').slice(0, 8);
  return `${base.length >= 2 ? base : 'person'}-${suffix}`;
}
