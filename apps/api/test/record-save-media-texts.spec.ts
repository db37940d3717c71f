import sharp from 'sharp';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ActorName, startWithActors } from './support/actors';
import { uploadMedia } from './support/media-files';
import type { TestApp, TestClient } from './support/test-app';

const text = (value: string, status = 'original') => ({ text: value, status });

/** A record's save carrying its files' texts: one transaction with the revision that snapshots them. */
describe('a studio save with the texts of its files', () => {
  let testApp: TestApp;
  let db: DataSource;
  let as: Record<ActorName, TestClient>;
  let kz: string;
  let am: string;
  let counter = 0;

  const items = (path = '') => `/api/studio/countries/${kz}/items${path}`;
  const asset = async (id: string) => (await as.curatorKz.get(`/api/studio/countries/${kz}/media/${id}`).expect(200)).body;
  const snapshot = async (recordId: string, number: number) => {
    const rows: { media_texts: Record<string, { alt: object; caption: object }> }[] = await db.query(
      `SELECT media_texts FROM content_revisions WHERE record_type = 'item' AND record_id = $1 AND number = $2`,
      [recordId, number],
    );
    return rows[0]?.media_texts;
  };
  const revisionCount = async (recordId: string) => Number((await db.query(`SELECT count(*) AS n FROM content_revisions WHERE record_id = $1`, [recordId]))[0].n);

  /** A small image of its own (a distinct colour each time: the same bytes twice would be one asset). */
  async function upload(client: TestClient, countryId: string): Promise<string> {
    const png = await sharp({ create: { width: 24, height: 16, channels: 3, background: { r: (counter * 37) % 256, g: 90, b: ++counter % 256 } } }).png().toBuffer();
    return (await uploadMedia(client, countryId, png, `photo-${counter}.png`).expect(201)).body.id as string;
  }

  async function itemShowing(assetId: string, body: object = {}) {
    const slug = `texted-${++counter}`;
    const created = await as.curatorKz.post(items(), { slug, kind: 'artefact', title: { ru: text(`Предмет ${counter}`) }, media: [{ assetId }], ...body });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body as { id: string; slug: string; version: number; media: { assetId: string }[]; title: object; kind: string };
  }
  const documentOf = (record: Record<string, unknown>) => {
    const { id: _id, countryId: _c, status: _s, version: _v, liveRevision: _l, reviewComment: _r, createdAt: _ca, updatedAt: _u, ...document } = record;
    return document;
  };

  beforeAll(async () => {
    ({ testApp, db, as, kz, am } = await startWithActors({ SEED_DEMO_MEDIA: 'false' }));
  });

  afterAll(() => testApp?.close());

  it('creates a record and writes its file texts in the same save: the first revision snapshots them, each file write audited', async () => {
    const photo = await upload(as.curatorKz, kz);
    const alt = { ru: text('Войлочный ковёр, Алматы'), kk: text('Киіз кілем, әже қолынан') };
    const record = await itemShowing(photo, { mediaTexts: { [photo]: { alt, caption: { ru: text('Подпись, 1944') } } } });

    expect((await asset(photo)).alt).toEqual(alt);
    expect((await snapshot(record.id, 1))[photo]).toMatchObject({ alt, caption: { ru: text('Подпись, 1944') } });
    const audited: { action: string; entity_id: string }[] = await db.query(`SELECT action, entity_id FROM audit_log WHERE entity_id = $1`, [photo]);
    expect(audited.map((entry) => entry.action)).toContain('media.update');
  });

  it('updates the record and its file texts together; the moderator reviews exactly those texts', async () => {
    const photo = await upload(as.curatorKz, kz);
    const record = await itemShowing(photo, { rights: 'https://creativecommons.org/licenses/by/4.0/' });
    const caption = { ru: text('Ковёр из войлока, эвакуация 1942 года'), kk: text('Қазақ киіз үйі, ұлттық өрнек') };
    const saved = await as.curatorKz.put(items(`/${record.id}`), { ...documentOf(record), version: record.version, mediaTexts: { [photo]: { caption } } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.version).toBe(2);
    expect((await snapshot(record.id, 2))[photo].caption).toEqual(caption);

    await as.curatorKz.post(items(`/${record.id}/submit`), { version: 2 }).expect(204);
    const detail = (await as.moderatorKz.get(`/api/review/countries/${kz}/items/${record.id}`).expect(200)).body;
    expect(detail.changes).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'mediaTexts.caption', lang: 'kk', assetId: photo, after: caption.kk })]));
  });

  it('leaves the file texts as they were when the record save fails inside the transaction (the slug is taken)', async () => {
    const photo = await upload(as.curatorKz, kz);
    const taken = await itemShowing(photo);
    const record = await itemShowing(photo, { mediaTexts: { [photo]: { alt: { ru: text('Было') } } } });
    const refused = await as.curatorKz.put(items(`/${record.id}`), {
      ...documentOf(record),
      slug: taken.slug,
      version: record.version,
      mediaTexts: { [photo]: { alt: { ru: text('Стало, но не сохранилось') } } },
    });
    expect(refused.status, JSON.stringify(refused.body)).toBe(409);
    expect((await asset(photo)).alt).toEqual({ ru: text('Было') });
    expect(await revisionCount(record.id)).toBe(1);
  });

  it('answers a stale version with 409 and writes none of the texts', async () => {
    const photo = await upload(as.curatorKz, kz);
    const record = await itemShowing(photo);
    await as.curatorKz.put(items(`/${record.id}`), { ...documentOf(record), version: record.version }).expect(200);
    const stale = await as.curatorKz.put(items(`/${record.id}`), { ...documentOf(record), version: record.version, mediaTexts: { [photo]: { credit: { ru: text('Музей, Қарағанды') } } } });
    expect(stale.status).toBe(409);
    expect((await asset(photo)).credit).toEqual({});
    expect(await revisionCount(record.id)).toBe(2);
  });

  it('refuses texts for a file of another country, naming it, and changes nothing', async () => {
    const photo = await upload(as.curatorKz, kz);
    const foreign = await upload(as.curatorAm, am);
    const record = await itemShowing(photo);
    const refused = await as.curatorKz.put(items(`/${record.id}`), { ...documentOf(record), version: record.version, mediaTexts: { [foreign]: { alt: { ru: text('Чужой файл') } } } });
    expect(refused.status).toBe(400);
    expect(refused.body.issues).toEqual([{ path: `mediaTexts.${foreign}`, message: expect.stringContaining('in this country') }]);
    expect((await as.curatorAm.get(`/api/studio/countries/${am}/media/${foreign}`).expect(200)).body.alt).toEqual({});
    expect(await revisionCount(record.id)).toBe(1);
  });

  it('refuses texts for a file of the country the record does not show, naming it, and changes nothing', async () => {
    const [shown, elsewhere] = [await upload(as.curatorKz, kz), await upload(as.curatorKz, kz)];
    const record = await itemShowing(shown);
    const refused = await as.curatorKz.put(items(`/${record.id}`), {
      ...documentOf(record),
      version: record.version,
      mediaTexts: { [shown]: { alt: { ru: text('Свой') } }, [elsewhere]: { alt: { ru: text('Не этого предмета') } } },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.issues).toEqual([{ path: `mediaTexts.${elsewhere}`, message: expect.stringContaining('does not show') }]);
    expect([(await asset(shown)).alt, (await asset(elsewhere)).alt]).toEqual([{}, {}]);
    const created = await as.curatorKz.post(items(), { slug: `texted-${++counter}`, kind: 'artefact', title: { ru: text('Новый') }, mediaTexts: { [elsewhere]: { alt: { ru: text('Нет') } } } });
    expect(created.status).toBe(400);
    expect(created.body.issues).toEqual([{ path: `mediaTexts.${elsewhere}`, message: expect.any(String) }]);
  });

  it('refuses malformed texts with 400: a key that is no id, a language the country has not enabled, an unknown field', async () => {
    const photo = await upload(as.curatorKz, kz);
    const record = await itemShowing(photo);
    const put = (mediaTexts: object) => as.curatorKz.put(items(`/${record.id}`), { ...documentOf(record), version: record.version, mediaTexts });
    expect((await put({ 'not-an-id': { alt: { ru: text('x') } } })).status).toBe(400);
    expect((await put({ [photo]: { alt: { hy: text('Հայերեն') } } })).status).toBe(400);
    expect((await put({ [photo]: { title: { ru: text('x') } } })).status).toBe(400);
    expect((await put({ [photo]: {} })).status).toBe(400);
    expect((await asset(photo)).alt).toEqual({});
    expect(await revisionCount(record.id)).toBe(1);
  });
});
