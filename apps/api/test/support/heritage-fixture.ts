import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { expect } from 'vitest';
import type { ActorsApp } from './actors';
import { publishDirectly } from './publish';
import { waitForMedia } from './store';

const text = (value: string) => ({ text: value, status: 'original' });
export const HTTPS_CC_BY = 'https://creativecommons.org/licenses/by/4.0/';
export const HTTPS_IN_COPYRIGHT = 'https://rightsstatements.org/vocab/InC/1.0/';

/** One live record of every kind in Kazakhstan, with two images, for the tests of what describes them (IIIF, JSON-LD). */
export interface HeritageFixture {
  large: string;
  small: string;
  /** The exhibition's sections: a map section last, which shows no image. */
  sections: string[];
  ids: Record<'item' | 'bare' | 'memorial' | 'person' | 'hidden' | 'exhibition', string>;
  /** Publishes one more record; its id. */
  published(collection: 'items' | 'memorials' | 'people' | 'exhibitions', document: object): Promise<string>;
}

async function upload(ctx: ActorsApp, width: number, height: number, background: string): Promise<string> {
  const image = await sharp({ create: { width, height, channels: 3, background } }).jpeg().toBuffer();
  const { as, kz } = ctx;
  const uploaded = await as.curatorKz.post(`/api/studio/countries/${kz}/media`).set('content-type', 'application/octet-stream').send(image).expect(201);
  expect((await waitForMedia(as.curatorKz, kz, uploaded.body.id)).status).toBe('ready');
  return uploaded.body.id;
}

export async function publishHeritageFixture(ctx: ActorsApp): Promise<HeritageFixture> {
  const { as, kz } = ctx;
  const published = async (collection: 'items' | 'memorials' | 'people' | 'exhibitions', document: object): Promise<string> => {
    const created = await as.curatorKz.post(`/api/studio/countries/${kz}/${collection}`, { slug: `fx-${randomUUID().slice(0, 8)}`, ...document });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await publishDirectly(ctx.db, collection, created.body.id);
    return created.body.id;
  };
  const large = await upload(ctx, 2600, 1800, '#446688');
  const small = await upload(ctx, 800, 600, '#886644');
  await as.curatorKz
    .patch(`/api/studio/countries/${kz}/media/${small}`, { alt: { en: text('A letter'), ru: text('Письмо') }, rights: HTTPS_IN_COPYRIGHT })
    .expect(200);
  const sections = [randomUUID(), randomUUID(), randomUUID()];
  const item = await published('items', {
    kind: 'photograph',
    title: { ru: text('Карта фронта'), en: text('A front-line map') },
    description: { ru: text('Карта штаба, 1941–1943'), en: { text: 'Machine words', status: 'machine' } },
    creator: { ru: text('Штаб фронта') },
    date: { earliest: 1941, latest: 1943, circa: true },
    materials: { en: text('paper, ink') },
    dimensions: '40 × 60 cm',
    inventoryNumber: 'KZ-1941-07',
    tags: [{ ru: 'карта', en: 'map' }],
    rights: HTTPS_CC_BY,
    location: { lat: 43.25, lng: 76.95 },
    media: [{ assetId: large }, { assetId: small }],
  });
  const bare = await published('items', { kind: 'artefact', title: { ru: text('Без снимков') } });
  const memorial = await published('memorials', {
    kind: 'obelisk',
    title: { ru: text('Обелиск в сквере') },
    location: { lat: 43.2, lng: 76.9 },
    address: { ru: text('Алматы, сквер Победы') },
    rights: HTTPS_IN_COPYRIGHT,
    conditionSurveys: [
      { date: '2019-05', condition: 'good' },
      { date: '2024-06-01', condition: 'poor' },
    ],
    events: [{ date: '2024-09', type: 'restoration', media: [{ assetId: large }] }],
    media: [{ assetId: small }],
  });
  const person = await published('people', {
    name: 'Касымов Ермек',
    surname: 'Касымов',
    givenName: 'Ермек',
    title: { ru: text('Касымов Ермек') },
    birth: { date: '1921' },
    death: { date: '1943-02' },
    fate: 'killed',
    sources: [{ title: 'ОБД Мемориал', identifiers: [{ scheme: 'obd-memorial', id: '12345678' }] }],
    media: [{ assetId: small }],
  });
  const hidden = await published('people', { name: 'Живой Человек', title: { ru: text('Живой Человек') }, birth: { date: '2010' }, media: [{ assetId: small }] });
  const exhibition = await published('exhibitions', {
    title: { ru: text('Письма с фронта') },
    summary: { ru: text('Письма и карты') },
    sections: [
      { id: sections[0], title: { ru: text('Карты'), en: text('Maps') }, blocks: [{ id: randomUUID(), type: 'item', itemId: item }] },
      { id: sections[1], blocks: [{ id: randomUUID(), type: 'media', assetIds: [small] }, { id: randomUUID(), type: 'gallery', itemIds: [item] }] },
      { id: sections[2], blocks: [{ id: randomUUID(), type: 'map', memorialIds: [memorial] }] },
    ],
  });
  return { large, small, sections, ids: { item, bare, memorial, person, hidden, exhibition }, published };
}
