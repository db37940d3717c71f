import { type LocalizedLabel, type LocalizedText, RECORD_KINDS, type RecordType, type SearchHit } from '@vitrina/contracts';
import { nameKeys, placeKeys } from '@vitrina/names';
import { plainTextOf as plain } from '../../infra/html/rich-text';

/** Languages PostgreSQL stems; every other language is indexed word for word (`simple`). */
export const STEMMED: Record<string, string> = { ru: 'russian', en: 'english' };

/** What one search row is built from; `tsv` is computed from these in SQL. */
export interface SearchSource {
  recordType: 'item' | 'memorial' | 'exhibition' | 'person';
  recordId: string;
  personIndex: number;
  countryId: string;
  slug: string;
  kind: string | null;
  title: LocalizedText;
  person: SearchHit['person'];
  body: Record<string, string>;
  names: string;
  decades: number[];
  year: number | null;
  condition: string | null;
  hasMedia: boolean;
  imageId: string | null;
  lat: number | null;
  lng: number | null;
  publishedAt: Date;
  /** A person's name keys (`@vitrina/names`): every spelling of every word of their names; empty for other records. */
  nameKeys: string[];
  /** The same with each key's deletion neighbours, for names misspelt by a letter. */
  nameFuzzyKeys: string[];
  /** The keys of a person's places (birth, conscription, burial, the memorial's place), gazetteer ids included. */
  placeKeys: string[];
  /** What a person's hit in the find-a-person search shows and filters by; null for other records. */
  personCard: PersonCard | null;
}

/** A person's search card (search_documents.person_card). */
export interface PersonCard {
  /** The display name per language. */
  title: LocalizedText;
  rank: LocalizedLabel | null;
  /** The rank's labels in every language, lower-case, for the rank filter. */
  rankLabels: string[];
  unit: string | null;
  fate: string;
  birthYear: number | null;
  deathYear: number | null;
  burialPlace: LocalizedText | null;
  memorial: { slug: string; title: LocalizedText; place: LocalizedText | null; plot: string | null } | null;
}

type Doc = Record<string, unknown>;
const texts = (map: unknown): [string, string][] =>
  Object.entries((map ?? {}) as LocalizedText).flatMap(([lang, entry]) => (entry?.text && entry.status !== 'machine' ? [[lang, entry.text]] : []));
/** Every language of a label (a tag, a rank); labels have no machine drafts. */
const labels = (map: LocalizedLabel | undefined): [string, string][] => Object.entries(map ?? {}).flatMap(([lang, text]) => (text ? [[lang, text]] : []));

/** Texts gathered per language, in order: `{ ru: 'a b', en: 'c' }`. */
function byLanguage(parts: [string, string][]): Record<string, string> {
  const body: Record<string, string> = {};
  for (const [lang, text] of parts) body[lang] = body[lang] ? `${body[lang]} ${text}` : text;
  return body;
}

/** Decades from `from` to `to` inclusive, capped so a wide range cannot explode. */
export function decadesBetween(from: number | null | undefined, to: number | null | undefined): number[] {
  if (from == null && to == null) return [];
  const start = Math.floor((from ?? to!) / 10) * 10;
  const end = Math.floor((to ?? from!) / 10) * 10;
  const decades: number[] = [];
  for (let decade = start; decade <= end && decades.length < 30; decade += 10) decades.push(decade);
  return decades;
}

/** A memorial's inscriptions: each in its original language, then its translations. */
function inscriptionTexts(doc: Doc): [string, string][] {
  const inscriptions = (doc.inscriptions ?? []) as { original: string; originalLanguage?: string; translations?: LocalizedText }[];
  return inscriptions.flatMap((inscription): [string, string][] => [[inscription.originalLanguage ?? 'und', inscription.original], ...texts(inscription.translations)]);
}

/** An exhibition's sections: their titles, and the plain text of their blocks. */
function sectionTexts(doc: Doc): [string, string][] {
  const parts: [string, string][] = [];
  for (const section of (doc.sections ?? []) as { title?: LocalizedText; blocks: Doc[] }[]) {
    parts.push(...texts(section.title));
    for (const block of section.blocks) {
      for (const key of ['body', 'text', 'caption', 'attribution']) parts.push(...texts(block[key]).map(([lang, text]): [string, string] => [lang, plain(text)]));
    }
  }
  return parts;
}

/** Every language's running text of a document: the kind's `searchText` keys (RECORD_KINDS), in order. */
function bodiesOf(type: RecordType, doc: Doc): Record<string, string> {
  const parts: [string, string][] = [];
  for (const key of RECORD_KINDS[type].searchText) {
    if (key === 'inscriptions') parts.push(...inscriptionTexts(doc));
    else if (key === 'sections') parts.push(...sectionTexts(doc));
    else parts.push(...texts(doc[key]));
  }
  for (const tag of (doc.tags ?? []) as LocalizedLabel[]) parts.push(...labels(tag));
  return byLanguage(parts);
}

/** The rank and unit of a person record, with their names what finds them. */
interface PersonDoc {
  name: string;
  variants?: string[];
  birth?: { date: string };
  death?: { date: string };
  rank?: LocalizedLabel;
  unit?: string;
  placeOfBirth?: LocalizedText;
  placeOfConscription?: LocalizedText;
  burialPlace?: LocalizedText;
  title?: LocalizedText;
  fate?: string;
  memorials?: { memorialId: string; plot?: string }[];
}

/** The live memorial a person hit names (their first linked one), as search shows it. */
export interface HitMemorial {
  id: string;
  slug: string;
  place: LocalizedText | null;
  title: LocalizedText;
  condition: string | null;
  lat: number | null;
  lng: number | null;
}

const yearOf = (date: { date: string } | undefined): number | null => (date ? Number(date.date.slice(0, 4)) : null);

/** What finds a person beside their names (DESIGN.md): their rank in every language, their unit, places and biography. */
function personBody(person: PersonDoc, doc: Doc): Record<string, string> {
  const parts = labels(person.rank);
  if (person.unit) parts.push(['und', person.unit]);
  const body = bodiesOf('person', doc);
  for (const [lang, text] of Object.entries(body)) parts.push([lang, lang === 'und' ? text : plain(text)]);
  return byLanguage(parts);
}

/**
 * A person record's one search row: it names the person's page (type
 * `person`, their slug) and, as `title`, the memorial they are linked to
 * first, whose condition and place the hit shows.
 */
function personSource(record: LiveRecord, doc: Doc, media: RecordMedia, memorial: HitMemorial | null): SearchSource {
  const person = doc as unknown as PersonDoc;
  const death = yearOf(person.death);
  const places = [...texts(person.placeOfBirth), ...texts(person.placeOfConscription), ...texts(person.burialPlace)].map(([, text]) => text);
  const spellings = [person.name, ...(person.variants ?? []), ...texts(person.title).map(([, text]) => text)];
  const everyPlace = [...places, ...texts(memorial?.place).map(([, text]) => text)];
  const plot = person.memorials?.find((link) => link.memorialId === memorial?.id)?.plot ?? null;
  return {
    recordType: 'person',
    recordId: record.id,
    personIndex: -1,
    countryId: record.countryId,
    slug: doc.slug as string,
    // The kind facet is of items and memorials; a person's fate is not one of their kinds.
    kind: null,
    title: memorial?.title ?? ((doc.title ?? {}) as LocalizedText),
    person: { name: person.name, variants: person.variants ?? [], birthYear: yearOf(person.birth), deathYear: death, memorialSlug: memorial?.slug ?? null },
    body: personBody(person, doc),
    names: [person.name, ...(person.variants ?? []), ...places].join(' '),
    decades: decadesBetween(death, death),
    year: death,
    condition: memorial?.condition ?? null,
    hasMedia: media.hasMedia,
    imageId: media.imageId,
    lat: memorial?.lat ?? null,
    lng: memorial?.lng ?? null,
    publishedAt: record.publishedAt ?? new Date(),
    nameKeys: [...new Set(spellings.flatMap((spelling) => nameKeys(spelling)))],
    nameFuzzyKeys: [...new Set(spellings.flatMap((spelling) => nameKeys(spelling, { fuzzy: true })))],
    placeKeys: [...new Set(everyPlace.flatMap((place) => placeKeys(place)))],
    personCard: {
      title: person.title ?? {},
      rank: person.rank ?? null,
      rankLabels: [...new Set(labels(person.rank).map(([, text]) => text.toLowerCase()))],
      unit: person.unit ?? null,
      fate: person.fate ?? 'unknown',
      birthYear: yearOf(person.birth),
      deathYear: death,
      burialPlace: person.burialPlace ?? null,
      memorial: memorial ? { slug: memorial.slug, title: memorial.title, place: memorial.place, plot } : null,
    },
  };
}

interface LiveRecord {
  id: string;
  countryId: string;
  publishedAt: Date | null;
}

/** What search keeps of a record's files (see `MEDIA_OF_RECORD` in search-index.repository.ts). */
export interface RecordMedia {
  hasMedia: boolean;
  imageId: string | null;
}

/** The row a live record puts into search; a person's names the memorial `memorial` (see personSource). */
export function searchSources(type: RecordType, record: LiveRecord, doc: Doc, media: RecordMedia, memorial: HitMemorial | null = null): SearchSource[] {
  if (type === 'person') return [personSource(record, doc, media, memorial)];
  const date = (doc.date ?? {}) as { earliest?: number; latest?: number };
  const location = (doc.location ?? null) as { lat: number; lng: number } | null;
  const surveys = [...((doc.conditionSurveys ?? []) as { date: string; condition: string }[])].sort((a, b) => b.date.localeCompare(a.date));
  const unveiled = typeof doc.unveilingDate === 'string' ? Number(doc.unveilingDate.slice(0, 4)) : null;
  const year = date.earliest ?? unveiled ?? date.latest ?? null;
  const base = {
    recordId: record.id,
    countryId: record.countryId,
    slug: doc.slug as string,
    title: (doc.title ?? {}) as LocalizedText,
    condition: surveys[0]?.condition ?? null,
    hasMedia: media.hasMedia,
    imageId: media.imageId,
    lat: location?.lat ?? null,
    lng: location?.lng ?? null,
    publishedAt: record.publishedAt ?? new Date(),
  };
  const titles = texts(doc.title).map(([, text]) => text);
  const places = texts(doc.place).map(([, text]) => text);
  const rows: SearchSource[] = [
    {
      ...base,
      recordType: type,
      personIndex: -1,
      kind: (doc.kind as string | undefined) ?? (type === 'exhibition' ? 'exhibition' : null),
      person: null,
      body: bodiesOf(type, doc),
      names: [...titles, ...places].join(' '),
      decades: decadesBetween(date.earliest ?? unveiled, date.latest ?? unveiled),
      year,
      nameKeys: [],
      nameFuzzyKeys: [],
      placeKeys: [],
      personCard: null,
    },
  ];
  return rows;
}
