import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Collection, ContentStatus } from '@vitrina/contracts';
import type { DataSource } from 'typeorm';

/** One record as the studio has it: its latest revision's document and where it stands. */
export interface ExportRecordRow {
  id: string;
  slug: string;
  kind: string;
  status: ContentStatus;
  /** The latest revision's number. */
  version: number;
  /** The revision visitors see; null while nothing is live. */
  liveRevision: number | null;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** The latest document less its slug (and kind, for items and memorials). */
  content: Record<string, unknown>;
}

/**
 * The tables of the collections (each collection's segment is its table's
 * name). A fixed map, not the parameter: the name goes into SQL text.
 */
const TABLES: Record<Collection, string> = { items: 'items', memorials: 'memorials', exhibitions: 'exhibitions', people: 'people' };

/** People merged into another are retired duplicates: out of lists, and out of exports. */
const KEPT: Partial<Record<Collection, string>> = { people: 'AND r.merged_into IS NULL' };

/** The SQL of exports: a country's records a page at a time, and the slugs of the records they point to. */
@Injectable()
export class ExportRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * At most `limit` records of the country after the slug `after`, by slug:
   * each page is one indexed read (uq_<table>_country_slug), so an export of
   * any size is read in pages and never held whole.
   */
  async page(collection: Collection, countryId: string, after: string | null, limit: number): Promise<ExportRecordRow[]> {
    const rows: RawRecordRow[] = await this.db.query(
      `SELECT r.id, r.slug, r.kind, r.status, r.version, r.live_revision, r.published_at, r.created_at, r.updated_at, r.content
         FROM ${TABLES[collection]} r
        WHERE r.country_id = $1 AND ($2::text IS NULL OR r.slug > $2) ${KEPT[collection] ?? ''}
        ORDER BY r.slug
        LIMIT $3`,
      [countryId, after, limit],
    );
    return rows.map((row) => ({
      id: row.id,
      slug: row.slug,
      kind: row.kind,
      status: row.status,
      version: row.version,
      liveRevision: row.live_revision,
      publishedAt: row.published_at,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      content: row.content,
    }));
  }

  /** The current slugs of these records of the country, by id (ids of other countries or of deleted records are left out). */
  async slugs(collection: Collection, countryId: string, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; slug: string }[] = await this.db.query(
      `SELECT id, slug FROM ${TABLES[collection]} WHERE country_id = $1 AND id = ANY($2::uuid[])`,
      [countryId, ids],
    );
    return new Map(rows.map((row) => [row.id, row.slug]));
  }
}

interface RawRecordRow {
  id: string;
  slug: string;
  kind: string;
  status: ContentStatus;
  version: number;
  live_revision: number | null;
  published_at: Date | null;
  created_at: Date;
  updated_at: Date;
  content: Record<string, unknown>;
}
