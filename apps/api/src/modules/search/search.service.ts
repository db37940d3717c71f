import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type ContentLanguage,
  type LocalizedText,
  type MediaTexts,
  type PublicMedia,
  type SearchHit,
  type SearchQuery,
  type SearchResults,
  type Suggestion,
  type SuggestQuery,
  resolveText,
} from '@vitrina/contracts';
import { type DataSource, In } from 'typeorm';
import { withApprovedTexts } from '../content/media-texts';
import { presentAsset } from '../content/media-views';
import { Reader } from '../content/public-views';
import { readerLanguage } from '../content/reader-language';
import { CountriesService } from '../countries/countries.service';
import type { CountryEntity } from '../countries/country.entity';
import { MediaAssetEntity } from '../media/media-asset.entity';
import { type Cursor, type HitRow, type SqlRunner, runSearch } from './search-plan';
import { SUGGEST_PREFIX_BELOW, SUGGEST_SIMILARITY, SUGGESTIONS, buildPrefixWordsSql, buildWordSuggestSql } from './search-query';

type SuggestRow = Pick<HitRow, 'id' | 'record_id' | 'record_type' | 'country_id' | 'slug' | 'title' | 'person'>;

const SEGMENT: Record<SearchHit['type'], string> = { item: 'items', memorial: 'memorials', exhibition: 'exhibitions', person: 'memorials' };
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
  private readonly runner: SqlRunner;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly countries: CountriesService,
  ) {
    this.runner = { query: (sql, params, settings) => this.query(sql, params, settings) };
  }

  async search(query: SearchQuery, acceptLanguage?: string): Promise<SearchResults> {
    const all = await this.countries.listEntities();
    const bySlug = new Map(all.map((country) => [country.slug, country]));
    const byId = new Map(all.map((country) => [country.id, country]));
    const countryIds = query.country?.map((slug) => bySlug.get(slug)?.id ?? '00000000-0000-0000-0000-000000000000');
    const lang = readerLanguage(query.lang, acceptLanguage, 'ru');
    const found = await runSearch(this.runner, query, countryIds, lang, decodeCursor(query.cursor));
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
    const rows = short
      ? await this.suggestByPrefix(query.q, country?.id)
      : ((await this.query(
          `SELECT d.id, d.record_id, d.record_type, d.country_id, d.slug, d.title, d.person, word_similarity($1, d.names) AS key
             FROM search_documents d
            WHERE $1 <% d.names ${country ? 'AND d.country_id = $2' : ''}
            ORDER BY key DESC, d.id LIMIT ${SUGGESTIONS}`,
          country ? [query.q, country.id] : [query.q],
          { 'pg_trgm.word_similarity_threshold': SUGGEST_SIMILARITY },
        )) as SuggestRow[]);
    const countries = new Map(all.map((c) => [c.id, c]));
    return rows.map((row) => {
      const hit = this.present({ ...row, kind: null, condition: null, lat: null, lng: null, year: null, snippet: null }, countries.get(row.country_id), lang);
      return { text: hit.person?.name ?? hit.title?.text ?? hit.slug, type: hit.type, url: `/${hit.country}/${SEGMENT[hit.type]}/${hit.slug}` };
    });
  }

  /** Rows naming the shortest known words that start with `prefix`, the shortest word's first, until there are enough. */
  private async suggestByPrefix(prefix: string, countryId: string | undefined): Promise<SuggestRow[]> {
    const words = buildPrefixWordsSql(prefix);
    const rows: SuggestRow[] = [];
    for (const { word } of (await this.query(words.sql, words.params)) as { word: string }[]) {
      const named = buildWordSuggestSql(word, countryId, SUGGESTIONS - rows.length);
      const found = (await this.query(named.sql, named.params)) as SuggestRow[];
      rows.push(...found.filter((row) => !rows.some((known) => known.id === row.id)));
      if (rows.length >= SUGGESTIONS) break;
    }
    return rows;
  }

  /** Runs a statement; with settings (pg_trgm thresholds), inside a transaction that sets them first. */
  private query(sql: string, params: unknown[], settings?: Record<string, string | number>): Promise<Record<string, unknown>[]> {
    if (!settings) return this.db.query(sql, params);
    return this.db.transaction(async (tx) => {
      for (const [name, value] of Object.entries(settings)) await tx.query(`SELECT set_config($1, $2, true)`, [name, String(value)]);
      return tx.query(sql, params);
    });
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
      this.db.getRepository(MediaAssetEntity).findBy({ id: In(ids), status: 'ready' }),
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
    const rows: { id: string; texts: MediaTexts | null }[] = await this.db.query(
      `SELECT h.id, coalesce(i.live_media_texts, m.live_media_texts, e.live_media_texts) -> h.image_id::text AS texts
         FROM unnest($1::text[], $2::uuid[], $3::uuid[]) AS h(id, record_id, image_id)
         LEFT JOIN items i ON i.id = h.record_id LEFT JOIN memorials m ON m.id = h.record_id LEFT JOIN exhibitions e ON e.id = h.record_id`,
      [hits.map((hit) => hit.id), hits.map((hit) => hit.record_id), hits.map((hit) => hit.image_id)],
    );
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
