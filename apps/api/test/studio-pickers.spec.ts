import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { DataSource, type QueryRunner } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type ActorsApp, startWithActors } from './support/actors';
import { mp3File, processedAsset, uploadMedia } from './support/media-files';
import type { TestClient } from './support/test-app';

const text = (value: string, status = 'original') => ({ text: value, status });
const studio = (countryId: string, path: string) => `/api/studio/countries/${countryId}/${path}`;

/** A distinct PNG per call (no upload is answered as a re-upload of another). */
let drawn = 0;
const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: ++drawn % 256, g: 90, b: 40 } } }).png().toBuffer();

async function processed(client: TestClient, countryId: string, file: Buffer, name: string): Promise<{ id: string; derivativeWidths: number[] }> {
  const uploaded = await uploadMedia(client, countryId, file, name).expect(201);
  const asset = await processedAsset(client, countryId, uploaded.body.id);
  expect(asset.status, JSON.stringify(asset)).toBe('ready');
  return asset;
}

describe('studio lists for pickers, and the preview of an unsaved exhibition', () => {
  let ctx: ActorsApp;
  let curator: TestClient;
  const made: Record<string, { id: string; slug: string }> = {};

  async function createItem(client: TestClient, countryId: string, slug: string, title: string, media: { assetId: string }[] = []) {
    const response = await client.post(studio(countryId, 'items'), { slug, kind: 'photograph', title: { ru: text(title), en: text(`${title} (en)`, 'translated') }, media });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    made[slug] = response.body;
    return response.body as { id: string; slug: string };
  }

  beforeAll(async () => {
    ctx = await startWithActors();
    curator = ctx.as.curatorKz;
  });

  afterAll(() => ctx?.testApp.close());

  it('gives each listed record the smallest rendition of its first medium with a picture, or null', async () => {
    const wide = await processed(curator, ctx.kz, await png(600, 400), 'wide.png');
    const sound = await processed(curator, ctx.kz, mp3File(), 'song.mp3');
    await createItem(curator, ctx.kz, 'thumb-pictured', 'Снимок вокзала', [{ assetId: sound.id }, { assetId: wide.id }]);
    await createItem(curator, ctx.kz, 'thumb-silent', 'Запись без снимка', [{ assetId: sound.id }]);
    await createItem(curator, ctx.kz, 'thumb-none', 'Без файлов');

    const listed = await curator.get(`${studio(ctx.kz, 'items')}?q=thumb-&limit=10`).expect(200);
    const bySlug = Object.fromEntries(listed.body.items.map((entry: { slug: string; thumbnail: unknown }) => [entry.slug, entry.thumbnail]));
    const smallest = Math.min(...wide.derivativeWidths);
    expect(smallest).toBe(400);
    expect(bySlug).toEqual({
      'thumb-pictured': { assetId: wide.id, url: `/api/media/${wide.id}/w400.webp` },
      'thumb-silent': null,
      'thumb-none': null,
    });
    const picture = await curator.get(bySlug['thumb-pictured'].url).expect(200);
    expect(picture.headers['content-type']).toBe('image/webp');
    expect((await sharp(picture.body).metadata()).width).toBe(400);

    // An exhibition's picture is its cover image.
    const cover = await processed(curator, ctx.kz, await png(300, 200), 'cover.png');
    await curator.post(studio(ctx.kz, 'exhibitions'), { slug: 'thumb-exhibition', title: { ru: text('Выставка') }, coverMediaId: cover.id }).expect(201);
    const exhibitions = await curator.get(`${studio(ctx.kz, 'exhibitions')}?q=thumb-exhibition`).expect(200);
    expect(exhibitions.body.items[0].thumbnail).toEqual({ assetId: cover.id, url: `/api/media/${cover.id}/w300.webp` });
  });

  it('reads the thumbnails of a whole page in the list query itself, not one query per record', async () => {
    const image = await processed(curator, ctx.kz, await png(500, 500), 'many.png');
    for (let i = 0; i < 12; i++) await createItem(curator, ctx.kz, `many-${i}`, `Много ${i}`, [{ assetId: image.id }]);
    // Every query of the application goes through its query runners' `query`.
    const probe = ctx.testApp.app.get(DataSource).createQueryRunner();
    const runners = Object.getPrototypeOf(probe) as QueryRunner;
    await probe.release();
    const spy = vi.spyOn(runners, 'query');
    const assetQueries = async (limit: number) => {
      spy.mockClear();
      const page = await curator.get(`${studio(ctx.kz, 'items')}?q=many-&limit=${limit}`).expect(200);
      expect(page.body.items).toHaveLength(limit);
      expect(page.body.items.every((entry: { thumbnail: { assetId: string } | null }) => entry.thumbnail?.assetId === image.id)).toBe(true);
      return spy.mock.calls.filter(([sql]) => /media_assets/.test(sql)).length;
    };
    try {
      expect(await assetQueries(1)).toBe(1);
      expect(await assetQueries(12)).toBe(1);
    } finally {
      spy.mockRestore();
    }
  });

  it('lists only the records named by ids=, of its own country, and refuses bad or too many ids', async () => {
    const a = await createItem(curator, ctx.kz, 'by-id-a', 'Первый');
    const b = await createItem(curator, ctx.kz, 'by-id-b', 'Второй');
    await createItem(curator, ctx.kz, 'by-id-c', 'Третий');
    const foreign = await createItem(ctx.as.curatorAm, ctx.am, 'by-id-foreign', 'Чужой');

    const chosen = await curator.get(`${studio(ctx.kz, 'items')}?ids=${a.id},${b.id},${foreign.id}&limit=100`).expect(200);
    expect(chosen.body.items.map((entry: { slug: string }) => entry.slug).sort()).toEqual(['by-id-a', 'by-id-b']);
    expect(chosen.body.total).toBe(2);

    const refused = [
      'ids=not-a-uuid',
      `ids=${Array.from({ length: 101 }, () => randomUUID()).join(',')}`,
    ];
    for (const query of refused) {
      const response = await curator.get(`${studio(ctx.kz, 'items')}?${query}`);
      expect(response.status, query.slice(0, 40)).toBe(400);
      expect(response.body.issues?.[0]?.path).toMatch(/^ids/);
    }
    const hundred = [...Array.from({ length: 99 }, () => randomUUID()), a.id].join(',');
    const atLimit = await curator.get(`${studio(ctx.kz, 'items')}?ids=${hundred}&limit=100`).expect(200);
    expect(atLimit.body.items.map((entry: { id: string }) => entry.id)).toEqual([a.id]);
  });

  describe('POST exhibitions/preview', () => {
    it('is in the OpenAPI document, its body described by the exhibition schema', async () => {
      const document = (await ctx.as.anonymous.get('/api/docs-json').expect(200)).body;
      const operation = document.paths['/api/studio/countries/{countryId}/exhibitions/preview']?.post;
      expect(operation?.requestBody?.content?.['application/json']?.schema?.$ref).toBe('#/components/schemas/CreateExhibitionDto');
      expect(Object.keys(operation.responses)).toEqual(['200']);
    });

    const draft = (itemIds: string[], extra: object = {}) => ({
      slug: 'not-saved-yet',
      title: { ru: text('Ещё не сохранена'), kk: text('Әлі сақталмаған'), en: text('Not saved yet', 'translated') },
      sections: [
        {
          id: randomUUID(),
          title: { kk: text('Бірінші бөлім') },
          blocks: [
            { id: randomUUID(), type: 'text', body: { kk: text('<p>Қазақ тілі: әғқңөұүһі<script>alert(1)</script></p>'), en: text('<p>English <em>text</em></p>') } },
            { id: randomUUID(), type: 'gallery', itemIds },
          ],
        },
      ],
      ...extra,
    });

    it('answers the unsaved document as the saved preview would show it, in the language asked, storing nothing', async () => {
      const own = await createItem(curator, ctx.kz, 'preview-own', 'Свой предмет');
      const before = (await curator.get(studio(ctx.kz, 'exhibitions')).expect(200)).body.total;

      const kazakh = await curator.post(`${studio(ctx.kz, 'exhibitions/preview')}?lang=kk`, draft([own.id])).expect(200);
      expect(kazakh.body.title).toEqual({ text: 'Әлі сақталмаған', lang: 'kk', status: 'original', fallback: false });
      const [text, gallery] = kazakh.body.sections[0].blocks;
      expect(kazakh.body.sections[0].title.text).toBe('Бірінші бөлім');
      expect(text.body.text).toContain('Қазақ тілі: әғқңөұүһі');
      expect(text.body.text).not.toContain('script');
      // A draft item shows, as in the saved preview.
      expect(gallery.items.map((item: { slug: string }) => item.slug)).toEqual(['preview-own']);

      const english = await curator.post(`${studio(ctx.kz, 'exhibitions/preview')}?lang=en`, draft([own.id])).expect(200);
      expect(english.body.title.text).toBe('Not saved yet');
      expect(english.body.sections[0].blocks[0].body.text).toBe('<p>English <em>text</em></p>');

      expect((await curator.get(studio(ctx.kz, 'exhibitions')).expect(200)).body.total).toBe(before);
    });

    it('leaves out records of another country, never showing what they hold', async () => {
      const own = await createItem(curator, ctx.kz, 'preview-mine', 'Мой предмет');
      const foreign = await createItem(ctx.as.curatorAm, ctx.am, 'preview-foreign', 'Армянский секрет');
      const memorial = randomUUID();
      const body = draft([foreign.id, own.id], {
        coverItemId: foreign.id,
        sections: [
          {
            id: randomUUID(),
            blocks: [
              { id: randomUUID(), type: 'gallery', itemIds: [foreign.id, own.id] },
              { id: randomUUID(), type: 'item', itemId: foreign.id },
              { id: randomUUID(), type: 'map', memorialIds: [memorial], itemIds: [foreign.id] },
            ],
          },
        ],
      });
      const answer = await curator.post(`${studio(ctx.kz, 'exhibitions/preview')}?lang=ru`, body).expect(200);
      expect(answer.body.sections[0].blocks.map((block: { type: string }) => block.type)).toEqual(['gallery']);
      expect(answer.body.sections[0].blocks[0].items.map((item: { slug: string }) => item.slug)).toEqual(['preview-mine']);
      expect(answer.body.cover).toBeNull();
      const json = JSON.stringify(answer.body);
      expect(json).not.toContain(foreign.id);
      expect(json).not.toContain('preview-foreign');
      expect(json).not.toContain('Армянский секрет');
    });

    it('refuses a document the create schema refuses with 400 and its issues, and another country’s curator with 403', async () => {
      const bad = await curator.post(`${studio(ctx.kz, 'exhibitions/preview')}?lang=ru`, {
        slug: 'Bad Slug',
        title: {},
        sections: [{ id: randomUUID(), blocks: [{ id: randomUUID(), type: 'item', itemId: 'nope' }] }],
      });
      expect(bad.status).toBe(400);
      const paths = bad.body.issues.map((issue: { path: string }) => issue.path);
      expect(paths).toEqual(expect.arrayContaining(['slug', 'title', 'sections.0.blocks.0.itemId']));

      const armenian = await curator.post(`${studio(ctx.kz, 'exhibitions/preview')}?lang=ru`, draft([made['preview-mine'].id], { title: { hy: text('Հայերեն') } }));
      expect(armenian.status).toBe(400);
      expect(armenian.body.message).toContain('title.hy');

      await curator.post(`${studio(ctx.kz, 'exhibitions/preview')}?lang=xx`, draft([made['preview-mine'].id])).expect(400);
      await ctx.as.curatorAm.post(`${studio(ctx.kz, 'exhibitions/preview')}?lang=ru`, draft([made['preview-mine'].id])).expect(403);
      // Items and memorials have no preview: no route at all.
      await curator.post(`${studio(ctx.kz, 'items/preview')}?lang=ru`, { slug: 'x', kind: 'story', title: { ru: text('x') } }).expect(404);
    });
  });
});
