import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RECORD_KINDS, type RecordType } from '@vitrina/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { ContentRecordEntity } from '../content/content-record.entity';
import { SearchIndexRepository } from './search-index.repository';
import { searchSources } from './search-text';

/** Live records read at a time when the index is built from scratch. */
const REINDEX_BATCH = 500;
const FIRST_UUID = '00000000-0000-0000-0000-000000000000';

/**
 * Keeps `search_documents` equal to what is live: a record's rows are
 * replaced when a revision goes live and removed when it stops being live,
 * inside the transaction of that decision.
 */
@Injectable()
export class SearchIndex {
  private readonly logger = new Logger(SearchIndex.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly documents: SearchIndexRepository,
  ) {}

  async index(tx: EntityManager, type: RecordType, record: ContentRecordEntity<object>, document: Record<string, unknown>): Promise<void> {
    await this.remove(tx, record.id);
    const media = await this.documents.mediaOf(tx, record.countryId, record.mediaIds);
    await this.documents.insert(tx, searchSources(type, record, document, media));
  }

  async remove(tx: EntityManager, recordId: string): Promise<void> {
    await this.documents.deleteRecord(tx, recordId);
  }

  /**
   * Builds the index from every live record when it is empty (after the
   * migration, after seeding), in one transaction so a crash leaves it empty
   * rather than half-built, reading the records by keyset a batch at a time
   * so a large museum is never held in memory at once.
   */
  async reindexIfEmpty(): Promise<void> {
    if (await this.documents.isIndexed()) return;
    let count = 0;
    await this.db.transaction(async (tx) => {
      for (const { type, collection } of Object.values(RECORD_KINDS)) {
        let after = FIRST_UUID;
        for (;;) {
          const rows = await this.documents.liveBatch(tx, collection, after, REINDEX_BATCH);
          await this.documents.insert(tx, rows.flatMap((row) => searchSources(type, { id: row.id, countryId: row.country_id, publishedAt: row.published_at }, row.live_content, row.media)));
          count += rows.length;
          if (rows.length < REINDEX_BATCH) break;
          after = rows[rows.length - 1].id;
        }
      }
    });
    if (count > 0) this.logger.log(`indexed ${count} live records for search`);
  }
}
