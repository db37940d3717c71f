import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, trustWebServerHop } from '../src/bootstrap/web-server';
import { type ActorsApp, startWithActors } from './support/actors';
import { type HeritageFixture, publishHeritageFixture } from './support/heritage-fixture';
import { linkedArtObjectErrors } from './support/linked-art/linked-art-schema';
import { expectPageAddressesNegotiated } from './support/linked-data-negotiation';
import { type TestApp, startTestApp } from './support/test-app';
import { freePort } from './support/test-infra';

const LINKED_ART = 'application/ld+json;profile="https://linked.art/ns/v1/linked-art.json"';
type Node = Record<string, unknown> & { '@type': string; '@id': string };

describe('every public record as JSON-LD: schema.org, and Linked Art for items', () => {
  let ctx: ActorsApp;
  let fixture: HeritageFixture;
  let slugs: Record<string, string>;

  const get = (path: string, accept?: string) => {
    // supertest listens on a new port for each request: one host name keeps absolute URLs comparable.
    const request = ctx.as.anonymous.get(path).set('host', 'museum.test');
    return accept ? request.set('accept', accept) : request;
  };
  const json = async <T = Node>(path: string, accept?: string): Promise<T> => {
    const response = await get(path, accept);
    expect(response.status, `${path}: ${response.text}`).toBe(200);
    expect(response.headers['content-type']).toContain('application/ld+json');
    expect(response.headers['access-control-allow-origin']).toBe('*');
    if (path.startsWith('/api/public/')) expect(response.headers.vary).toContain('Accept');
    return JSON.parse(response.text) as T;
  };

  beforeAll(async () => {
    ctx = await startWithActors();
    fixture = await publishHeritageFixture(ctx);
    slugs = {};
    for (const [key, collection] of [['item', 'items'], ['memorial', 'memorials'], ['person', 'people'], ['exhibition', 'exhibitions']] as const) {
      slugs[key] = (await ctx.as.curatorKz.get(`/api/studio/countries/${ctx.kz}/${collection}/${fixture.ids[key]}`).expect(200)).body.slug;
    }
  });

  afterAll(() => ctx?.testApp.close());

  it('describes an item in schema.org: its page as @id, approved texts by language, images, licence, the museum and the IIIF manifest', async () => {
    const item = await json(`/api/public/linked-data/items/${fixture.ids.item}`);
    expect(item).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Photograph',
      '@id': expect.stringMatching(new RegExp(`/kazakhstan/items/${slugs.item}$`)),
      // A machine draft is never shown: only the Russian description.
      description: [{ '@value': 'Карта штаба, 1941–1943', '@language': 'ru' }],
      temporalCoverage: '1941/1943',
      identifier: 'KZ-1941-07',
      license: 'http://creativecommons.org/licenses/by/4.0/',
      provider: { '@type': 'Museum', '@id': expect.stringMatching(/\/kazakhstan$/) },
      subjectOf: [{ '@id': expect.stringMatching(new RegExp(`/iiif/manifests/items/${fixture.ids.item}$`)) }],
    });
    expect(item.name).toHaveLength(2);
    expect(item.name).toEqual(
      expect.arrayContaining([
        { '@value': 'Карта фронта', '@language': 'ru' },
        { '@value': 'A front-line map', '@language': 'en' },
      ]),
    );
    expect((item.image as { contentUrl: string }[]).map((image) => image.contentUrl)).toEqual([
      expect.stringContaining(`/api/media/${fixture.large}/`),
      expect.stringContaining(`/api/media/${fixture.small}/`),
    ]);
    // The IIIF manifest's seeAlso is this document.
    const manifest = await json<{ seeAlso: { id: string }[] }>(`/iiif/manifests/items/${fixture.ids.item}`);
    expect(new URL(manifest.seeAlso[0].id).pathname).toBe(`/api/public/linked-data/items/${fixture.ids.item}`);
  });

  it('describes memorials as places, people as persons with their archive links, exhibitions as collections', async () => {
    const memorial = await json(`/api/public/linked-data/memorials/${fixture.ids.memorial}`);
    expect(memorial).toMatchObject({
      '@type': 'LandmarksOrHistoricalBuildings',
      geo: { '@type': 'GeoCoordinates', latitude: 43.2, longitude: 76.9 },
      additionalProperty: [{ name: 'condition', value: 'poor' }],
    });
    const person = await json(`/api/public/linked-data/people/${fixture.ids.person}`);
    expect(person).toMatchObject({ '@type': 'Person', familyName: 'Касымов', givenName: 'Ермек', birthDate: '1921', deathDate: '1943-02' });
    expect(person.sameAs).toEqual([expect.stringContaining('12345678')]);
    const exhibition = await json(`/api/public/linked-data/exhibitions/${fixture.ids.exhibition}`);
    expect(exhibition).toMatchObject({ '@type': 'Collection', description: [{ '@value': 'Письма и карты', '@language': 'ru' }] });
  });

  it('answers the Linked Art profile for items, valid against the Linked Art object schema', async () => {
    const byProfile = await json(`/api/public/linked-data/items/${fixture.ids.item}`, LINKED_ART);
    const byPath = await json(`/api/public/linked-art/items/${fixture.ids.item}`);
    expect(byProfile).toEqual(byPath);
    expect(linkedArtObjectErrors(byPath)).toEqual([]);
    expect(byPath).toMatchObject({
      type: 'HumanMadeObject',
      _label: 'Карта фронта',
      classified_as: [{ id: 'http://vocab.getty.edu/aat/300046300' }],
      identified_by: expect.arrayContaining([
        expect.objectContaining({ type: 'Name', content: 'Карта фронта', language: [expect.objectContaining({ id: 'http://vocab.getty.edu/aat/300389168' })] }),
        expect.objectContaining({ type: 'Identifier', content: 'KZ-1941-07' }),
      ]),
      produced_by: { timespan: { begin_of_the_begin: '1941-01-01T00:00:00Z', end_of_the_end: '1943-12-31T23:59:59Z' } },
    });
    // A bare item is valid too: no images, no dates, no number.
    expect(linkedArtObjectErrors(await json(`/api/public/linked-art/items/${fixture.ids.bare}`))).toEqual([]);
    // Memorials stay schema.org whatever the client asks: Linked Art here describes objects.
    expect((await json(`/api/public/linked-data/memorials/${fixture.ids.memorial}`, LINKED_ART))['@type']).toBe('LandmarksOrHistoricalBuildings');
  });

  it('answers by a page address as by id, and keeps hidden, draft and unknown records out with 404, bad addresses with 400', async () => {
    const byAddress = await json(`/api/public/linked-data/countries/kazakhstan/items/${slugs.item}`);
    expect(byAddress).toEqual(await json(`/api/public/linked-data/items/${fixture.ids.item}`));
    await get(`/api/public/linked-data/people/${fixture.ids.hidden}`).expect(404);
    await get(`/api/public/linked-data/countries/kazakhstan/items/no-such-item`).expect(404);
    await get(`/api/public/linked-data/countries/atlantis/items/${slugs.item}`).expect(404);
    const draft = await ctx.as.curatorKz.post(`/api/studio/countries/${ctx.kz}/items`, { slug: 'ld-draft', kind: 'document', title: { ru: { text: 'Черновик', status: 'original' } } });
    await get(`/api/public/linked-data/items/${draft.body.id}`).expect(404);
    await get(`/api/public/linked-art/items/${fixture.ids.memorial}`).expect(404);
    await get(`/api/public/linked-data/paintings/${fixture.ids.item}`).expect(400);
    await get('/api/public/linked-data/items/not-a-uuid').expect(400);
  });
});

describe('the embedded web server (npm start) negotiates a record’s page address', () => {
  let testApp: TestApp;
  let web: { close(): Promise<unknown> } | undefined;
  let distDir: string;
  let base: string;

  beforeAll(async () => {
    // As `npm start` runs the API behind it: trusting the web server's loopback hop.
    testApp = await startTestApp({ TRUST_PROXY: String(trustWebServerHop(false)) });
    await testApp.app.listen({ host: '127.0.0.1', port: 0 });
    distDir = mkdtempSync(join(tmpdir(), 'vitrina-web-'));
    writeFileSync(join(distDir, 'index.html'), '<!doctype html><html lang="en"><body></body></html>');
    const port = await freePort();
    const apiPort = (testApp.app.getHttpServer().address() as AddressInfo).port;
    web = await startWebServer({ distDir, apiUrl: `http://127.0.0.1:${apiPort}`, host: '127.0.0.1', port, logger: pino({ level: 'silent' }) });
    base = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await web?.close();
    await testApp?.close();
    if (distDir) rmSync(distDir, { recursive: true, force: true });
  });

  it('gives absolute links on the site’s own address, whatever forwarding headers a client sends', async () => {
    const collection = await fetch(`${base}/iiif/collections/kazakhstan`, { headers: { 'x-forwarded-host': 'evil.test', 'x-forwarded-proto': 'https' } });
    expect(collection.status).toBe(200);
    const body = (await collection.json()) as { id: string; items: { id: string }[] };
    expect(body.id).toBe(`${base}/iiif/collections/kazakhstan`);
    expect(body.items.every((entry) => entry.id.startsWith(`${base}/`))).toBe(true);
  });

  it('as nginx does: the page to a browser, a 303 to its JSON-LD to a Linked Data client', async () => {
    const home = (await (await fetch(`${base}/api/public/countries/kazakhstan/home`)).json()) as { recentItems: { slug: string }[] };
    const [item] = home.recentItems;
    await expectPageAddressesNegotiated(base, { country: 'kazakhstan', collection: 'items', slug: item.slug });
  });
});
