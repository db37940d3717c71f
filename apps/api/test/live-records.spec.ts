import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CountriesService } from '../src/modules/countries/countries.service';
import { findByIds } from '../src/modules/content/find-by-ids';
import { withApprovedTexts } from '../src/modules/content/media-texts';
import { MediaAssetEntity } from '../src/modules/media/media-asset.entity';
import { LiveRecords } from '../src/modules/content/live-records';
import { RECORD_KINDS, asLive } from '../src/modules/content/record-kinds';
import { type ActorName, signInActors } from './support/actors';
import { publishDirectly } from './support/publish';
import { type TestApp, type TestClient, startTestApp } from './support/test-app';

const text = (value: string) => ({ text: value, status: 'original' });

/** The public read model reads rows by plain SQL: they must be what the ORM gave, field for field. */
describe('live records read by SQL', () => {
  let testApp: TestApp;
  let db: DataSource;
  let live: LiveRecords;
  let as: Record<ActorName, TestClient>;
  let kz: string;

  beforeAll(async () => {
    testApp = await startTestApp();
    db = testApp.app.get(DataSource);
    live = testApp.app.get(LiveRecords);
    as = await signInActors(testApp);
    kz = (await as.anonymous.get('/api/public/countries').expect(200)).body.items.find((c: { slug: string }) => c.slug === 'kazakhstan').id;
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it('gives the same live records and media as the ORM did', async () => {
    const assetId = randomUUID();
    await db.query(
      `INSERT INTO media_assets (id, country_id, kind, mime_type, byte_size, sha256, original_name, width, height, status, alt, caption, rights, thumbhash, derivative_widths, metadata_boxes)
       VALUES ($1, $2, 'image', 'image/jpeg', 123456, $3, 'photo.jpg', 800, 600, 'ready', $4, $5, 'https://creativecommons.org/licenses/by/4.0/', 'abc', '{400,800}', '[]')`,
      [assetId, kz, randomUUID(), { en: text('A photograph') }, { en: text('Its caption') }],
    );
    const studio = `/api/studio/countries/${kz}`;
    const item = await as.curatorKz
      .post(`${studio}/items`, {
        slug: `sql-${randomUUID().slice(0, 6)}`,
        kind: 'artefact',
        title: { en: text('Read by SQL') },
        location: { lat: 43.25, lng: 76.95 },
        date: { earliest: 1941, latest: 1945 },
        media: [{ assetId }],
        rights: 'https://creativecommons.org/licenses/by/4.0/',
      })
      .expect(201);
    await publishDirectly(db, 'items', item.body.id);
    const memorial = await as.curatorKz
      .post(`${studio}/memorials`, { slug: `sql-m-${randomUUID().slice(0, 6)}`, kind: 'monument', title: { en: text('A memorial') }, location: { lat: 43.2, lng: 76.9 } })
      .expect(201);
    await publishDirectly(db, 'memorials', memorial.body.id);

    for (const [type, id] of [['item', item.body.id], ['memorial', memorial.body.id]] as const) {
      const kind = RECORD_KINDS[type];
      const viaOrm = asLive(kind, (await db.getRepository(kind.entity).findOneBy({ id }))!);
      const byIds = await live.byIds(type, kz, [id, id, randomUUID()]);
      expect([...byIds.keys()]).toEqual([id]);
      // toEqual: the ORM's objects also carry the relation `country`, never loaded (undefined).
      expect(byIds.get(id)).toEqual(viaOrm);
      expect(await live.bySlug(type, kz, viaOrm!.slug)).toEqual(viaOrm);
      const both = await live.countryAndRecord('kazakhstan', type, viaOrm!.slug);
      expect(both.record).toEqual(viaOrm);
      expect(both.country.id).toBe(kz);
      await expect(live.countryAndRecord('kazakhstan', type, 'no-such-slug')).rejects.toThrow(`No such ${type}`);
      await expect(live.countryAndRecord('atlantis', type, viaOrm!.slug)).rejects.toThrow('No such country');
    }

    const viaService = await testApp.app.get(CountriesService).findEntityBySlug('kazakhstan');
    expect({ ...(await live.country('kazakhstan')) }).toEqual({ ...viaService });
    expect({ ...(await live.countryAndRecord('kazakhstan', 'item', item.body.slug)).country }).toEqual({ ...viaService });
    await expect(live.country('atlantis')).rejects.toThrow('No such country');

    // Keys of records and media read in one query give the same records and media.
    const together = await live.shownWith(kz, { items: [item.body.id, randomUUID()], memorials: [memorial.body.id], assets: [assetId, randomUUID()] });
    expect([...together.items.keys()]).toEqual([item.body.id]);
    expect([...together.memorials.keys()]).toEqual([memorial.body.id]);
    expect([...together.assetKeys.tuples.keys()]).toEqual([assetId]);
    // The same keys read with a record's own query (an exhibition page's plan): the same records, files and row versions.
    const shownIds = { items: [item.body.id, randomUUID()], memorials: [memorial.body.id], assets: [assetId, randomUUID()] };
    const withRecord = await live.countryAndRecord('kazakhstan', 'item', item.body.slug, shownIds);
    const keys = withRecord.keys!.parsed();
    expect(withRecord.record).toEqual(await live.byId('item', item.body.id));
    const records = await live.recordsOf(kz, keys);
    expect([...records.items.values()]).toEqual([...together.items.values()]);
    expect([...records.memorials.values()]).toEqual([...together.memorials.values()]);
    expect(keys.assets.tuples).toEqual(together.assetKeys.tuples);
    expect(keys.assets.asked).toEqual(new Set(shownIds.assets));
    // Nothing changed, the same fingerprint; a file's new row version, another.
    const again = await live.countryAndRecord('kazakhstan', 'item', item.body.slug, shownIds);
    expect(again.keys!.fingerprint).toBe(withRecord.keys!.fingerprint);
    await db.query(`UPDATE media_assets SET thumbhash = 'changed' WHERE id = $1`, [assetId]);
    const changed = await live.countryAndRecord('kazakhstan', 'item', item.body.slug, shownIds);
    expect(changed.keys!.fingerprint).not.toBe(withRecord.keys!.fingerprint);
    await db.query(`UPDATE media_assets SET thumbhash = 'abc' WHERE id = $1`, [assetId]);

    const record = await live.byId('item', item.body.id);
    const viaOrm = withApprovedTexts(await findByIds(db.getRepository(MediaAssetEntity), { countryId: kz }, [assetId]), record.liveMediaTexts);
    const assets = await live.assetsOf(kz, [assetId, assetId], [record]);
    expect([...assets.keys()]).toEqual([assetId]);
    expect({ ...assets.get(assetId) }).toEqual({ ...viaOrm.get(assetId), metadataBoxes: undefined });
    expect(assets.get(assetId)!.byteSize).toBe(123456);
    const withKeys = await live.assetsOf(kz, [assetId], [record], together.assetKeys);
    expect({ ...withKeys.get(assetId) }).toEqual({ ...assets.get(assetId) });
    // A file asked for with the records and not found shown is not shown, not read again.
    const withdrawnBefore = { asked: new Set([assetId]), tuples: new Map<string, string>() };
    expect((await live.assetsOf(kz, [assetId], [record], withdrawnBefore)).size).toBe(0);
  });
});
