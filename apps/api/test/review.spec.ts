import { Client } from 'pg';
import sharp from 'sharp';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ActorName, startWithActors } from './support/actors';
import { VALID_VTT, mp3File, mp4File } from './support/media-files';
import { waitForMedia } from './support/store';
import { editableDocument } from './support/publish';
import type { TestApp, TestClient } from './support/test-app';
import { PATIENCE_MS } from './support/patience';

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
  /** Uploads a file under a name of its own and waits for it to be processed. */
  async function upload(file: Buffer, name: string): Promise<string> {
    const uploaded = await as.curatorKz
      .post(`/api/studio/countries/${kz}/media`)
      .set('content-type', 'application/octet-stream')
      .set('x-file-name', name)
      .send(file)
      .expect(201);
    expect((await waitForMedia(as.curatorKz, kz, uploaded.body.id)).status).toBe('ready');
    return uploaded.body.id as string;
  }
  async function image(alt?: object, rights: string | null = CC_BY) {
    const file = await sharp({ create: { width: 64, height: 48, channels: 3, background: `#${(++counter * 4099).toString(16).padStart(6, '0').slice(-6)}` } })
      .jpeg()
      .toBuffer();
    const id = await upload(file, `photo-${counter}.jpg`);
    await as.curatorKz.patch(`/api/studio/countries/${kz}/media/${id}`, { rights, ...(alt ? { alt } : {}) }).expect(200);
    return id;
  }
  const nameOf = async (assetId: string) => (await as.curatorKz.get(`/api/studio/countries/${kz}/media/${assetId}`).expect(200)).body.originalName as string;
  /** What the moderator's desk says blocks a record, as [code, lang, assetId] triples. */
  async function blockersOf(collection: string, id: string) {
    const detail = (await as.moderatorKz.get(`/api/review/countries/${kz}/${collection}/${id}`).expect(200)).body;
    return (detail.blockers as { code: string; lang?: string; assetId?: string }[]).map((b) => [b.code, b.lang ?? null, b.assetId ?? null]);
  }

  beforeAll(async () => {
    ({ testApp, db, as, kz, am } = await startWithActors());
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
      const points = (await as.anonymous.get('/api/public/countries/kazakhstan/memorial-points?lang=en').expect(200)).body;
      return points.items.find((m: { id: string }) => m.id === id);
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

  it('counts no machine draft towards a gate: alt text and transcripts must be written or translated by a person', async () => {
    const photo = await image({ en: text('A photo', 'machine') });
    const film = await upload(mp4File(21_000), 'film.mp4');
    await as.curatorKz.patch(`/api/studio/countries/${kz}/media/${film}`, { rights: CC_BY, transcript: { en: text('What is said', 'machine') } }).expect(200);
    const record = await draft({ media: [{ assetId: photo }, { assetId: film }] });
    await submit(record.id, 1).expect(204);
    expect(await blockersOf('items', record.id)).toEqual([
      ['missing-alt', 'en', photo],
      ['missing-captions', 'en', film],
    ]);
    const refused = await approve(record.id, 1).expect(422);
    expect(refused.body.blockers).toEqual([
      expect.objectContaining({ code: 'missing-alt', lang: 'en', assetId: photo, file: await nameOf(photo), mediaKind: 'image' }),
      expect.objectContaining({ code: 'missing-captions', lang: 'en', assetId: film, file: 'film.mp4', mediaKind: 'video' }),
    ]);

    await as.curatorKz.patch(`/api/studio/countries/${kz}/media/${photo}`, { alt: { en: text('A photo', 'translated') } }).expect(200);
    await as.curatorKz.patch(`/api/studio/countries/${kz}/media/${film}`, { transcript: { en: text('What is said') } }).expect(200);
    const saved = await saveOk(record.id, {});
    await submit(record.id, saved.version).expect(204);
    expect(await blockersOf('items', record.id)).toEqual([]);
    await approve(record.id, saved.version).expect(204);
  });

  it('refuses a record whose title only a machine wrote, and one showing a file still processing or failed', async () => {
    const photo = await image({ en: text('A photo') });
    const record = await draft({ title: { en: text('Machine title', 'machine') }, media: [{ assetId: photo }] });
    await submit(record.id, 1).expect(204);
    expect(await blockersOf('items', record.id)).toEqual([['missing-title', null, null]]);

    const name = await nameOf(photo);
    await db.query(`UPDATE media_assets SET status = 'processing' WHERE id = $1`, [photo]);
    const processing = await approve(record.id, 1).expect(422);
    expect(processing.body.blockers).toEqual([
      expect.objectContaining({ code: 'missing-title' }),
      expect.objectContaining({ code: 'media-not-ready', assetId: photo, file: name, state: 'processing', message: `File ${name} cannot be shown: it is still being processed` }),
    ]);
    await db.query(`UPDATE media_assets SET status = 'failed', failure_reason = 'the image could not be decoded' WHERE id = $1`, [photo]);
    const failed = (await as.moderatorKz.get(review(record.id)).expect(200)).body.blockers;
    expect(failed[1]).toMatchObject({ code: 'media-not-ready', assetId: photo, state: 'failed', message: expect.stringContaining('the image could not be decoded') });

    await db.query(`UPDATE media_assets SET status = 'ready', failure_reason = NULL WHERE id = $1`, [photo]);
    const saved = await saveOk(record.id, { title: { en: text('A title by a person') } });
    await submit(record.id, saved.version).expect(204);
    await approve(record.id, saved.version).expect(204);
  });

  it('gates a memorial: its rights and the alt text of its photos and its events’ photos, in every language it is published in', async () => {
    const photo = await image();
    const eventPhoto = await image({ ru: text('Открытие памятника') });
    const memorials = `/api/studio/countries/${kz}/memorials`;
    const created = await as.curatorKz
      .post(memorials, {
        slug: `gated-memorial-${++counter}`,
        kind: 'obelisk',
        title: { ru: text('Обелиск'), en: text('Obelisk') },
        location: { lat: 43.2, lng: 76.9 },
        media: [{ assetId: photo }],
        events: [{ date: '1975', type: 'unveiling', media: [{ assetId: eventPhoto }] }],
      })
      .expect(201);
    const id = created.body.id as string;
    await as.curatorKz.post(`${memorials}/${id}/submit`, { version: 1 }).expect(204);
    const blockers = await blockersOf('memorials', id);
    expect(blockers).toEqual(
      expect.arrayContaining([
        ['missing-rights', null, null],
        ['missing-alt', 'ru', photo],
        ['missing-alt', 'en', photo],
        ['missing-alt', 'en', eventPhoto],
      ]),
    );
    expect(blockers).toHaveLength(4);
    await as.moderatorKz.post(`/api/review/countries/${kz}/memorials/${id}/approve`, { revision: 1 }).expect(422);

    await as.curatorKz.patch(`/api/studio/countries/${kz}/media/${photo}`, { alt: { ru: text('Обелиск в парке'), en: text('The obelisk in the park') } }).expect(200);
    await as.curatorKz.patch(`/api/studio/countries/${kz}/media/${eventPhoto}`, { alt: { ru: text('Открытие памятника'), en: text('The unveiling') } }).expect(200);
    const saved = await as.curatorKz.request('put', `${memorials}/${id}`).send({ ...editableDocument(created.body), rights: CC_BY }).expect(200);
    await as.curatorKz.post(`${memorials}/${id}/submit`, { version: saved.body.version }).expect(204);
    expect(await blockersOf('memorials', id)).toEqual([]);
    await as.moderatorKz.post(`/api/review/countries/${kz}/memorials/${id}/approve`, { revision: saved.body.version }).expect(204);
    await as.anonymous.get(`/api/public/countries/kazakhstan/memorials/${created.body.slug}`).expect(200);
  });

  it('gates an exhibition: its cover and the files of its media blocks, though it needs no rights of its own', async () => {
    const cover = await image(undefined, null);
    const interview = await upload(mp3File(), 'interview.mp3');
    const exhibitions = `/api/studio/countries/${kz}/exhibitions`;
    const created = await as.curatorKz
      .post(exhibitions, {
        slug: `gated-exhibition-${++counter}`,
        title: { en: text('Voices') },
        coverMediaId: cover,
        sections: [{ id: crypto.randomUUID(), blocks: [{ id: crypto.randomUUID(), type: 'media', assetIds: [interview] }] }],
      })
      .expect(201);
    const id = created.body.id as string;
    await as.curatorKz.post(`${exhibitions}/${id}/submit`, { version: 1 }).expect(204);
    expect(await blockersOf('exhibitions', id)).toEqual([
      ['missing-media-rights', null, cover],
      ['missing-alt', 'en', cover],
      ['missing-media-rights', null, interview],
      ['missing-captions', 'en', interview],
    ]);
    const detail = (await as.moderatorKz.get(`/api/review/countries/${kz}/exhibitions/${id}`).expect(200)).body;
    expect(detail.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'added', path: 'coverMediaId', assetId: cover, from: null, to: 0, label: { of: 'file', text: await nameOf(cover) }, asset: expect.objectContaining({ kind: 'image' }) }),
        expect.objectContaining({
          kind: 'added',
          path: 'sections.0.blocks.0.assetIds',
          assetId: interview,
          to: 0,
          label: { of: 'file', text: 'interview.mp3' },
          within: [{ of: 'section', text: null }, { of: 'block', blockType: 'media', text: 'interview.mp3' }],
          asset: { name: 'interview.mp3', kind: 'audio', thumbnail: null },
        }),
      ]),
    );

    await as.curatorKz.patch(`/api/studio/countries/${kz}/media/${cover}`, { rights: CC_BY, alt: { en: text('Listeners at the radio') } }).expect(200);
    await as.curatorKz.patch(`/api/studio/countries/${kz}/media/${interview}`, { rights: CC_BY, transcript: { en: text('I remember the winter of 1942.') } }).expect(200);
    const saved = await as.curatorKz.request('put', `${exhibitions}/${id}`).send(editableDocument(created.body)).expect(200);
    await as.curatorKz.post(`${exhibitions}/${id}/submit`, { version: saved.body.version }).expect(204);
    await as.moderatorKz.post(`/api/review/countries/${kz}/exhibitions/${id}/approve`, { revision: saved.body.version }).expect(204);
  });

  it('answers 422 naming what no longer fits when the revision to restore breaks today’s rules, and changes nothing', async () => {
    const record = await draft({ description: { en: text('First') } });
    const saved = await saveOk(record.id, { description: { en: text('Second') } });
    // As if the rules had tightened since revision 1 was saved: its kind and slug are no longer accepted.
    await db.query(`UPDATE content_revisions SET content = content || '{"kind": "spaceship", "slug": "Not A Slug"}' WHERE record_id = $1 AND number = 1`, [record.id]);
    const refused = await as.curatorKz.post(studio(`/${record.id}/revisions/1/restore`)).expect(422);
    expect(refused.body.message).toMatch(/^Revision 1 no longer fits/);
    expect(refused.body.issues.map((issue: { path: string }) => issue.path).sort()).toEqual(['kind', 'slug']);
    const after = (await as.curatorKz.get(studio(`/${record.id}`)).expect(200)).body;
    expect(after).toMatchObject({ version: saved.version, description: { en: { text: 'Second' } } });
    expect((await as.curatorKz.get(studio(`/${record.id}/revisions`))).body).toHaveLength(2);
  });

  it('shows the moderator every change per language, and every file added, removed, moved or re-captioned by name', async () => {
    const photo = await image({ en: text('Old alt') });
    const gone = await image({ en: text('Gone alt') });
    const third = await image({ en: text('Third') });
    const record = await published({ description: { en: text('Same') }, media: [{ assetId: photo }, { assetId: gone }, { assetId: third }] });
    await as.curatorKz.patch(`/api/studio/countries/${kz}/media/${photo}`, { alt: { en: text('New alt') } }).expect(200);
    // A live item's re-captioned photo keeps its approved text for visitors.
    expect((await publicItem(record.slug)).body.media[0].alt.text).toBe('Old alt');
    const other = await image({ en: text('Second') });
    const saved = await saveOk(record.id, { title: { en: text('Retitled') }, media: [{ assetId: third }, { assetId: photo }, { assetId: other }] });
    await submit(record.id, saved.version).expect(204);
    const detail = (await as.moderatorKz.get(review(record.id)).expect(200)).body;
    const file = async (id: string) => ({ name: await nameOf(id), kind: 'image', thumbnail: `/api/media/${id}/w64.webp` });
    expect(detail.changes).toEqual(
      expect.arrayContaining([
        { path: 'title', lang: 'en', change: 'changed', before: text(`Item ${counter - 1}`), after: text('Retitled') },
        { kind: 'removed', path: 'media', assetId: gone, asset: await file(gone), label: { of: 'file', text: await nameOf(gone) }, from: 1, to: null },
        // The photo now behind it was not moved: one move, of the file put in front.
        { kind: 'moved', path: 'media', assetId: third, asset: await file(third), label: { of: 'file', text: await nameOf(third) }, from: 2, to: 0 },
        { kind: 'added', path: 'media', assetId: other, asset: await file(other), label: { of: 'file', text: await nameOf(other) }, from: null, to: 2 },
        { path: 'mediaTexts.alt', lang: 'en', assetId: photo, asset: await file(photo), change: 'changed', before: text('Old alt'), after: text('New alt') },
        { path: 'mediaTexts.alt', lang: 'en', assetId: gone, asset: await file(gone), change: 'removed', before: text('Gone alt'), after: null },
        { path: 'mediaTexts.alt', lang: 'en', assetId: other, asset: await file(other), change: 'added', before: null, after: text('Second') },
      ]),
    );
    expect(detail.changes.filter((change: { path: string }) => change.path === 'media')).toHaveLength(3);
    expect(detail.changes.some((change: { path: string }) => change.path === 'description')).toBe(false);
    // The moderator can load every thumbnail the diff names, the removed file's too.
    for (const id of [gone, other]) await as.moderatorKz.get(`/api/media/${id}/w64.webp`).expect(200);
    expect(detail.live.title.en.text).toBe(`Item ${counter - 1}`);
    await approve(record.id, saved.version).expect(204);
    expect((await publicItem(record.slug)).body.media.map((m: { id: string }) => m.id)).toEqual([third, photo, other]);
    expect((await publicItem(record.slug)).body.media[1].alt.text).toBe('New alt');
  });

  /**
   * Runs requests that are sure to overlap: another connection holds the
   * record's row lock while they are sent, one after the other, and is let go
   * only once PostgreSQL shows every one of them waiting for that lock.
   */
  async function queuedBehindLock<T>(table: string, id: string, requests: (() => PromiseLike<T>)[]): Promise<T[]> {
    const holder = new Client({ connectionString: testApp.databaseUrl });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`SELECT id FROM ${table} WHERE id = $1 FOR UPDATE`, [id]);
      const answers: Promise<T>[] = [];
      for (const request of requests) {
        answers.push(Promise.resolve(request()));
        // Sent one at a time, so the order they queue in is the order they are given in.
        await waitingForLocks(holder, answers.length);
      }
      await holder.query('COMMIT');
      return await Promise.all(answers);
    } finally {
      await holder.end();
    }
  }
  async function waitingForLocks(holder: Client, count: number) {
    const deadline = Date.now() + PATIENCE_MS;
    for (;;) {
      // Every test file has its own database, so whatever waits for a lock in it is one of these requests.
      const { rows } = await holder.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock' AND cardinality(pg_blocking_pids(pid)) > 0`,
      );
      if (rows[0].n === count) return;
      if (Date.now() > deadline) throw new Error(`${rows[0].n} requests wait for the row lock, expected ${count}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  it('lets exactly one of two moderators deciding at the same moment win, whichever comes first', async () => {
    for (let attempt = 0; attempt < 4; attempt++) {
      const record = await draft();
      await submit(record.id, 1).expect(204);
      const approval = () => approve(record.id, 1);
      const rejection = () => as.admin.post(review(record.id, 'reject'), { revision: 1, comment: 'No' });
      const approveFirst = attempt % 2 === 0;
      const answers = await queuedBehindLock('items', record.id, approveFirst ? [approval, rejection] : [rejection, approval]);
      expect(answers.map((answer) => answer.status)).toEqual([204, 409]);
      expect(answers[1].body.message).toMatch(/not awaiting review/);
      const item = (await as.curatorKz.get(studio(`/${record.id}`))).body;
      expect(item.status).toBe(approveFirst ? 'published' : 'rejected');
      const decisions = await db.query(`SELECT action FROM audit_log WHERE entity_id = $1 AND action IN ('approve', 'reject')`, [record.id]);
      expect(decisions.map((row: { action: string }) => row.action)).toEqual([approveFirst ? 'approve' : 'reject']);
    }
  });

  it('takes two approvals of the same revision at the same moment as one', async () => {
    const record = await draft();
    await submit(record.id, 1).expect(204);
    const both = await queuedBehindLock('items', record.id, [() => approve(record.id, 1), () => approve(record.id, 1, as.admin)]);
    expect(both.map((response) => response.status)).toEqual([204, 204]);
    const approvals = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'approve'`, [record.id]);
    expect(approvals[0].n).toBe(1);
  });

  it('never loses an edit that arrives during approval, and never publishes it unreviewed', async () => {
    for (let attempt = 0; attempt < 4; attempt++) {
      const record = await draft({ description: { en: text('Reviewed text') } });
      await submit(record.id, 1).expect(204);
      const current = (await as.curatorKz.get(studio(`/${record.id}`)).expect(200)).body;
      const approval = () => approve(record.id, 1);
      const edit = () => as.curatorKz.request('put', studio(`/${record.id}`)).send({ ...editableDocument(current), description: { en: text('Late edit') } });
      const approveFirst = attempt % 2 === 0;
      const answers = await queuedBehindLock('items', record.id, approveFirst ? [approval, edit] : [edit, approval]);
      const [approved, edited] = approveFirst ? answers : [answers[1], answers[0]];
      expect(edited.status, JSON.stringify(edited.body)).toBe(200); // the edit is kept either way
      const item = (await as.curatorKz.get(studio(`/${record.id}`))).body;
      expect(item.description.en.text).toBe('Late edit');
      if (approveFirst) {
        // Approved first: the reviewed text is live, the edit waits as a new draft.
        expect(approved.status).toBe(204);
        expect((await publicItem(record.slug).expect(200)).body.description.text).toBe('Reviewed text');
        expect(item).toMatchObject({ status: 'draft', liveRevision: 1, version: 2 });
      } else {
        // Edited first: the submission is no longer the latest revision, so approving it is refused.
        expect(approved.status).toBe(409);
        await publicItem(record.slug).expect(404);
        expect(item).toMatchObject({ status: 'draft', liveRevision: null, version: 2 });
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
    expect(lines[1]).toContain(',approve,');

    await expect(db.query(`UPDATE audit_log SET action = 'forged' WHERE entity_id = $1`, [record.id])).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM audit_log WHERE entity_id = $1`, [record.id])).rejects.toThrow(/append-only/);
    await expect(db.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
  });

  it('records uploads, logins and failed logins with who, what and from where', async () => {
    const photo = await image();
    const [upload] = (await as.moderatorKz.get(`/api/audit?action=media.upload&entityId=${photo}`).expect(200)).body.items;
    expect(upload).toMatchObject({ action: 'media.upload', actorEmail: 'curator.kz@vitrina.test', countryId: kz, entityType: 'media', entityId: photo });
    expect(upload.ip).toMatch(/127\.0\.0\.1|::1/);

    const client = testApp.client();
    const me = await client.login('curator.am@vitrina.test');
    const [login] = (await as.admin.get('/api/audit?action=login&actor=curator.am@vitrina.test&limit=1').expect(200)).body.items;
    expect(login).toMatchObject({ action: 'login', actorId: me.user.id, entityType: 'user', entityId: me.user.id, countryId: null });
    expect(login.ip).toMatch(/127\.0\.0\.1|::1/);
    await client.post('/api/auth/logout').expect(204);
    const [logout] = (await as.admin.get(`/api/audit?action=logout&actor=curator.am@vitrina.test&limit=1`).expect(200)).body.items;
    expect(logout).toMatchObject({ actorId: me.user.id, entityType: 'session' });

    const stranger = testApp.client();
    await stranger.fetchCsrf();
    await stranger.post('/api/auth/login', { email: 'curator.am@vitrina.test', password: 'not-the-password' }).expect(401);
    const [failure] = (await as.admin.get('/api/audit?action=login.failure&limit=1').expect(200)).body.items;
    expect(failure).toMatchObject({ actorId: null, entityId: me.user.id, details: { email: 'curator.am@vitrina.test' } });
  });

  it('records every membership change and user update in its own transaction, with the role before and after and what changed from what', async () => {
    const user = (await as.admin.post('/api/admin/users', { email: 'audited@vitrina.test', displayName: 'Audited', password: 'audited-password' }).expect(201)).body;
    const entries = async () => (await as.admin.get(`/api/audit?entityId=${user.id}`).expect(200)).body.items;
    expect((await entries())[0]).toMatchObject({ action: 'user.create', actorEmail: 'admin@vitrina.test', details: { email: 'audited@vitrina.test', displayName: 'Audited', isAdmin: false } });

    await as.admin.post(`/api/admin/users/${user.id}/memberships`, { countryId: kz, role: 'curator' }).expect(201);
    await as.admin.post(`/api/admin/users/${user.id}/memberships`, { countryId: kz, role: 'moderator' }).expect(201);
    await as.admin.delete(`/api/admin/users/${user.id}/memberships/${kz}`).expect(204);
    // Refused changes leave no entry: an unknown country, a membership that no longer exists.
    await as.admin.post(`/api/admin/users/${user.id}/memberships`, { countryId: crypto.randomUUID(), role: 'curator' }).expect(404);
    await as.admin.delete(`/api/admin/users/${user.id}/memberships/${kz}`).expect(404);
    const memberships = (await entries()).filter((entry: { action: string }) => entry.action.startsWith('membership.'));
    expect(memberships).toEqual([
      expect.objectContaining({ action: 'membership.revoke', countryId: kz, fromState: 'moderator', toState: null, details: { email: 'audited@vitrina.test', role: null, previousRole: 'moderator' } }),
      expect.objectContaining({ action: 'membership.grant', countryId: kz, fromState: 'curator', toState: 'moderator', details: { email: 'audited@vitrina.test', role: 'moderator', previousRole: 'curator' } }),
      expect.objectContaining({ action: 'membership.grant', countryId: kz, fromState: null, toState: 'curator', details: { email: 'audited@vitrina.test', role: 'curator', previousRole: null } }),
    ]);
    // The moderator of that country reads its membership changes too.
    const seenByModerator = (await as.moderatorKz.get(`/api/audit?entityId=${user.id}`).expect(200)).body.items;
    expect(seenByModerator.map((entry: { action: string }) => entry.action)).toEqual(['membership.revoke', 'membership.grant', 'membership.grant']);

    await as.admin.patch(`/api/admin/users/${user.id}`, { displayName: 'Audited Twice', disabled: true, isAdmin: false }).expect(200);
    await as.admin.patch(`/api/admin/users/${user.id}`, { password: 'another-password' }).expect(200);
    await as.admin.patch(`/api/admin/users/${user.id}`, { displayName: 'Audited Twice' }).expect(200); // changes nothing
    const updates = (await entries()).filter((entry: { action: string }) => entry.action === 'user.update');
    expect(updates.map((entry: { details: unknown }) => entry.details)).toEqual([
      { email: 'audited@vitrina.test', changed: { password: 'set' } },
      { email: 'audited@vitrina.test', changed: { displayName: { from: 'Audited', to: 'Audited Twice' }, disabled: { from: false, to: true } } },
    ]);
    expect(JSON.stringify(await entries())).not.toContain('another-password');
  });

  it('exports every entry the filters select, past any page size, with no cell a spreadsheet would run as a formula', async () => {
    const many = 10_500;
    await db.query(
      `INSERT INTO audit_log (action, country_id, entity_type, details) SELECT 'bulk.import', $1, 'item', jsonb_build_object('n', n) FROM generate_series(1, $2) AS n`,
      [kz, many],
    );
    const bulk = await as.moderatorKz.get(`/api/audit/export.csv?action=bulk.import&limit=5`).expect(200);
    const lines = bulk.text.trim().split('\n');
    expect(lines).toHaveLength(many + 1);
    expect(lines[1]).toContain('"{""n"":10500}"');
    expect(lines[many]).toContain('"{""n"":1}"');

    const empty = await as.moderatorKz.get(`/api/audit/export.csv?action=nothing.like.this`).expect(200);
    expect(empty.text.trim()).toBe('id,at,actorEmail,action,countryId,entityType,entityId,fromState,toState,ip,details');

    // A real path: an address may start with + or -, and the login writes it into the log as it is.
    const plus = await as.admin.post('/api/admin/users', { email: '+1-2@vitrina.test', displayName: 'Plus', password: 'plus-password' }).expect(201);
    await testApp.client().login('+1-2@vitrina.test', 'plus-password');
    await db.query(
      `INSERT INTO audit_log (action, country_id, entity_type, entity_id, from_state, to_state, details)
       VALUES ('=HYPERLINK("http://evil.test","x")', $1, '@SUM(A1)', $2, E'\tdraft', '-1', '{}')`,
      [kz, plus.body.id],
    );
    const csv = (await as.admin.get(`/api/audit/export.csv?entityId=${plus.body.id}`).expect(200)).text;
    expect(csv).toContain(`'+1-2@vitrina.test,login,`);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.test"",""x"")",${kz},'@SUM(A1),${plus.body.id},'\tdraft,'-1,,{}`);
    const cells = csv.split('\n').slice(1).filter(Boolean).flatMap((line) => line.split(','));
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
  });
});
