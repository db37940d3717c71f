import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RecordType } from '@vitrina/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { ContentRecordEntity } from '../content/content-record.entity';
import { STEMMED, type SearchSource, searchSources } from './search-text';

const BATCH = 400;
const COLUMNS = [
  'record_type', 'record_id', 'person_index', 'country_id', 'slug', 'kind', 'title', 'person', 'body', 'names',
  'decades', 'year', 'condition', 'has_media', 'image_id', 'lat', 'lng', 'published_at',
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
    row.condition, row.hasMedia, row.imageId, row.lat, row.lng, row.publishedAt,
  ];
}

/**
 * Keeps `search_documents` equal to what is live: a record's rows are
 * replaced when a revision goes live and removed when it stops being live,
 * inside the transaction of that decision.
 */
@Injectable()
export class SearchIndex {
  private readonly logger = new Logger(SearchIndex.name);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async index(tx: EntityManager, type: RecordType, record: ContentRecordEntity<object>, document: Record<string, unknown>): Promise<void> {
    await this.remove(tx, record.id);
    const imageId = await this.firstImage(tx, record.countryId, record.mediaIds);
    await this.insert(tx, searchSources(type, record, document, imageId));
  }

  async remove(tx: EntityManager, recordId: string): Promise<void> {
    await tx.query(`DELETE FROM search_documents WHERE record_id = $1`, [recordId]);
  }

  /** Builds the index from every live record, when it is empty (after the migration, after seeding). */
  async reindexIfEmpty(): Promise<void> {
    const [{ indexed }] = await this.db.query(`SELECT EXISTS (SELECT 1 FROM search_documents) AS indexed`);
    if (indexed) return;
    let count = 0;
    for (const [type, table] of [['item', 'items'], ['memorial', 'memorials'], ['exhibition', 'exhibitions']] as const) {
      const rows: { id: string; country_id: string; live_media_ids: string[]; published_at: Date; live_content: Record<string, unknown> }[] =
        await this.db.query(`SELECT id, country_id, live_media_ids, published_at, live_content FROM ${table} WHERE live_revision IS NOT NULL`);
      await this.db.transaction(async (tx) => {
        for (const row of rows) {
          const record = { id: row.id, countryId: row.country_id, mediaIds: row.live_media_ids, publishedAt: row.published_at };
          await this.insert(tx, searchSources(type, record, row.live_content, await this.firstImage(tx, row.country_id, row.live_media_ids)));
        }
      });
      count += rows.length;
    }
    if (count > 0) this.logger.log(`indexed ${count} live records for search`);
  }

  private async firstImage(tx: EntityManager, countryId: string, mediaIds: string[]): Promise<string | null> {
    if (mediaIds.length === 0) return null;
    const rows: { id: string }[] = await tx.query(
      `SELECT id FROM media_assets WHERE country_id = $1 AND id = ANY($2::uuid[]) AND kind = 'image' AND status = 'ready'
        ORDER BY array_position($2::uuid[], id) LIMIT 1`,
      [countryId, mediaIds],
    );
    return rows[0]?.id ?? null;
  }

  private async insert(tx: EntityManager, rows: SearchSource[]): Promise<void> {
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
