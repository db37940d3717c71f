import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mp4File } from '../support/media-files';
import { waitForMedia } from '../support/store';
import { type TestApp, type TestClient, startTestApp } from '../support/test-app';
import {
  DANGEROUS,
  PAYLOAD,
  PROBE,
  SHORT,
  XSS_VTT,
  probe,
  stringsIn,
  xssCountry,
  xssExhibition,
  xssItem,
  xssMediaTexts,
  xssMemorial,
  xssPerson,
} from './support/xss-payloads';

/**
 * Stored XSS through every text field: payloads go into items, memorials,
 * exhibitions, media texts, WebVTT captions and a country's introduction,
 * through the real review workflow onto the public site. Rich text (the
 * exhibition text blocks and the country introduction, which the web app
 * renders as HTML) comes back sanitised; every other field comes back
 * exactly as written, for React to show as text.
 */

describe('stored XSS', () => {
  let testApp: TestApp;
  let admin: TestClient;
  let visitor: TestClient;
  let countryId: string;
  const slug = 'xss-land';
  const ids = {} as { image: string; video: string; item: string; memorial: string; exhibition: string; person: string };

  const studio = (path: string) => `/api/studio/countries/${countryId}/${path}`;

  async function publish(collection: string, id: string, version: number) {
    await admin.post(studio(`${collection}/${id}/submit`), { version }).expect(204);
    const approved = await admin.post(`/api/review/countries/${countryId}/${collection}/${id}/approve`, { revision: version });
    expect(approved.status, JSON.stringify(approved.body)).toBe(204);
  }

  beforeAll(async () => {
    testApp = await startTestApp();
    admin = testApp.client();
    await admin.login('admin@vitrina.test');
    visitor = testApp.client();
    const country = await admin.post('/api/admin/countries', xssCountry(slug));
    expect(country.status, JSON.stringify(country.body)).toBe(201);
    countryId = country.body.id;

    const upload = async (body: Buffer) => {
      const response = await admin.request('post', studio('media')).set('content-type', 'application/octet-stream').set('x-file-name', encodeURIComponent(`${PAYLOAD}.jpg`)).send(body);
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      await waitForMedia(admin, countryId, response.body.id);
      return response.body.id as string;
    };
    ids.image = await upload(await sharp({ create: { width: 32, height: 32, channels: 3, background: '#aa3344' } }).jpeg().toBuffer());
    ids.video = await upload(mp4File());
    await admin.patch(studio(`media/${ids.image}`), xssMediaTexts()).expect(200);
    await admin.patch(studio(`media/${ids.video}`), xssMediaTexts()).expect(200);
    await admin.request('put', studio(`media/${ids.video}/captions/ru`)).set('content-type', 'text/vtt').send(XSS_VTT).expect(200);

    const item = await admin.post(studio('items'), xssItem('xss-item', ids.image));
    expect(item.status, JSON.stringify(item.body)).toBe(201);
    ids.item = item.body.id;
    await publish('items', ids.item, item.body.version);
    const memorial = await admin.post(studio('memorials'), xssMemorial('xss-memorial', ids.image));
    expect(memorial.status, JSON.stringify(memorial.body)).toBe(201);
    ids.memorial = memorial.body.id;
    await publish('memorials', ids.memorial, memorial.body.version);
    const person = await admin.post(studio('people'), xssPerson('xss-person', ids.memorial, ids.image));
    expect(person.status, JSON.stringify(person.body)).toBe(201);
    ids.person = person.body.id;
    await publish('people', ids.person, person.body.version);
    const exhibition = await admin.post(studio('exhibitions'), xssExhibition('xss-exhibition', { itemId: ids.item, memorialId: ids.memorial, imageId: ids.image }));
    expect(exhibition.status, JSON.stringify(exhibition.body)).toBe(201);
    ids.exhibition = exhibition.body.id;
    await publish('exhibitions', ids.exhibition, exhibition.body.version);
  });

  afterAll(() => testApp?.close());

  /** Every string of a public answer that carries the probe: plain ones exactly as written, never altered. */
  function checkPlainTexts(body: unknown, rich: string[] = []) {
    const probed = stringsIn(body).filter((text) => text.includes(PROBE) && !rich.includes(text));
    for (const text of probed) {
      const field = text.split(' ')[1];
      const payload = text.slice(`${PROBE} ${field} `.length);
      // The payload as sent: one of the long or the short ones, whole.
      expect([probe(field), probe(field, SHORT)], `field ${field}`).toContain(text);
      expect(payload.length).toBeGreaterThan(0);
    }
    return probed.map((text) => text.split(' ')[1]);
  }

  it('shows every plain text field of a published item exactly as written (React escapes it)', async () => {
    const page = (await visitor.get(`/api/public/countries/${slug}/items/xss-item?lang=ru`).expect(200)).body;
    const fields = checkPlainTexts(page);
    expect(fields).toEqual(expect.arrayContaining(['item-title-ru', 'item-description-ru', 'item-creator-ru', 'item-place-ru', 'item-materials-ru', 'item-provenance-ru', 'alt-ru', 'caption-ru']));
    const english = (await visitor.get(`/api/public/countries/${slug}/items/xss-item?lang=en`).expect(200)).body;
    expect(checkPlainTexts(english)).toEqual(expect.arrayContaining(['item-title-en', 'item-description-en', 'alt-en']));
  });

  it('shows every plain text field of a published memorial exactly as written: names, inscriptions, surveys, events', async () => {
    const page = (await visitor.get(`/api/public/countries/${slug}/memorials/xss-memorial?lang=ru`).expect(200)).body;
    const fields = checkPlainTexts(page);
    expect(fields).toEqual(expect.arrayContaining(['memorial-title-ru', 'memorial-address-ru', 'inscription', 'inscription-translation-ru', 'person', 'event-ru']));
  });

  it('shows every plain text field of a published person exactly as written and sanitises their biography', async () => {
    const page = (await visitor.get(`/api/public/countries/${slug}/people/xss-person?lang=ru`).expect(200)).body;
    const rich: string = page.biography.text;
    for (const pattern of DANGEROUS) expect(rich, String(pattern)).not.toMatch(pattern);
    const fields = checkPlainTexts(page, [rich]);
    expect(fields).toEqual(expect.arrayContaining(['person', 'person-title-ru', 'surname', 'variant', 'birthplace-ru', 'rank-ru', 'unit', 'plot', 'burial-place-ru', 'award', 'source', 'archive']));
  });

  it('sanitises the rich text of a published exhibition and keeps its captions, quotes and titles as written', async () => {
    const page = (await visitor.get(`/api/public/countries/${slug}/exhibitions/xss-exhibition?lang=ru`).expect(200)).body;
    const textBlock = page.sections[0].blocks.find((block: { type: string }) => block.type === 'text');
    const rich: string = textBlock.body.text;
    for (const pattern of DANGEROUS) expect(rich, String(pattern)).not.toMatch(pattern);
    expect(rich).toContain('<strong>text</strong>');
    expect(rich).toContain('<a rel="noopener noreferrer nofollow">link</a>');
    const fields = checkPlainTexts(page, [rich]);
    expect(fields).toEqual(expect.arrayContaining(['exhibition-title-ru', 'section-title-ru', 'item-caption-ru', 'quote-ru', 'attribution-ru', 'map-caption-ru']));
    // The studio keeps the sanitised version too: nothing unsafe is stored to be shown later.
    const stored = (await admin.get(studio(`exhibitions/${ids.exhibition}`)).expect(200)).body;
    const storedRich = stored.sections[0].blocks[0].body;
    for (const lang of ['ru', 'en']) for (const pattern of DANGEROUS) expect(storedRich[lang].text).not.toMatch(pattern);
  });

  it("sanitises a country's introduction, which the country page shows as HTML", async () => {
    const home = (await visitor.get(`/api/public/countries/${slug}/home?lang=ru`).expect(200)).body;
    const intro = stringsIn(home).find((text) => text.includes('Intro'));
    expect(intro).toBeDefined();
    for (const pattern of DANGEROUS) expect(intro, String(pattern)).not.toMatch(pattern);
    expect(intro).toContain('<em>text</em>');
    const patched = await admin.patch(`/api/admin/countries/${countryId}`, { intro: { ru: { text: `<p>Again ${PAYLOAD}</p>`, status: 'original' } } }).expect(200);
    for (const pattern of DANGEROUS) expect(patched.body.intro.ru.text).not.toMatch(pattern);
    // A name is plain text: kept as written.
    expect((await visitor.get(`/api/public/countries/${slug}`).expect(200)).body.names.ru).toBe(probe('name-ru', SHORT));
  });

  it('keeps media texts as written, and the uploaded file name harmless', async () => {
    const asset = (await admin.get(studio(`media/${ids.image}`)).expect(200)).body;
    for (const field of ['alt', 'caption', 'credit']) expect(asset[field].ru.text).toBe(probe(`${field === 'credit' ? 'media-credit' : field}-ru`));
    expect(asset.originalName ?? '').not.toMatch(/[<>"]/);
  });

  it('serves WebVTT captions as text/vtt that no browser sniffs or runs', async () => {
    const response = await visitor.get(`/api/media/${ids.video}/captions/ru.vtt`);
    // The video is on no published page; the staff may fetch the file.
    const staff = response.status === 200 ? response : await admin.get(`/api/media/${ids.video}/captions/ru.vtt`).expect(200);
    expect(staff.headers['content-type']).toMatch(/^text\/vtt/);
    expect(staff.headers['x-content-type-options']).toBe('nosniff');
    expect(staff.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
  });

  it('refuses javascript: and data: URLs where a field is a link', async () => {
    for (const rights of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'https://creativecommons.org/licenses/by/4.0/"><script>']) {
      await admin.post(studio('items'), { ...xssItem(`bad-rights-${Math.random().toString(36).slice(2, 7)}`), rights }).expect(400);
      await admin.patch(studio(`media/${ids.image}`), { rights }).expect(400);
    }
  });

  it('finds the records in search with titles as written and snippets free of markup', async () => {
    const results = (await visitor.get(`/api/public/search?q=${PROBE}&country=${slug}`).expect(200)).body;
    expect(results.items.length).toBeGreaterThanOrEqual(3);
    for (const hit of results.items) {
      if (hit.title) expect(hit.title.text.startsWith(PROBE)).toBe(true);
      if (hit.snippet) for (const pattern of DANGEROUS) expect(hit.snippet, String(pattern)).not.toMatch(pattern);
    }
    checkPlainTexts(results.items.map((hit: { title: unknown; person: unknown }) => [hit.title, hit.person]));
  });
});
