import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type ContentLanguage,
  type FacetValue,
  type LocalizedText,
  type SearchHit,
  type SearchQuery,
  type SearchResults,
  type Suggestion,
  type SuggestQuery,
  resolveText,
} from '@vitrina/contracts';
import type { DataSource } from 'typeorm';
import { readerLanguage } from '../content/reader-language';
import { CountriesService } from '../countries/countries.service';
import type { CountryEntity } from '../countries/country.entity';
import { type Cursor, MATCH_CAP, type SimilarWord, NAME_FALLBACK_BELOW, NAME_SIMILARITY, SIMILAR_WORDS_SQL, SUGGEST_SIMILARITY, buildEstimateSql, buildSearchSql } from './search-query';

interface HitRow {
  id: string;
  record_id: string;
  key: number;
  record_type: SearchHit['type'];
  country_id: string;
  slug: string;
  kind: string | null;
  title: LocalizedText;
  person: SearchHit['person'];
  condition: string | null;
  lat: number | null;
  lng: number | null;
  year: number | null;
  snippet: string | null;
}

type FacetName = keyof SearchResults['facets'];
type ResultRow = { total: number; hits: HitRow[] } & Record<FacetName, FacetValue[]>;

const SEGMENT: Record<SearchHit['type'], string> = { item: 'items', memorial: 'memorials', exhibition: 'exhibitions', person: 'memorials' };

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(raw: string | undefined): Cursor | undefined {
  if (!raw) return undefined;
  try {
    const cursor = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor;
    if (typeof cursor.key === 'number' && Number.isFinite(cursor.key) && /^\d{1,19}$/.test(String(cursor.id)) && typeof cursor.names === 'boolean') {
      return cursor;
    }
  } catch {
    // fall through: a cursor the server did not make
  }
  throw new BadRequestException('Invalid cursor');
}

/** Search over what is published, in the reader's language, with facets. */
@Injectable()
export class SearchService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly countries: CountriesService,
  ) {}

  async search(query: SearchQuery, acceptLanguage?: string): Promise<SearchResults> {
    const all = await this.countries.listEntities();
    const bySlug = new Map(all.map((country) => [country.slug, country]));
    const byId = new Map(all.map((country) => [country.id, country]));
    const countryIds = query.country?.map((slug) => bySlug.get(slug)?.id ?? '00000000-0000-0000-0000-000000000000');
    const lang = readerLanguage(query.lang, acceptLanguage, 'ru');
    const cursor = decodeCursor(query.cursor);
    const run = async (similarWords: SimilarWord[]) => {
      const { sql, params } = buildSearchSql(query, countryIds, lang, cursor, similarWords);
      const [result] = (await this.db.query(sql, params)) as ResultRow[];
      return result;
    };
    // Words first; the known words closest to them only when words find little (a typo, a transliteration).
    let similarWords = cursor?.names ? await this.similarWords(query.q) : [];
    let row = await run(similarWords);
    if (!cursor && row.total < NAME_FALLBACK_BELOW) {
      similarWords = await this.similarWords(query.q);
      if (similarWords.length > 0) row = await run(similarWords);
    }
    const withNames = similarWords.length > 0;
    const capped = row.total >= MATCH_CAP;
    const total = capped ? await this.estimate(query, countryIds) : row.total;
    const scale = capped ? total / row.total : 1;
    const facet = (values: FacetValue[]) => values.map((value) => ({ value: value.value, count: Math.round(value.count * scale) }));
    const hits = row.hits.slice(0, query.limit);
    const last = hits[hits.length - 1];
    return {
      items: hits.map((hit) => this.present(hit, byId.get(hit.country_id), lang)),
      total,
      estimated: capped,
      facets: {
        country: facet(row.country).map((value) => ({ ...value, value: byId.get(value.value)?.slug ?? value.value })),
        type: facet(row.type),
        kind: facet(row.kind),
        decade: facet(row.decade),
        condition: facet(row.condition),
        hasMedia: facet(row.hasMedia),
      },
      next: row.hits.length > query.limit && last ? encodeCursor({ key: last.key, id: last.id, names: withNames }) : null,
    };
  }

  /** Titles and names starting with, or close to, what was typed. */
  async suggest(query: SuggestQuery, acceptLanguage?: string): Promise<Suggestion[]> {
    const lang = readerLanguage(query.lang, acceptLanguage, 'ru');
    const all = await this.countries.listEntities();
    const country = query.country ? all.find((c) => c.slug === query.country) : undefined;
    const rows: HitRow[] = await this.withTrigramThreshold(
      'word_similarity_threshold',
      SUGGEST_SIMILARITY,
      `SELECT d.id, d.record_id, d.record_type, d.country_id, d.slug, d.title, d.person, word_similarity($1, d.names) AS key
         FROM search_documents d
        WHERE $1 <% d.names ${country ? 'AND d.country_id = $2' : ''}
        ORDER BY key DESC, d.id LIMIT 8`,
      country ? [query.q, country.id] : [query.q],
    );
    const countries = new Map(all.map((c) => [c.id, c]));
    return rows.map((row) => {
      const hit = this.present(row, countries.get(row.country_id), lang);
      return { text: hit.person?.name ?? hit.title?.text ?? hit.slug, type: hit.type, url: `/${hit.country}/${SEGMENT[hit.type]}/${hit.slug}` };
    });
  }

  /** The known words a misspelt or transliterated query probably meant. */
  private similarWords(q: string): Promise<SimilarWord[]> {
    return this.withTrigramThreshold<SimilarWord[]>('similarity_threshold', NAME_SIMILARITY, SIMILAR_WORDS_SQL, [q]);
  }

  /** Runs a trigram statement with the threshold it was written for. */
  private withTrigramThreshold<T>(setting: 'similarity_threshold' | 'word_similarity_threshold', value: number, sql: string, params: unknown[]): Promise<T> {
    return this.db.transaction(async (tx) => {
      await tx.query(`SET LOCAL pg_trgm.${setting} = ${Number(value)}`);
      return tx.query(sql, params) as Promise<T>;
    });
  }

  private async estimate(query: SearchQuery, countryIds: string[] | undefined): Promise<number> {
    const { sql, params } = buildEstimateSql(query, countryIds);
    const [row] = await this.db.query(sql, params);
    const plan = (row['QUERY PLAN'] as { Plan: { 'Plan Rows': number } }[])[0].Plan;
    return Math.max(MATCH_CAP, Math.round(plan['Plan Rows']));
  }

  private present(row: HitRow, country: CountryEntity | undefined, lang: ContentLanguage): SearchHit {
    return {
      type: row.record_type,
      id: row.record_id,
      country: country?.slug ?? '',
      slug: row.slug,
      title: resolveText(row.title, lang, country?.defaultLanguage ?? 'ru'),
      person: row.person ?? null,
      kind: row.kind ?? null,
      condition: row.condition ?? null,
      location: row.lat !== null && row.lat !== undefined && row.lng !== null ? { lat: row.lat, lng: row.lng! } : null,
      year: row.year ?? null,
      snippet: row.snippet ?? null,
    };
  }
}
