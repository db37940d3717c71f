import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTOR_NAMES, type ActorName, signInActors } from './support/actors';
import { declaredRoutes } from './support/routes';
import { VALID_VTT, mp4File } from './support/media-files';
import { waitForMedia } from './support/store';
import { type TestApp, type TestClient, startTestApp } from './support/test-app';

/** A distinct small JPEG per call, so no upload is answered as a re-upload. */
let uploads = 0;
const uniqueJpeg = () =>
  sharp({ create: { width: 16, height: 16, channels: 3, background: { r: ++uploads % 256, g: 10, b: 200 } } }).jpeg().toBuffer();

type Collection = 'items' | 'memorials' | 'exhibitions' | 'people';

interface Context {
  kazakhstanId: string;
  armeniaId: string;
  scratchUserId: string;
  /** Records of Kazakhstan made by the admin before each actor's request, so writes never collide. */
  fresh: Record<Collection, { id: string; version: number }>;
  mediaId: string;
  /** The file a withdraw or restore row acts on, made fresh for each actor. */
  decidedMediaId: string;
  /** A draft video with Russian captions. */
  videoId: string;
  demoItemId: string;
  demoExhibitionId: string;
  demoPersonId: string;
  /** A live item that shows `tiled.published`. */
  shownItemId: string;
  /** Large images with a IIIF tile pyramid: one a live item shows, one no live record shows. */
  tiled: { published: string; draft: string };
  /** A notification of the curator of Kazakhstan: a moderator asked for changes to their submission. */
  curatorNotificationId: string;
  /** A person made fresh for each actor to merge into the fresh person. */
  duplicatePersonId: string;
}

interface Row {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The route as declared, with :params. */
  route: string;
  /** What this row of a route tries, when the route has several (a kind of record, a published or draft file). */
  variant?: string;
  url?: (ctx: Context) => string;
  body?: (ctx: Context, actor: ActorName) => object;
  /** A file to send as the raw body of an upload. */
  upload?: () => Promise<Buffer>;
  /** A text body of another type than JSON. */
  text?: { contentType: string; body: string };
  /** Give every actor its own new draft to act on (for saves and deletes). */
  freshRecord?: Collection;
  /** Brings the fresh record into the state the route acts on (submitted, published…), as the admin. */
  prepare?: (ctx: Context, admin: TestClient) => Promise<void>;
  /** The route ends or replaces sessions: run it on a throw-away session. */
  endsSession?: boolean;
  expected: Record<ActorName, number>;
}

const everyone = (status: number) => Object.fromEntries(ACTOR_NAMES.map((a) => [a, status])) as Record<ActorName, number>;
const signedIn = (status: number) => ({ ...everyone(status), anonymous: 401 });
const adminOnly = (status: number) => ({ anonymous: 401, curatorKz: 403, curatorAm: 403, moderatorKz: 403, admin: status });
const unique = () => Math.random().toString(36).slice(2, 8);
/** Members of Kazakhstan (and admins) may; the curator of Armenia may not. */
const members = (status: number) => ({ anonymous: 401, curatorKz: status, curatorAm: 403, moderatorKz: status, admin: status });
const readers = members;
/** Moderators of Kazakhstan and admins; curators may not. */
const reviewers = (status: number) => ({ anonymous: 401, curatorKz: 403, curatorAm: 403, moderatorKz: status, admin: status });

/** Staff of Kazakhstan (and admins) see a file no live record shows; visitors and other countries get 404, as if it did not exist. */
const draftMedia = { anonymous: 404, curatorKz: 200, curatorAm: 404, moderatorKz: 200, admin: 200 };

/** Submit, withdraw, revisions and every review decision, for one kind of record: the routes take any of the three. */
function workflowRows(collection: Collection): Row[] {
  const studioBase = '/api/studio/countries/:countryId/:collection/:id';
  const reviewBase = '/api/review/countries/:countryId/:collection/:id';
  const fresh = (c: Context) => `/api/studio/countries/${c.kazakhstanId}/${collection}/${c.fresh[collection].id}`;
  const reviewed = (c: Context) => `/api/review/countries/${c.kazakhstanId}/${collection}/${c.fresh[collection].id}`;
  const submitFresh = async (c: Context, admin: TestClient) => {
    await admin.post(`${fresh(c)}/submit`, { version: c.fresh[collection].version }).expect(204);
  };
  const publishFresh = async (c: Context, admin: TestClient) => {
    await submitFresh(c, admin);
    await admin.post(`${reviewed(c)}/approve`, { revision: c.fresh[collection].version }).expect(204);
  };
  const decision = (c: Context) => ({ revision: c.fresh[collection].version, comment: 'Please check the dates' });
  const rows: Row[] = [
    { method: 'POST', route: `${studioBase}/submit`, url: (c) => `${fresh(c)}/submit`, body: (c) => ({ version: c.fresh[collection].version }), expected: members(204) },
    { method: 'POST', route: `${studioBase}/withdraw`, url: (c) => `${fresh(c)}/withdraw`, prepare: submitFresh, expected: members(204) },
    { method: 'GET', route: `${studioBase}/revisions`, url: (c) => `${fresh(c)}/revisions`, expected: readers(200) },
    { method: 'GET', route: `${studioBase}/revisions/:number`, url: (c) => `${fresh(c)}/revisions/1`, expected: readers(200) },
    { method: 'POST', route: `${studioBase}/revisions/:number/restore`, url: (c) => `${fresh(c)}/revisions/1/restore`, expected: members(200) },
    { method: 'GET', route: reviewBase, url: reviewed, prepare: submitFresh, expected: reviewers(200) },
    { method: 'GET', route: `${reviewBase}/preview`, url: (c) => `${reviewed(c)}/preview?lang=ru`, prepare: submitFresh, expected: reviewers(200) },
    { method: 'POST', route: `${reviewBase}/approve`, url: (c) => `${reviewed(c)}/approve`, prepare: submitFresh, body: decision, expected: reviewers(204) },
    { method: 'POST', route: `${reviewBase}/request-changes`, url: (c) => `${reviewed(c)}/request-changes`, prepare: submitFresh, body: decision, expected: reviewers(204) },
    { method: 'POST', route: `${reviewBase}/reject`, url: (c) => `${reviewed(c)}/reject`, prepare: submitFresh, body: decision, expected: reviewers(204) },
    { method: 'POST', route: `${reviewBase}/unpublish`, url: (c) => `${reviewed(c)}/unpublish`, prepare: publishFresh, body: () => ({}), expected: reviewers(204) },
    { method: 'POST', route: `${reviewBase}/archive`, url: (c) => `${reviewed(c)}/archive`, body: () => ({}), expected: reviewers(204) },
  ];
  return rows.map((row) => ({ ...row, variant: collection, freshRecord: collection }));
}

/** Duplicate people: anyone of the country reads the suggestions; merging is a moderator's. */
function peopleRows(): Row[] {
  const base = '/api/studio/countries/:countryId/people/:id';
  const person = (c: Context) => `/api/studio/countries/${c.kazakhstanId}/people/${c.fresh.people.id}`;
  return [
    { method: 'GET', route: `${base}/duplicates`, url: (c) => `${person(c)}/duplicates`, freshRecord: 'people', expected: readers(200) },
    {
      method: 'POST',
      route: `${base}/merge`,
      url: (c) => `${person(c)}/merge`,
      freshRecord: 'people',
      prepare: async (c, admin) => {
        c.duplicatePersonId = (await admin.post(`/api/studio/countries/${c.kazakhstanId}/people`, DOCUMENTS.people()).expect(201)).body.id;
      },
      body: (c) => ({ duplicateId: c.duplicatePersonId, version: c.fresh.people.version, duplicateVersion: 1 }),
      expected: reviewers(200),
    },
  ];
}

function deskRows(): Row[] {
  return [
    {
      method: 'GET',
      route: '/api/review/countries/:countryId/queue',
      url: (c) => `/api/review/countries/${c.kazakhstanId}/queue`,
      expected: reviewers(200),
    },
    { method: 'GET', route: '/api/audit', url: (c) => `/api/audit?countryId=${c.kazakhstanId}`, expected: reviewers(200) },
    { method: 'GET', route: '/api/audit/export.csv', url: (c) => `/api/audit/export.csv?countryId=${c.kazakhstanId}`, expected: reviewers(200) },
    { method: 'GET', route: '/api/notifications', expected: signedIn(200) },
    { method: 'POST', route: '/api/notifications/read', body: () => ({}), expected: signedIn(200) },
    {
      method: 'GET',
      route: '/api/notifications/:id',
      url: (c) => `/api/notifications/${c.curatorNotificationId}`,
      // Only its addressee reads it; to everyone else it does not exist.
      expected: { anonymous: 401, curatorKz: 200, curatorAm: 404, moderatorKz: 404, admin: 404 },
    },
  ];
}

/**
 * A moderator's decisions on one file: each actor acts on a file of its own (withdraw: a fresh upload;
 * restore: one the admin has just withdrawn), so every row starts from the state the route acts on.
 */
let decisions = 0;
function mediaDecisionRows(): Row[] {
  const base = '/api/review/countries/:countryId/media/:mediaId';
  const freshFile = async (c: Context, admin: TestClient) => {
    // Lossless, so each file differs from every other upload (small JPEGs of near colours can come out the same).
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: { r: ++decisions % 256, g: Math.floor(decisions / 256), b: 77 } } }).png().toBuffer();
    const uploaded = await admin.request('post', `/api/studio/countries/${c.kazakhstanId}/media`).set('content-type', 'application/octet-stream').send(png).expect(201);
    c.decidedMediaId = uploaded.body.id;
  };
  const decided = (c: Context) => `/api/review/countries/${c.kazakhstanId}/media/${c.decidedMediaId}`;
  return [
    { method: 'POST', route: `${base}/withdraw`, url: (c) => `${decided(c)}/withdraw`, prepare: freshFile, body: () => ({ comment: 'Consent withdrawn' }), expected: reviewers(204) },
    {
      method: 'POST',
      route: `${base}/restore`,
      url: (c) => `${decided(c)}/restore`,
      prepare: async (c, admin) => {
        await freshFile(c, admin);
        await admin.post(`${decided(c)}/withdraw`, {}).expect(204);
      },
      body: () => ({}),
      expected: reviewers(204),
    },
  ];
}

/** IIIF manifests and collections, linked data and OAI-PMH: open to everyone, live records only. */
function openDataRows(): Row[] {
  const manifest = '/iiif/manifests/:collection/:id';
  const lastPage = Buffer.from(JSON.stringify(['2999-01-01T00:00:00.000000Z', '00000000-0000-4000-8000-000000000000'])).toString('base64url');
  return [
    { method: 'GET', route: manifest, variant: 'an item with an image', url: (c) => `/iiif/manifests/items/${c.shownItemId}`, expected: everyone(200) },
    // Demo records have no images in tests (SEED_DEMO_MEDIA=false): no canvas, no manifest.
    { method: 'GET', route: manifest, variant: 'an item without images', url: (c) => `/iiif/manifests/items/${c.demoItemId}`, expected: everyone(404) },
    { method: 'GET', route: manifest, variant: 'a draft', url: (c) => `/iiif/manifests/items/${c.fresh.items.id}`, freshRecord: 'items', expected: everyone(404) },
    { method: 'GET', route: '/iiif/collections/:country', url: () => '/iiif/collections/kazakhstan', expected: everyone(200) },
    { method: 'GET', route: '/iiif/collections/:country/:collection', url: () => '/iiif/collections/kazakhstan/items', expected: everyone(200) },
    { method: 'GET', route: '/iiif/collections/:country/:collection/after/:after', url: () => `/iiif/collections/kazakhstan/items/after/${lastPage}`, expected: everyone(200) },
    { method: 'GET', route: '/api/public/linked-data/:collection/:id', url: (c) => `/api/public/linked-data/people/${c.demoPersonId}`, expected: everyone(200) },
    {
      method: 'GET',
      route: '/api/public/linked-data/:collection/:id',
      variant: 'a draft',
      url: (c) => `/api/public/linked-data/items/${c.fresh.items.id}`,
      freshRecord: 'items',
      expected: everyone(404),
    },
    {
      method: 'GET',
      route: '/api/public/linked-data/countries/:country/:collection/:slug',
      url: () => '/api/public/linked-data/countries/kazakhstan/items/field-flask',
      expected: everyone(200),
    },
    { method: 'GET', route: '/api/public/linked-art/items/:id', url: (c) => `/api/public/linked-art/items/${c.demoItemId}`, expected: everyone(200) },
    { method: 'GET', route: '/api/oai', url: () => '/api/oai?verb=Identify', expected: everyone(200) },
  ];
}

/** IIIF deep zoom of a tiled image a live item shows (anyone) and of one no live record shows (its country's staff only). */
function iiifRows(): Row[] {
  const info = '/iiif/3/:assetId/info.json';
  const tile = '/iiif/3/:assetId/:region/:size/:rotation/:file';
  const tileOf = (id: string) => `/iiif/3/${id}/0,0,512,512/512,512/0/default.jpg`;
  const service = '/iiif/3/:assetId';
  return [
    // The base URI redirects to info.json (303), for those who may have it.
    { method: 'GET', route: service, variant: 'published', url: (c) => `/iiif/3/${c.tiled.published}`, expected: everyone(303) },
    { method: 'GET', route: service, variant: 'draft', url: (c) => `/iiif/3/${c.tiled.draft}`, expected: { ...draftMedia, curatorKz: 303, moderatorKz: 303, admin: 303 } },
    { method: 'GET', route: info, variant: 'published', url: (c) => `/iiif/3/${c.tiled.published}/info.json`, expected: everyone(200) },
    { method: 'GET', route: info, variant: 'draft', url: (c) => `/iiif/3/${c.tiled.draft}/info.json`, expected: draftMedia },
    { method: 'GET', route: tile, variant: 'published', url: (c) => tileOf(c.tiled.published), expected: everyone(200) },
    { method: 'GET', route: tile, variant: 'draft', url: (c) => tileOf(c.tiled.draft), expected: draftMedia },
  ];
}

const en = (text: string) => ({ en: { text, status: 'original' } });
const DOCUMENTS = {
  items: () => ({ slug: `item-${unique()}`, kind: 'artefact', title: en('An item'), rights: 'https://creativecommons.org/licenses/by/4.0/' }),
  memorials: () => ({ slug: `memorial-${unique()}`, kind: 'obelisk', title: en('A memorial'), rights: 'https://creativecommons.org/licenses/by/4.0/', location: { lat: 43.2, lng: 76.9 } }),
  exhibitions: () => ({ slug: `exhibition-${unique()}`, title: en('An exhibition') }),
  people: () => ({ slug: `person-${unique()}`, name: 'Иванов Пётр', title: en('Ivanov Pyotr'), death: { date: '1942' } }),
};

function studioRows(collection: Collection): Row[] {
  const base = `/api/studio/countries/:countryId/${collection}`;
  const list = (c: Context) => `/api/studio/countries/${c.kazakhstanId}/${collection}`;
  const one = (c: Context) => `${list(c)}/${c.fresh[collection].id}`;
  return [
    { method: 'GET', route: base, url: list, expected: readers(200) },
    { method: 'POST', route: base, url: list, body: () => DOCUMENTS[collection](), expected: members(201) },
    { method: 'GET', route: `${base}/:id`, url: one, freshRecord: collection, expected: readers(200) },
    {
      method: 'PUT',
      route: `${base}/:id`,
      url: one,
      freshRecord: collection,
      body: (c) => ({ ...DOCUMENTS[collection](), version: c.fresh[collection].version }),
      expected: members(200),
    },
    { method: 'DELETE', route: `${base}/:id`, url: one, freshRecord: collection, expected: members(204) },
    { method: 'GET', route: `${base}/:id/preview`, url: (c) => `${one(c)}/preview`, freshRecord: collection, expected: readers(200) },
  ];
}

/**
 * Every protected and public route × the five actors. When a route is added
 * to the application without a row here, the coverage test below fails.
 */
const TABLE: Row[] = [
  { method: 'GET', route: '/api/health', expected: everyone(200) },
  { method: 'GET', route: '/api/public/countries', expected: everyone(200) },
  {
    method: 'GET',
    route: '/api/public/countries/:slug',
    url: () => '/api/public/countries/kazakhstan',
    expected: everyone(200),
  },
  { method: 'GET', route: '/api/auth/csrf', expected: everyone(200) },
  {
    method: 'POST',
    route: '/api/auth/login',
    body: () => ({ email: 'nobody@vitrina.test', password: 'wrong-password' }),
    expected: everyone(401),
  },
  { method: 'GET', route: '/api/auth/me', expected: signedIn(200) },
  { method: 'POST', route: '/api/auth/logout', endsSession: true, expected: signedIn(204) },
  {
    method: 'POST',
    route: '/api/auth/password',
    endsSession: true,
    body: () => ({ currentPassword: 'vitrina-demo', newPassword: 'vitrina-demo' }),
    expected: signedIn(200),
  },
  { method: 'GET', route: '/api/admin/users', expected: adminOnly(200) },
  {
    method: 'POST',
    route: '/api/admin/users',
    body: () => ({ email: `new-${unique()}@vitrina.test`, displayName: 'New', password: 'long-enough-password' }),
    expected: adminOnly(201),
  },
  { method: 'GET', route: '/api/admin/users/:id', url: (c) => `/api/admin/users/${c.scratchUserId}`, expected: adminOnly(200) },
  {
    method: 'PATCH',
    route: '/api/admin/users/:id',
    url: (c) => `/api/admin/users/${c.scratchUserId}`,
    body: (_, actor) => ({ displayName: `Renamed by ${actor}` }),
    expected: adminOnly(200),
  },
  {
    method: 'POST',
    route: '/api/admin/users/:id/unlock',
    url: (c) => `/api/admin/users/${c.scratchUserId}/unlock`,
    expected: adminOnly(200),
  },
  {
    method: 'POST',
    route: '/api/admin/users/:id/memberships',
    url: (c) => `/api/admin/users/${c.scratchUserId}/memberships`,
    body: (c) => ({ countryId: c.armeniaId, role: 'moderator' }),
    expected: adminOnly(201),
  },
  {
    method: 'DELETE',
    route: '/api/admin/users/:id/memberships/:countryId',
    url: (c) => `/api/admin/users/${c.scratchUserId}/memberships/${c.kazakhstanId}`,
    expected: adminOnly(204),
  },
  { method: 'GET', route: '/api/admin/countries', expected: adminOnly(200) },
  {
    method: 'POST',
    route: '/api/admin/countries',
    body: () => ({ slug: `land-${unique()}`, names: { ru: 'Земля', en: 'Land' }, defaultLanguage: 'ru', languages: ['ru', 'en'] }),
    expected: adminOnly(201),
  },
  ...studioRows('items'),
  ...studioRows('memorials'),
  ...studioRows('exhibitions'),
  ...studioRows('people'),
  ...workflowRows('items'),
  ...workflowRows('memorials'),
  ...workflowRows('exhibitions'),
  ...workflowRows('people'),
  ...peopleRows(),
  ...deskRows(),
  {
    method: 'POST',
    route: '/api/studio/countries/:countryId/exhibitions/preview',
    url: (c) => `/api/studio/countries/${c.kazakhstanId}/exhibitions/preview?lang=ru`,
    body: () => ({ slug: `preview-${unique()}`, title: { ru: { text: 'Предпросмотр', status: 'original' } } }),
    expected: readers(200),
  },
  {
    method: 'POST',
    route: '/api/studio/countries/:countryId/media',
    url: (c) => `/api/studio/countries/${c.kazakhstanId}/media`,
    upload: uniqueJpeg,
    expected: members(201),
  },
  { method: 'GET', route: '/api/studio/countries/:countryId/media', url: (c) => `/api/studio/countries/${c.kazakhstanId}/media`, expected: readers(200) },
  {
    method: 'GET',
    route: '/api/studio/countries/:countryId/media/:id',
    url: (c) => `/api/studio/countries/${c.kazakhstanId}/media/${c.mediaId}`,
    expected: readers(200),
  },
  {
    method: 'PATCH',
    route: '/api/studio/countries/:countryId/media/:id',
    url: (c) => `/api/studio/countries/${c.kazakhstanId}/media/${c.mediaId}`,
    body: (_, actor) => ({ caption: { ru: { text: `Подпись: ${actor}`, status: 'original' } } }),
    expected: members(200),
  },
  {
    method: 'GET',
    route: '/api/media/:assetId/:file',
    url: (c) => `/api/media/${c.mediaId}/w16.webp`,
    // A draft's media: only the staff of its country see it.
    expected: draftMedia,
  },
  {
    method: 'GET',
    route: '/api/media/:assetId/file',
    url: (c) => `/api/media/${c.videoId}/file`,
    expected: draftMedia,
  },
  {
    method: 'GET',
    route: '/api/media/:assetId/captions/:file',
    url: (c) => `/api/media/${c.videoId}/captions/ru.vtt`,
    expected: draftMedia,
  },
  {
    method: 'PUT',
    route: '/api/studio/countries/:countryId/media/:id/captions/:lang',
    url: (c) => `/api/studio/countries/${c.kazakhstanId}/media/${c.videoId}/captions/en`,
    text: { contentType: 'text/vtt', body: VALID_VTT },
    expected: members(200),
  },
  {
    method: 'DELETE',
    route: '/api/studio/countries/:countryId/media/:id/captions/:lang',
    url: (c) => `/api/studio/countries/${c.kazakhstanId}/media/${c.videoId}/captions/en`,
    expected: members(200),
  },
  ...iiifRows(),
  ...mediaDecisionRows(),
  ...openDataRows(),
  { method: 'GET', route: '/api/public/countries/:slug/home', url: () => '/api/public/countries/kazakhstan/home', expected: everyone(200) },
  {
    method: 'GET',
    route: '/api/public/countries/:slug/memorial-points',
    url: () => '/api/public/countries/kazakhstan/memorial-points',
    expected: everyone(200),
  },
  {
    method: 'GET',
    route: '/api/public/countries/:slug/items/:recordSlug',
    url: () => '/api/public/countries/kazakhstan/items/field-flask',
    expected: everyone(200),
  },
  {
    method: 'GET',
    route: '/api/public/countries/:slug/memorials/:recordSlug',
    url: () => '/api/public/countries/kazakhstan/memorials/shymkent-bust',
    expected: everyone(200),
  },
  {
    method: 'GET',
    route: '/api/public/countries/:slug/people',
    url: () => '/api/public/countries/kazakhstan/people?limit=5',
    expected: everyone(200),
  },
  {
    method: 'GET',
    route: '/api/public/countries/:slug/people/:recordSlug',
    url: () => '/api/public/countries/kazakhstan/people/akhmetov-serik-nurlanovich',
    expected: everyone(200),
  },
  {
    method: 'GET',
    route: '/api/public/countries/:slug/exhibitions/:recordSlug',
    url: () => '/api/public/countries/kazakhstan/exhibitions/home-front-and-front-line',
    expected: everyone(200),
  },
  { method: 'GET', route: '/api/public/sitemap.xml', expected: everyone(200) },
  { method: 'GET', route: '/api/public/search', url: () => '/api/public/search?q=flask', expected: everyone(200) },
  { method: 'GET', route: '/api/public/search/suggest', url: () => '/api/public/search/suggest?q=fla', expected: everyone(200) },
  { method: 'GET', route: '/api/public/search/people', url: () => `/api/public/search/people?q=${encodeURIComponent('Семенов')}`, expected: everyone(200) },
  { method: 'GET', route: '/api/public/map-config', expected: everyone(200) },
  {
    method: 'PATCH',
    route: '/api/admin/countries/:id',
    url: (c) => `/api/admin/countries/${c.armeniaId}`,
    body: () => ({ names: { ru: 'Армения', en: 'Armenia', hy: 'Հայաստան' } }),
    expected: adminOnly(200),
  },
  // Exports (exchange module): every record of a collection as a spreadsheet, for the country's staff and admins.
  {
    method: 'GET',
    route: '/api/studio/countries/:countryId/export/:collection.:format',
    variant: 'people as CSV',
    url: (c) => `/api/studio/countries/${c.kazakhstanId}/export/people.csv`,
    expected: readers(200),
  },
  {
    method: 'GET',
    route: '/api/studio/countries/:countryId/export/:collection.:format',
    variant: 'items as XLSX',
    url: (c) => `/api/studio/countries/${c.kazakhstanId}/export/items.xlsx`,
    expected: readers(200),
  },
  // The names on a memorial from a CSV file (exchange module): for the country's staff who may save people, and admins.
  {
    method: 'POST',
    route: '/api/studio/countries/:countryId/memorials/:memorialId/names',
    variant: 'a dry run',
    url: (c) => `/api/studio/countries/${c.kazakhstanId}/memorials/${c.fresh.memorials.id}/names?dryRun=true`,
    text: { contentType: 'text/csv', body: 'name,death,fate\nИванов Пётр,1943,killed\n' },
    freshRecord: 'memorials',
    expected: members(200),
  },
  {
    method: 'POST',
    route: '/api/studio/countries/:countryId/memorials/:memorialId/names',
    variant: 'an import',
    url: (c) => `/api/studio/countries/${c.kazakhstanId}/memorials/${c.fresh.memorials.id}/names?dryRun=false`,
    text: { contentType: 'text/csv', body: 'name,death,fate\nИванов Пётр,1943,killed\n' },
    freshRecord: 'memorials',
    expected: members(200),
  },
  // The read API for partners (partners module): lists of every kind for anyone, API keys for admins only.
  { method: 'GET', route: '/api/public/countries/:slug/items', url: () => '/api/public/countries/kazakhstan/items?limit=2', expected: everyone(200) },
  { method: 'GET', route: '/api/public/countries/:slug/memorials', url: () => '/api/public/countries/kazakhstan/memorials?limit=2', expected: everyone(200) },
  { method: 'GET', route: '/api/public/countries/:slug/exhibitions', url: () => '/api/public/countries/kazakhstan/exhibitions?limit=2', expected: everyone(200) },
  { method: 'GET', route: '/api/admin/api-keys', expected: adminOnly(200) },
  { method: 'POST', route: '/api/admin/api-keys', body: (_c, actor) => ({ name: `Partner of ${actor} ${unique()}` }), expected: adminOnly(201) },
  {
    method: 'DELETE',
    route: '/api/admin/api-keys/:id',
    url: () => `/api/admin/api-keys/${partnerKey.id}`,
    prepare: async (_c, admin) => {
      partnerKey.id = (await admin.post('/api/admin/api-keys', { name: `To revoke ${unique()}` }).expect(201)).body.id;
    },
    expected: adminOnly(200),
  },
];

/** The partner key a revocation row acts on, made fresh for each actor. */
const partnerKey = { id: '' };

describe('permission table', () => {
  let testApp: TestApp;
  let actors: Record<ActorName, TestClient>;
  let ctx: Context;

  beforeAll(async () => {
    testApp = await startTestApp();
    actors = await signInActors(testApp);
    const countries = (await actors.anonymous.get('/api/public/countries').expect(200)).body.items;
    const idOf = (slug: string) => countries.find((c: { slug: string }) => c.slug === slug).id;
    const scratch = await actors.admin
      .post('/api/admin/users', { email: 'scratch@vitrina.test', displayName: 'Scratch', password: 'scratch-password' })
      .expect(201);
    ctx = {
      kazakhstanId: idOf('kazakhstan'),
      armeniaId: idOf('armenia'),
      scratchUserId: scratch.body.id,
      fresh: {} as Context['fresh'],
      mediaId: '',
      decidedMediaId: '',
      videoId: '',
      demoItemId: (await actors.anonymous.get('/api/public/countries/kazakhstan/items/field-flask').expect(200)).body.id,
      demoExhibitionId: (await actors.anonymous.get('/api/public/countries/kazakhstan/home').expect(200)).body.exhibitions[0].id,
      demoPersonId: (await actors.anonymous.get('/api/public/countries/kazakhstan/people/akhmetov-serik-nurlanovich').expect(200)).body.id,
      tiled: { published: await tiledImage(actors.admin, idOf('kazakhstan'), 1), draft: await tiledImage(actors.admin, idOf('kazakhstan'), 2) },
      curatorNotificationId: await curatorNotification(actors, idOf('kazakhstan')),
      duplicatePersonId: '',
      shownItemId: '',
    };
    ctx.shownItemId = await showOnLiveItem(actors.admin, ctx.kazakhstanId, ctx.tiled.published);
    const media = await actors.admin
      .request('post', `/api/studio/countries/${ctx.kazakhstanId}/media`)
      .set('content-type', 'application/octet-stream')
      .send(await uniqueJpeg())
      .expect(201);
    ctx.mediaId = media.body.id;
    await waitForMedia(actors.admin, ctx.kazakhstanId, ctx.mediaId);
    const video = await actors.admin
      .request('post', `/api/studio/countries/${ctx.kazakhstanId}/media`)
      .set('content-type', 'application/octet-stream')
      .send(mp4File())
      .expect(201);
    ctx.videoId = video.body.id;
    await waitForMedia(actors.admin, ctx.kazakhstanId, ctx.videoId);
    await actors.admin
      .request('put', `/api/studio/countries/${ctx.kazakhstanId}/media/${ctx.videoId}/captions/ru`)
      .set('content-type', 'text/vtt')
      .send(VALID_VTT)
      .expect(200);
  });

  afterAll(() => testApp?.close());

  it('has a row for every route the application declares', () => {
    const declared = declaredRoutes(testApp.app).map((r) => `${r.method} ${r.path}`);
    const covered = TABLE.map((row) => `${row.method} ${row.route}`);
    expect(declared.filter((route) => !covered.includes(route))).toEqual([]);
    expect(covered.filter((route) => !declared.includes(route))).toEqual([]);
  });

  it('declares an access rule on every route', () => {
    const undeclared = declaredRoutes(testApp.app).filter((route) => !route.rule);
    expect(undeclared.map((route) => route.handler)).toEqual([]);
  });

  for (const row of TABLE) {
    it(`${row.method} ${row.route}${row.variant ? ` (${row.variant})` : ''}`, async () => {
      const seen: Partial<Record<ActorName, number>> = {};
      for (const actor of ACTOR_NAMES) {
        if (row.route.endsWith('/memberships/:countryId') && actor === 'admin') {
          await actors.admin.post(`/api/admin/users/${ctx.scratchUserId}/memberships`, { countryId: ctx.kazakhstanId, role: 'curator' }).expect(201);
        }
        if (row.freshRecord) {
          const created = await actors.admin
            .post(`/api/studio/countries/${ctx.kazakhstanId}/${row.freshRecord}`, DOCUMENTS[row.freshRecord]())
            .expect(201);
          ctx.fresh[row.freshRecord] = { id: created.body.id, version: created.body.version };
        }
        await row.prepare?.(ctx, actors.admin);
        const client = row.endsSession && actor !== 'anonymous' ? await freshSession(testApp, actors[actor]) : actors[actor];
        const url = row.url?.(ctx) ?? row.route;
        const request = client.request(row.method.toLowerCase() as 'get', url);
        const response = await (row.upload
          ? request.set('content-type', 'application/octet-stream').send(await row.upload())
          : row.text
            ? request.set('content-type', row.text.contentType).send(row.text.body)
            : row.body
            ? request.send(row.body(ctx, actor))
            : request);
        seen[actor] = response.status;
      }
      expect(seen).toEqual(row.expected);
      if (row.endsSession) actors = await signInActors(testApp);
    });
  }
});

/** An image large enough for a IIIF tile pyramid, processed. */
async function tiledImage(admin: TestClient, countryId: string, shade: number): Promise<string> {
  const jpeg = await sharp({ create: { width: 2600, height: 1800, channels: 3, background: { r: 40 * shade, g: 90, b: 120 } } }).jpeg().toBuffer();
  const uploaded = await admin.request('post', `/api/studio/countries/${countryId}/media`).set('content-type', 'application/octet-stream').send(jpeg).expect(201);
  const asset = await waitForMedia(admin, countryId, uploaded.body.id);
  expect(asset).toMatchObject({ status: 'ready', tiled: true });
  return uploaded.body.id;
}

/** Publishes an item showing the asset, through review as a moderator would. */
async function showOnLiveItem(admin: TestClient, countryId: string, assetId: string): Promise<string> {
  const rights = 'https://creativecommons.org/licenses/by/4.0/';
  await admin.patch(`/api/studio/countries/${countryId}/media/${assetId}`, { rights, alt: en('A large scan') }).expect(200);
  const item = await admin.post(`/api/studio/countries/${countryId}/items`, { ...DOCUMENTS.items(), media: [{ assetId }] }).expect(201);
  await admin.post(`/api/studio/countries/${countryId}/items/${item.body.id}/submit`, { version: item.body.version }).expect(204);
  await admin.post(`/api/review/countries/${countryId}/items/${item.body.id}/approve`, { revision: item.body.version }).expect(204);
  return item.body.id;
}

/** The curator of Kazakhstan submits an item and the moderator asks for changes: the curator is notified. */
async function curatorNotification(actors: Record<ActorName, TestClient>, countryId: string): Promise<string> {
  const item = await actors.curatorKz.post(`/api/studio/countries/${countryId}/items`, DOCUMENTS.items()).expect(201);
  await actors.curatorKz.post(`/api/studio/countries/${countryId}/items/${item.body.id}/submit`, { version: item.body.version }).expect(204);
  await actors.moderatorKz
    .post(`/api/review/countries/${countryId}/items/${item.body.id}/request-changes`, { revision: item.body.version, comment: 'Add a date' })
    .expect(204);
  const list = (await actors.curatorKz.get('/api/notifications').expect(200)).body;
  return list.items.find((n: { recordId: string }) => n.recordId === item.body.id).id;
}

async function freshSession(testApp: TestApp, like: TestClient): Promise<TestClient> {
  const me = await like.get('/api/auth/me').expect(200);
  const client = testApp.client();
  await client.login(me.body.user.email);
  return client;
}
