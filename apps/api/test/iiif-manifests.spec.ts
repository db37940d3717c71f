import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ActorsApp, startWithActors } from './support/actors';
import { type HeritageFixture, publishHeritageFixture } from './support/heritage-fixture';
import { presentationErrors } from './support/iiif/iiif-schema';

const text = (value: string) => ({ text: value, status: 'original' });

interface Canvas {
  id: string;
  type: string;
  rights?: string;
  items: { items: { body: { id: string; service: { id: string; profile: string }[] } }[] }[];
}
interface Manifest {
  id: string;
  rights?: string;
  metadata?: { label: Record<string, string[]>; value: Record<string, string[]> }[];
  items: Canvas[];
  structures?: { id: string; label: Record<string, string[]>; items: { id: string; type: string }[] }[];
  homepage: { id: string; format: string }[];
  provider: { type: string; label: Record<string, string[]> }[];
  seeAlso: { id: string; format: string }[];
  thumbnail: { id: string; width: number }[];
  partOf: { id: string }[];
}
interface Collection {
  id: string;
  items: { id: string; type: string; label: Record<string, string[]> }[];
}

describe('IIIF manifests and collections, valid against the Presentation 3 schema', () => {
  let ctx: ActorsApp;
  let fixture: HeritageFixture;
  let large: string;
  let small: string;
  let ids: HeritageFixture['ids'];
  let sections: string[];

  const get = (path: string) => ctx.as.anonymous.get(path);
  const json = async <T>(path: string): Promise<T> => {
    const response = await get(path);
    expect(response.status, `${path}: ${response.text}`).toBe(200);
    return JSON.parse(response.text) as T;
  };

  beforeAll(async () => {
    ctx = await startWithActors();
    fixture = await publishHeritageFixture(ctx);
    ({ large, small, ids, sections } = fixture);
  });

  afterAll(() => ctx?.testApp.close());

  it('describes an item with its metadata, links and canonical rights, every image with a level-1 image service', async () => {
    const response = await get(`/iiif/manifests/items/${ids.item}`).expect(200);
    expect(response.headers['content-type']).toContain('application/ld+json');
    expect(response.headers['access-control-allow-origin']).toBe('*');
    const manifest = JSON.parse(response.text) as Manifest;
    expect(presentationErrors(manifest)).toEqual([]);
    expect(manifest.rights).toBe('http://creativecommons.org/licenses/by/4.0/');
    expect(manifest.items.map((canvas) => canvas.id)).toEqual([`${manifest.id}/canvas/${large}`, `${manifest.id}/canvas/${small}`]);
    expect(manifest.items[1].rights).toBe('http://rightsstatements.org/vocab/InC/1.0/');
    for (const [index, asset] of [large, small].entries()) {
      const body = manifest.items[index].items[0].items[0].body;
      expect(body.service).toEqual([expect.objectContaining({ id: expect.stringMatching(new RegExp(`/iiif/3/${asset}$`)), profile: 'level1' })]);
    }
    const metadata = Object.fromEntries((manifest.metadata ?? []).map((entry) => [entry.label.en[0], entry.value]));
    expect(metadata).toMatchObject({
      Kind: { en: ['Photograph'], ru: ['Фотография'] },
      Creator: { ru: ['Штаб фронта'] },
      Date: { en: ['c. 1941–1943'], ru: ['ок. 1941–1943'] },
      Dimensions: { none: ['40 × 60 cm'] },
      Subjects: { ru: ['карта'], en: ['map'] },
    });
    expect(manifest.homepage[0]).toMatchObject({ format: 'text/html', id: expect.stringMatching(/\/kazakhstan\/items\/fx-[0-9a-f]{8}$/) });
    expect(manifest.provider[0]).toMatchObject({ type: 'Agent', label: expect.objectContaining({ ru: [expect.any(String)] }) });
    expect(manifest.seeAlso[0]).toMatchObject({ format: 'application/ld+json', id: expect.stringMatching(new RegExp(`/api/public/linked-data/items/${ids.item}$`)) });
    expect(manifest.thumbnail[0]).toMatchObject({ id: expect.stringMatching(new RegExp(`/api/media/${large}/w400\\.webp$`)), width: 400 });
    await get(new URL(manifest.thumbnail[0].id).pathname).expect(200);
    expect(manifest.partOf[0].id).toMatch(/\/iiif\/collections\/kazakhstan\/items$/);
  });

  it('gives memorials and people manifests too, with their own metadata', async () => {
    const memorial = await json<Manifest>(`/iiif/manifests/memorials/${ids.memorial}`);
    expect(presentationErrors(memorial)).toEqual([]);
    expect(memorial.rights).toBe('http://rightsstatements.org/vocab/InC/1.0/');
    // Its own photograph, then its restoration's.
    expect(memorial.items.map((canvas) => canvas.id.split('/').pop())).toEqual([small, large]);
    const about = Object.fromEntries((memorial.metadata ?? []).map((entry) => [entry.label.en[0], entry.value]));
    // The latest survey's condition, not the first one's.
    expect(about).toMatchObject({ Kind: { en: ['Obelisk'] }, Condition: { en: ['poor'], ru: ['плохое'] }, Address: { ru: ['Алматы, сквер Победы'] } });

    const person = await json<Manifest>(`/iiif/manifests/people/${ids.person}`);
    expect(presentationErrors(person)).toEqual([]);
    const life = Object.fromEntries((person.metadata ?? []).map((entry) => [entry.label.en[0], entry.value]));
    expect(life).toMatchObject({ Born: { none: ['1921'] }, Died: { none: ['1943-02'] }, Fate: { en: ['Killed in action'] } });
  });

  it('gives an exhibition a range per section that shows images, over canvases it has', async () => {
    const manifest = await json<Manifest>(`/iiif/manifests/exhibitions/${ids.exhibition}`);
    expect(presentationErrors(manifest)).toEqual([]);
    const canvases = manifest.items.map((canvas) => canvas.id);
    expect(canvases).toEqual([`${manifest.id}/canvas/${large}`, `${manifest.id}/canvas/${small}`]);
    expect(manifest.structures).toEqual([
      {
        id: `${manifest.id}/range/${sections[0]}`,
        type: 'Range',
        label: { ru: ['Карты'], en: ['Maps'] },
        items: [large, small].map((asset) => ({ id: `${manifest.id}/canvas/${asset}`, type: 'Canvas' })),
      },
      {
        id: `${manifest.id}/range/${sections[1]}`,
        type: 'Range',
        label: { en: ['Section 2'], ru: ['Раздел 2'] },
        items: [small, large].map((asset) => ({ id: `${manifest.id}/canvas/${asset}`, type: 'Canvas' })),
      },
    ]);
  });

  it('answers 404 for a record with no image, a person privacy hides, a draft; 400 for a bad address', async () => {
    await get(`/iiif/manifests/items/${ids.bare}`).expect(404);
    await get(`/iiif/manifests/people/${ids.hidden}`).expect(404);
    const draft = await ctx.as.curatorKz.post(`/api/studio/countries/${ctx.kz}/items`, { slug: 'iiif-draft', kind: 'document', title: { ru: text('Черновик') }, media: [{ assetId: large }] });
    await get(`/iiif/manifests/items/${draft.body.id}`).expect(404);
    await get(`/iiif/manifests/paintings/${ids.item}`).expect(400);
    await get('/iiif/manifests/items/not-a-uuid').expect(400);
  });

  it('lists a country’s records that have manifests in a collection per kind, each valid', async () => {
    const country = await json<Collection>('/iiif/collections/kazakhstan');
    expect(presentationErrors(country)).toEqual([]);
    expect(country.items.map((entry) => new URL(entry.id).pathname)).toEqual(
      ['exhibitions', 'items', 'memorials', 'people'].map((kind) => `/iiif/collections/kazakhstan/${kind}`),
    );
    const listed: Record<string, string[]> = {};
    for (const entry of country.items) {
      const kind = await json<Collection>(new URL(entry.id).pathname);
      expect(presentationErrors(kind), entry.id).toEqual([]);
      listed[entry.id.split('/').pop()!] = kind.items.map((ref) => ref.id.split('/').pop()!);
      // Every listed manifest answers, and is valid.
      for (const ref of kind.items) expect(presentationErrors(await json(new URL(ref.id).pathname)), ref.id).toEqual([]);
    }
    expect(listed).toEqual({ exhibitions: [ids.exhibition], items: [ids.item], memorials: [ids.memorial], people: [ids.person] });
    const armenia = await json<Collection>('/iiif/collections/armenia/items');
    expect(armenia.items).toEqual([]);
  });

  it('pages a collection by the key of its last manifest, and refuses a made-up page with a 400', async () => {
    const second = await fixture.published('items', { kind: 'photograph', title: { ru: text('Второй снимок') }, media: [{ assetId: small }] });
    const first = await json<Collection>('/iiif/collections/kazakhstan/items');
    // Newest approved first.
    expect(first.items.map((ref) => ref.id.split('/').pop())).toEqual([second, ids.item]);
    const [{ publishedAt }] = await ctx.db.query(
      `SELECT to_char(published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "publishedAt" FROM items WHERE id = $1`,
      [second],
    );
    const after = Buffer.from(JSON.stringify([publishedAt, second])).toString('base64url');
    const rest = await json<Collection>(`/iiif/collections/kazakhstan/items/after/${after}`);
    expect(presentationErrors(rest)).toEqual([]);
    expect(rest.id).toMatch(new RegExp(`/iiif/collections/kazakhstan/items/after/${after}$`));
    expect(rest.items.map((ref) => ref.id.split('/').pop())).toEqual([ids.item]);
    await get('/iiif/collections/kazakhstan/items/after/not-a-page').expect(400);
    await get(`/iiif/collections/kazakhstan/items/after/${Buffer.from(JSON.stringify(['2026-02-30T00:00:00.000000Z', second])).toString('base64url')}`).expect(400);
    await get('/iiif/collections/atlantis').expect(404);
    await get('/iiif/collections/kazakhstan/paintings').expect(400);
  });
});
