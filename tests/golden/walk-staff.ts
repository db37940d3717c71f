import { z } from 'zod';
import { withQuery } from './client';
import { COLLECTIONS, type Country, type Demo, NO_SUCH_ID, type RecordRef, type Walk, type Who, jsonOf } from './walk';

/** AuthController, NotificationsController, the admin controllers and AuditController: one reader's own pages. */
async function walkAccount(walk: Walk, who: Who, demo: Demo): Promise<void> {
  await walk.get(who, '/api/auth/me');
  const notifications = await walk.get(who, '/api/notifications');
  if (notifications.status === 200) {
    const list = jsonOf(notifications, z.object({ items: z.array(z.object({ id: z.string() })) }));
    for (const n of list.items) await walk.get(who, `/api/notifications/${n.id}`);
  }
  await walk.get(who, `/api/notifications/${NO_SUCH_ID}`);
  await walk.get(who, '/api/admin/countries');
  await walk.get(who, '/api/admin/users');
  for (const user of demo.users) await walk.get(who, `/api/admin/users/${user.id}`);
  await walkAudit(walk, who, demo);
}

async function walkAudit(walk: Walk, who: Who, demo: Demo): Promise<void> {
  const first = await walk.get(who, withQuery('/api/audit', { limit: 5 }));
  if (first.status === 200) {
    const next = jsonOf(first, z.object({ next: z.number().nullable() })).next;
    if (next !== null) await walk.get(who, withQuery('/api/audit', { limit: 5, before: next }));
  }
  await walk.get(who, '/api/audit');
  for (const country of [...demo.contentCountries, demo.emptyCountry]) {
    await walk.get(who, withQuery('/api/audit', { countryId: country.id }));
  }
  await walk.get(who, withQuery('/api/audit', { action: 'login' }));
  await walk.get(who, '/api/audit/export.csv');
  await walk.get(who, withQuery('/api/audit/export.csv', { countryId: demo.contentCountries[0].id }));
}

/** The studio's and the moderation desk's lists of one country. */
async function walkCountryLists(walk: Walk, who: Who, country: Country): Promise<void> {
  const base = `/api/studio/countries/${country.id}`;
  for (const collection of COLLECTIONS) await walk.inLanguages(who, `${base}/${collection}`, true);
  await walk.get(who, `${base}/media`);
  await walk.inLanguages(who, `/api/review/countries/${country.id}/queue`, true);
}

/** Filters and paging of the studio lists, in one language: they do not change how titles are picked. */
async function walkListQueries(walk: Walk, who: Who, country: Country): Promise<void> {
  const variants: Record<string, string | number>[] = [
    { status: 'published' },
    { status: 'draft' },
    { q: 'front' },
    { q: 'письмо' },
    { limit: 3, offset: 2 },
  ];
  for (const collection of COLLECTIONS) {
    for (const variant of variants) await walk.get(who, withQuery(`/api/studio/countries/${country.id}/${collection}`, { lang: 'en', ...variant }));
  }
  await walk.get(who, withQuery(`/api/studio/countries/${country.id}/items`, { lang: 'en', kind: 'photograph' }));
}

/** StudioItems/Memorials/ExhibitionsController, StudioWorkflowController and ReviewController for one record. */
async function walkRecord(walk: Walk, who: Who, record: RecordRef): Promise<void> {
  const base = `/api/studio/countries/${record.country.id}/${record.collection}/${record.id}`;
  await walk.get(who, base);
  await walk.get(who, `${base}/revisions`);
  await walk.get(who, `${base}/revisions/1`);
  if (record.collection === 'exhibitions') await walk.inLanguages(who, `${base}/preview`, true);
  await walk.inLanguages(who, `/api/review/countries/${record.country.id}/${record.collection}/${record.id}`, true);
}

/** Answers for what does not exist: each kind of route once. */
async function walkMissing(walk: Walk, who: Who, country: Country): Promise<void> {
  const base = `/api/studio/countries/${country.id}`;
  for (const collection of COLLECTIONS) await walk.get(who, `${base}/${collection}/${NO_SUCH_ID}`);
  await walk.get(who, `${base}/media/${NO_SUCH_ID}`);
  await walk.get(who, `${base}/items/${NO_SUCH_ID}/revisions`);
  await walk.get(who, `/api/review/countries/${country.id}/items/${NO_SUCH_ID}`);
}

/** Everything a signed-in reader's pages ask for; another country's answers are recorded too (403). */
async function walkStaff(walk: Walk, who: Who, demo: Demo): Promise<void> {
  await walkAccount(walk, who, demo);
  for (const country of [...demo.contentCountries, demo.emptyCountry]) await walkCountryLists(walk, who, country);
  for (const country of demo.contentCountries) await walkListQueries(walk, who, country);
  for (const record of demo.records) await walkRecord(walk, who, record);
  for (const asset of demo.media) await walk.get(who, `/api/studio/countries/${asset.country.id}/media/${asset.id}`);
  for (const record of demo.records.filter((r) => r.collection === 'items').slice(0, 1)) {
    await walk.get(who, `/api/studio/countries/${record.country.id}/items/${record.id}/revisions/99`);
  }
  await walkMissing(walk, who, demo.contentCountries[0]);
}

/** A visitor who is not signed in asks for staff pages: each is refused (401), recorded once per route. */
async function walkRefused(walk: Walk, demo: Demo): Promise<void> {
  await walkAccount(walk, 'anonymous', demo);
  const country = demo.contentCountries[0];
  for (const path of [`/api/studio/countries/${country.id}/items`, `/api/studio/countries/${country.id}/media`]) {
    await walk.get('anonymous', path);
  }
  await walk.get('anonymous', `/api/review/countries/${country.id}/queue`);
  const record = demo.records.find((r) => r.country.id === country.id)!;
  await walkRecord(walk, 'anonymous', record);
}

export async function walkAllStaff(walk: Walk, demo: Demo, staff: Who[]): Promise<void> {
  for (const who of staff) await walkStaff(walk, who, demo);
  await walkRefused(walk, demo);
}
