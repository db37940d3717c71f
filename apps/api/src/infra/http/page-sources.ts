import { COLLECTION_NAMES } from '@vitrina/contracts';
/**
 * What a public page was made of, as tags: each record and media file it
 * read (by id, whether or not it was found live, so one that goes live later
 * refreshes the page too) and each country whose lists it shows. A change
 * notified by the database names the tags it touches (changedTags).
 */
export class PageSources {
  private readonly tags = new Set<string>();

  records(ids: Iterable<string>): this {
    for (const id of ids) this.tags.add(recordTag(id));
    return this;
  }

  assets(ids: Iterable<string>): this {
    for (const id of ids) this.tags.add(assetTag(id));
    return this;
  }

  /** The page lists a country's records (which change whenever any of them does). */
  listsOf(countryId: string): this {
    this.tags.add(listTag(countryId));
    return this;
  }

  get all(): string[] {
    return [...this.tags];
  }
}

const recordTag = (id: string) => `record ${id}`;
const assetTag = (id: string) => `asset ${id}`;
const listTag = (countryId: string) => `lists ${countryId}`;

/** Each kind's table is named by its collection segment. */
const RECORD_TABLES = new Set<string>(COLLECTION_NAMES);

/**
 * The tags a notification of `vitrina_public_changes` touches: for a record's
 * row (`<table> <id> <country id>`) the record and its country's lists, for
 * a media file's row the file. Null means everything may have changed: a
 * country (every page shows one), a TRUNCATE, or a payload of another form.
 */
export function changedTags(payload: string): string[] | null {
  const [table, id, countryId, extra] = payload.split(' ');
  if (!id || !countryId || extra !== undefined) return null;
  if (RECORD_TABLES.has(table)) return [recordTag(id), listTag(countryId)];
  if (table === 'media_assets') return [assetTag(id)];
  return null;
}

const SOURCES = new WeakMap<object, PageSources>();

/** The sources of the page a request is building (one per request, made on first use). */
export function pageSources(request: object): PageSources {
  let sources = SOURCES.get(request);
  if (!sources) SOURCES.set(request, (sources = new PageSources()));
  return sources;
}

/** The sources recorded for a request's page, if any were. */
export function recordedSources(request: object): string[] {
  return SOURCES.get(request)?.all ?? [];
}
