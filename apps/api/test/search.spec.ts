import { MATCH_CAP, NAME_FALLBACK_BELOW, WINDOW_TARGET } from '../src/modules/search/search-query';
import sharp from 'sharp';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SearchIndex } from '../src/modules/search/search-index.service';
import { SearchFilterCountsWorker } from '../src/modules/search/search-filter-counts.worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ItemEntity } from '../src/modules/content/kinds/item.entity';
import { type ActorName, signInActors } from './support/actors';
import { editableDocument } from './support/publish';
import { waitForMedia } from './support/store';
import { type TestApp, type TestClient, startTestApp } from './support/test-app';

const text = (value: string, status = 'original') => ({ text: value, status });
const CC_BY = 'https://creativecommons.org/licenses/by/4.0/';
const MARK = /\uE000|\uE001/g;

describe('search', () => {
  let testApp: TestApp;
  let as: Record<ActorName, TestClient>;
  let kz: string;
  let am: string;
  let n = 0;

  async function publish(countryId: string, collection: 'items' | 'memorials' | 'exhibitions' | 'people', document: object, moderator = as.moderatorKz, curator = as.curatorKz) {
    const rights = collection === 'items' || collection === 'memorials' ? { rights: CC_BY } : {};
    const created = await curator.post(`/api/studio/countries/${countryId}/${collection}`, { slug: `s-${++n}`, ...rights, ...document });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await curator.post(`/api/studio/countries/${countryId}/${collection}/${created.body.id}/submit`, { version: 1 }).expect(204);
    await moderator.post(`/api/review/countries/${countryId}/${collection}/${created.body.id}/approve`, { revision: 1 }).expect(204);
    return created.body as { id: string; slug: string };
  }
  /** Uploads a small picture and waits for its derivatives. */
  async function uploadImage(colour: string): Promise<string> {
    const file = await sharp({ create: { width: 64, height: 48, channels: 3, background: colour } }).jpeg().toBuffer();
    const uploaded = await as.curatorKz
      .post(`/api/studio/countries/${kz}/media`)
      .set('content-type', 'application/octet-stream')
      .set('x-file-name', `picture-${++n}.jpg`)
      .send(file)
      .expect(201);
    expect((await waitForMedia(as.curatorKz, kz, uploaded.body.id)).status).toBe('ready');
    return uploaded.body.id as string;
  }
  /** Names on a live memorial: each a person record linked to it, published. */
  async function publishPeople(memorialId: string, people: { name: string; variants: string[]; deathYear?: number; rank?: object; unit?: string }[]) {
    const published: { id: string; slug: string }[] = [];
    for (const { deathYear, ...person } of people) {
      const document = { ...person, title: { ru: text(person.name) }, ...(deathYear ? { death: { date: String(deathYear) } } : {}), memorials: [{ memorialId, role: 'commemorated' }] };
      published.push(await publish(kz, 'people', document));
    }
    return published;
  }
  const search = async (query: string) => (await as.anonymous.get(`/api/public/search?${query}`).expect(200)).body;
  const ids = (body: { items: { id: string }[] }) => body.items.map((hit) => hit.id);

  beforeAll(async () => {
    testApp = await startTestApp();
    as = await signInActors(testApp);
    const countries = (await as.anonymous.get('/api/public/countries').expect(200)).body.items;
    kz = countries.find((c: { slug: string }) => c.slug === 'kazakhstan').id;
    am = countries.find((c: { slug: string }) => c.slug === 'armenia').id;
  });

  afterAll(() => testApp?.close());

  it('finds the demo museum from the start: the index is built from what is live', async () => {
    const body = await search('q=flask&lang=en');
    expect(body.items.map((hit: { slug: string }) => hit.slug)).toContain('field-flask');
  });

  it('stems Russian and English, and highlights what matched', async () => {
    const monument = await publish(kz, 'items', {
      kind: 'artefact',
      title: { ru: text('Памятник героям войны'), en: text('A monument to the heroes', 'translated') },
      description: { ru: text('Бронзовый памятник у школы.'), en: text('Soldiers wrote letters home from the front.', 'translated') },
    });
    expect(ids(await search('q=памятники&lang=ru'))).toContain(monument.id);
    expect(ids(await search('q=памятника&lang=ru'))).toContain(monument.id);
    const english = await search('q=letter&lang=en');
    expect(ids(english)).toContain(monument.id);
    const hit = english.items.find((item: { id: string }) => item.id === monument.id);
    expect(hit.snippet).toContain('\uE000letters\uE001');
    expect(hit.snippet.replace(MARK, '')).toContain('Soldiers wrote letters home');
    expect(hit.title.text).toBe('A monument to the heroes');
  });

  it('finds people linked to memorials by recorded variants and by misspelt surnames', async () => {
    const memorial = await publish(kz, 'memorials', {
      kind: 'obelisk',
      title: { ru: text('Обелиск в селе Талды') },
      location: { lat: 43.1, lng: 76.8 },
      conditionSurveys: [{ date: '2021-05-01', condition: 'fair' }],
    });
    const [person] = await publishPeople(memorial.id, [
      { name: 'Иванов Пётр Семёнович', variants: ['Ivanov Pyotr', 'Іваноў Пятро'], deathYear: 1942 },
      { name: 'Жумабаев Нурлан', variants: ['Zhumabayev Nurlan'], deathYear: 1943 },
      { name: 'Сидоренко Иван Павлович', variants: [], deathYear: 1944 },
    ]);
    for (const q of ['Иванов', 'Ivanov', 'Іваноў', 'Иваноф', 'Ivanoff', 'Zhumabaev']) {
      const body = await search(`q=${encodeURIComponent(q)}&type=person`);
      const people = body.items.filter((hit: { person: { memorialSlug: string } }) => hit.person.memorialSlug === memorial.slug);
      expect(people.length, q).toBeGreaterThan(0);
    }
    // A typo means the closest known name first, before names that merely share letters with it (Иван).
    const typo = (await search(`q=${encodeURIComponent('Иваноф')}&type=person`)).items.map((hit: { person: { name: string } }) => hit.person.name);
    const ivanovs = typo.filter((name: string) => name.startsWith('Иванов'));
    expect(ivanovs).toContain('Иванов Пётр Семёнович');
    expect(typo.slice(0, ivanovs.length)).toEqual(ivanovs);
    // The hit names the person's page and the memorial (its title, condition and place).
    const ivanov = (await search(`q=${encodeURIComponent('Ivanov')}&type=person`)).items.find((hit: { id: string }) => hit.id === person.id);
    expect(ivanov).toMatchObject({
      type: 'person',
      slug: person.slug,
      country: 'kazakhstan',
      title: { text: 'Обелиск в селе Талды' },
      person: { name: 'Иванов Пётр Семёнович', deathYear: 1942, memorialSlug: memorial.slug },
      condition: 'fair',
      location: { lat: 43.1, lng: 76.8 },
    });
    const suggestions = (await as.anonymous.get(`/api/public/search/suggest?q=${encodeURIComponent('Иванов')}`).expect(200)).body;
    expect(suggestions).toContainEqual({ text: 'Иванов Пётр Семёнович', type: 'person', url: `/kazakhstan/people/${person.slug}` });
  });

  it('finds records by their tags and people by their rank, in every language written', async () => {
    const kettle = await publish(kz, 'items', {
      kind: 'artefact',
      title: { ru: text('Чайник из эвакуации') },
      tags: [{ ru: 'самовары', en: 'samovars', kk: 'самауыр' }],
    });
    for (const q of ['samovar', 'самовар', 'самауыр']) expect(ids(await search(`q=${encodeURIComponent(q)}`)), q).toContain(kettle.id);
    const memorial = await publish(kz, 'memorials', { kind: 'obelisk', title: { ru: text('Обелиск у станции') }, location: { lat: 43.3, lng: 76.7 } });
    const [ospanov] = await publishPeople(memorial.id, [
      { name: 'Оспанов Серік', variants: [], deathYear: 1943, rank: { ru: 'интендант', en: 'Quartermaster', kk: 'интендант' }, unit: 'Зеравшанский полк' },
    ]);
    for (const q of ['quartermasters', 'интенданты', 'Зеравшанский']) {
      const people = (await search(`q=${encodeURIComponent(q)}&type=person`)).items;
      expect(people.map((hit: { id: string }) => hit.id), q).toContain(ospanov.id);
    }
  });

  it('counts facets and filters by each of them', async () => {
    const word = 'quokkafacet';
    await publish(kz, 'items', { kind: 'photograph', title: { en: text(`${word} one`) }, date: { earliest: 1941, latest: 1944 } });
    await publish(kz, 'items', { kind: 'document', title: { en: text(`${word} two`) }, date: { earliest: 1956, latest: 1956 } });
    await publish(kz, 'memorials', { kind: 'bust', title: { en: text(`${word} three`) }, location: { lat: 43, lng: 76 }, conditionSurveys: [{ date: '2020', condition: 'poor' }] });
    await publish(am, 'items', { kind: 'photograph', title: { en: text(`${word} four`) } }, as.admin, as.curatorAm);
    const all = await search(`q=${word}`);
    expect(all.total).toBe(4);
    expect(all.estimated).toBe(false);
    const facet = (name: string) => Object.fromEntries(all.facets[name].map((f: { value: string; count: number }) => [f.value, f.count]));
    expect(facet('country')).toEqual({ kazakhstan: 3, armenia: 1 });
    expect(facet('type')).toEqual({ item: 3, memorial: 1 });
    expect(facet('kind')).toEqual({ photograph: 2, document: 1, bust: 1 });
    expect(facet('decade')).toEqual({ '1940': 1, '1950': 1 });
    expect(facet('condition')).toEqual({ poor: 1 });
    expect(facet('hasMedia')).toEqual({ false: 4 });
    const inArmenia = await search(`q=${word}&country=armenia`);
    expect(inArmenia.total).toBe(1);
    const facetOf = (body: typeof all, name: string) => Object.fromEntries(body.facets[name].map((f: { value: string; count: number }) => [f.value, f.count]));
    // A facet is counted without its own filter (the other countries stay in view), the others with it.
    expect(facetOf(inArmenia, 'country')).toEqual({ kazakhstan: 3, armenia: 1 });
    expect(facetOf(inArmenia, 'type')).toEqual({ item: 1 });
    const kzPhotos = await search(`q=${word}&country=kazakhstan&kind=photograph`);
    expect(kzPhotos.total).toBe(1);
    expect(facetOf(kzPhotos, 'kind')).toEqual({ photograph: 1, document: 1, bust: 1 });
    expect(facetOf(kzPhotos, 'country')).toEqual({ kazakhstan: 1, armenia: 1 });
    expect(kzPhotos.estimatedFacets).toEqual([]);
    expect((await search(`q=${word}&type=memorial`)).total).toBe(1);
    expect((await search(`q=${word}&kind=photograph,document`)).total).toBe(3);
    expect((await search(`q=${word}&decade=1950`)).total).toBe(1);
    expect((await search(`q=${word}&condition=poor`)).total).toBe(1);
    expect((await search(`q=${word}&hasMedia=true`)).total).toBe(0);
    const byDate = await search(`q=${word}&sort=date&type=item`);
    expect(byDate.items.map((hit: { year: number | null }) => hit.year)).toEqual([1956, 1941, null]);
  });

  it('never shows drafts, submissions or unpublished things, in results, counts or suggestions', async () => {
    const word = 'wombatsecret';
    const draft = await as.curatorKz.post(`/api/studio/countries/${kz}/items`, { slug: 'secret-draft', kind: 'artefact', title: { en: text(`${word} draft`) }, rights: CC_BY }).expect(201);
    await as.curatorAm.post(`/api/studio/countries/${am}/items`, { slug: 'secret-am', kind: 'artefact', title: { en: text(`${word} elsewhere`) } }).expect(201);
    await as.curatorKz.post(`/api/studio/countries/${kz}/items/${draft.body.id}/submit`, { version: 1 }).expect(204);
    const published = await publish(kz, 'items', { kind: 'artefact', title: { en: text(`${word} public`) } });
    let body = await search(`q=${word}`);
    expect(ids(body)).toEqual([published.id]);
    expect(body.total).toBe(1);
    expect(body.facets.country).toEqual([{ value: 'kazakhstan', count: 1 }]);

    // An edit of the live record waits for review: search still shows the approved title.
    const current = (await as.curatorKz.get(`/api/studio/countries/${kz}/items/${published.id}`)).body;
    await as.curatorKz.request('put', `/api/studio/countries/${kz}/items/${published.id}`).send({ slug: current.slug, kind: 'artefact', title: { en: text('renamed wallaby') }, rights: CC_BY, version: current.version }).expect(200);
    expect(ids(await search('q=wallaby'))).toEqual([]);
    expect(ids(await search(`q=${word}`))).toEqual([published.id]);

    await as.moderatorKz.post(`/api/review/countries/${kz}/items/${published.id}/unpublish`, {}).expect(204);
    body = await search(`q=${word}`);
    expect(body.total).toBe(0);
    expect((await as.anonymous.get(`/api/public/search/suggest?q=${word}`).expect(200)).body).toEqual([]);
    // Short prefixes go by known words, which outlive the rows: the row itself is gone all the same.
    const short = (await as.anonymous.get(`/api/public/search/suggest?q=${word.slice(0, 3)}`).expect(200)).body as { url: string }[];
    expect(short.map((suggestion) => suggestion.url)).not.toContain(`/kazakhstan/items/${published.slug}`);
  });

  it('pages by cursor without losing or repeating anything', async () => {
    const word = 'pagingtapir';
    for (let i = 0; i < 23; i++) await publish(kz, 'items', { kind: 'artefact', title: { en: text(`${word} number ${i}`) }, date: { earliest: 1900 + (i % 5) } });
    for (const sort of ['relevance', 'date']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { id: string }[]; next: string | null } = await search(`q=${word}&limit=10&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...ids(page));
        cursor = page.next;
      } while (cursor);
      expect(seen, sort).toHaveLength(23);
      expect(new Set(seen).size, sort).toBe(23);
      const again = await search(`q=${word}&limit=10&sort=${sort}`);
      expect(ids(again), sort).toEqual(seen.slice(0, 10));
    }
    await as.anonymous.get(`/api/public/search?q=${word}&cursor=not-a-cursor`).expect(400);
    await as.anonymous.get('/api/public/search?q=x&decade=1945').expect(400);
    await as.anonymous.get('/api/public/search?type=statue').expect(400);
  });

  it('browses without words: what the filters let through, newest first, with facets and pages', async () => {
    // A decade no other test uses: these two memorials are all the filters let through.
    const dated = (word: string) => ({ kind: 'obelisk', title: { en: text(`${word} obelisk`) }, location: { lat: 43, lng: 76 }, date: { earliest: 1815 }, conditionSurveys: [{ date: '2021', condition: 'lost' }] });
    const older = await publish(kz, 'memorials', dated('browsing older'));
    const newer = await publish(kz, 'memorials', dated('browsing newer'));
    await publish(kz, 'items', { kind: 'artefact', title: { en: text('browsing item') }, date: { earliest: 1815 } });
    const filters = 'country=kazakhstan&type=memorial&decade=1810&condition=lost';
    const body = await search(filters);
    expect(ids(body)).toEqual([newer.id, older.id]);
    expect(body).toMatchObject({ total: 2, estimated: false, next: null });
    expect(body.items[0].snippet).toBeNull();
    // Each facet is counted without its own filter, as with words: the item of that decade still shows under type.
    expect(body.facets.type).toEqual([{ value: 'memorial', count: 2 }]);
    expect((await search('country=kazakhstan&decade=1810&condition=lost')).total).toBe(2);
    expect((await search('country=kazakhstan&decade=1810')).facets.type).toEqual([
      { value: 'item', count: 1 },
      { value: 'memorial', count: 2 },
    ].sort((a, b) => b.count - a.count));
    // Blanks are no words: the same browse, not a 400.
    expect(ids(await search(`q=%20%20&${filters}`))).toEqual([newer.id, older.id]);
    const first = await search(`${filters}&limit=1`);
    expect(ids(first)).toEqual([newer.id]);
    expect(ids(await search(`${filters}&limit=1&cursor=${first.next}`))).toEqual([older.id]);
    const everything = await search('limit=5');
    expect(everything.total).toBeGreaterThanOrEqual(3);
    expect(everything.items).toHaveLength(5);
    expect(ids(await search(`${filters}&sort=date`))).toEqual([newer.id, older.id]);
  });

  it('answers bad input with a 400, never a 500', async () => {
    await as.anonymous.get('/api/public/search?q=a%00b').expect(400);
    await as.anonymous.get('/api/public/search/suggest?q=a%00b').expect(400);
    const cursor = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const bad = [
      { names: false, after: { key: 1, id: '9223372036854775808' } },
      { names: false, after: { key: 1, id: '99999999999999999999' } },
      { names: false, after: { key: 'x', id: '1' } },
      { names: false, window: { lo: '5', hi: '9223372036854775808' } },
      { names: false, window: { lo: '9', hi: '5' } },
      { names: 'no' },
    ];
    for (const value of bad) await as.anonymous.get(`/api/public/search?q=x&cursor=${cursor(value)}`).expect(400);
    await as.anonymous.get(`/api/public/search?q=x&cursor=${cursor({ names: false, after: { key: 1, id: '9223372036854775807' } })}`).expect(200);
  });

  it('counts a record with a ready picture as having media, and shows the picture beside the hit', async () => {
    const picture = await uploadImage('#3366aa');
    await as.curatorKz.patch(`/api/studio/countries/${kz}/media/${picture}`, { rights: CC_BY, alt: { en: text('A blue square') } }).expect(200);
    const word = 'numbatpicture';
    const pictured = await publish(kz, 'items', { kind: 'photograph', title: { en: text(`${word} with a picture`) }, media: [{ assetId: picture }] });
    const plain = await publish(kz, 'items', { kind: 'photograph', title: { en: text(`${word} without one`) } });
    const body = await search(`q=${word}`);
    expect(Object.fromEntries(body.facets.hasMedia.map((f: { value: string; count: number }) => [f.value, f.count]))).toEqual({ true: 1, false: 1 });
    expect(ids(await search(`q=${word}&hasMedia=true`))).toEqual([pictured.id]);
    const hit = body.items.find((item: { id: string }) => item.id === pictured.id);
    // Beside the linked title the picture is decorative: no alt text.
    expect(hit.image).toMatchObject({ id: picture, alt: null });
    expect(hit.image.widths.length).toBeGreaterThan(0);
    await as.anonymous.get(`/api/media/${picture}/w${hit.image.widths[0]}.webp`).expect(200);
    expect(body.items.find((item: { id: string }) => item.id === plain.id).image).toBeNull();
  });

  it('counts as media only files that are ready or being made, and pictures the first of those', async () => {
    const [ready, failed] = [await uploadImage('#22aa44'), await uploadImage('#aa2244')];
    const db = testApp.app.get(DataSource);
    await db.query(`UPDATE media_assets SET status = 'failed', failure_reason = 'could not be decoded' WHERE id = $1`, [failed]);
    // Straight through the index, as seeding does: approval would refuse the failed file.
    const index = testApp.app.get(SearchIndex);
    const word = 'bilbymedia';
    const indexed = async (mediaIds: string[]) => {
      const record = Object.assign(new ItemEntity(), { id: randomUUID(), countryId: kz, mediaIds, publishedAt: new Date() });
      await db.transaction((tx) => index.index(tx, 'item', record, { slug: `media-${++n}`, kind: 'artefact', title: { en: text(`${word} ${n}`) } }));
      return record.id;
    };
    const onlyFailed = await indexed([failed]);
    const both = await indexed([failed, ready]);
    const body = await search(`q=${word}`);
    const byId = new Map(body.items.map((hit: { id: string }) => [hit.id, hit]));
    expect(ids(await search(`q=${word}&hasMedia=true`))).toEqual([both]);
    expect((byId.get(both) as { image: { id: string } }).image.id).toBe(ready);
    expect((byId.get(onlyFailed) as { image: unknown }).image).toBeNull();
  });

  it('finds the words of languages without a stemmer exactly as written', async () => {
    const armenian = await publish(am, 'items', { kind: 'artefact', title: { hy: text('Հուշարձան Գյումրիում') }, description: { hy: text('Բրոնզե արձան հրապարակում') } }, as.admin, as.curatorAm);
    const kazakh = await publish(kz, 'memorials', { kind: 'obelisk', location: { lat: 43.2, lng: 76.9 }, title: { kk: text('Жеңіс ескерткіші') }, description: { kk: text('Соғыста қаза тапқан жауынгерлерге арналған') } });
    const found = async (q: string) => ids(await search(`q=${encodeURIComponent(q)}`));
    expect(await found('Հուշարձան')).toContain(armenian.id);
    expect(await found('արձան')).toContain(armenian.id);
    expect(await found('жауынгерлерге')).toContain(kazakh.id);
    expect(await found('ескерткіші')).toContain(kazakh.id);
    // Word for word: another form of the word is another word (`simple` does not stem).
    expect(await found('արձաններ')).not.toContain(armenian.id);
    expect(await found('жауынгер')).not.toContain(kazakh.id);
  });

  it('finds exhibitions by their texts, shown without tags or entities', async () => {
    const exhibition = await publish(kz, 'exhibitions', {
      title: { en: text('Bread and salt') },
      sections: [{ id: randomUUID(), blocks: [{ id: randomUUID(), type: 'text', body: { en: text("<p>The <em>wallabyish</em> pantry: salt &amp; bread &lt;3</p>") } }] }],
    });
    const body = await search('q=wallabyish&lang=en');
    expect(body.items.map((hit: { type: string; id: string }) => [hit.type, hit.id])).toEqual([['exhibition', exhibition.id]]);
    expect(body.items[0].snippet.replace(MARK, '')).toContain('wallabyish pantry: salt & bread');
    const [row] = await testApp.app.get(DataSource).query(`SELECT body->>'en' AS text FROM search_documents WHERE record_id = $1`, [exhibition.id]);
    expect(row.text).toContain('The wallabyish pantry: salt & bread <3');
    // The entities' names are not words of the text.
    expect((await search('q=wallabyish%20amp')).total).toBe(0);
    expect((await search('q=wallabyish%20lt')).total).toBe(0);
  });

  it('suggests from the second letter, by the known words starting with what is typed', async () => {
    const memorial = await publish(kz, 'memorials', { kind: 'plaque', location: { lat: 43.3, lng: 76.9 }, title: { ru: text('Доска на вокзале') } });
    const [qwyrtsev] = await publishPeople(memorial.id, [{ name: 'Qwyrtsev Anton', variants: [] }]);
    const suggest = async (q: string) => (await as.anonymous.get(`/api/public/search/suggest?q=${encodeURIComponent(q)}`).expect(200)).body;
    for (const q of ['qw', 'Qwy']) {
      expect(await suggest(q), q).toContainEqual({ text: 'Qwyrtsev Anton', type: 'person', url: `/kazakhstan/people/${qwyrtsev.slug}` });
    }
    expect(await suggest('q%')).toEqual([]);
    expect((await as.anonymous.get(`/api/public/search/suggest?q=qw&country=armenia`).expect(200)).body).toEqual([]);
  });

  it('beyond the cap: estimates counts, keeps the date order exact and pages every match once', async () => {
    // A name one letter from the common word: a typo of it would find this memorial, the common word itself must not.
    const lookalike = await publish(kz, 'memorials', { kind: 'obelisk', title: { en: text('Ubiquitos obelisk') }, location: { lat: 43, lng: 76 } });
    // Bulk rows straight into the index: publishing thousands of records through the API would take minutes.
    // Stored oldest first; the newest year is stored last, where a cap taken in storage order never looks.
    const rows = MATCH_CAP + 1500;
    const db = testApp.app.get(DataSource);
    await db.query(
      `INSERT INTO search_documents (record_type, record_id, person_index, country_id, slug, kind, title, names, year, decades, published_at, tsv)
       SELECT 'item', gen_random_uuid(), -1, $1, 'bulk-' || n, 'artefact', jsonb_build_object('en', jsonb_build_object('text', 'ubiquitous ' || n, 'status', 'original')),
              CASE WHEN n = $2 THEN 'ubiquitous newest' ELSE 'bulk ' || n END, y, ARRAY[y / 10 * 10], now(), to_tsvector('english', 'ubiquitous thing ' || n)
         FROM generate_series(1, $2) AS n, LATERAL (SELECT CASE WHEN n = $2 THEN 2025 ELSE 1900 + n % 100 END AS y) AS year`,
      [kz, rows],
    );
    await db.query('ANALYZE search_documents');
    const truth = async (where = '') =>
      (
        await db.query(
          `SELECT record_id FROM search_documents d WHERE tsv @@ to_tsquery('english', 'ubiquitous') ${where} ORDER BY coalesce(year, -1) DESC, id DESC`,
        )
      ).map((row: { record_id: string }) => row.record_id);
    const everyPage = async (query: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let first: { total: number; estimated: boolean; approximate: boolean; items: { id: string; year: number }[]; next: string | null } | undefined;
      do {
        const page: typeof first & object = await search(`q=ubiquitous&limit=50&${query}${cursor ? `&cursor=${cursor}` : ''}`);
        first ??= page;
        seen.push(...ids(page));
        cursor = page.next;
      } while (cursor);
      return { seen, first: first! };
    };

    const byDate = await everyPage('sort=date');
    expect(byDate.first).toMatchObject({ estimated: true, approximate: false });
    expect(byDate.first.total).toBeGreaterThan(MATCH_CAP);
    expect(byDate.first.items[0].year).toBe(2025);
    expect(byDate.seen).toEqual(await truth());
    const fifties = await everyPage('sort=date&decade=1950');
    expect(fifties.seen).toEqual(await truth(`AND d.decades && '{1950}'`));

    const byRelevance = await everyPage('sort=relevance');
    expect(byRelevance.first).toMatchObject({ estimated: true, approximate: true });
    // The newest match that names the word ranks first: new content is never left out.
    expect(byRelevance.first.items[0].year).toBe(2025);
    expect(byRelevance.seen.length).toBeGreaterThan(WINDOW_TARGET);
    expect(new Set(byRelevance.seen).size).toBe(byRelevance.seen.length);
    expect([...byRelevance.seen].sort()).toEqual([...(await truth())].sort());
    // A page asked for again is the same page.
    const second = (await search('q=ubiquitous&limit=50')).next;
    const again = async () => ids(await search(`q=ubiquitous&limit=50&cursor=${second}`));
    expect(await again()).toEqual(await again());
    expect(await again()).toEqual(byRelevance.seen.slice(50, 100));

    const body = await search('q=ubiquitous&limit=5');
    expect(body.facets.country[0]).toEqual({ value: 'kazakhstan', count: body.total });
    expect(body.estimatedFacets).toContain('country');
    // Browsing past the cap: exact counts (kept per combination of filter values), newest first.
    const browsing = await search('country=kazakhstan&type=item&limit=3');
    const [{ items }] = await db.query(`SELECT count(*)::int AS items FROM search_documents WHERE country_id = $1 AND record_type = 'item'`, [kz]);
    expect(browsing).toMatchObject({ total: items, estimated: false, approximate: false, estimatedFacets: [] });
    expect(browsing.facets.type).toContainEqual({ value: 'item', count: items });
    expect(browsing.items.map((hit: { title: { text: string } }) => hit.title.text)).toEqual([`ubiquitous ${rows}`, `ubiquitous ${rows - 1}`, `ubiquitous ${rows - 2}`]);
    // The estimate takes the filters into account: no memorial says "ubiquitous".
    const memorials = await search('q=ubiquitous&type=memorial&limit=5');
    // A word common in the index is not taken for a typo when the filters leave nothing: Ubiquitos is not searched instead.
    expect(memorials).toMatchObject({ total: 0, estimated: false, items: [] });
    expect(ids(await search('q=ubiquitos&type=memorial'))).toEqual([lookalike.id]);
    expect(memorials.facets.type[0]).toMatchObject({ value: 'item' });
  });

  it('takes few matches for a typo only when the words alone are few: a filter that leaves few is no misspelling', async () => {
    const db = testApp.app.get(DataSource);
    const lookalike = await publish(am, 'items', { kind: 'artefact', title: { en: text('Wallaroox figurine') } }, as.admin, as.curatorAm);
    // The word itself, as many times as a typo is looked for below, all in Kazakhstan: straight into the index.
    await db.query(
      `INSERT INTO search_documents (record_type, record_id, person_index, country_id, slug, kind, title, names, decades, published_at, tsv)
       SELECT 'item', gen_random_uuid(), -1, $1, 'wallaroo-' || n, 'artefact', jsonb_build_object('en', jsonb_build_object('text', 'wallaroo ' || n, 'status', 'original')),
              'wallaroo ' || n, '{}', now(), to_tsvector('english', 'wallaroo thing ' || n)
         FROM generate_series(1, $2) AS n`,
      [kz, NAME_FALLBACK_BELOW],
    );
    const inArmenia = await search('q=wallaroo&country=armenia');
    expect(inArmenia).toMatchObject({ total: 0, estimated: false, items: [] });
    // Counted without its own filter, the country facet shows where the word is.
    expect(inArmenia.facets.country).toEqual([{ value: 'kazakhstan', count: NAME_FALLBACK_BELOW }]);
    // A word found nowhere is still taken for a typo, filter or not.
    expect(ids(await search('q=wallarooks&country=armenia'))).toEqual([lookalike.id]);
  });

  it('counts browsing exactly: the counts per combination of filter values follow every write of the index', async () => {
    const db = testApp.app.get(DataSource);
    const combination = 'country_id, record_type, kind, condition, has_media, decades';
    const drift = async () =>
      (
        await db.query(
          `WITH counted AS (SELECT ${combination}, sum(rows) AS rows FROM search_filter_counts GROUP BY ${combination} HAVING sum(rows) <> 0),
                actual AS (SELECT ${combination}, count(*) AS rows FROM search_documents GROUP BY ${combination})
           SELECT count(*)::int AS n FROM ((TABLE counted EXCEPT TABLE actual) UNION ALL (TABLE actual EXCEPT TABLE counted)) x`,
        )
      )[0].n;
    const filters = 'country=kazakhstan&decade=1790';
    const memorial = (word: string) => ({ kind: 'obelisk', title: { en: text(`${word} counted`) }, location: { lat: 43, lng: 76 }, date: { earliest: 1795 }, conditionSurveys: [{ date: '2020', condition: 'poor' }] });
    // Two moderators approving at once, the same combination: both counted, neither waits forever.
    const [first] = await Promise.all([publish(kz, 'memorials', memorial('first')), publish(kz, 'memorials', memorial('second'))]);
    expect(await search(filters)).toMatchObject({ total: 2, estimated: false });
    expect((await search(filters)).facets.condition).toEqual([{ value: 'poor', count: 2 }]);

    // A new survey moves the memorial to another condition: one fewer poor, one very bad.
    const current = (await as.curatorKz.get(`/api/studio/countries/${kz}/memorials/${first.id}`)).body;
    const surveyed = { ...memorial('first'), conditionSurveys: [{ date: '2020', condition: 'poor' }, { date: '2024', condition: 'very-bad' }] };
    const edited = await as.curatorKz.request('put', `/api/studio/countries/${kz}/memorials/${first.id}`).send({ ...editableDocument(current), ...surveyed });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    await as.curatorKz.post(`/api/studio/countries/${kz}/memorials/${first.id}/submit`, { version: edited.body.version }).expect(204);
    await as.moderatorKz.post(`/api/review/countries/${kz}/memorials/${first.id}/approve`, { revision: edited.body.version }).expect(204);
    const facets = (await search(filters)).facets.condition;
    expect(facets).toEqual(expect.arrayContaining([{ value: 'poor', count: 1 }, { value: 'very-bad', count: 1 }]));
    expect(await drift()).toBe(0);

    await as.moderatorKz.post(`/api/review/countries/${kz}/memorials/${first.id}/unpublish`, {}).expect(204);
    expect(await search(filters)).toMatchObject({ total: 1, estimated: false });
    expect((await search(filters)).facets.condition).toEqual([{ value: 'poor', count: 1 }]);
    expect(await drift()).toBe(0);

    // Every write appended its counts; folding them leaves one row per combination and every answer as it was.
    const rows = async () => (await db.query(`SELECT count(*)::int AS n FROM search_filter_counts`))[0].n;
    const combinations = (await db.query(`SELECT count(DISTINCT (${combination}))::int AS n FROM search_documents`))[0].n;
    const before = { rows: await rows(), answer: await search(filters), everything: await search('limit=1') };
    expect(before.rows).toBeGreaterThan(combinations);
    const folded = await testApp.app.get(SearchFilterCountsWorker).compact();
    expect(folded).toEqual({ before: before.rows, after: combinations });
    expect(await rows()).toBe(combinations);
    expect(await drift()).toBe(0);
    expect(await search(filters)).toEqual(before.answer);
    expect((await search('limit=1')).facets).toEqual(before.everything.facets);
  });
});
