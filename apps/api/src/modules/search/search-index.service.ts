import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RECORD_KINDS, type RecordType } from '@vitrina/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG } from '../../infra/config/config.module';
import type { AppConfig } from '../../infra/config/config.schema';
import type { ContentRecordEntity } from '../content/content-record.entity';
import { isPersonPublic } from '../content/person-views';
import type { PersonContent } from '../content/kinds/person.entity';
import { SearchIndexRepository } from './search-index.repository';
import { type HitMemorial, type RecordMedia, type SearchSource, searchSources } from './search-text';

interface IndexedRecord {
  id: string;
  countryId: string;
  publishedAt: Date | null;
}

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
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async index(tx: EntityManager, type: RecordType, record: ContentRecordEntity<object>, document: Record<string, unknown>): Promise<void> {
    await this.documents.deleteRecord(tx, record.id);
    const media = await this.documents.mediaOf(tx, record.countryId, record.mediaIds);
    await this.documents.insert(tx, await this.sources(tx, type, [{ record, document, media }]));
    if (type === 'memorial') await this.indexPeopleOf(tx, record.id);
  }

  /**
   * The rows of live records of one type. A person the privacy of the living
   * hides has none; a person's row names their first linked live memorial.
   */
  private async sources(tx: EntityManager, type: RecordType, records: { record: IndexedRecord; document: Record<string, unknown>; media: RecordMedia }[]): Promise<SearchSource[]> {
    if (type !== 'person') return records.flatMap(({ record, document, media }) => searchSources(type, record, document, media));
    const years = this.config.people.livingPrivacyYears;
    const shown = records.filter(({ document }) => isPersonPublic(document as unknown as PersonContent, years));
    const rows: SearchSource[] = [];
    for (const { record, document, media } of shown) {
      const links = ((document as unknown as PersonContent).memorials ?? []).map((link) => link.memorialId);
      const memorials = await this.documents.liveMemorials(tx, record.countryId, links);
      const first: HitMemorial | null = links.map((id) => memorials.get(id)).find(Boolean) ?? null;
      rows.push(...searchSources(type, record, document, media, first));
    }
    return rows;
  }

  /** A record leaves search; the hits of people linked to it (if it was a memorial) name it no more. */
  async remove(tx: EntityManager, recordId: string): Promise<void> {
    await this.documents.deleteRecord(tx, recordId);
    await this.indexPeopleOf(tx, recordId);
  }

  /**
   * The rows of the live people linked to a memorial, made again: their hits
   * show its title, condition and place as live now (or the next memorial
   * they are linked to, once it is no longer live).
   */
  private async indexPeopleOf(tx: EntityManager, memorialId: string): Promise<void> {
    const people = await this.documents.livePeopleOf(tx, memorialId);
    if (people.length === 0) return;
    for (const person of people) await this.documents.deleteRecord(tx, person.id);
    const records = people.map((row) => ({ record: { id: row.id, countryId: row.country_id, publishedAt: row.published_at }, document: row.live_content, media: row.media }));
    await this.documents.insert(tx, await this.sources(tx, 'person', records));
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
          const records = rows.map((row) => ({ record: { id: row.id, countryId: row.country_id, publishedAt: row.published_at }, document: row.live_content, media: row.media }));
          await this.documents.insert(tx, await this.sources(tx, type, records));
          count += rows.length;
          if (rows.length < REINDEX_BATCH) break;
          after = rows[rows.length - 1].id;
        }
      }
    });
    if (count > 0) this.logger.log(`indexed ${count} live records for search`);
  }
}
