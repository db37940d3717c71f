import { Client } from 'pg';

/**
 * What the application has stored, as one comparable object: a digest of
 * every row of every table a request could change. Sessions are compared
 * without their last-seen time, which reads refresh on purpose.
 */
const TABLES: Record<string, string> = {
  users: 'SELECT t::text FROM users t',
  memberships: 'SELECT t::text FROM memberships t',
  countries: 'SELECT t::text FROM countries t',
  items: 'SELECT t::text FROM items t',
  memorials: 'SELECT t::text FROM memorials t',
  exhibitions: 'SELECT t::text FROM exhibitions t',
  content_revisions: 'SELECT t::text FROM content_revisions t',
  media_assets: 'SELECT t::text FROM media_assets t',
  notifications: 'SELECT t::text FROM notifications t',
  search_documents: 'SELECT t.record_id::text || t.record_type FROM search_documents t',
  sessions: `SELECT concat_ws(',', id, user_id, expires_at, csrf_token) FROM sessions`,
};

export async function fingerprint(databaseUrl: string): Promise<Record<string, string>> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const result: Record<string, string> = {};
    for (const [table, select] of Object.entries(TABLES)) {
      const rows = await db.query(`SELECT count(*)::int AS n, md5(coalesce(string_agg(x, '|' ORDER BY x), '')) AS digest FROM (${select}) AS r(x)`);
      result[table] = `${rows.rows[0].n}:${rows.rows[0].digest}`;
    }
    return result;
  } finally {
    await db.end();
  }
}
