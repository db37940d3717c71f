import { BadRequestException, Injectable } from '@nestjs/common';
import {
  type Collection,
  type ContentLanguage,
  type LocalizedText,
  type MediaTexts,
  type PublicMedia,
  RECORD_KINDS,
  type SearchHit,
  type SearchQuery,
  type SearchResults,
  type Suggestion,
  type SuggestQuery,
  resolveText,
} from '@vitrina/contracts';
import { withApprovedTexts } from '../content/media-texts';
import { presentAsset } from '../content/media-views';
import { Reader } from '../content/public-views';
import { readerLanguage } from '../../infra/http/reader-language';
import { CountriesService } from '../countries/countries.service';
import type { CountryEntity } from '../countries/country.entity';
import { type Cursor, type HitRow, runSearch } from './search-plan';
import { SUGGEST_PREFIX_BELOW, SUGGESTIONS } from './search-query';
import { SearchRepository, type SuggestRow } from './search.repository';

/** The URL segment of a hit: its kind's collection (a person's page is at `people`). */
const segmentOf = (type: SearchHit['type']): Collection => RECORD_KINDS[type].collection;
const BIGINT_MAX = 9223372036854775807n;
/** What a picture shows of its texts when its record's live revision approved none. */
const NO_TEXTS: MediaTexts = { alt: {}, caption: {}, credit: {}, rights: null, transcript: {}, captionLanguages: [], captionVersions: {} };

const isRowId = (value: unknown): value is string => typeof value === 'string' && /^\d{1,19}$/.test(value) && BigInt(value) <= BIGINT_MAX;

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/** A cursor this server made, or a 400: its ids go to PostgreSQL as bigints, its key as a float. */
function decodeCursor(raw: string | undefined): Cursor | undefined {
  if (!raw) return undefined;
  let cursor: Partial<Cursor> | null = null;
  try {
    cursor = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<Cursor>;
  } catch {
    // not JSON: a cursor the server did not make
  }
  const { after, window } = cursor ?? {};
  const afterOk = after === undefined || (typeof after === 'object' && after !== null && typeof after.key === 'number' && Number.isFinite(after.key) && isRowId(after.id));
  const windowOk = window === undefined || (typeof window === 'object' && window !== null && isRowId(window.lo) && isRowId(window.hi) && BigInt(window.lo) <= BigInt(window.hi));
  if (cursor && typeof cursor.names === 'boolean' && afterOk && windowOk) return { names: cursor.names, after, window };
  throw new BadRequestException('Invalid cursor');
}

/** Search over what is published, in the reader's language, with facets. */
@Injectable()
export class SearchService {
  constructor(
    private readonly documents: SearchRepository,
    private readonly countries: CountriesService,
  ) {}

  async search(query: SearchQuery, acceptLanguage?: string): Promise<SearchResults> {
    const all = await this.countries.listEntities();
    const bySlug = new Map(all.map((country) => [country.slug, country]));
    const byId = new Map(all.map((country) => [country.id, country]));
    const countryIds = query.country?.map((slug) => bySlug.get(slug)?.id ?? '00000000-0000-0000-0000-000000000000');
    const lang = readerLanguage(query.lang, acceptLanguage, 'ru');
    const found = await runSearch(this.documents, query, countryIds, lang, decodeCursor(query.cursor));
    const images = await this.images(found.hits, byId, lang);
    return {
      items: found.hits.map((hit) => ({ ...this.present(hit, byId.get(hit.country_id), lang), image: images.get(hit.id) ?? null })),
      total: found.total,
      estimated: found.estimated,
      approximate: found.approximate,
      facets: { ...found.facets, country: found.facets.country.map((value) => ({ ...value, value: byId.get(value.value)?.slug ?? value.value })) },
      estimatedFacets: found.estimatedFacets,
      next: found.next ? encodeCursor(found.next) : null,
    };
  }

  /** Titles and names starting with, or close to, what was typed: by known words' prefixes when it is too short for trigrams. */
  async suggest(query: SuggestQuery, acceptLanguage?: string): Promise<Suggestion[]> {
    const lang = readerLanguage(query.lang, acceptLanguage, 'ru');
    const all = await this.countries.listEntities();
    const country = query.country ? all.find((c) => c.slug === query.country) : undefined;
    if (query.country && !country) return [];
    const short = [...query.q].length < SUGGEST_PREFIX_BELOW && !/\s/.test(query.q);
    const rows = short ? await this.suggestByPrefix(query.q, country?.id) : await this.documents.suggestSimilar(query.q, country?.id);
    const countries = new Map(all.map((c) => [c.id, c]));
    return rows.map((row) => {
      const hit = this.present({ ...row, kind: null, condition: null, lat: null, lng: null, year: null, snippet: null }, countries.get(row.country_id), lang);
      return { text: hit.person?.name ?? hit.title?.text ?? hit.slug, type: hit.type, url: `/${hit.country}/${segmentOf(hit.type)}/${hit.slug}` };
    });
  }

  /** Rows naming the shortest known words that start with `prefix`, the shortest word's first, until there are enough. */
  private async suggestByPrefix(prefix: string, countryId: string | undefined): Promise<SuggestRow[]> {
    const rows: SuggestRow[] = [];
    for (const word of await this.documents.wordsStartingWith(prefix)) {
      const found = await this.documents.suggestNaming(word, countryId, SUGGESTIONS - rows.length);
      rows.push(...found.filter((row) => !rows.some((known) => known.id === row.id)));
      if (rows.length >= SUGGESTIONS) break;
    }
    return rows;
  }

  /**
   * The pictures of a page's hits, those whose derivatives are ready, keyed by
   * hit, each with the texts its record's live revision approved (never the
   * studio's current ones). Alt text is left out: the picture sits beside the
   * hit's linked title and says nothing more.
   */
  private async images(hits: HitRow[], countries: Map<string, CountryEntity>, lang: ContentLanguage): Promise<Map<string, PublicMedia>> {
    const pictured = hits.filter((hit) => hit.image_id);
    if (pictured.length === 0) return new Map();
    const ids = [...new Set(pictured.map((hit) => hit.image_id!))];
    const [assets, approved] = await Promise.all([
      this.documents.readyAssets(ids),
      this.approvedTexts(pictured),
    ]);
    const byId = new Map(assets.map((asset) => [asset.id, asset]));
    return new Map(
      pictured.flatMap((hit) => {
        const asset = byId.get(hit.image_id!);
        const country = asset && countries.get(asset.countryId);
        if (!asset || !country) return [];
        const shown = withApprovedTexts(new Map([[asset.id, asset]]), { [asset.id]: approved.get(hit.id) ?? NO_TEXTS }).get(asset.id)!;
        return [[hit.id, { ...presentAsset(new Reader(lang, country), shown), alt: null }] as const];
      }),
    );
  }

  /** For each hit, the texts its record's live revision approved for the hit's picture. */
  private async approvedTexts(hits: HitRow[]): Promise<Map<string, MediaTexts>> {
    const rows = await this.documents.approvedTexts(hits);
    return new Map(rows.flatMap((row) => (row.texts ? [[row.id, row.texts] as const] : [])));
  }

  private present(row: Omit<HitRow, 'key' | 'image_id'>, country: CountryEntity | undefined, lang: ContentLanguage): Omit<SearchHit, 'image'> {
    return {
      type: row.record_type,
      id: row.record_id,
      country: country?.slug ?? '',
      slug: row.slug,
      title: resolveText(row.title as LocalizedText, lang, country?.defaultLanguage ?? 'ru'),
      person: row.person ?? null,
      kind: row.kind ?? null,
      condition: row.condition ?? null,
      location: row.lat !== null && row.lat !== undefined && row.lng !== null ? { lat: row.lat, lng: row.lng! } : null,
      year: row.year ?? null,
      snippet: row.snippet ?? null,
    };
  }
}
