import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Collection } from '@vitrina/contracts';
import type { DataSource } from 'typeorm';
import { APP_CONFIG } from '../../infra/config/config.module';
import type { AppConfig } from '../../infra/config/config.schema';
import { personBornBy, personPublicSql } from '../content/person-views';
import { PUBLISHED_AT_SQL } from '../content/published-cursor';

/** A record's header as harvesters see it: live, or deleted (left the live side, or hidden by the privacy of the living). */
export interface OaiHeaderRow {
  collection: Collection;
  id: string;
  countrySlug: string;
  /** When it was approved, or left: UTC to the microsecond, the list's order. */
  stamp: string;
  deleted: boolean;
}

export interface OaiListFilter {
  collections: readonly Collection[];
  countryId?: string;
  from?: string;
  until?: string;
  after: { stamp: string; collection: Collection; id: string } | null;
  /** One record only (GetRecord, ListMetadataFormats). */
  id?: string;
}


/**
 * Every record harvesters may know of, live or deleted, in one order:
 * datestamp, collection, id. Each table's branch is filtered and cut to the
 * page before they are merged, so a page reads about as many rows as it gives.
 */
@Injectable()
export class OaiRecordsRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async page(filter: OaiListFilter, limit: number): Promise<OaiHeaderRow[]> {
    const params: unknown[] = [limit];
    const param = (value: unknown) => `$${params.push(value)}`;
    const conditions = (stamp: string, collection: string, id: string, country: string) => {
      const where: string[] = [];
      if (filter.id) where.push(`${id} = ${param(filter.id)}::uuid`);
      if (filter.countryId) where.push(`${country} = ${param(filter.countryId)}::uuid`);
      if (filter.from) where.push(`${stamp} >= ${param(filter.from)}::timestamptz`);
      if (filter.until) where.push(`${stamp} <= ${param(filter.until)}::timestamptz`);
      if (filter.after) {
        where.push(`(${stamp}, ${collection}, ${id}) > (${param(filter.after.stamp)}::timestamptz, ${param(filter.after.collection)}::text, ${param(filter.after.id)}::uuid)`);
      }
      return where.map((condition) => ` AND ${condition}`).join('');
    };
    const branches = filter.collections.map((collection) => {
      // A live person privacy hides is told as deleted: harvesters that had them drop them.
      const deleted = collection === 'people' ? `NOT ${personPublicSql(`${param(personBornBy(this.config.people.livingPrivacyYears))}::int`, 'r')}` : 'false';
      return `(SELECT '${collection}'::text AS collection, r.id, r.country_id, r.published_at AS stamp, ${deleted} AS deleted
                 FROM "${collection}" r WHERE r.live_revision IS NOT NULL AND r.published_at IS NOT NULL
                 ${conditions('r.published_at', `'${collection}'::text`, 'r.id', 'r.country_id')}
                ORDER BY r.published_at, r.id LIMIT $1)`;
    });
    branches.push(
      `(SELECT t.collection, t.record_id, t.country_id, t.removed_at, true FROM record_tombstones t
         WHERE t.collection = ANY(${param(filter.collections)}::text[]) ${conditions('t.removed_at', 't.collection', 't.record_id', 't.country_id')}
         ORDER BY t.removed_at, t.collection, t.record_id LIMIT $1)`,
    );
    // The collection names come from a closed list (METADATA_FORMATS, the set's kind), never from the request's text.
    return this.db.query(
      `SELECT x.collection, x.id, c.slug AS "countrySlug", ${PUBLISHED_AT_SQL('x.stamp')} AS stamp, x.deleted
         FROM (${branches.join(' UNION ALL ')}) x JOIN countries c ON c.id = x.country_id
        ORDER BY x.stamp, x.collection, x.id LIMIT $1`,
      params,
    );
  }

  /** One record's header, live or deleted; null when harvesters were never told of it. */
  async one(collection: Collection, id: string): Promise<OaiHeaderRow | null> {
    const [row] = await this.page({ collections: [collection], after: null, id }, 1);
    return row ?? null;
  }

  /** The datestamp of the oldest record harvesters may know of, or null when there is none. */
  async earliestStamp(): Promise<string | null> {
    const [row]: { stamp: string | null }[] = await this.db.query(
      `SELECT ${PUBLISHED_AT_SQL('min(x.stamp)')} AS stamp FROM (
         SELECT min(published_at) AS stamp FROM items WHERE live_revision IS NOT NULL
         UNION ALL SELECT min(published_at) FROM memorials WHERE live_revision IS NOT NULL
         UNION ALL SELECT min(published_at) FROM exhibitions WHERE live_revision IS NOT NULL
         UNION ALL SELECT min(published_at) FROM people WHERE live_revision IS NOT NULL
         UNION ALL SELECT min(removed_at) FROM record_tombstones) x`,
    );
    return row?.stamp ?? null;
  }
}
