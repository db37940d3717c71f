import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { TestClient } from './test-app';

type Table = 'items' | 'memorials' | 'exhibitions';

/**
 * Makes a record's latest revision live straight in the database, as an
 * approval does but without its gates. For tests of other features (media
 * serving, the public site); review.spec.ts tests approval itself.
 */
export async function publishDirectly(db: DataSource, table: Table, id: string): Promise<void> {
  const [, affected] = await db.query(
    `UPDATE ${table} r SET status = 'published', published_at = now(), live_revision = r.version, live_content = v.content,
            live_slug = r.slug, live_media_ids = r.media_ids, live_media_texts = v.media_texts
       FROM content_revisions v WHERE v.record_id = r.id AND v.number = r.version AND r.id = $1`,
    [id],
  );
  if (affected !== 1) throw new Error(`no ${table} record ${id} to publish`);
}

/** Takes a record off the public site straight in the database. */
export async function unpublishDirectly(db: DataSource, table: Table, id: string): Promise<void> {
  await db.query(
    `UPDATE ${table} SET status = 'draft', live_revision = NULL, live_content = NULL, live_slug = NULL, live_media_ids = '{}', live_media_texts = '{}' WHERE id = $1`,
    [id],
  );
}

/** A record as the studio shows it, less what the server keeps itself: the body a save sends back. */
export function editableDocument(record: Record<string, unknown>): Record<string, unknown> {
  const { id: _id, countryId: _c, status: _s, liveRevision: _l, reviewComment: _r, createdAt: _a, updatedAt: _u, ...document } = record;
  return document;
}

/** Creates, as `curator`, a draft exhibition whose one section is a gallery of these items, titled in English. */
export async function createGalleryExhibition(
  curator: TestClient,
  countryId: string,
  exhibition: { slug: string; title: string; itemIds: string[] },
): Promise<{ id: string; version: number }> {
  const created = await curator
    .post(`/api/studio/countries/${countryId}/exhibitions`, {
      slug: exhibition.slug,
      title: { en: { text: exhibition.title, status: 'original' } },
      sections: [{ id: randomUUID(), blocks: [{ id: randomUUID(), type: 'gallery', itemIds: exhibition.itemIds }] }],
    })
    .expect(201);
  return created.body as { id: string; version: number };
}
