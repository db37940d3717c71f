import { Client } from 'pg';
import { inject } from 'vitest';

/**
 * Makes an item's latest revision live straight in the database, as an
 * approval does but without its gates, for browser tests of other features;
 * review.spec.ts goes through the moderation desk itself.
 */
export async function publishItemDirectly(slug: string): Promise<void> {
  const db = new Client({ connectionString: inject('databaseUrl') });
  await db.connect();
  try {
    await db.query(
      `UPDATE items r SET status = 'published', published_at = now(), live_revision = r.version, live_content = v.content,
              live_slug = r.slug, live_media_ids = r.media_ids, live_media_texts = v.media_texts
         FROM content_revisions v WHERE v.record_id = r.id AND v.number = r.version AND r.slug = $1`,
      [slug],
    );
  } finally {
    await db.end();
  }
}
