import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ActorName, signInActors } from './support/actors';
import { VALID_VTT, mp4File } from './support/media-files';
import { editableDocument } from './support/publish';
import { declaredRoutes } from './support/routes';
import { waitForMedia } from './support/store';
import { type TestApp, type TestClient, startTestApp } from './support/test-app';

const CC_BY = 'https://creativecommons.org/licenses/by/4.0/';
const CC_BY_SA = 'https://creativecommons.org/licenses/by-sa/4.0/';
const both = (en: string, ru: string) => ({ en: { text: en, status: 'original' }, ru: { text: ru, status: 'original' } });
/** A word no seeded text has: it appears in every text the curator changes, and search must not find it until approval. */
const NEW_WORD = 'Quorvantic';
const OLD_WORD = 'Zephyrquill';
const NEW_VTT = 'WEBVTT\n\n00:00.000 --> 00:02.000\nQuorvantic words nobody approved.\n';

/** Public GET routes that answer the same whatever the museum holds (a redirect to info.json), or a fresh token each time: nothing to compare. */
const NOT_CONTENT = new Set(['GET /api/health', 'GET /api/auth/csrf', 'GET /iiif/3/:assetId']);

type Collection = 'items' | 'memorials' | 'exhibitions' | 'people';
/** Each collection's record in the fixture. */
const FIXTURE_KEY = { items: 'item', memorials: 'memorial', exhibitions: 'exhibition', people: 'person' } as const;
interface MediaUrls {
  derivatives: string[];
  files: string[];
  captions: string[];
}
interface ShownMedia {
  id: string;
  widths: number[];
  fileUrl: string | null;
  captions: { url: string }[];
}

/** Bodies by URL and fingerprint, to show where two answers part when a test fails. */
const bodies = new Map<string, string>();
function whereTheyPart(url: string, a: string, b: string): string {
  const [x, y] = [bodies.get(`${url} ${a}`) ?? '', bodies.get(`${url} ${b}`) ?? ''];
  let at = 0;
  while (at < x.length && x[at] === y[at]) at++;
  return `${url}: …${x.slice(Math.max(0, at - 60), at + 60)}… became …${y.slice(Math.max(0, at - 60), at + 60)}…`;
}

/** Every media object anywhere in a public answer (it has `widths` and `captions`). */
function collectMedia(value: unknown, into: ShownMedia[] = []): ShownMedia[] {
  if (Array.isArray(value)) value.forEach((entry) => collectMedia(entry, into));
  else if (value && typeof value === 'object') {
    if ('widths' in value && 'captions' in value) into.push(value as ShownMedia);
    Object.values(value).forEach((entry) => collectMedia(entry, into));
  }
  return into;
}
interface Fixture {
  tiled: string;
  photo: string;
  cover: string;
  video: string;
  item: { id: string; slug: string };
  memorial: { id: string; slug: string };
  exhibition: { id: string; slug: string };
  person: { id: string; slug: string };
}

/** Keys whose values are ids, codes or addresses, not texts a curator writes: changed separately or not at all. */
const NOT_TEXT = new Set([
  'id', 'assetId', 'itemId', 'itemIds', 'memorialId', 'memorialIds', 'assetIds', 'coverItemId', 'coverMediaId', 'slug', 'kind', 'rights', 'type', 'status',
  'originalLanguage', 'condition', 'media', 'version', 'role', 'fate', 'scheme', 'url',
]);
/** Dates written as YYYY-MM-DD: moved by a year rather than written over. */
const DATES = new Set(['date', 'unveilingDate']);

/** Every text of a document with the new word added, every number a little moved: "every editable field", generically. */
function changedEverywhere(value: unknown, key = ''): unknown {
  if (NOT_TEXT.has(key)) return value;
  if (typeof value === 'string') return DATES.has(key) ? `${Number(value.slice(0, 4)) + 1}${value.slice(4)}` : `${value} ${NEW_WORD}`;
  if (typeof value === 'number') return key === 'lat' || key === 'lng' ? value + 0.5 : value + 1;
  if (Array.isArray(value)) return value.map((entry) => changedEverywhere(entry, key === 'tags' ? 'tag' : ''));
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if ('text' in value && 'status' in value) return { ...value, text: `${(value as { text: string }).text} ${NEW_WORD}` };
    return Object.fromEntries(entries.map(([k, v]) => [k, changedEverywhere(v, k)]));
  }
  return value;
}

/**
 * Every public answer stays byte for byte what its approved revisions say
 * while a curator rewrites everything about a live record and its media; the
 * approval then changes them. The fingerprints cover every public GET route
 * the application declares (a new one fails the coverage check below until
 * it is listed here).
 */
describe('public answers come from approved revisions only', () => {
  let testApp: TestApp;
  let as: Record<ActorName, TestClient>;
  let kz: string;
  let f: Fixture;

  const studio = (path: string) => `/api/studio/countries/${kz}/${path}`;

  async function upload(file: Buffer): Promise<string> {
    const uploaded = await as.curatorKz.post(studio('media')).set('content-type', 'application/octet-stream').send(file).expect(201);
    expect((await waitForMedia(as.curatorKz, kz, uploaded.body.id)).status).toBe('ready');
    return uploaded.body.id as string;
  }
  const jpeg = (width: number, height: number, r: number) => sharp({ create: { width, height, channels: 3, background: { r, g: 80, b: 160 } } }).jpeg().toBuffer();

  async function describeMedia(id: string, label: string) {
    await as.curatorKz
      .patch(studio(`media/${id}`), {
        alt: both(`${label} alt`, `${label} описание`),
        caption: both(`${label} caption`, `${label} подпись`),
        credit: both(`${label} credit`, `${label} автор`),
        rights: CC_BY,
        transcript: both(`${label} transcript`, `${label} расшифровка`),
      })
      .expect(200);
  }
  const putCaptions = (id: string, lang: string, vtt: string) =>
    as.curatorKz.request('put', studio(`media/${id}/captions/${lang}`)).set('content-type', 'text/vtt').send(vtt).expect(200);

  async function publish(collection: Collection, document: object) {
    const created = await as.curatorKz.post(studio(collection), document);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await approveLatest(collection, created.body.id);
    return { id: created.body.id as string, slug: created.body.slug as string };
  }
  async function approveLatest(collection: Collection, id: string) {
    const current = (await as.curatorKz.get(studio(`${collection}/${id}`)).expect(200)).body;
    await as.curatorKz.post(studio(`${collection}/${id}/submit`), { version: current.version }).expect(204);
    const approved = await as.moderatorKz.post(`/api/review/countries/${kz}/${collection}/${id}/approve`, { revision: current.version });
    expect(approved.status, JSON.stringify(approved.body)).toBe(204);
  }

  /** One URL (or several) for every public GET route, about the fixture's records and files. */
  function publicUrls(media: MediaUrls = { derivatives: [], files: [], captions: [] }): Record<string, string[]> {
    const langs = (path: string) => ['en', 'ru'].map((lang) => `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
    const country = '/api/public/countries/kazakhstan';
    const searches = [OLD_WORD, NEW_WORD, `${OLD_WORD} ${NEW_WORD}`, 'Zephyrov'].flatMap((q) => langs(`/api/public/search?q=${encodeURIComponent(q)}`));
    const suggests = ['Ze', 'Zephyrq', 'Quo', NEW_WORD, `${OLD_WORD} ${NEW_WORD}`].flatMap((q) => langs(`/api/public/search/suggest?q=${encodeURIComponent(q)}`));
    return {
      'GET /api/public/countries': ['/api/public/countries'],
      'GET /api/public/countries/:slug': [country],
      'GET /api/public/countries/:slug/home': langs(`${country}/home`),
      'GET /api/public/countries/:slug/memorial-points': langs(`${country}/memorial-points`),
      'GET /api/public/countries/:slug/items/:recordSlug': langs(`${country}/items/${f.item.slug}`),
      'GET /api/public/countries/:slug/memorials/:recordSlug': langs(`${country}/memorials/${f.memorial.slug}`),
      'GET /api/public/countries/:slug/exhibitions/:recordSlug': langs(`${country}/exhibitions/${f.exhibition.slug}`),
      'GET /api/public/countries/:slug/people/:recordSlug': langs(`${country}/people/${f.person.slug}`),
      'GET /api/public/countries/:slug/people': [...langs(`${country}/people`), ...langs(`${country}/people?limit=2`)],
      // The partners' lists, newest approved first: the fixture's records head their first pages.
      'GET /api/public/countries/:slug/items': langs(`${country}/items?limit=3`),
      'GET /api/public/countries/:slug/memorials': langs(`${country}/memorials?limit=3`),
      'GET /api/public/countries/:slug/exhibitions': langs(`${country}/exhibitions?limit=3`),
      'GET /api/public/map-config': ['/api/public/map-config'],
      'GET /api/public/sitemap.xml': ['/api/public/sitemap.xml'],
      'GET /api/public/search': [...searches, ...langs(`/api/public/search?q=${OLD_WORD}&country=kazakhstan&hasMedia=true`)],
      'GET /api/public/search/suggest': suggests,
      // The person search shows a person's card (rank, unit, burial place, memorial): approved texts only.
      'GET /api/public/search/people': ['Zephyrov', 'Зефиров', 'Zefirov'].flatMap((q) => langs(`/api/public/search/people?q=${encodeURIComponent(q)}`)),
      'GET /iiif/manifests/:collection/:id': (['items', 'memorials', 'exhibitions', 'people'] as const).map(
        (collection) => `/iiif/manifests/${collection}/${f[FIXTURE_KEY[collection]].id}`,
      ),
      'GET /api/public/linked-data/:collection/:id': (['items', 'memorials', 'exhibitions', 'people'] as const).map(
        (collection) => `/api/public/linked-data/${collection}/${f[FIXTURE_KEY[collection]].id}`,
      ),
      'GET /api/public/linked-data/countries/:country/:collection/:slug': (['items', 'memorials', 'exhibitions', 'people'] as const).map(
        (collection) => `/api/public/linked-data/countries/kazakhstan/${collection}/${f[FIXTURE_KEY[collection]].slug}`,
      ),
      'GET /api/public/linked-art/items/:id': [`/api/public/linked-art/items/${f.item.id}`],
      'GET /iiif/collections/:country': ['/iiif/collections/kazakhstan'],
      'GET /api/oai': [
        `/api/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:museum.test:items/${f.item.id}`,
        `/api/oai?verb=GetRecord&metadataPrefix=edm&identifier=oai:museum.test:items/${f.item.id}`,
        `/api/oai?verb=GetRecord&metadataPrefix=edm&identifier=oai:museum.test:memorials/${f.memorial.id}`,
        `/api/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:museum.test:people/${f.person.id}`,
        `/api/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:museum.test:exhibitions/${f.exhibition.id}`,
        '/api/oai?verb=ListRecords&metadataPrefix=oai_dc&set=kazakhstan',
      ],
      'GET /iiif/collections/:country/:collection': ['items', 'memorials', 'exhibitions', 'people'].map((collection) => `/iiif/collections/kazakhstan/${collection}`),
      // After a key no record reaches: the whole list, as a later page reads it.
      'GET /iiif/collections/:country/:collection/after/:after': [
        `/iiif/collections/kazakhstan/items/after/${Buffer.from(JSON.stringify(['2999-01-01T00:00:00.000000Z', '00000000-0000-4000-8000-000000000000'])).toString('base64url')}`,
      ],
      'GET /iiif/3/:assetId/info.json': [`/iiif/3/${f.tiled}/info.json`],
      'GET /iiif/3/:assetId/:region/:size/:rotation/:file': [`/iiif/3/${f.tiled}/0,0,512,512/512,512/0/default.jpg`],
      'GET /api/media/:assetId/file': media.files,
      'GET /api/media/:assetId/:file': media.derivatives,
      'GET /api/media/:assetId/captions/:file': media.captions,
    };
  }

  /** The files the record pages name: every rendition, file and captions file (versioned: a new one gets a new name). */
  async function mediaUrls(): Promise<MediaUrls> {
    const found = { derivatives: new Set<string>(), files: new Set<string>(), captions: new Set<string>() };
    const urls = publicUrls();
    const pages = ['items/:recordSlug', 'memorials/:recordSlug', 'exhibitions/:recordSlug', 'people/:recordSlug'].flatMap((route) => urls[`GET /api/public/countries/:slug/${route}`]);
    for (const url of pages) {
      const page = JSON.stringify((await as.anonymous.get(url).expect(200)).body);
      for (const media of collectMedia(JSON.parse(page))) {
        media.widths.forEach((width) => found.derivatives.add(`/api/media/${media.id}/w${width}.webp`));
        if (media.fileUrl) found.files.add(media.fileUrl);
        media.captions.forEach((captions) => found.captions.add(captions.url));
      }
    }
    return { derivatives: [...found.derivatives].sort(), files: [...found.files].sort(), captions: [...found.captions].sort() };
  }

  /** status and sha256 of the body of every public answer, as an anonymous visitor gets it. */
  async function fingerprints(media: MediaUrls): Promise<Record<string, string>> {
    const all = publicUrls(media);
    const prints: Record<string, string> = {};
    for (const url of Object.values(all).flat()) {
      const response = await as.anonymous
        .get(url)
        // supertest listens on a new port for each request: one host name keeps absolute URLs comparable.
        .set('host', 'museum.test')
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
      // An OAI-PMH answer says when it was made: that part is not content.
      const body = Buffer.from((response.body as Buffer).toString('utf8').replace(/<responseDate>[^<]*<\/responseDate>/, '<responseDate/>'));
      prints[url] = `${response.status} ${createHash('sha256').update(body).digest('hex')}`;
      bodies.set(`${url} ${prints[url]}`, body.toString('utf8'));
    }
    return prints;
  }

  beforeAll(async () => {
    testApp = await startTestApp();
    as = await signInActors(testApp);
    const countries = (await as.anonymous.get('/api/public/countries').expect(200)).body.items;
    kz = countries.find((c: { slug: string }) => c.slug === 'kazakhstan').id;

    const tiled = await upload(await jpeg(2600, 1800, 11));
    const photo = await upload(await jpeg(64, 48, 12));
    const cover = await upload(await jpeg(64, 48, 13));
    const video = await upload(mp4File(20_000));
    for (const [id, label] of [[tiled, 'Scan'], [photo, 'Photo'], [cover, 'Cover'], [video, 'Film']] as const) await describeMedia(id, label);
    await putCaptions(video, 'ru', VALID_VTT);
    await putCaptions(video, 'en', VALID_VTT);

    const item = await publish('items', {
      slug: 'fingerprinted-item',
      kind: 'artefact',
      title: both(`${OLD_WORD} field flask`, `${OLD_WORD} фляга`),
      description: both('A flask carried through the war.', 'Фляга, прошедшая войну.'),
      creator: both('Factory No. 1', 'Завод № 1'),
      date: { earliest: 1941, latest: 1943, display: both('1941–1943', '1941–1943') },
      place: both('Almaty', 'Алматы'),
      materials: both('Aluminium', 'Алюминий'),
      dimensions: '20 × 10 cm',
      provenance: both('A family gift.', 'Дар семьи.'),
      creditLine: both('Gift of the Ivanov family', 'Дар семьи Ивановых'),
      rights: CC_BY,
      inventoryNumber: 'KZ-FP-1',
      tags: [{ en: 'flask', ru: 'фляга' }, { en: 'war' }],
      location: { lat: 43.2, lng: 76.9 },
      media: [{ assetId: tiled }, { assetId: video }],
    });
    const memorial = await publish('memorials', {
      slug: 'fingerprinted-memorial',
      kind: 'obelisk',
      title: both(`${OLD_WORD} obelisk`, `${OLD_WORD} обелиск`),
      description: both('An obelisk in the park.', 'Обелиск в парке.'),
      rights: CC_BY,
      location: { lat: 43.3, lng: 76.95 },
      address: both('Park street 1', 'Парковая, 1'),
      unveilingDate: '1975-05-09',
      inscriptions: [{ original: 'Никто не забыт', originalLanguage: 'ru', translations: both('No one is forgotten', 'Никто не забыт') }],
      conditionSurveys: [{ date: '2020-05-01', condition: 'good', note: both('Clean', 'Чисто'), surveyor: 'A. Surveyor' }],
      events: [{ date: '1975-05-09', type: 'unveiling', description: both('Unveiled', 'Открыт'), actor: 'City council', media: [] }],
      media: [{ assetId: photo }],
    });
    const exhibition = await publish('exhibitions', {
      slug: 'fingerprinted-exhibition',
      title: both(`${OLD_WORD} exhibition`, `${OLD_WORD} выставка`),
      summary: both('<p>A short story.</p>', '<p>Короткий рассказ.</p>'),
      coverMediaId: cover,
      coverItemId: item.id,
      sections: [
        {
          id: crypto.randomUUID(),
          title: both('First section', 'Первый раздел'),
          blocks: [
            { id: crypto.randomUUID(), type: 'text', body: both('<p>Opening words.</p>', '<p>Вступление.</p>') },
            { id: crypto.randomUUID(), type: 'item', itemId: item.id, caption: both('The flask', 'Фляга') },
            { id: crypto.randomUUID(), type: 'gallery', itemIds: [item.id], caption: both('Gallery', 'Галерея') },
            { id: crypto.randomUUID(), type: 'quote', text: both('<p>We remember.</p>', '<p>Мы помним.</p>'), attribution: both('A veteran', 'Ветеран') },
            { id: crypto.randomUUID(), type: 'map', itemIds: [item.id], memorialIds: [memorial.id], caption: both('Where', 'Где') },
            { id: crypto.randomUUID(), type: 'media', assetIds: [video, photo], caption: both('Film and photo', 'Фильм и фото') },
          ],
        },
      ],
    });
    const person = await publish('people', {
      slug: 'fingerprinted-person',
      name: 'Ivan Zephyrov',
      title: both('Ivan Zephyrov', 'Иван Зефиров'),
      surname: 'Zephyrov',
      variants: ['Иван Зефиров'],
      birth: { date: '1910-02', circa: true },
      death: { date: '1943-07-12' },
      placeOfBirth: both('Vernyi', 'Верный'),
      rank: { en: 'Private', ru: 'рядовой' },
      unit: '8th Guards',
      fate: 'killed',
      memorials: [{ memorialId: memorial.id, role: 'burial', plot: 'Row 2' }],
      burialPlace: both('By the river', 'У реки'),
      awards: ['Medal for Courage'],
      sources: [{ title: 'Loss report', archive: 'TsAMO', fond: '58', url: 'https://example.org/report', identifiers: [{ scheme: 'obd-memorial', id: '51431517' }] }],
      media: [{ assetId: photo }],
      biography: both('<p>Born in Vernyi.</p>', '<p>Родился в Верном.</p>'),
    });
    f = { tiled, photo, cover, video, item, memorial, exhibition, person };
  });

  afterAll(() => testApp?.close());

  it('has URLs for every public GET route the application declares', () => {
    const declared = declaredRoutes(testApp.app)
      .filter((route) => route.method === 'GET' && route.rule?.kind === 'public')
      .map((route) => `${route.method} ${route.path}`)
      .filter((route) => !NOT_CONTENT.has(route));
    expect(Object.keys(publicUrls()).sort()).toEqual(declared.sort());
  });

  it('keeps every public answer identical through a curator\'s unapproved edit of every field, and changes them on approval', async () => {
    const media = await mediaUrls();
    expect(media.captions).toHaveLength(2);
    expect(media.files).toEqual([`/api/media/${f.video}/file`]);
    expect(media.derivatives.length).toBeGreaterThanOrEqual(3);
    const before = await fingerprints(media);
    expect(Object.entries(before).filter(([, print]) => !print.startsWith('200 '))).toEqual([]);
    const found = (await as.anonymous.get(`/api/public/search?q=${OLD_WORD}&lang=en`).expect(200)).body;
    const hit = found.items.find((h: { id: string }) => h.id === f.item.id);
    expect(hit.image).toMatchObject({ id: f.tiled, caption: { text: 'Scan caption' }, credit: { text: 'Scan credit' } });

    // The curator rewrites every text of every file, replaces and adds captions files…
    for (const [id, label] of [[f.tiled, 'Scan'], [f.photo, 'Photo'], [f.cover, 'Cover'], [f.video, 'Film']] as const) {
      await as.curatorKz
        .patch(studio(`media/${id}`), {
          alt: both(`${label} alt ${NEW_WORD}`, `${label} ${NEW_WORD}`),
          caption: both(`${label} caption ${NEW_WORD}`, `${label} ${NEW_WORD}`),
          credit: both(`${label} credit ${NEW_WORD}`, `${label} ${NEW_WORD}`),
          rights: CC_BY_SA,
          transcript: both(`${label} transcript ${NEW_WORD}`, `${label} ${NEW_WORD}`),
        })
        .expect(200);
    }
    await putCaptions(f.video, 'ru', NEW_VTT);
    await putCaptions(f.video, 'en', NEW_VTT);
    await putCaptions(f.video, 'kk', NEW_VTT);
    // …and every field of every record, saving each (which freezes the new media texts into the draft).
    const saves: Record<Collection, { slug: string; rights?: string; kind?: string; media?: unknown[] }> = {
      items: { slug: 'fingerprinted-item-renamed', rights: CC_BY_SA, kind: 'document', media: [{ assetId: f.video }, { assetId: f.tiled }] },
      memorials: { slug: 'fingerprinted-memorial-renamed', rights: CC_BY_SA, kind: 'bust', media: [{ assetId: f.photo }, { assetId: f.cover }] },
      exhibitions: { slug: 'fingerprinted-exhibition-renamed' },
      people: { slug: 'fingerprinted-person-renamed' },
    };
    for (const collection of ['items', 'memorials', 'exhibitions', 'people'] as const) {
      const record = f[FIXTURE_KEY[collection]];
      const current = (await as.curatorKz.get(studio(`${collection}/${record.id}`)).expect(200)).body;
      const changed = { ...(changedEverywhere(editableDocument(current)) as object), ...saves[collection], version: current.version };
      const saved = await as.curatorKz.request('put', studio(`${collection}/${record.id}`)).send(changed);
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      await as.curatorKz.post(studio(`${collection}/${record.id}/submit`), { version: saved.body.version }).expect(204);
    }
    // Edits after the save too: the studio's files now differ from the submitted revision as well.
    await as.curatorKz.patch(studio(`media/${f.tiled}`), { caption: both('Late caption', 'Поздняя подпись') }).expect(200);

    const during = await fingerprints(media);
    const differing = Object.keys(before).filter((url) => before[url] !== during[url]);
    expect(differing.map((url) => whereTheyPart(url, before[url], during[url]))).toEqual([]);
    expect(await mediaUrls()).toEqual(media);

    // Approved: the same answers now say what the curator wrote.
    for (const collection of ['items', 'memorials', 'exhibitions', 'people'] as const) {
      const record = f[FIXTURE_KEY[collection]];
      const submitted = (await as.curatorKz.get(studio(`${collection}/${record.id}`)).expect(200)).body;
      await as.moderatorKz.post(`/api/review/countries/${kz}/${collection}/${record.id}/approve`, { revision: submitted.version }).expect(204);
    }
    const after = await fingerprints(media);
    const changedNow = Object.keys(before).filter((url) => before[url] !== after[url]);
    for (const url of [
      ...publicUrls()['GET /api/public/countries/:slug/home'],
      // The fixture's memorial is a point of the country's map: its title there is the approved one.
      ...publicUrls()['GET /api/public/countries/:slug/memorial-points'],
      ...publicUrls()['GET /api/public/sitemap.xml'],
      // The fixture's person (Latin letters sort first) heads the register's first page; the manifests bear the new titles.
      ...publicUrls()['GET /api/public/countries/:slug/people'],
      // The partners' lists show the fixture's records first, with their new titles and cards.
      ...publicUrls()['GET /api/public/countries/:slug/items'],
      ...publicUrls()['GET /api/public/countries/:slug/memorials'],
      ...publicUrls()['GET /api/public/countries/:slug/exhibitions'],
      ...publicUrls()['GET /iiif/manifests/:collection/:id'].filter((url) => /\/(items|people)\//.test(url)),
      // Linked data says what the pages say: every record's, by id and by its (renamed) address.
      ...publicUrls()['GET /api/public/linked-data/:collection/:id'],
      ...publicUrls()['GET /api/public/linked-art/items/:id'],
      // Harvesters get the approved texts too.
      ...publicUrls()['GET /api/oai'].filter((url) => url.includes('GetRecord')),
      `/api/public/search?q=${NEW_WORD}&lang=en`,
    ]) {
      expect(changedNow).toContain(url);
    }
    const renamed = (await as.anonymous.get('/api/public/countries/kazakhstan/items/fingerprinted-item-renamed?lang=en').expect(200)).body;
    expect(renamed.title.text).toContain(NEW_WORD);
    expect(renamed.media.map((m: { id: string }) => m.id)).toEqual([f.video, f.tiled]);
    expect(renamed.media[1]).toMatchObject({ caption: { text: `Scan caption ${NEW_WORD}` }, rights: CC_BY_SA });
    const newHit = (await as.anonymous.get(`/api/public/search?q=${NEW_WORD}&lang=en`).expect(200)).body.items.find((h: { id: string }) => h.id === f.item.id);
    expect(newHit.image).toMatchObject({ id: f.tiled, caption: { text: `Scan caption ${NEW_WORD}` }, rights: CC_BY_SA });
    for (const record of [f.item, f.memorial, f.exhibition, f.person]) record.slug = `${record.slug}-renamed`;
    const newCaptions = (await mediaUrls()).captions;
    expect(newCaptions).toHaveLength(3);
    expect(newCaptions.filter((url) => media.captions.includes(url))).toEqual([]);
  });
});
