import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ActorName, signInActors } from './support/actors';
import { VALID_VTT, mp4File } from './support/media-files';
import { waitForMedia } from './support/store';
import { editableDocument } from './support/publish';
import { type TestApp, type TestClient, startTestApp } from './support/test-app';

const text = (value: string, status = 'original') => ({ text: value, status });
const CC_BY = 'https://creativecommons.org/licenses/by/4.0/';

describe('review workflow', () => {
  let testApp: TestApp;
  let db: DataSource;
  let as: Record<ActorName, TestClient>;
  let kz: string;
  let am: string;
  let counter = 0;

  const studio = (path = '') => `/api/studio/countries/${kz}/items${path}`;
  const review = (id: string, action = '') => `/api/review/countries/${kz}/items/${id}${action ? `/${action}` : ''}`;
  const publicItem = (slug: string) => as.anonymous.get(`/api/public/countries/kazakhstan/items/${slug}?lang=en`);

  async function draft(overrides: object = {}) {
    const slug = `reviewed-${++counter}`;
    const created = await as.curatorKz
      .post(studio(), { slug, kind: 'artefact', title: { en: text(`Item ${counter}`) }, rights: CC_BY, ...overrides })
      .expect(201);
    return created.body as { id: string; slug: string; version: number };
  }
  const submit = (id: string, version: number) => as.curatorKz.post(studio(`/${id}/submit`), { version });
  const approve = (id: string, revision: number, client = as.moderatorKz) => client.post(review(id, 'approve'), { revision });
  async function published(overrides: object = {}) {
    const record = await draft(overrides);
    await submit(record.id, record.version).expect(204);
    await approve(record.id, record.version).expect(204);
    return record;
  }
  async function save(id: string, changes: object) {
    const current = (await as.curatorKz.get(studio(`/${id}`)).expect(200)).body;
    return as.curatorKz.request('put', studio(`/${id}`)).send({ ...editableDocument(current), ...changes });
  }
  async function saveOk(id: string, changes: object) {
    const response = await save(id, changes);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as { version: number };
  }
  async function image(alt?: object, rights: string | null = CC_BY) {
    const file = await sharp({ create: { width: 64, height: 48, channels: 3, background: `#${(++counter * 4099).toString(16).padStart(6, '0').slice(-6)}` } })
      .jpeg()
      .toBuffer();
    const uploaded = await as.curatorKz.post(`/api/studio/countries/${kz}/media`).set('content-type', 'application/octet-stream').send(file).expect(201);
    await waitForMedia(as.curatorKz, kz, uploaded.body.id);
    await as.curatorKz.patch(`/api/studio/countries/${kz}/media/${uploaded.body.id}`, { rights, ...(alt ? { alt } : {}) }).expect(200);
    return uploaded.body.id as string;
  }

  beforeAll(async () => {
    testApp = await startTestApp();
    db = testApp.app.get(DataSource);
    as = await signInActors(testApp);
    const countries = (await as.anonymous.get('/api/public/countries').expect(200)).body.items;
    kz = countries.find((c: { slug: string }) => c.slug === 'kazakhstan').id;
    am = countries.find((c: { slug: string }) => c.slug === 'armenia').id;
  });

  afterAll(() => testApp?.close());

  it('takes a draft through review to the public site, storing a revision for every save', async () => {
    const record = await draft();
    await publicItem(record.slug).expect(404);
    await submit(record.id, record.version).expect(204);
    expect((await as.curatorKz.get(studio(`/${record.id}`))).body.status).toBe('in_review');
    const queue = (await as.moderatorKz.get(`/api/review/countries/${kz}/queue`).expect(200)).body;
    expect(queue.map((entry: { id: string }) => entry.id)).toContain(record.id);
    expect(queue.find((entry: { id: string }) => entry.id === record.id)).toMatchObject({ submittedBy: 'Demo Curator (Kazakhstan)', revision: 1, isLive: false });

    await approve(record.id, 1).expect(204);
    expect((await publicItem(record.slug).expect(200)).body.title.text).toBe(`Item ${counter}`);
    const item = (await as.curatorKz.get(studio(`/${record.id}`))).body;
    expect(item).toMatchObject({ status: 'published', liveRevision: 1, version: 1 });
    const revisions = (await as.curatorKz.get(studio(`/${record.id}/revisions`)).expect(200)).body;
    expect(revisions).toEqual([expect.objectContaining({ number: 1, isLive: true, isLatest: true, authorName: 'Demo Curator (Kazakhstan)' })]);
  });

  it('never shows visitors an unapproved revision: an edit of a live item changes nothing until approved', async () => {
    const record = await published({ description: { en: text('The first description.') } });
    const before = (await publicItem(record.slug).expect(200)).body;
    await saveOk(record.id, { slug: 'renamed-in-draft', description: { en: text('A rewritten description.') } });

    const during = await publicItem(record.slug).expect(200);
    expect(during.body.description.text).toBe('The first description.');
    expect(during.body.updatedAt).toBe(before.updatedAt);
    await publicItem('renamed-in-draft').expect(404);
    const sitemap = await as.anonymous.get('/api/public/sitemap.xml').expect(200);
    expect(sitemap.text).toContain(`/kazakhstan/items/${record.slug}<`);
    expect(sitemap.text).not.toContain('renamed-in-draft');
    expect((await as.curatorKz.get(studio(`/${record.id}`))).body).toMatchObject({ status: 'draft', version: 2, liveRevision: 1 });

    await submit(record.id, 2).expect(204);
    await approve(record.id, 2).expect(204);
    await publicItem(record.slug).expect(404);
    expect((await publicItem('renamed-in-draft').expect(200)).body.description.text).toBe('A rewritten description.');
  });

  it('keeps a live memorial where, as what and in the condition its approved revision puts it on the country map', async () => {
    const memorials = `/api/studio/countries/${kz}/memorials`;
    const created = await as.curatorKz
      .post(memorials, {
        slug: `mapped-${++counter}`,
        kind: 'obelisk',
        title: { en: text('Mapped obelisk') },
        rights: CC_BY,
        location: { lat: 43.2, lng: 76.9 },
        conditionSurveys: [{ date: '2020-05-01', condition: 'good' }],
      })
      .expect(201);
    const id = created.body.id as string;
    await as.curatorKz.post(`${memorials}/${id}/submit`, { version: 1 }).expect(204);
    await as.moderatorKz.post(`/api/review/countries/${kz}/memorials/${id}/approve`, { revision: 1 }).expect(204);
    const point = async () => {
      const home = (await as.anonymous.get('/api/public/countries/kazakhstan/home?lang=en').expect(200)).body;
      return home.memorials.find((m: { id: string }) => m.id === id);
    };
    expect(await point()).toMatchObject({ title: { text: 'Mapped obelisk' }, location: { lat: 43.2, lng: 76.9 }, condition: 'good', kind: 'obelisk' });

    await as.curatorKz
      .request('put', `${memorials}/${id}`)
      .send({
        ...editableDocument(created.body),
        title: { en: text('Moved obelisk') },
        location: { lat: 44, lng: 77 },
        conditionSurveys: [...created.body.conditionSurveys, { date: '2026-01-01', condition: 'poor' }],
      })
      .expect(200);
    expect(await point()).toMatchObject({ title: { text: 'Mapped obelisk' }, location: { lat: 43.2, lng: 76.9 }, condition: 'good' });

    await as.curatorKz.post(`${memorials}/${id}/submit`, { version: 2 }).expect(204);
    await as.moderatorKz.post(`/api/review/countries/${kz}/memorials/${id}/approve`, { revision: 2 }).expect(204);
    expect(await point()).toMatchObject({ title: { text: 'Moved obelisk' }, location: { lat: 44, lng: 77 }, condition: 'poor' });
  });

  it('sends back with a comment the curator sees, rejects, lets the curator withdraw, and restores old revisions as drafts', async () => {
    const record = await draft({ description: { en: text('Version one.') } });
    await submit(record.id, 1).expect(204);
    await as.moderatorKz.post(review(record.id, 'request-changes'), { revision: 1 }).expect(400); // a comment is required
    await as.moderatorKz.post(review(record.id, 'request-changes'), { revision: 1, comment: 'Add the inventory number' }).expect(204);
    const sentBack = (await as.curatorKz.get(studio(`/${record.id}`))).body;
    expect(sentBack).toMatchObject({ status: 'changes_requested', reviewComment: 'Add the inventory number' });

    await saveOk(record.id, { inventoryNumber: 'KZ-1', description: { en: text('Version two.') } });
    await submit(record.id, 2).expect(204);
    await as.curatorKz.post(studio(`/${record.id}/withdraw`)).expect(204);
    await as.curatorKz.post(studio(`/${record.id}/withdraw`)).expect(409);
    await submit(record.id, 2).expect(204);
    await as.moderatorKz.post(review(record.id, 'reject'), { revision: 2, comment: 'Out of scope' }).expect(204);
    expect((await as.curatorKz.get(studio(`/${record.id}`))).body.status).toBe('rejected');

    const restored = await as.curatorKz.post(studio(`/${record.id}/revisions/1/restore`)).expect(200);
    expect(restored.body).toMatchObject({ version: 3, status: 'draft', description: { en: { text: 'Version one.' } } });
    expect(restored.body.inventoryNumber).toBeUndefined();
    const revisions = (await as.curatorKz.get(studio(`/${record.id}/revisions`))).body;
    expect(revisions.map((r: { number: number; restoredFrom: number | null }) => [r.number, r.restoredFrom])).toEqual([[3, 1], [2, null], [1, null]]);
    const old = (await as.curatorKz.get(studio(`/${record.id}/revisions/2`)).expect(200)).body;
    expect(old.content.inventoryNumber).toBe('KZ-1');

    const history = (await as.moderatorKz.get(review(record.id)).expect(200)).body.history;
    expect(history.map((event: { action: string }) => event.action)).toEqual(['restore', 'reject', 'submit', 'withdraw', 'submit', 'save', 'request-changes', 'submit', 'create']);
    expect(history.find((event: { action: string }) => event.action === 'reject')).toMatchObject({ comment: 'Out of scope', fromState: 'in_review', toState: 'rejected', actorName: 'Demo Moderator (Kazakhstan)' });
  });

  it('unpublishes and archives at once for the public API, sitemap, manifests and media', async () => {
    const assetId = await image({ en: text('A photo') });
    const record = await published({ media: [{ assetId }] });
    await as.anonymous.get(`/api/media/${assetId}/w64.webp`).expect(200);
    await as.anonymous.get(`/iiif/manifests/items/${record.id}`).expect(200);

    await as.moderatorKz.post(review(record.id, 'unpublish'), { comment: 'Rights in question' }).expect(204);
    await publicItem(record.slug).expect(404);
    await as.anonymous.get(`/api/media/${assetId}/w64.webp`).expect(404);
    await as.anonymous.get(`/iiif/manifests/items/${record.id}`).expect(404);
    expect((await as.anonymous.get('/api/public/sitemap.xml')).text).not.toContain(`/items/${record.slug}<`);
    expect((await as.curatorKz.get(studio(`/${record.id}`))).body).toMatchObject({ status: 'unpublished', liveRevision: null });
    await as.moderatorKz.post(review(record.id, 'unpublish'), {}).expect(409);

    await as.moderatorKz.post(review(record.id, 'archive'), {}).expect(204);
    expect((await as.curatorKz.get(studio(`/${record.id}`))).body.status).toBe('archived');
    await as.curatorKz.delete(studio(`/${record.id}`)).expect(409); // it was published once: kept, not deleted
  });

  it('refuses to publish what lacks rights, alt text or captions, naming exactly what is missing, then publishes once fixed', async () => {
    const photo = await image(undefined, null);
    const video = await as.curatorKz.post(`/api/studio/countries/${kz}/media`).set('content-type', 'application/octet-stream').send(mp4File(20_000)).expect(201);
    await waitForMedia(as.curatorKz, kz, video.body.id);
    const record = await draft({
      title: { en: text('Gated'), ru: text('Закрыто', 'translated') },
      rights: undefined,
      media: [{ assetId: photo }, { assetId: video.body.id }],
    });
    await submit(record.id, 1).expect(204);
    const blocked = await approve(record.id, 1).expect(422);
    const missing = blocked.body.blockers.map((b: { code: string; lang?: string; assetId?: string }) => [b.code, b.lang ?? null, b.assetId ?? null]);
    expect(missing).toEqual(
      expect.arrayContaining([
        ['missing-rights', null, null],
        ['missing-media-rights', null, photo],
        ['missing-alt', 'en', photo],
        ['missing-alt', 'ru', photo],
        ['missing-media-rights', null, video.body.id],
        ['missing-captions', 'en', video.body.id],
        ['missing-captions', 'ru', video.body.id],
      ]),
    );
    expect(missing).toHaveLength(7);
    expect(blocked.body.message).toMatch(/has no alternative text in en/);
    expect((await as.moderatorKz.get(review(record.id))).body.blockers).toHaveLength(7);

    await as.curatorKz.patch(`/api/studio/countries/${kz}/media/${photo}`, { rights: CC_BY, alt: { en: text('A photo'), ru: text('Фото') } }).expect(200);
    await as.curatorKz.patch(`/api/studio/countries/${kz}/media/${video.body.id}`, { rights: CC_BY, transcript: { ru: text('Расшифровка') } }).expect(200);
    await as.curatorKz.request('put', `/api/studio/countries/${kz}/media/${video.body.id}/captions/en`).set('content-type', 'text/vtt').send(VALID_VTT).expect(200);
    // Texts of media belong to the record's next revision: until it is saved, the submitted one is still incomplete.
    expect((await approve(record.id, 1).expect(422)).body.blockers.length).toBeGreaterThan(0);
    const saved = await saveOk(record.id, { rights: CC_BY });
    await submit(record.id, saved.version).expect(204);
    const detail = (await as.moderatorKz.get(review(record.id)).expect(200)).body;
    expect(detail.blockers).toEqual([]);
    expect(detail.changes).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'mediaTexts.alt', lang: 'en', assetId: photo, change: 'added', after: text('A photo') })]));
    await approve(record.id, saved.version).expect(204);
  });

  it('shows the moderator every change per language, media re-captioned included', async () => {
    const photo = await image({ en: text('Old alt') });
    const record = await published({ description: { en: text('Same') }, media: [{ assetId: photo }] });
    await as.curatorKz.patch(`/api/studio/countries/${kz}/media/${photo}`, { alt: { en: text('New alt') } }).expect(200);
    // A live item's re-captioned photo keeps its approved text for visitors.
    expect((await publicItem(record.slug)).body.media[0].alt.text).toBe('Old alt');
    const other = await image({ en: text('Second') });
    const saved = await saveOk(record.id, { title: { en: text('Retitled') }, media: [{ assetId: photo }, { assetId: other }] });
    await submit(record.id, saved.version).expect(204);
    const detail = (await as.moderatorKz.get(review(record.id)).expect(200)).body;
    expect(detail.changes).toEqual(
      expect.arrayContaining([
        { path: 'title', lang: 'en', change: 'changed', before: text(`Item ${counter - 1}`), after: text('Retitled') },
        { path: 'media', change: 'changed', before: [photo], after: [photo, other] },
        { path: 'mediaTexts.alt', lang: 'en', assetId: photo, change: 'changed', before: text('Old alt'), after: text('New alt') },
      ]),
    );
    expect(detail.changes.some((change: { path: string }) => change.path === 'description')).toBe(false);
    expect(detail.live.title.en.text).toBe(`Item ${counter - 1}`);
    await approve(record.id, saved.version).expect(204);
    expect((await publicItem(record.slug)).body.media[0].alt.text).toBe('New alt');
  });

  it('lets exactly one of two moderators deciding at once win; approving twice is harmless', async () => {
    const record = await draft();
    await submit(record.id, 1).expect(204);
    const [approval, rejection] = await Promise.all([
      approve(record.id, 1),
      as.admin.post(review(record.id, 'reject'), { revision: 1, comment: 'No' }),
    ]);
    expect([approval.status, rejection.status].sort()).toEqual([204, 409]);

    const twice = await draft();
    await submit(twice.id, 1).expect(204);
    const both = await Promise.all([approve(twice.id, 1), approve(twice.id, 1, as.admin)]);
    expect(both.map((response) => response.status)).toEqual([204, 204]);
    const approvals = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'approve'`, [twice.id]);
    expect(approvals[0].n).toBe(1);
  });

  it('never loses an edit that arrives during approval, and never publishes it unreviewed', async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const record = await draft({ description: { en: text('Reviewed text') } });
      await submit(record.id, 1).expect(204);
      const [approval, edit] = await Promise.all([approve(record.id, 1), save(record.id, { description: { en: text('Late edit') } })]);
      expect(edit.status).toBe(200); // the edit is kept either way
      const item = (await as.curatorKz.get(studio(`/${record.id}`))).body;
      expect(item.description.en.text).toBe('Late edit');
      if (approval.status === 204) {
        // Approved first: the reviewed text is live, the edit waits as a new draft.
        expect((await publicItem(record.slug).expect(200)).body.description.text).toBe('Reviewed text');
        expect(item).toMatchObject({ status: 'draft', liveRevision: 1, version: 2 });
      } else {
        expect(approval.status).toBe(409);
        await publicItem(record.slug).expect(404);
        expect(item).toMatchObject({ status: 'draft', liveRevision: null });
      }
    }
  });

  it('keeps moderators to their own countries', async () => {
    await as.moderatorKz.get(`/api/review/countries/${am}/queue`).expect(403);
    await as.curatorKz.get(`/api/review/countries/${kz}/queue`).expect(403);
    await as.curatorKz.post(review((await draft()).id, 'approve'), { revision: 1 }).expect(403);
  });

  it('notifies moderators of submissions and curators of decisions', async () => {
    await as.moderatorKz.post('/api/notifications/read', {}).expect(200);
    await as.curatorKz.post('/api/notifications/read', {}).expect(200);
    const record = await draft({ title: { en: text('Notify me') } });
    await submit(record.id, 1).expect(204);
    const forModerator = (await as.moderatorKz.get('/api/notifications').expect(200)).body;
    expect(forModerator.unread).toBe(1);
    expect(forModerator.items[0]).toMatchObject({ kind: 'submitted', title: 'Notify me', recordId: record.id, collection: 'items', actorName: 'Demo Curator (Kazakhstan)', read: false });
    await as.moderatorKz.post(review(record.id, 'approve'), { revision: 1, comment: 'Lovely' }).expect(204);
    const forCurator = (await as.curatorKz.get('/api/notifications').expect(200)).body;
    expect(forCurator.items[0]).toMatchObject({ kind: 'approved', comment: 'Lovely', title: 'Notify me' });
    expect((await as.curatorAm.get('/api/notifications').expect(200)).body.items).toEqual([]);
    const read = await as.curatorKz.post('/api/notifications/read', { ids: [forCurator.items[0].id] }).expect(200);
    expect(read.body.unread).toBe(0);
  });

  it('keeps an append-only audit log that moderators read for their countries and export as CSV', async () => {
    const record = await published();
    const entries = (await as.moderatorKz.get(`/api/audit?countryId=${kz}&entityId=${record.id}`).expect(200)).body.items;
    expect(entries.map((entry: { action: string }) => entry.action)).toEqual(['approve', 'submit', 'create']);
    expect(entries[0]).toMatchObject({ actorEmail: 'moderator.kz@vitrina.test', fromState: 'in_review', toState: 'published', entityType: 'item', countryId: kz });
    expect(entries[0].ip).toMatch(/127\.0\.0\.1|::1|::ffff:127\.0\.0\.1/);

    await as.moderatorKz.get(`/api/audit?countryId=${am}`).expect(403);
    await as.curatorKz.get('/api/audit').expect(403);
    const mine = (await as.moderatorKz.get('/api/audit?limit=500').expect(200)).body.items;
    expect(mine.every((entry: { countryId: string | null }) => entry.countryId === kz)).toBe(true);
    const logins = (await as.admin.get('/api/audit?action=login&limit=5').expect(200)).body.items;
    expect(logins.length).toBeGreaterThan(0);

    const csv = await as.moderatorKz.get(`/api/audit/export.csv?entityId=${record.id}`).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toContain('attachment');
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toBe('id,at,actorEmail,action,countryId,entityType,entityId,fromState,toState,ip,details');
    expect(lines).toHaveLength(4);

    await expect(db.query(`UPDATE audit_log SET action = 'forged' WHERE entity_id = $1`, [record.id])).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM audit_log WHERE entity_id = $1`, [record.id])).rejects.toThrow(/append-only/);
    await expect(db.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
  });
});
