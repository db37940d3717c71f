import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalizedLabels1764250000000 } from '../src/infra/database/migrations/1764250000000-localized-labels';
import { databaseBefore, runMigrationsThrough } from './support/migrations-through';

const MIGRATION = 'LocalizedLabels1764250000000';
const text = (value: string) => ({ text: value, status: 'original' });

/** In a database of its own: the migration rewrites every item, memorial and revision, and empties the search index. */
describe('migration LocalizedLabels: tags and ranks become per language', () => {
  let dataSource: DataSource;
  let close: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ dataSource, close } = await databaseBefore(MIGRATION));
  });

  afterAll(() => close?.());

  async function country(slug: string, defaultLanguage: string, languages: string[]): Promise<string> {
    const [{ id }] = await dataSource.query(
      `INSERT INTO countries (slug, names, default_language, languages) VALUES ($1, '{}', $2, $3) RETURNING id`,
      [slug, defaultLanguage, languages],
    );
    return id;
  }

  async function record(table: 'items' | 'memorials', countryId: string, slug: string, content: object, live: boolean): Promise<string> {
    const location = table === 'memorials' ? ', lat, lng' : '';
    const [{ id }] = await dataSource.query(
      `INSERT INTO ${table} (country_id, slug, kind, content, live_content, live_revision, live_slug${location})
       VALUES ($1, $2, 'other', $3, $4, $5, $6${table === 'memorials' ? ', 43.2, 76.9' : ''}) RETURNING id`,
      [countryId, slug, content, live ? { ...content, slug, kind: 'other' } : null, live ? 1 : null, live ? slug : null],
    );
    await dataSource.query(
      `INSERT INTO content_revisions (record_type, record_id, country_id, number, content) VALUES ($1, $2, $3, 1, $4)`,
      [table === 'items' ? 'item' : 'memorial', id, countryId, { ...content, slug, kind: 'other' }],
    );
    return id;
  }

  const documents = async (table: string, id: string) => {
    const [row] = await dataSource.query(`SELECT content, live_content FROM ${table} WHERE id = $1`, [id]);
    const [revision] = await dataSource.query(`SELECT content FROM content_revisions WHERE record_id = $1`, [id]);
    return { content: row.content, live: row.live_content, revision: revision.content };
  };

  it('reads each old tag and rank in the language of its script, loses nothing, changes nothing twice and joins back on undo', async () => {
    const kz = await country('label-kz', 'kk', ['kk', 'ru', 'en']);
    const am = await country('label-am', 'hy', ['hy', 'ru', 'en']);
    const ruOnly = await country('label-ru', 'ru', ['ru']);
    const title = { ru: text('Фляга') };
    const kzItem = await record('items', kz, 'flask', { title, tags: ['Қарағанды', 'эвакуация', 'home front', '1941', 'სამშობლო'], media: [] }, true);
    const amItem = await record('items', am, 'letter', { title, tags: ['Երևան', 'Ереван', 'Yerevan', 'Қазақ'], media: [] }, false);
    const ruItem = await record('items', ruOnly, 'poster', { title, tags: ['Yerevan', 'Ұлы Отан соғысы'], media: [], date: { earliest: 1942 } }, true);
    const memorial = await record(
      'memorials',
      kz,
      'obelisk',
      {
        title,
        tags: [],
        media: [],
        location: { lat: 43.2, lng: 76.9 },
        people: [
          { name: 'Иванов Пётр', variants: ['Ivanov Pyotr'], rank: 'сержант', unit: '316-я дивизия' },
          { name: 'Smith John', variants: [], rank: 'Private' },
          { name: 'Қасымов Ермек', variants: [], rank: 'қатардағы жауынгер' },
          { name: 'Nobody', variants: [], rank: '' },
          { name: 'No rank', variants: [] },
        ],
      },
      true,
    );
    await dataSource.query(
      `INSERT INTO search_documents (record_type, record_id, country_id, slug, title, names, published_at, tsv) VALUES ('item', $1, $2, 'flask', '{}', '', now(), ''::tsvector)`,
      [kzItem, kz],
    );

    expect(await runMigrationsThrough(dataSource, MIGRATION)).toEqual([MIGRATION]);

    const kzTags = [{ kk: 'Қарағанды' }, { ru: 'эвакуация' }, { en: 'home front' }, { kk: '1941' }, { kk: 'სამშობლო' }];
    expect(await documents('items', kzItem)).toEqual({
      content: { title, tags: kzTags, media: [] },
      live: { title, tags: kzTags, media: [], slug: 'flask', kind: 'other' },
      revision: { title, tags: kzTags, media: [], slug: 'flask', kind: 'other' },
    });
    const amTags = [{ hy: 'Երևան' }, { ru: 'Ереван' }, { en: 'Yerevan' }, { ru: 'Қазақ' }];
    expect(await documents('items', amItem)).toEqual({ content: { title, tags: amTags, media: [] }, live: null, revision: { title, tags: amTags, media: [], slug: 'letter', kind: 'other' } });
    expect((await documents('items', ruItem)).content.tags).toEqual([{ ru: 'Yerevan' }, { ru: 'Ұлы Отан соғысы' }]);
    const people = [
      { name: 'Иванов Пётр', variants: ['Ivanov Pyotr'], rank: { ru: 'сержант' }, unit: '316-я дивизия' },
      { name: 'Smith John', variants: [], rank: { en: 'Private' } },
      { name: 'Қасымов Ермек', variants: [], rank: { kk: 'қатардағы жауынгер' } },
      { name: 'Nobody', variants: [] },
      { name: 'No rank', variants: [] },
    ];
    const memorialDocs = await documents('memorials', memorial);
    expect([memorialDocs.content.people, memorialDocs.live.people, memorialDocs.revision.people]).toEqual([people, people, people]);
    expect(await dataSource.query(`SELECT count(*)::int AS n FROM search_documents`)).toEqual([{ n: 0 }]);

    // Running it again over documents in the new shape changes nothing.
    const runner = dataSource.createQueryRunner();
    await new LocalizedLabels1764250000000().up(runner);
    await runner.release();
    expect(await documents('memorials', memorial)).toEqual(memorialDocs);
    expect((await documents('items', kzItem)).content.tags).toEqual(kzTags);

    await dataSource.query(`UPDATE items SET content = jsonb_set(content, '{date}', '{"earliest": 1920, "circa": true}') WHERE id = $1`, [ruItem]);
    const before = await documents('items', ruItem);
    await dataSource.undoLastMigration();
    expect(await documents('items', kzItem)).toMatchObject({
      content: { tags: ['Қарағанды', 'эвакуация', 'home front', '1941', 'სამშობლო'] },
      revision: { tags: ['Қарағанды', 'эвакуация', 'home front', '1941', 'სამშობლო'] },
    });
    const undone = await documents('items', ruItem);
    expect(undone.content).toMatchObject({ tags: ['Yerevan', 'Ұлы Отан соғысы'], date: { earliest: 1920 } });
    expect(undone.content.date).not.toHaveProperty('circa');
    expect((await documents('memorials', memorial)).content.people.map((person: { rank?: string }) => person.rank)).toEqual(['сержант', 'Private', 'қатардағы жауынгер', undefined, undefined]);

    await runMigrationsThrough(dataSource, MIGRATION);
    expect((await documents('items', ruItem)).content.tags).toEqual(before.content.tags);
    expect(await documents('memorials', memorial)).toEqual(memorialDocs);
    expect(await documents('items', kzItem)).toMatchObject({ content: { tags: kzTags } });
  });
});
