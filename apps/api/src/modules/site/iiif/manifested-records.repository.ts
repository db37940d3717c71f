import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Collection, LocalizedText } from '@vitrina/contracts';
import type { DataSource } from 'typeorm';
import { APP_CONFIG } from '../../../infra/config/config.module';
import type { AppConfig } from '../../../infra/config/config.schema';
import { personBornBy, personPublicSql } from '../../content/person-views';
import type { PublishedOrderKey } from '../../content/live-records';
import { PUBLISHED_AT_SQL } from '../../content/published-cursor';

/** A record a country's IIIF Collection lists: enough for a manifest reference. */
export interface ManifestedRecordRow extends PublishedOrderKey {
  title: LocalizedText;
}

/** A file a manifest shows as a canvas (buildManifest's isCanvasImage), not withdrawn. */
const CANVAS_IMAGE = `a.status = 'ready' AND a.kind = 'image' AND a.withdrawn_at IS NULL AND a.width > 0 AND a.height > 0 AND cardinality(a.derivative_widths) > 0`;
/** Items, memorials and people: one of the live revision's own files. */
const SHOWS_AN_IMAGE = `EXISTS (SELECT 1 FROM media_assets a WHERE a.id = ANY(r.live_media_ids) AND ${CANVAS_IMAGE})`;
/**
 * Exhibitions: one of their own files, or of the live items their cover,
 * item and gallery blocks name (DescribedRecords.exhibition).
 */
const TELLS_WITH_AN_IMAGE = `EXISTS (SELECT 1 FROM media_assets a WHERE ${CANVAS_IMAGE} AND (a.id = ANY(r.live_media_ids) OR a.id IN (
    SELECT unnest(i.live_media_ids) FROM items i
     WHERE i.country_id = r.country_id AND i.live_revision IS NOT NULL AND i.id::text IN (
       SELECT jsonb_path_query(r.live_content, 'strict $.sections[*].blocks[*] ? (@.type == "item").itemId') #>> '{}'
       UNION ALL SELECT jsonb_path_query(r.live_content, 'strict $.sections[*].blocks[*] ? (@.type == "gallery").itemIds[*]') #>> '{}'
       UNION ALL SELECT r.live_content->>'coverItemId'))))`;

/**
 * The live records that have a manifest, a page at a time, newest approved
 * first: the order of the `(country_id, published_at DESC, id)` index each
 * kind's table has, so a page reads about as many rows as it lists.
 */
@Injectable()
export class ManifestedRecordsRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async page(collection: Collection, countryId: string, after: PublishedOrderKey | null, limit: number): Promise<ManifestedRecordRow[]> {
    const params: unknown[] = [countryId, limit];
    const where = ['r.country_id = $1', 'r.live_revision IS NOT NULL', 'r.published_at IS NOT NULL'];
    if (after) {
      params.push(after.at, after.id);
      where.push('(r.published_at < $3::timestamptz OR (r.published_at = $3::timestamptz AND r.id > $4::uuid))');
    }
    where.push(collection === 'exhibitions' ? TELLS_WITH_AN_IMAGE : SHOWS_AN_IMAGE);
    if (collection === 'people') {
      params.push(personBornBy(this.config.people.livingPrivacyYears));
      where.push(personPublicSql(`$${params.length}::int`, 'r'));
    }
    // The collection segment is the table's name (RECORD_KINDS), from a closed list checked at the route.
    return this.db.query(
      `SELECT r.id, ${PUBLISHED_AT_SQL('r.published_at')} AS at, r.live_content->'title' AS title
         FROM "${collection}" r WHERE ${where.join(' AND ')}
        ORDER BY r.published_at DESC, r.id LIMIT $2`,
      params,
    );
  }
}
