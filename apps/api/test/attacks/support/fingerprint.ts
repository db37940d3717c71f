import { Client } from 'pg';
import { objectsOf } from '../../support/store';

/**
 * What the application has stored, as one comparable object: a digest of
 * every row of every table a request could change, the queued jobs, and the
 * objects in the store. Sessions are compared without their last-seen time,
 * which reads refresh on purpose.
 *
 * The audit log is compared whole: a refused request writes no entry (the
 * guard or the handler refuses before anything is recorded, and entries are
 * written in the transaction of the change). The one refused request that
 * does leave an entry is a failed login (`login.failure`), which no caller of
 * this fingerprint sends.
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
  audit_log: 'SELECT t::text FROM audit_log t',
  // Jobs a request queued (derivatives of an upload, say), by queue and singleton key; the state
  // moves on by itself as workers run, so it is left out. Cron runs of scheduled queues and
  // pg-boss's own queues come and go with the clock, not with requests.
  jobs: `SELECT concat_ws(',', j.name, j.singleton_key, j.data::text) FROM pgboss.job j
          WHERE j.name NOT LIKE '\\_\\_pgboss%' AND j.name NOT IN (SELECT s.name FROM pgboss.schedule s)`,
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
    // The test bucket is shared by every test file; this database's objects are those under its countries' ids.
    const countries = (await db.query('SELECT id FROM countries ORDER BY id')).rows as { id: string }[];
    const objects = (await Promise.all(countries.map(({ id }) => objectsOf(`${id}/`)))).flat();
    result.objects = `${objects.length}:${objects.join('|')}`;
    return result;
  } finally {
    await db.end();
  }
}
