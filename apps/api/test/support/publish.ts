import { randomUUID } from 'node:crypto';
import type { Collection } from '@vitrina/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { ContentRevisionEntity } from '../../src/modules/content/content-revision.entity';
import { clearLiveSide, publishRevision } from '../../src/modules/content/publish';
import { kindOf } from '../../src/modules/content/record-kinds';
import type { TestClient } from './test-app';

type Table = Collection;

/** The record's row, locked, and its latest revision, for a direct change of its live side. */
async function lockedWithLatest(tx: EntityManager, table: Table, id: string) {
  const kind = kindOf(table);
  const record = await tx.getRepository(kind.entity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!record) throw new Error(`no ${table} record ${id}`);
  const revision = await tx.getRepository(ContentRevisionEntity).findOneByOrFail({ recordType: kind.contract.type, recordId: id, number: record.version });
  return { kind, record, revision };
}

/**
 * Makes a record's latest revision live through the function approval uses,
 * but without its gates. For tests of other features (media serving, the
 * public site); review.spec.ts tests approval itself.
 */
export async function publishDirectly(db: DataSource, table: Table, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const { kind, record, revision } = await lockedWithLatest(tx, table, id);
    await publishRevision(tx, kind, record, revision);
  });
}

/** Takes a record off the public site through the function unpublishing uses, back to a draft. */
export async function unpublishDirectly(db: DataSource, table: Table, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const { kind, record } = await lockedWithLatest(tx, table, id);
    await clearLiveSide(tx, kind, record, 'draft', null);
  });
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

/**
 * A ready image of the country, written straight into its row (no upload,
 * no derivatives in the store): for tests of how pages show a file's texts
 * and row, not of the upload pipeline. Returns its id.
 */
export async function insertReadyImage(
  db: DataSource,
  countryId: string,
  image: { alt: object; caption?: object; rights: string; thumbhash?: string },
): Promise<string> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO media_assets (id, country_id, kind, mime_type, byte_size, sha256, original_name, width, height, status, alt, caption, rights, thumbhash, derivative_widths)
     VALUES ($1, $2, 'image', 'image/jpeg', 123456, $3, 'photo.jpg', 800, 600, 'ready', $4, $5, $6, $7, '{400}')`,
    [id, countryId, randomUUID(), image.alt, image.caption ?? {}, image.rights, image.thumbhash ?? 'hash'],
  );
  return id;
}
