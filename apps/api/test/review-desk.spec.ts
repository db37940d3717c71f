import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ActorName, startWithActors } from './support/actors';
import { editableDocument } from './support/publish';
import { waitForMedia } from './support/store';
import type { TestApp, TestClient } from './support/test-app';

const text = (value: string) => ({ text: value, status: 'original' });
const both = (ru: string, en: string) => ({ ru: text(ru), en: text(en) });
const CC_BY = 'https://creativecommons.org/licenses/by/4.0/';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

interface Change {
  kind?: string;
  change?: string;
  path: string;
  from?: number | null;
  to?: number | null;
  label?: { of: string; blockType?: string; text: string | null };
  within?: { text: string | null }[];
  fromWithin?: { text: string | null }[];
  before?: unknown;
  after?: unknown;
}

/** Every word the desk shows to name things: labels and the entries they sit in. */
const namesIn = (changes: Change[]) => changes.flatMap((change) => [change.label?.text, ...(change.within ?? []).map((entry) => entry.text), ...(change.fromWithin ?? []).map((entry) => entry.text)]);

describe('the review desk: moves, names and the preview', () => {
  let testApp: TestApp;
  let as: Record<ActorName, TestClient>;
  let kz: string;
  let am: string;
  let counter = 0;

  const studio = (collection: string, path = '') => `/api/studio/countries/${kz}/${collection}${path}`;
  const review = (collection: string, id: string, path = '') => `/api/review/countries/${kz}/${collection}/${id}${path}`;

  async function create(collection: string, document: object): Promise<{ id: string; version: number }> {
    return (await as.curatorKz.post(studio(collection), document).expect(201)).body;
  }
  async function save(collection: string, id: string, changes: object): Promise<number> {
    const current = (await as.curatorKz.get(studio(collection, `/${id}`)).expect(200)).body;
    const saved = await as.curatorKz.request('put', studio(collection, `/${id}`)).send({ ...editableDocument(current), ...changes });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    return saved.body.version;
  }
  const submit = (collection: string, id: string, version: number) => as.curatorKz.post(studio(collection, `/${id}/submit`), { version }).expect(204);
  async function publish(collection: string, id: string, version: number) {
    await submit(collection, id, version);
    await as.moderatorKz.post(review(collection, id, '/approve'), { revision: version }).expect(204);
  }
  const item = (ru: string, en: string) => create('items', { slug: `desk-item-${++counter}`, kind: 'artefact', title: both(ru, en), rights: CC_BY });

  beforeAll(async () => {
    ({ testApp, as, kz, am } = await startWithActors({ SEED_DEMO_MEDIA: 'false' }));
  });

  afterAll(() => testApp?.close());

  it('tells a block moved up as one move named by its item’s title, with the changes inside it, never by an id', async () => {
    const medal = await item('Дедушкина медаль', 'Grandfather’s medal');
    const letter = await item('Әжеге хат, Қарағанды', 'A letter to grandmother, Karaganda');
    await publish('items', medal.id, medal.version);
    await publish('items', letter.id, letter.version);
    const blocks = [
      { id: crypto.randomUUID(), type: 'text', body: both('<p>Сотни тысяч ушли на фронт.</p>', '<p>Hundreds of thousands went to the front.</p>') },
      { id: crypto.randomUUID(), type: 'item', itemId: letter.id },
      { id: crypto.randomUUID(), type: 'quote', text: both('Скоро вернусь.', 'I will be back soon.') },
      { id: crypto.randomUUID(), type: 'item', itemId: medal.id, caption: both('Хранилась в ящике стола', 'Kept in a drawer') },
    ];
    const section = { id: crypto.randomUUID(), title: both('Дорога', 'The road'), blocks };
    const exhibition = await create('exhibitions', { slug: `desk-exhibition-${++counter}`, title: both('Годы войны', 'War years'), sections: [section] });
    await publish('exhibitions', exhibition.id, exhibition.version);

    // The medal goes up one place (as the editor's "Move up" does) and gets a new caption.
    const [intro, letterBlock, quote, medalBlock] = blocks;
    const moved = [intro, letterBlock, { ...medalBlock, caption: both('Нашлась в ящике стола', 'Found in a drawer') }, quote];
    const version = await save('exhibitions', exhibition.id, { sections: [{ ...section, blocks: moved }] });
    await submit('exhibitions', exhibition.id, version);

    const english: Change[] = (await as.moderatorKz.get(review('exhibitions', exhibition.id, '?lang=en')).expect(200)).body.changes;
    expect(english.filter((change) => change.kind)).toEqual([
      {
        kind: 'moved',
        path: 'sections.0.blocks',
        from: 3,
        to: 2,
        label: { of: 'block', blockType: 'item', text: 'Grandfather’s medal' },
        within: [{ of: 'section', text: 'The road' }],
        field: 'blocks',
      },
    ]);
    expect(english.filter((change) => !change.kind)).toEqual([
      expect.objectContaining({ path: 'sections.0.blocks.2.caption', lang: 'en', change: 'changed', before: text('Kept in a drawer'), after: text('Found in a drawer'), field: 'caption' }),
      expect.objectContaining({ path: 'sections.0.blocks.2.caption', lang: 'ru', change: 'changed' }),
    ]);
    const russian: Change[] = (await as.moderatorKz.get(review('exhibitions', exhibition.id, '?lang=ru')).expect(200)).body.changes;
    expect(russian.find((change) => change.kind === 'moved')?.label).toEqual({ of: 'block', blockType: 'item', text: 'Дедушкина медаль' });
    expect(namesIn([...english, ...russian]).filter((name) => name && UUID.test(name))).toEqual([]);
  });

  it('names a new cover item, a gallery’s new item and a removed block by title, in the country’s fallback language too', async () => {
    const felt = await item('Войлочный ковёр, сырмақ', 'Felt carpet, syrmak');
    const yurt = await item('Модель юрты', 'A yurt model');
    const gallery = { id: crypto.randomUUID(), type: 'gallery', itemIds: [felt.id] };
    const quote = { id: crypto.randomUUID(), type: 'quote', text: { ru: text('Дом там, где очаг.') } };
    const section = { id: crypto.randomUUID(), blocks: [gallery, quote] };
    const exhibition = await create('exhibitions', { slug: `desk-exhibition-${++counter}`, title: both('Дом', 'Home'), coverItemId: felt.id, sections: [section] });
    await publish('exhibitions', exhibition.id, exhibition.version);
    const version = await save('exhibitions', exhibition.id, { coverItemId: yurt.id, sections: [{ ...section, blocks: [{ ...gallery, itemIds: [felt.id, yurt.id] }] }] });
    await submit('exhibitions', exhibition.id, version);

    const changes: Change[] = (await as.moderatorKz.get(review('exhibitions', exhibition.id, '?lang=en')).expect(200)).body.changes;
    expect(changes.map((change) => [change.kind, change.path, change.label?.text])).toEqual([
      // The quote has no English: it is named in Russian, as visitors reading English would get it.
      ['removed', 'sections.0.blocks', 'Дом там, где очаг.'],
      ['added', 'sections.0.blocks.0.itemIds', 'A yurt model'],
      ['removed', 'coverItemId', 'Felt carpet, syrmak'],
      ['added', 'coverItemId', 'A yurt model'],
    ]);
  });

  it('previews the revision under review as the public page will show it, in any language, for the country’s moderators only', async () => {
    const first = await item('Первый предмет', 'First item');
    const second = await item('Второй предмет', 'Second item');
    const blocks = [
      { id: crypto.randomUUID(), type: 'item', itemId: first.id },
      { id: crypto.randomUUID(), type: 'item', itemId: second.id },
    ];
    const section = { id: crypto.randomUUID(), title: both('Раздел', 'Section'), blocks };
    const exhibition = await create('exhibitions', { slug: `desk-exhibition-${++counter}`, title: both('Превью', 'Preview'), sections: [section] });
    await publish('items', first.id, first.version);
    await publish('items', second.id, second.version);
    await publish('exhibitions', exhibition.id, exhibition.version);
    const version = await save('exhibitions', exhibition.id, { title: both('Превью, ә ғ қ', 'Preview, revised'), sections: [{ ...section, blocks: [blocks[1], blocks[0]] }] });
    await submit('exhibitions', exhibition.id, version);

    const preview = (await as.moderatorKz.get(review('exhibitions', exhibition.id, '/preview?lang=ru')).expect(200)).body;
    expect(preview.title.text).toBe('Превью, ә ғ қ');
    expect(preview.sections[0].blocks.map((block: { item: { title: { text: string } } }) => block.item.title.text)).toEqual(['Второй предмет', 'Первый предмет']);
    // The same view the studio previews and, once approved, visitors get.
    expect(preview).toEqual((await as.curatorKz.get(studio('exhibitions', `/${exhibition.id}/preview?lang=ru`)).expect(200)).body);
    const live = (await as.anonymous.get(`/api/public/countries/kazakhstan/exhibitions/${preview.slug}?lang=ru`).expect(200)).body;
    expect(live.title.text).toBe('Превью');
    const english = (await as.moderatorKz.get(review('exhibitions', exhibition.id, '/preview?lang=en')).expect(200)).body;
    expect(english.title.text).toBe('Preview, revised');
    await as.moderatorKz.post(review('exhibitions', exhibition.id, '/approve'), { revision: version }).expect(204);
    const approved = (await as.anonymous.get(`/api/public/countries/kazakhstan/exhibitions/${preview.slug}?lang=ru`).expect(200)).body;
    expect({ ...approved, updatedAt: null }).toEqual({ ...preview, updatedAt: null });

    const path = review('exhibitions', exhibition.id, '/preview?lang=ru');
    await as.anonymous.get(path).expect(401);
    await as.curatorKz.get(path).expect(403);
    await as.curatorAm.get(path).expect(403);
    await as.moderatorKz.get(`/api/review/countries/${am}/exhibitions/${exhibition.id}/preview`).expect(403);
    await as.admin.get(`/api/review/countries/${am}/exhibitions/${exhibition.id}/preview`).expect(404);
    await as.moderatorKz.get(review('exhibitions', crypto.randomUUID(), '/preview')).expect(404);
    await as.moderatorKz.get(review('items', exhibition.id, '/preview')).expect(404);
    await as.moderatorKz.get(review('exhibitions', exhibition.id, '/preview?lang=xx')).expect(400);
    await as.moderatorKz.get(review('exhibitions', 'not-an-id', '/preview')).expect(400);
  });

  it('previews an item and a memorial with the texts their revision froze, not what the studio holds since', async () => {
    const png = await sharp({ create: { width: 32, height: 24, channels: 3, background: '#7a5230' } }).png().toBuffer();
    const uploaded = await as.curatorKz.post(`/api/studio/countries/${kz}/media`).set('content-type', 'application/octet-stream').set('x-file-name', 'felt.png').send(png).expect(201);
    const photo = uploaded.body.id as string;
    expect((await waitForMedia(as.curatorKz, kz, photo)).status).toBe('ready');
    await as.curatorKz.patch(`/api/studio/countries/${kz}/media/${photo}`, { rights: CC_BY, alt: both('Войлок, вид сверху', 'Felt, seen from above') }).expect(200);
    const record = await create('items', { slug: `desk-item-${++counter}`, kind: 'artefact', title: both('Сырмақ', 'Syrmak'), rights: CC_BY, media: [{ assetId: photo }] });
    await submit('items', record.id, record.version);
    await as.curatorKz.patch(`/api/studio/countries/${kz}/media/${photo}`, { alt: both('Изменено после отправки', 'Changed after submitting') }).expect(200);

    const preview = (await as.moderatorKz.get(review('items', record.id, '/preview?lang=en')).expect(200)).body;
    expect(preview).toMatchObject({ title: { text: 'Syrmak' }, kind: 'artefact', media: [{ id: photo, alt: { text: 'Felt, seen from above' } }] });

    const memorial = await create('memorials', {
      slug: `desk-memorial-${++counter}`,
      kind: 'obelisk',
      title: both('Обелиск в Талгаре', 'Obelisk in Talgar'),
      rights: CC_BY,
      location: { lat: 43.3, lng: 77.24 },
      inscriptions: [{ original: 'Ешкім де, ешнәрсе де ұмытылмайды', originalLanguage: 'kk' }],
    });
    await submit('memorials', memorial.id, memorial.version);
    const memorialPreview = (await as.moderatorKz.get(review('memorials', memorial.id, '/preview?lang=ru')).expect(200)).body;
    expect(memorialPreview).toMatchObject({ title: { text: 'Обелиск в Талгаре' }, location: { lat: 43.3, lng: 77.24 }, inscriptions: [{ original: 'Ешкім де, ешнәрсе де ұмытылмайды' }] });
  });
});
