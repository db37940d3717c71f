import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeLists } from '../src/infra/database/migrations/1764260000000-people';
import { databaseBefore, runMigrationsThrough } from './support/migrations-through';

const MIGRATION = 'People1764260000000';
const text = (value: string) => ({ text: value, status: 'original' });

/** In a database of its own: the migration moves every memorial's names and empties the search index. */
describe('migration People: names on memorials become person records linked to them', () => {
  let dataSource: DataSource;
  let close: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ dataSource, close } = await databaseBefore(MIGRATION));
  });

  afterAll(() => close?.());

  async function country(slug: string, defaultLanguage: string): Promise<string> {
    const [{ id }] = await dataSource.query(`INSERT INTO countries (slug, names, default_language, languages) VALUES ($1, '{}', $2, $3) RETURNING id`, [
      slug,
      defaultLanguage,
      [defaultLanguage, 'ru', 'en'],
    ]);
    return id;
  }

  /** A memorial at `version` whose draft is `draft`; live at revision `live.revision` with `live.people` when given, older revisions holding `history`. */
  async function memorial(countryId: string, slug: string, draft: object[], live: { revision: number; people: object[] } | null, version: number): Promise<string> {
    const doc = (people: object[]) => ({ title: { ru: text(slug) }, tags: [], media: [], location: { lat: 43.2, lng: 76.9 }, people });
    const [{ id }] = await dataSource.query(
      `INSERT INTO memorials (country_id, slug, kind, status, version, content, live_content, live_revision, live_slug, published_at, lat, lng)
       VALUES ($1, $2, 'obelisk', $3, $4, $5, $6, $7, $8, $9, 43.2, 76.9) RETURNING id`,
      [
        countryId,
        slug,
        live ? (live.revision === version ? 'published' : 'draft') : 'draft',
        version,
        doc(draft),
        live ? { ...doc(live.people), slug, kind: 'obelisk' } : null,
        live?.revision ?? null,
        live ? slug : null,
        live ? '2025-05-09T10:00:00Z' : null,
      ],
    );
    for (let number = 1; number <= version; number++) {
      const people = number === version ? draft : number === live?.revision ? live.people : [{ name: `История ${number}`, variants: [] }];
      await dataSource.query(`INSERT INTO content_revisions (record_type, record_id, country_id, number, content) VALUES ('memorial', $1, $2, $3, $4)`, [
        id,
        countryId,
        number,
        { ...doc(people), slug, kind: 'obelisk' },
      ]);
    }
    return id;
  }

  /** Everything of the memorials a round trip must keep: draft, live and every revision, as stored. */
  const snapshot = async () => ({
    memorials: await dataSource.query(`SELECT id, status, version, content, live_content, live_revision, updated_at FROM memorials ORDER BY id`),
    revisions: await dataSource.query(`SELECT record_id, number, content FROM content_revisions WHERE record_type = 'memorial' ORDER BY record_id, number`),
  });

  const people = () =>
    dataSource.query(
      `SELECT p.slug, p.status, p.version, p.kind, p.content, p.live_content, p.live_revision, p.live_slug, p.published_at, p.country_id,
              (SELECT array_agg(r.number ORDER BY r.number) FROM content_revisions r WHERE r.record_type = 'person' AND r.record_id = p.id) AS revisions
         FROM people p ORDER BY p.created_at, p.id`,
    );

  it('merges a draft list and a live list keeping both orders', () => {
    const a = { name: 'A' };
    const b = { name: 'B' };
    const c = { name: 'C' };
    const b2 = { name: 'B', rank: { ru: 'сержант' } };
    const merged = mergeLists([a, b2, c], [a, b, c]);
    expect(merged.map((entry) => [entry.row.name, entry.inDraft, entry.inLive])).toEqual([
      ['A', true, true],
      ['B', true, false],
      ['B', false, true],
      ['C', true, true],
    ]);
    const shuffled = mergeLists([c, a, b], [a, b, c]);
    expect(shuffled.filter((entry) => entry.inDraft).map((entry) => entry.row.name)).toEqual(['C', 'A', 'B']);
    expect(shuffled.filter((entry) => entry.inLive).map((entry) => entry.row.name)).toEqual(['A', 'B', 'C']);
  });

  it('makes every name a person linked to its memorial, live where it was live, and folds them back exactly (up, down, up)', async () => {
    const kz = await country('people-kz', 'kk');
    const am = await country('people-am', 'hy');
    const ivanov = { name: 'Иванов Пётр Семёнович', variants: ['Ivanov Pyotr', 'Iwanow Piotr'], birthYear: 1915, deathYear: 1942, rank: { ru: 'сержант', en: 'Sergeant' }, unit: '316-я дивизия' };
    const kasymov = { name: 'Қасымов Ермек', variants: [], deathYear: 1943, rank: { kk: 'қатардағы жауынгер' } };
    const bare = { name: 'Нет данных', variants: [] };
    const twin = { name: 'Иванов Пётр Семёнович', variants: [], birthYear: 1920 };
    const added = { name: 'Добавлен Позже', variants: ['Dobavlen'], birthYear: 1921 };
    const removed = { name: 'Снят С Доски', variants: [], deathYear: 1944 };
    const armenian = { name: 'Պետրոսյան Արամ', variants: ['Petrosyan Aram'], deathYear: 1942, unit: '89-я дивизия' };

    // Live and unchanged; live with a newer draft that adds one name and takes one out; a draft never published; one with no names.
    const same = await memorial(kz, 'obelisk', [ivanov, kasymov, bare, twin], { revision: 1, people: [ivanov, kasymov, bare, twin] }, 1);
    const edited = await memorial(kz, 'plaque', [ivanov, added], { revision: 2, people: [removed, ivanov] }, 3);
    const draftOnly = await memorial(am, 'stele', [armenian], null, 2);
    await memorial(am, 'empty', [], { revision: 1, people: [] }, 1);
    await dataSource.query(`INSERT INTO search_documents (record_type, record_id, country_id, slug, title, names, published_at, tsv) VALUES ('memorial', $1, $2, 'obelisk', '{}', '', now(), ''::tsvector)`, [same, kz]);
    const before = await snapshot();

    expect(await runMigrationsThrough(dataSource, MIGRATION)).toEqual([MIGRATION]);

    const moved = await people();
    expect(moved).toHaveLength(4 + 2 + 1 + 1);
    const byName = (name: string, memorialId: string) =>
      moved.filter((person: { content: { name: string; memorials: { memorialId: string }[] }; live_content: { memorials: { memorialId: string }[] } | null }) =>
        person.content.name === name && [...person.content.memorials, ...(person.live_content?.memorials ?? [])].some((link) => link.memorialId === memorialId),
      );
    // Every field of the row, years as partial dates, the display name in the country's default language.
    const [ivanovOnObelisk] = byName(ivanov.name, same).filter((person: { content: { birth: { date: string } } }) => person.content.birth.date === '1915');
    const ivanovDocument = {
      name: ivanov.name,
      title: { kk: text(ivanov.name) },
      variants: ivanov.variants,
      birth: { date: '1915' },
      death: { date: '1942' },
      rank: ivanov.rank,
      unit: ivanov.unit,
      fate: 'unknown',
      memorials: [{ memorialId: same, role: 'commemorated' }],
      awards: [],
      sources: [],
      media: [],
      livingConsent: false,
    };
    const slug = ivanovOnObelisk.slug;
    expect(slug).toMatch(/^ivanov-pyotr-semyonovich(-[23])?$/);
    expect(ivanovOnObelisk).toMatchObject({
      status: 'published',
      version: 1,
      kind: 'unknown',
      content: ivanovDocument,
      live_content: { slug, ...ivanovDocument },
      live_revision: 1,
      live_slug: slug,
      country_id: kz,
      revisions: [1],
    });
    expect(ivanovOnObelisk.published_at.toISOString()).toBe('2025-05-09T10:00:00.000Z');
    // Same names get their own addresses.
    expect(moved.filter((person: { country_id: string }) => person.country_id === kz).map((person: { slug: string }) => person.slug).sort()).toEqual([
      'dobavlen-pozzhe',
      'ivanov-pyotr-semyonovich',
      'ivanov-pyotr-semyonovich-2',
      'ivanov-pyotr-semyonovich-3',
      'net-dannykh',
      'qasymov-ermek',
      'snyat-s-doski',
    ]);
    // The draft's new name is a draft; the name the draft took out stays live, its draft revision unlinked.
    expect(byName(added.name, edited)[0]).toMatchObject({ status: 'draft', version: 1, live_revision: null, live_content: null, revisions: [1] });
    expect(byName(removed.name, edited)[0]).toMatchObject({
      status: 'draft',
      version: 2,
      live_revision: 1,
      content: { memorials: [] },
      live_content: { memorials: [{ memorialId: edited, role: 'commemorated' }] },
      revisions: [1, 2],
    });
    expect(byName(armenian.name, draftOnly)[0]).toMatchObject({ status: 'draft', live_revision: null, content: { title: { hy: text(armenian.name) }, unit: '89-я дивизия' } });

    // Memorials lose `people` in their documents and in their latest and live revisions; older revisions keep theirs.
    const after = await snapshot();
    for (const row of after.memorials) {
      expect(row.content).not.toHaveProperty('people');
      if (row.live_content) expect(row.live_content).not.toHaveProperty('people');
    }
    const editedRevisions = after.revisions.filter((revision: { record_id: string }) => revision.record_id === edited);
    expect(editedRevisions.map((revision: { content: object }) => 'people' in revision.content)).toEqual([true, false, false]);
    expect(await dataSource.query(`SELECT count(*)::int AS n FROM search_documents`)).toEqual([{ n: 0 }]);

    await dataSource.undoLastMigration();
    expect(await snapshot()).toEqual(before);
    expect(await dataSource.query(`SELECT to_regclass('people') AS people, (SELECT count(*)::int FROM content_revisions WHERE record_type = 'person') AS revisions`)).toEqual([
      { people: null, revisions: 0 },
    ]);

    await runMigrationsThrough(dataSource, MIGRATION);
    const strip = (rows: { slug: string; content: object; live_content: object | null; status: string; version: number; revisions: number[] }[]) =>
      rows.map(({ slug, content, live_content, status, version, revisions }) => ({ slug, content, live_content, status, version, revisions }));
    // Ids differ (each run makes new records); every name, field, state and address is the same.
    const again = strip(await people());
    const first = strip(moved);
    const memorialIds = (rows: typeof again) => JSON.stringify(rows);
    expect(memorialIds(again)).toBe(memorialIds(first));
    expect((await snapshot()).memorials.map((row: { content: object }) => row.content)).toEqual(after.memorials.map((row: { content: object }) => row.content));
  });
});
