import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Collection } from '@vitrina/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { FILTER_COMBINATION } from './search-query';
import { type HitMemorial, type RecordMedia, STEMMED, type SearchSource } from './search-text';

const BATCH = 400;
const COLUMNS = [
  'record_type', 'record_id', 'person_index', 'country_id', 'slug', 'kind', 'title', 'person', 'body', 'names',
  'decades', 'year', 'condition', 'has_media', 'image_id', 'lat', 'lng', 'published_at', 'name_keys', 'name_fuzzy_keys',
  'place_keys', 'person_card',
];
/** The tsvector of one row from its six text parameters (see `textsForVector`). */
const VECTOR = (p: (n: number) => string) =>
  `setweight(to_tsvector('russian', ${p(0)}), 'A') || setweight(to_tsvector('english', ${p(1)}), 'A') || setweight(to_tsvector('simple', ${p(2)}), 'A')` +
  ` || setweight(to_tsvector('russian', ${p(3)}), 'B') || setweight(to_tsvector('english', ${p(4)}), 'B') || setweight(to_tsvector('simple', ${p(5)}), 'B')`;

/** Titles count above bodies; Russian and English are stemmed, the rest (and names) indexed as written. */
function textsForVector(row: SearchSource): string[] {
  const title = row.recordType === 'person' ? {} : row.title;
  const otherBodies = Object.entries(row.body).filter(([lang]) => !STEMMED[lang]).map(([, text]) => text);
  return [title.ru?.text ?? '', title.en?.text ?? '', row.names, row.body.ru ?? '', row.body.en ?? '', otherBodies.join(' ')];
}

function valuesOf(row: SearchSource): unknown[] {
  return [
    row.recordType, row.recordId, row.personIndex, row.countryId, row.slug, row.kind, JSON.stringify(row.title),
    row.person ? JSON.stringify(row.person) : null, JSON.stringify(row.body), row.names, row.decades, row.year,
    row.condition, row.hasMedia, row.imageId, row.lat, row.lng, row.publishedAt, row.nameKeys, row.nameFuzzyKeys,
    row.placeKeys, row.personCard ? JSON.stringify(row.personCard) : null,
  ];
}

/**
 * A record's files as search keeps them, from its country id ($1) and its
 * live media ids in order ($2): whether any is ready or still being made
 * (publishing waits for every file to be ready, so this differs from "ready"
 * only for seeded records whose files are still processing; a failed or
 * missing file never counts, nor one a moderator withdrew), and its first such image, which a hit shows
 * once it is ready (see SearchService).
 */
const MEDIA_OF_RECORD = (country: string, ids: string) => `
  SELECT count(*) > 0 AS "hasMedia",
         (array_agg(m.id ORDER BY array_position(${ids}::uuid[], m.id)) FILTER (WHERE m.kind = 'image'))[1] AS "imageId"
    FROM media_assets m
   WHERE m.country_id = ${country} AND m.id = ANY(${ids}::uuid[]) AND m.status IN ('ready', 'processing')
     AND m.withdrawn_at IS NULL`;

/** A live record as the index is built from it. */
export interface LiveRow {
  id: string;
  country_id: string;
  published_at: Date;
  live_content: Record<string, unknown>;
  media: RecordMedia;
}

/**
 * The search index's data access: `search_documents` and `search_words`
 * written inside the caller's transaction, and the live records (with their
 * files) the index is built from.
 */
@Injectable()
export class SearchIndexRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Whether the index holds any row. */
  async isIndexed(): Promise<boolean> {
    const [{ indexed }] = await this.db.query(`SELECT EXISTS (SELECT 1 FROM search_documents) AS indexed`);
    return indexed;
  }

  /** The files of a record of the country with these live media ids, as search keeps them. */
  async mediaOf(tx: EntityManager, countryId: string, mediaIds: string[]): Promise<RecordMedia> {
    const [media] = (await tx.query(MEDIA_OF_RECORD('$1', '$2'), [countryId, mediaIds])) as RecordMedia[];
    return media;
  }

  async deleteRecord(tx: EntityManager, recordId: string): Promise<void> {
    await tx.query(`DELETE FROM search_documents WHERE record_id = $1`, [recordId]);
  }

  /**
   * The live memorials among `ids`, of the country, as a person's hit shows
   * them (slug, title, place, latest condition), by id.
   */
  async liveMemorials(tx: EntityManager, countryId: string, ids: string[]): Promise<Map<string, HitMemorial>> {
    if (ids.length === 0) return new Map();
    const rows: HitMemorial[] = await tx.query(
      `SELECT m.id, m.live_slug AS slug, m.live_content->'title' AS title, m.live_content->'address' AS place,
              (m.live_content->'location'->>'lat')::float8 AS lat, (m.live_content->'location'->>'lng')::float8 AS lng,
              (SELECT s->>'condition' FROM jsonb_array_elements(m.live_content->'conditionSurveys') AS s ORDER BY s->>'date' DESC LIMIT 1) AS condition
         FROM memorials m WHERE m.country_id = $1 AND m.id = ANY($2::uuid[]) AND m.live_revision IS NOT NULL`,
      [countryId, [...new Set(ids)]],
    );
    return new Map(rows.map((memorial) => [memorial.id, memorial]));
  }

  /** At most `limit` live records of a table after `after`, in id order, with their files. */
  liveBatch(tx: EntityManager, table: Collection, after: string, limit: number): Promise<LiveRow[]> {
    return tx.query(
      `SELECT r.id, r.country_id, r.published_at, r.live_content, row_to_json(media) AS media
         FROM ${table} r CROSS JOIN LATERAL (${MEDIA_OF_RECORD('r.country_id', 'r.live_media_ids')}) media
        WHERE r.live_revision IS NOT NULL AND r.id > $1::uuid
        ORDER BY r.id LIMIT ${limit}`,
      [after],
    );
  }

  /** The live people whose live revision links them to this memorial, with their files (ix_people_live_memorials). */
  livePeopleOf(tx: EntityManager, memorialId: string): Promise<LiveRow[]> {
    return tx.query(
      `SELECT r.id, r.country_id, r.published_at, r.live_content, row_to_json(media) AS media
         FROM people r CROSS JOIN LATERAL (${MEDIA_OF_RECORD('r.country_id', 'r.live_media_ids')}) media
        WHERE r.live_revision IS NOT NULL AND r.live_content->'memorials' @> $1::jsonb`,
      [JSON.stringify([{ memorialId }])],
    );
  }

  /** Inserts the rows, a batch per statement, and remembers the words of their names. */
  async insert(tx: EntityManager, rows: SearchSource[]): Promise<void> {
    if (rows.length === 0) return;
    const width = COLUMNS.length + 6;
    for (let start = 0; start < rows.length; start += BATCH) {
      const batch = rows.slice(start, start + BATCH);
      const params: unknown[] = [];
      const tuples = batch.map((row, index) => {
        params.push(...valuesOf(row), ...textsForVector(row));
        const at = (n: number) => `$${index * width + n + 1}`;
        const plainColumns = COLUMNS.map((_, n) => at(n));
        return `(${plainColumns.join(', ')}, ${VECTOR((n) => at(COLUMNS.length + n))})`;
      });
      await tx.query(`INSERT INTO search_documents (${COLUMNS.join(', ')}, tsv) VALUES ${tuples.join(', ')}`, params);
    }
    await this.rememberWords(tx, rows.map((row) => row.names));
  }

  /**
   * Folds the rows the triggers appended to `search_filter_counts` into one
   * per combination, dropping combinations that sum to nothing; returns how
   * many rows there were and are. Rows appended meanwhile by transactions this
   * one cannot see are neither deleted nor counted, so every sum stays right.
   */
  async compactFilterCounts(): Promise<{ before: number; after: number }> {
    const [row] = await this.db.query(
      `WITH gone AS (DELETE FROM search_filter_counts RETURNING ${FILTER_COMBINATION}, rows),
            kept AS (INSERT INTO search_filter_counts (${FILTER_COMBINATION}, rows)
                     SELECT ${FILTER_COMBINATION}, sum(rows) FROM gone GROUP BY ${FILTER_COMBINATION} HAVING sum(rows) <> 0 RETURNING 1)
       SELECT (SELECT count(*) FROM gone)::int AS before, (SELECT count(*) FROM kept)::int AS after`,
    );
    return row;
  }

  /** Adds the words of these names to `search_words`; in order, so concurrent approvals cannot deadlock on them. */
  private async rememberWords(tx: EntityManager, names: string[]): Promise<void> {
    if (names.length === 0) return;
    await tx.query(
      `INSERT INTO search_words (word)
       SELECT DISTINCT w FROM unnest($1::text[]) AS n, unnest(tsvector_to_array(to_tsvector('simple', n))) AS w
        ORDER BY w
       ON CONFLICT (word) DO NOTHING`,
      [names],
    );
  }
}
