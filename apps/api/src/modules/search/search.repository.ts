import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type MediaTexts, RECORD_KINDS } from '@vitrina/contracts';
import { type DataSource, In } from 'typeorm';
import { MediaAssetEntity } from '../media/media-asset.entity';
import type { HitRow, SqlRunner } from './search-plan';
import { SUGGEST_SIMILARITY, SUGGESTIONS, buildPrefixWordsSql, buildWordSuggestSql } from './search-query';

/** A suggestion's row: what a hit shows of a document, besides its facets. */
export type SuggestRow = Pick<HitRow, 'id' | 'record_id' | 'record_type' | 'country_id' | 'slug' | 'title' | 'person'>;

/**
 * Search's reads: it runs the statements `search-plan.ts` and
 * `search-query.ts` build (as their SqlRunner), the suggestions' queries,
 * and reads what a page of hits shows of their pictures.
 */
@Injectable()
export class SearchRepository implements SqlRunner {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Runs a statement; with settings (pg_trgm thresholds), inside a transaction that sets them first. */
  query(sql: string, params: unknown[], settings?: Record<string, string | number>): Promise<Record<string, unknown>[]> {
    if (!settings) return this.db.query(sql, params);
    const entries = Object.entries(settings);
    const set = `SELECT ${entries.map((_, i) => `set_config($${2 * i + 1}, $${2 * i + 2}, true)`).join(', ')}`;
    return this.db.transaction(async (tx) => {
      await tx.query(set, entries.flatMap(([name, value]) => [name, String(value)]));
      return tx.query(sql, params);
    });
  }

  /** The documents whose names come closest to `q`, of one country when given, best first. */
  async suggestSimilar(q: string, countryId: string | undefined): Promise<SuggestRow[]> {
    return (await this.query(
      `SELECT d.id, d.record_id, d.record_type, d.country_id, d.slug, d.title, d.person, word_similarity($1, d.names) AS key
             FROM search_documents d
            WHERE $1 <% d.names ${countryId ? 'AND d.country_id = $2' : ''}
            ORDER BY key DESC, d.id LIMIT ${SUGGESTIONS}`,
      countryId ? [q, countryId] : [q],
      { 'pg_trgm.word_similarity_threshold': SUGGEST_SIMILARITY },
    )) as SuggestRow[];
  }

  /** The known words starting with `prefix`, the shortest first. */
  async wordsStartingWith(prefix: string): Promise<string[]> {
    const words = buildPrefixWordsSql(prefix);
    return ((await this.query(words.sql, words.params)) as { word: string }[]).map((row) => row.word);
  }

  /** At most `limit` documents naming `word`, of one country when given. */
  async suggestNaming(word: string, countryId: string | undefined, limit: number): Promise<SuggestRow[]> {
    const named = buildWordSuggestSql(word, countryId, limit);
    return (await this.query(named.sql, named.params)) as SuggestRow[];
  }

  /** Those of the assets that are ready. */
  readyAssets(ids: string[]): Promise<MediaAssetEntity[]> {
    return this.db.getRepository(MediaAssetEntity).findBy({ id: In(ids), status: 'ready' });
  }

  /** For each hit, the texts its record's live revision approved for the hit's picture; none when it approved none. */
  async approvedTexts(hits: Pick<HitRow, 'id' | 'record_id' | 'image_id'>[]): Promise<{ id: string; texts: MediaTexts | null }[]> {
    const tables = Object.values(RECORD_KINDS).map((kind, n) => ({ alias: `r${n}`, table: kind.collection }));
    return this.db.query(
      `SELECT h.id, coalesce(${tables.map(({ alias }) => `${alias}.live_media_texts`).join(', ')}) -> h.image_id::text AS texts
         FROM unnest($1::text[], $2::uuid[], $3::uuid[]) AS h(id, record_id, image_id)
         ${tables.map(({ alias, table }) => `LEFT JOIN ${table} ${alias} ON ${alias}.id = h.record_id`).join(' ')}`,
      [hits.map((hit) => hit.id), hits.map((hit) => hit.record_id), hits.map((hit) => hit.image_id)],
    );
  }
}
