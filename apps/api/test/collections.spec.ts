import { publishDirectly } from './support/publish';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/infra/database/data-source-options';
import { type TestApp, type TestClient, startTestApp } from './support/test-app';

const text = (value: string, status = 'original') => ({ text: value, status });

describe('collections: studio and public API', () => {
  let testApp: TestApp;
  let curatorKz: TestClient;
  let curatorAm: TestClient;
  let visitor: TestClient;
  let kz: { id: string };
  let am: { id: string };
  let db: DataSource;
  const studio = (countryId: string, path = '') => `/api/studio/countries/${countryId}/${path}`;

  beforeAll(async () => {
    testApp = await startTestApp();
    curatorKz = testApp.client();
    await curatorKz.login('curator.kz@vitrina.test');
    curatorAm = testApp.client();
    await curatorAm.login('curator.am@vitrina.test');
    visitor = testApp.client();
    kz = (await visitor.get('/api/public/countries/kazakhstan')).body;
    am = (await visitor.get('/api/public/countries/armenia')).body;
    db = await new DataSource(dataSourceOptions(testApp.databaseUrl, 1)).initialize();
  });

  afterAll(async () => {
    await db?.destroy();
    await testApp?.close();
  });

  async function publish(table: 'items' | 'memorials' | 'exhibitions', id: string) {
    await publishDirectly(db, table, id);
  }

  async function createItem(client: TestClient, countryId: string, overrides: object = {}) {
    const response = await client.post(studio(countryId, 'items'), {
      slug: `item-${Math.random().toString(36).slice(2, 8)}`,
      kind: 'photograph',
      title: { ru: text('Фотография'), en: text('Photograph', 'translated') },
      ...overrides,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body;
  }

  it('creates, reads, lists, updates and deletes a draft item', async () => {
    const item = await createItem(curatorKz, kz.id, {
      slug: 'studio-item',
      tags: [{ ru: '1941' }],
      date: { earliest: 1941, latest: 1943, display: { ru: text('1941–1943') } },
      location: { lat: 43.25, lng: 76.95 },
      rights: 'https://creativecommons.org/licenses/by/4.0/',
    });
    expect(item).toMatchObject({ slug: 'studio-item', status: 'draft', version: 1, countryId: kz.id, tags: [{ ru: '1941' }] });
    expect(item.id).toMatch(/^[0-9a-f-]{36}$/);

    const listed = await curatorKz.get(`${studio(kz.id, 'items')}?q=studio-item&lang=en`).expect(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ id: item.id, title: expect.objectContaining({ text: 'Photograph', lang: 'en' }) })]);

    const saved = await curatorKz
      .request('put', studio(kz.id, `items/${item.id}`))
      .send({ slug: 'studio-item', kind: 'document', title: { ru: text('Документ') }, version: 1 })
      .expect(200);
    expect(saved.body).toMatchObject({ kind: 'document', version: 2 });
    expect(saved.body.tags).toEqual([]);
    expect(new Date(saved.body.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(item.updatedAt).getTime());

    await curatorKz.delete(studio(kz.id, `items/${item.id}`)).expect(204);
    await curatorKz.get(studio(kz.id, `items/${item.id}`)).expect(404);
  });

  it('pages and filters studio lists', async () => {
    for (let i = 0; i < 5; i++) await createItem(curatorKz, kz.id, { slug: `paged-${i}`, kind: i % 2 ? 'artwork' : 'story' });
    const page1 = await curatorKz.get(`${studio(kz.id, 'items')}?q=paged-&limit=2&offset=0`).expect(200);
    const page2 = await curatorKz.get(`${studio(kz.id, 'items')}?q=paged-&limit=2&offset=2`).expect(200);
    expect(page1.body.total).toBe(5);
    expect(page1.body.items).toHaveLength(2);
    const ids = [...page1.body.items, ...page2.body.items].map((i: { id: string }) => i.id);
    expect(new Set(ids).size).toBe(4);
    const artworks = await curatorKz.get(`${studio(kz.id, 'items')}?q=paged-&kind=artwork`).expect(200);
    expect(artworks.body.total).toBe(2);
    await curatorKz.get(`${studio(kz.id, 'items')}?limit=1000`).expect(400);
  });

  it('gives the second of two saves from the same version a 409, never a silent overwrite', async () => {
    const item = await createItem(curatorKz, kz.id);
    const save = (title: string) =>
      curatorKz
        .request('put', studio(kz.id, `items/${item.id}`))
        .send({ slug: item.slug, kind: 'photograph', title: { ru: text(title) }, version: 1 });
    const results = await Promise.all([save('Первая правка'), save('Вторая правка')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200)!.body.title.ru.text;
    const stored = await curatorKz.get(studio(kz.id, `items/${item.id}`)).expect(200);
    expect(stored.body).toMatchObject({ version: 2, title: { ru: { text: winner } } });
    expect(results.find((r) => r.status === 409)!.body.message).toMatch(/changed by someone else/);
  });

  it('refuses texts in languages the country has not enabled', async () => {
    const response = await curatorKz.post(studio(kz.id, 'items'), {
      slug: 'wrong-language',
      kind: 'story',
      title: { ru: text('История'), hy: text('Պատմություն') },
    });
    expect(response.status).toBe(400);
    expect(response.body.message).toContain('title.hy');
  });

  it('refuses a duplicate slug within a country but allows it in another', async () => {
    await createItem(curatorKz, kz.id, { slug: 'shared-slug' });
    const again = await curatorKz.post(studio(kz.id, 'items'), { slug: 'shared-slug', kind: 'story', title: { ru: text('x') } });
    expect(again.status).toBe(409);
    await createItem(curatorAm, am.id, { slug: 'shared-slug' });
  });

  it('keeps curators inside their own country, whatever ids they swap in', async () => {
    const kzItem = await createItem(curatorKz, kz.id);
    await curatorAm.get(studio(kz.id, `items/${kzItem.id}`)).expect(403);
    await curatorAm.get(studio(am.id, `items/${kzItem.id}`)).expect(404);
    await curatorAm.request('put', studio(am.id, `items/${kzItem.id}`)).send({ slug: 'x-x', kind: 'story', title: { ru: text('x') }, version: 1 }).expect(404);
    await curatorAm.delete(studio(am.id, `items/${kzItem.id}`)).expect(404);
    const exhibition = await curatorAm.post(studio(am.id, 'exhibitions'), {
      slug: 'borrowing',
      title: { ru: text('Заимствование') },
      sections: [{ id: crypto.randomUUID(), blocks: [{ id: crypto.randomUUID(), type: 'item', itemId: kzItem.id }] }],
    });
    expect(exhibition.status).toBe(400);
    expect(exhibition.body.message).toContain(kzItem.id);
    await curatorKz.get(studio(kz.id, `items/${kzItem.id}`)).expect(200);
  });

  it('deletes only drafts', async () => {
    const item = await createItem(curatorKz, kz.id);
    await publish('items', item.id);
    const response = await curatorKz.delete(studio(kz.id, `items/${item.id}`));
    expect(response.status).toBe(409);
    await curatorKz.get(studio(kz.id, `items/${item.id}`)).expect(200);
  });

  it('sanitises rich text on the server', async () => {
    const item = await createItem(curatorKz, kz.id);
    const dirty =
      '<p onclick="steal()">Hello <script>alert(1)</script><a href="javascript:alert(2)">bad</a> ' +
      '<a href="https://example.org">good</a><img src=x onerror=alert(3)><iframe src="https://evil.test"></iframe></p>';
    const created = await curatorKz.post(studio(kz.id, 'exhibitions'), {
      slug: 'sanitised',
      title: { ru: text('Выставка') },
      sections: [
        {
          id: crypto.randomUUID(),
          blocks: [
            { id: crypto.randomUUID(), type: 'text', body: { ru: text(dirty), en: text('<script>only a script</script>') } },
            { id: crypto.randomUUID(), type: 'item', itemId: item.id, caption: { ru: text('Подпись') } },
          ],
        },
      ],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const body = created.body.sections[0].blocks[0].body;
    expect(body.ru.text).toBe(
      '<p>Hello <a rel="noopener noreferrer nofollow">bad</a> <a href="https://example.org" rel="noopener noreferrer nofollow">good</a></p>',
    );
    expect(body.en).toBeUndefined();
  });

  it('publishes only published records, resolving languages along the fallback chain', async () => {
    const item = await createItem(curatorKz, kz.id, {
      slug: 'fallback-item',
      title: { kk: text('Сурет'), ru: text('Фотография'), en: text('Photograph (machine)', 'machine') },
      description: { en: text('Only in English', 'translated') },
    });
    await visitor.get('/api/public/countries/kazakhstan/items/fallback-item').expect(404);
    await publish('items', item.id);

    const inEnglish = await visitor.get('/api/public/countries/kazakhstan/items/fallback-item?lang=en').expect(200);
    // The machine draft is skipped; the country default (Kazakh) comes next.
    expect(inEnglish.body.title).toEqual({ text: 'Сурет', lang: 'kk', status: 'original', fallback: true });
    expect(inEnglish.body.description).toEqual({ text: 'Only in English', lang: 'en', status: 'translated', fallback: false });

    const byHeader = await visitor.get('/api/public/countries/kazakhstan/items/fallback-item').set('Accept-Language', 'ru-RU,ru;q=0.9');
    expect(byHeader.body.title).toMatchObject({ text: 'Фотография', lang: 'ru', fallback: false });
    expect(byHeader.body.description).toMatchObject({ lang: 'en', fallback: true });

    const inArmenian = await visitor.get('/api/public/countries/kazakhstan/items/fallback-item?lang=hy').expect(200);
    expect(inArmenian.body.title).toMatchObject({ lang: 'kk', fallback: true });
    await visitor.get('/api/public/countries/kazakhstan/items/fallback-item?lang=xx').expect(400);
  });

  it('answers public reads with an ETag and cache headers, and 304 when unchanged', async () => {
    const first = await visitor.get('/api/public/countries/kazakhstan/home?lang=ru').expect(200);
    expect(first.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe('public, no-cache');
    expect(first.headers.vary).toContain('Accept-Language');
    const again = await visitor.get('/api/public/countries/kazakhstan/home?lang=ru').set('If-None-Match', first.headers.etag);
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    const english = await visitor.get('/api/public/countries/kazakhstan/home?lang=en');
    expect(english.headers.etag).not.toBe(first.headers.etag);
  });

  it('shows the seeded demo museum: an exhibition of eight items and five memorials', async () => {
    const home = await visitor.get('/api/public/countries/kazakhstan/home?lang=en').expect(200);
    expect(home.body.country.intro.text).toMatch(/Demonstration content/);
    expect(home.body.exhibitions).toHaveLength(1);
    // The map's points come apart from the page: the country's live memorials by slug, in the reader's language.
    expect(home.body).not.toHaveProperty('memorials');
    const points = (await visitor.get('/api/public/countries/kazakhstan/memorial-points?lang=en').expect(200)).body.items as { type: string; slug: string; title: { lang: string } }[];
    expect(points.length).toBeGreaterThanOrEqual(5);
    expect(points.map((p) => p.slug)).toEqual(points.map((p) => p.slug).sort());
    expect(new Set(points.map((p) => p.type))).toEqual(new Set(['memorial']));
    expect(points.find((p) => p.slug === 'glory-memorial-almaty')?.title).toMatchObject({ text: 'Demo: Memorial of Glory in the Park of 28 Panfilov Guardsmen', lang: 'en' });
    await visitor.get('/api/public/countries/no-such-country/memorial-points').expect(404);
    const exhibition = await visitor.get(`/api/public/countries/kazakhstan/exhibitions/${home.body.exhibitions[0].slug}?lang=en`).expect(200);
    const blocks = exhibition.body.sections.flatMap((s: { blocks: { type: string }[] }) => s.blocks);
    expect(new Set(blocks.map((b: { type: string }) => b.type))).toEqual(new Set(['text', 'item', 'gallery', 'quote', 'map']));
    const itemIds = new Set(
      blocks.flatMap((b: { type: string; item?: { id: string }; items?: { id: string }[] }) =>
        b.type === 'item' ? [b.item!.id] : b.type === 'gallery' ? b.items!.map((i) => i.id) : [],
      ),
    );
    expect(itemIds.size).toBeGreaterThanOrEqual(8);
    const map = blocks.find((b: { type: string }) => b.type === 'map');
    expect(map.points.filter((p: { type: string }) => p.type === 'memorial')).toHaveLength(5);
    expect(exhibition.body.title.text).toMatch(/^Demo: /);
  });

  it('shows a memorial with its latest condition, inscriptions, names and event log in order', async () => {
    const memorial = await visitor.get('/api/public/countries/kazakhstan/memorials/aktobe-plaque?lang=en').expect(200);
    expect(memorial.body.condition).toBe('good');
    expect(memorial.body.conditionSurveys.map((s: { date: string }) => s.date)).toEqual(['2025-05-01', '2020-07']);
    expect(memorial.body.events.map((e: { type: string }) => e.type)).toEqual(['unveiling', 'restoration']);
    expect(memorial.body.inscriptions[0]).toMatchObject({ originalLanguage: 'ru', translation: { lang: 'en' } });
    const almaty = await visitor.get('/api/public/countries/kazakhstan/memorials/glory-memorial-almaty').expect(200);
    expect(almaty.body.people[0]).toMatchObject({ variants: expect.arrayContaining(['Akhmetov Serik Nurlanovich']) });
  });

  it('leaves unpublished items out of published exhibitions and shows them in the studio preview', async () => {
    const published = await createItem(curatorKz, kz.id, { slug: 'in-public' });
    const draft = await createItem(curatorKz, kz.id, { slug: 'still-draft' });
    await publish('items', published.id);
    const exhibition = await curatorKz.post(studio(kz.id, 'exhibitions'), {
      slug: 'mixed',
      title: { ru: text('Смешанная') },
      sections: [{ id: crypto.randomUUID(), blocks: [{ id: crypto.randomUUID(), type: 'gallery', itemIds: [published.id, draft.id] }] }],
    });
    const preview = await curatorKz.get(studio(kz.id, `exhibitions/${exhibition.body.id}/preview?lang=ru`)).expect(200);
    expect(preview.body.sections[0].blocks[0].items.map((i: { slug: string }) => i.slug)).toEqual(['in-public', 'still-draft']);
    await visitor.get('/api/public/countries/kazakhstan/exhibitions/mixed').expect(404);
    await publish('exhibitions', exhibition.body.id);
    const visible = await visitor.get('/api/public/countries/kazakhstan/exhibitions/mixed?lang=ru').expect(200);
    expect(visible.body.sections[0].blocks[0].items.map((i: { slug: string }) => i.slug)).toEqual(['in-public']);
  });

  it('lists published pages, and only those, in the sitemap', async () => {
    await createItem(curatorKz, kz.id, { slug: 'secret-draft' });
    const sitemap = await visitor.get('/api/public/sitemap.xml').expect(200);
    expect(sitemap.headers['content-type']).toContain('application/xml');
    expect(sitemap.text).toContain('/kazakhstan/memorials/glory-memorial-almaty</loc>');
    expect(sitemap.text).toContain('/armenia/exhibitions/return-and-remembrance</loc>');
    expect(sitemap.text).not.toContain('secret-draft');
  });

  it('validates memorials: coordinates required, conditions and event types from their lists', async () => {
    const base = { slug: 'memorial-check', kind: 'obelisk', title: { ru: text('Обелиск') } };
    await curatorKz.post(studio(kz.id, 'memorials'), base).expect(400);
    await curatorKz.post(studio(kz.id, 'memorials'), { ...base, location: { lat: 91, lng: 0 } }).expect(400);
    await curatorKz
      .post(studio(kz.id, 'memorials'), { ...base, location: { lat: 43, lng: 77 }, conditionSurveys: [{ date: '2020', condition: 'shiny' }] })
      .expect(400);
    const created = await curatorKz
      .post(studio(kz.id, 'memorials'), {
        ...base,
        location: { lat: 43, lng: 77 },
        conditionSurveys: [{ date: '2010', condition: 'poor' }, { date: '2024-05-01', condition: 'fair' }],
        events: [{ date: '1967-05-09', type: 'unveiling', actor: 'Town council' }],
      })
      .expect(201);
    // Names are person records now: a memorial carries none of its own.
    await curatorKz.post(studio(kz.id, 'memorials'), { ...base, slug: 'memorial-people', location: { lat: 43, lng: 77 }, people: [{ name: 'Иванов Иван' }] }).expect(400);
    const [row] = await db.query('SELECT condition FROM memorials WHERE id = $1', [created.body.id]);
    expect(row.condition).toBe('fair');
  });
});
