import type {
  Collection,
  ContentLanguage,
  DateRange,
  ExhibitionDocument,
  ItemDocument,
  LocalizedLabel,
  LocalizedText,
  MemorialDocument,
  PersonDate,
  PersonDocument,
  PersonSource,
} from '@vitrina/contracts';
import { plainTextOf } from '../../infra/html/rich-text';
import type { ExportRecordRow } from './export.repository';

/** What a spreadsheet cell holds: text, a number, yes/no, or nothing. */
export type Cell = string | number | boolean | null;

/** The records a page of records points to, by id, resolved to their current slugs. */
export interface References {
  items: Map<string, string>;
  memorials: Map<string, string>;
}

/** One record of a page, with its document typed and what it points to resolved. */
export interface ExportRecord<D> {
  row: ExportRecordRow;
  doc: D;
  refs: References;
}

export interface ExportColumn<D> {
  /** The column's name in the header row: snake_case, a language suffix for texts (`title_ru`). */
  header: string;
  cell(record: ExportRecord<D>): Cell;
}

/** How one collection becomes a sheet: its columns for a country's languages, and the records a document points to. */
export interface ExportSheet<D> {
  columns(languages: readonly ContentLanguage[]): ExportColumn<D>[];
  /** Ids of items and memorials the document names, resolved to slugs a page at a time. */
  references(doc: D): { items: string[]; memorials: string[] };
}

/** Short lists in one cell (tags, slugs, awards). */
const LIST = '; ';
/** Lists of longer entries (sources, inscriptions, events): one a line, as a cell in a spreadsheet shows them wrapped. */
const LINES = '\n';

const column = <D>(header: string, cell: (record: ExportRecord<D>) => Cell): ExportColumn<D> => ({ header, cell });
const joined = (values: (string | undefined | null)[], separator: string): string | null => {
  const kept = values.filter((value): value is string => typeof value === 'string' && value !== '');
  return kept.length > 0 ? kept.join(separator) : null;
};
const snake = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** A text in each of the country's languages, a column each (`title_ru`, `title_en`, …); rich text as its plain text. */
function texts<D>(name: string, pick: (doc: D) => LocalizedText | undefined, languages: readonly ContentLanguage[], rich = false): ExportColumn<D>[] {
  return languages.map((lang) =>
    column<D>(`${name}_${lang}`, ({ doc }) => {
      const text = pick(doc)?.[lang]?.text;
      if (text === undefined) return null;
      return rich ? plainTextOf(text) : text;
    }),
  );
}

/** A label (a rank, a tag) per language, each a column. */
function labels<D>(name: string, pick: (doc: D) => LocalizedLabel | undefined, languages: readonly ContentLanguage[]): ExportColumn<D>[] {
  return languages.map((lang) => column<D>(`${name}_${lang}`, ({ doc }) => pick(doc)?.[lang] ?? null));
}

/** Every text of the document whose translation is a machine draft, by column name (`title_en`) or path (`sections.2.title_en`). */
export function machineDrafts(document: unknown, path: string[] = []): string[] {
  if (!document || typeof document !== 'object') return [];
  if (Array.isArray(document)) return document.flatMap((entry, index) => machineDrafts(entry, [...path, String(index + 1)]));
  const entries = Object.entries(document as Record<string, unknown>);
  const found: string[] = [];
  for (const [key, value] of entries) {
    if (value && typeof value === 'object' && !Array.isArray(value) && (value as { status?: unknown }).status === 'machine' && typeof (value as { text?: unknown }).text === 'string') {
      // `key` is a language of the language map at `path`.
      found.push(`${path.map(snake).join('.')}_${key}`);
    } else {
      found.push(...machineDrafts(value, [...path, key]));
    }
  }
  return found;
}

/** Columns every collection starts with: what a later import matches rows by, and where each record stands. */
function recordColumns<D>(): ExportColumn<D>[] {
  return [
    column('id', ({ row }) => row.id),
    column('slug', ({ row }) => row.slug),
    column('status', ({ row }) => row.status),
    column('live', ({ row }) => row.liveRevision !== null),
    column('live_revision', ({ row }) => row.liveRevision),
    column('revision', ({ row }) => row.version),
    column('published_at', ({ row }) => row.publishedAt?.toISOString() ?? null),
    column('created_at', ({ row }) => row.createdAt.toISOString()),
    column('updated_at', ({ row }) => row.updatedAt.toISOString()),
  ];
}

/** Columns every collection ends with. */
function trailingColumns<D>(): ExportColumn<D>[] {
  return [column('machine_translated', ({ doc }) => joined(machineDrafts(doc), LIST))];
}

const mediaIds = (media: { assetId: string }[] | undefined) => joined((media ?? []).map((ref) => ref.assetId), LIST);
const slugsOf = (ids: string[], slugs: Map<string, string>) => joined(ids.map((id) => slugs.get(id)), LIST);

type Heritage = Omit<ItemDocument, 'slug' | 'kind' | 'location'> & { location?: { lat: number; lng: number } };

/** The descriptive fields items and memorials share (`heritageFields` in the contracts). */
function heritageColumns<D extends Heritage>(languages: readonly ContentLanguage[]): ExportColumn<D>[] {
  return [
    column('kind', ({ row }) => row.kind),
    ...texts<D>('title', (doc) => doc.title, languages),
    ...texts<D>('description', (doc) => doc.description, languages),
    ...texts<D>('creator', (doc) => doc.creator, languages),
    column('date_earliest', ({ doc }) => doc.date?.earliest ?? null),
    column('date_latest', ({ doc }) => doc.date?.latest ?? null),
    column('date_circa', ({ doc }) => circa(doc.date)),
    ...texts<D>('date_display', (doc) => doc.date?.display, languages),
    ...texts<D>('place', (doc) => doc.place, languages),
    ...texts<D>('materials', (doc) => doc.materials, languages),
    column('dimensions', ({ doc }) => doc.dimensions ?? null),
    ...texts<D>('provenance', (doc) => doc.provenance, languages),
    ...texts<D>('credit_line', (doc) => doc.creditLine, languages),
    column('rights', ({ doc }) => doc.rights ?? null),
    column('inventory_number', ({ doc }) => doc.inventoryNumber ?? null),
    ...languages.map((lang) => column<D>(`tags_${lang}`, ({ doc }) => joined((doc.tags ?? []).map((tag) => tag[lang]), LIST))),
    column('lat', ({ doc }) => doc.location?.lat ?? null),
    column('lng', ({ doc }) => doc.location?.lng ?? null),
  ];
}

const circa = (date: DateRange | PersonDate | undefined): boolean | null => (date ? (date.circa ?? false) : null);

type ItemContent = Omit<ItemDocument, 'slug' | 'kind'>;
type MemorialContent = Omit<MemorialDocument, 'slug' | 'kind'>;
type ExhibitionContent = Omit<ExhibitionDocument, 'slug'>;
type PersonContent = Omit<PersonDocument, 'slug'>;

const items: ExportSheet<ItemContent> = {
  columns: (languages) => [
    ...recordColumns<ItemContent>(),
    ...heritageColumns<ItemContent>(languages),
    column('media', ({ doc }) => mediaIds(doc.media)),
    ...trailingColumns<ItemContent>(),
  ],
  references: () => ({ items: [], memorials: [] }),
};

/** The latest condition survey (by date; the last listed of equal dates). */
function latestSurvey(doc: MemorialContent) {
  return (doc.conditionSurveys ?? []).reduce<MemorialContent['conditionSurveys'][number] | undefined>(
    (latest, survey) => (!latest || survey.date >= latest.date ? survey : latest),
    undefined,
  );
}

const memorials: ExportSheet<MemorialContent> = {
  columns: (languages) => [
    ...recordColumns<MemorialContent>(),
    ...heritageColumns<MemorialContent>(languages),
    ...texts<MemorialContent>('address', (doc) => doc.address, languages),
    column('unveiling_date', ({ doc }) => doc.unveilingDate ?? null),
    column('inscriptions', ({ doc }) =>
      joined((doc.inscriptions ?? []).map((inscription) => (inscription.originalLanguage ? `[${inscription.originalLanguage}] ${inscription.original}` : inscription.original)), LINES),
    ),
    column('condition', ({ doc }) => latestSurvey(doc)?.condition ?? null),
    column('condition_date', ({ doc }) => latestSurvey(doc)?.date ?? null),
    column('events', ({ doc }) => joined((doc.events ?? []).map((event) => [event.date, event.type, event.actor].filter(Boolean).join(' ')), LINES)),
    column('media', ({ doc }) => mediaIds([...(doc.media ?? []), ...(doc.events ?? []).flatMap((event) => event.media ?? [])])),
    ...trailingColumns<MemorialContent>(),
  ],
  references: () => ({ items: [], memorials: [] }),
};

/** The items, memorials and files an exhibition's blocks show, in the order of the story, each once. */
function exhibitionParts(doc: ExhibitionContent): { items: string[]; memorials: string[]; media: string[] } {
  const items: string[] = doc.coverItemId ? [doc.coverItemId] : [];
  const memorials: string[] = [];
  const media: string[] = doc.coverMediaId ? [doc.coverMediaId] : [];
  for (const block of (doc.sections ?? []).flatMap((section) => section.blocks)) {
    if (block.type === 'item') items.push(block.itemId);
    if (block.type === 'gallery') items.push(...block.itemIds);
    if (block.type === 'map') {
      items.push(...block.itemIds);
      memorials.push(...block.memorialIds);
    }
    if (block.type === 'media') media.push(...block.assetIds);
  }
  return { items: [...new Set(items)], memorials: [...new Set(memorials)], media: [...new Set(media)] };
}

const exhibitions: ExportSheet<ExhibitionContent> = {
  columns: (languages) => [
    ...recordColumns<ExhibitionContent>(),
    ...texts<ExhibitionContent>('title', (doc) => doc.title, languages),
    ...texts<ExhibitionContent>('summary', (doc) => doc.summary, languages, true),
    column('cover_item', ({ doc, refs }) => (doc.coverItemId ? (refs.items.get(doc.coverItemId) ?? null) : null)),
    column('cover_media', ({ doc }) => doc.coverMediaId ?? null),
    column('sections', ({ doc }) => (doc.sections ?? []).length),
    ...languages.map((lang) =>
      column<ExhibitionContent>(`section_titles_${lang}`, ({ doc }) => joined((doc.sections ?? []).map((section) => section.title?.[lang]?.text), LINES)),
    ),
    column('items', ({ doc, refs }) => slugsOf(exhibitionParts(doc).items, refs.items)),
    column('memorials', ({ doc, refs }) => slugsOf(exhibitionParts(doc).memorials, refs.memorials)),
    column('media', ({ doc }) => joined(exhibitionParts(doc).media, LIST)),
    ...trailingColumns<ExhibitionContent>(),
  ],
  references: (doc) => {
    const { items, memorials } = exhibitionParts(doc);
    return { items, memorials };
  },
};

/** An archival reference as a reader cites it: "Донесение…, ЦАМО, fond 58, opis 18001, delo 123, sheet 4, https://…". */
function sourceLine(source: PersonSource): string {
  const parts = [
    source.title,
    source.archive,
    source.fond && `fond ${source.fond}`,
    source.opis && `opis ${source.opis}`,
    source.delo && `delo ${source.delo}`,
    source.sheet && `sheet ${source.sheet}`,
    source.url,
  ];
  return parts.filter(Boolean).join(', ');
}

const people: ExportSheet<PersonContent> = {
  columns: (languages) => [
    ...recordColumns<PersonContent>(),
    column('name', ({ doc }) => doc.name),
    column('surname', ({ doc }) => doc.surname ?? null),
    column('given_name', ({ doc }) => doc.givenName ?? null),
    column('patronymic', ({ doc }) => doc.patronymic ?? null),
    column('variants', ({ doc }) => joined(doc.variants ?? [], LIST)),
    ...texts<PersonContent>('title', (doc) => doc.title, languages),
    column('birth_date', ({ doc }) => doc.birth?.date ?? null),
    column('birth_circa', ({ doc }) => circa(doc.birth)),
    column('death_date', ({ doc }) => doc.death?.date ?? null),
    column('death_circa', ({ doc }) => circa(doc.death)),
    ...texts<PersonContent>('place_of_birth', (doc) => doc.placeOfBirth, languages),
    ...texts<PersonContent>('place_of_conscription', (doc) => doc.placeOfConscription, languages),
    ...labels<PersonContent>('rank', (doc) => doc.rank, languages),
    column('unit', ({ doc }) => doc.unit ?? null),
    column('fate', ({ doc }) => doc.fate ?? null),
    column('memorials', ({ doc, refs }) => slugsOf((doc.memorials ?? []).map((link) => link.memorialId), refs.memorials)),
    column('memorial_roles', ({ doc, refs }) =>
      joined(
        (doc.memorials ?? []).map((link) => {
          const slug = refs.memorials.get(link.memorialId);
          return slug ? `${slug}: ${link.role}${link.plot ? `, ${link.plot}` : ''}` : null;
        }),
        LINES,
      ),
    ),
    ...texts<PersonContent>('burial_place', (doc) => doc.burialPlace, languages),
    column('awards', ({ doc }) => joined(doc.awards ?? [], LIST)),
    column('sources', ({ doc }) => joined((doc.sources ?? []).map(sourceLine), LINES)),
    column('identifiers', ({ doc }) => joined((doc.sources ?? []).flatMap((source) => (source.identifiers ?? []).map((identifier) => `${identifier.scheme}:${identifier.id}`)), LIST)),
    column('living_consent', ({ doc }) => doc.livingConsent ?? false),
    ...texts<PersonContent>('biography', (doc) => doc.biography, languages, true),
    column('media', ({ doc }) => mediaIds(doc.media)),
    ...trailingColumns<PersonContent>(),
  ],
  references: (doc) => ({ items: [], memorials: (doc.memorials ?? []).map((link) => link.memorialId) }),
};

/** A sheet with its document type erased, so the four can sit in one table. */
export type AnySheet = ExportSheet<Record<string, unknown>>;

/**
 * Each collection's sheet. The stored content is the document the studio validated with the kind's schema
 * when it was saved, so reading it as the kind's type is what the studio itself does.
 */
export const EXPORT_SHEETS: Record<Collection, AnySheet> = {
  items: items as unknown as AnySheet,
  memorials: memorials as unknown as AnySheet,
  exhibitions: exhibitions as unknown as AnySheet,
  people: people as unknown as AnySheet,
};
