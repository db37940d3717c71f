import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSON_MATCH_CAP } from '../src/modules/search/person-search-query';
import { type ActorName, signInActors } from './support/actors';
import { type TestApp, type TestClient, startTestApp } from './support/test-app';

const text = (value: string) => ({ text: value, status: 'original' });
const CC_BY = 'https://creativecommons.org/licenses/by/4.0/';

interface Answer {
  items: { slug: string; match: 'exact' | 'fuzzy' }[];
  total: number;
  capped: boolean;
  next: number | null;
}

/**
 * Find a person beyond the cap (issue 14): a surname with more bearers than
 * PERSON_MATCH_CAP reads at most the cap, exact bearers first, and pages
 * through the same rows every time. The namesakes are copies of one person's
 * search row, written straight to the table: a thousand people through the
 * studio would take minutes.
 */
describe('person search: a surname with more bearers than the cap', () => {
  let testApp: TestApp;
  let as: Record<ActorName, TestClient>;
  let kz: string;
  let n = 0;

  async function publish(collection: 'memorials' | 'people', document: object): Promise<{ id: string; slug: string }> {
    const created = await as.curatorKz.post(`/api/studio/countries/${kz}/${collection}`, { slug: `cap-${++n}`, ...document });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await as.curatorKz.post(`/api/studio/countries/${kz}/${collection}/${created.body.id}/submit`, { version: 1 }).expect(204);
    await as.moderatorKz.post(`/api/review/countries/${kz}/${collection}/${created.body.id}/approve`, { revision: 1 }).expect(204);
    return created.body;
  }

  const find = async (query: Record<string, string>) => {
    const response = await as.anonymous.get(`/api/public/search/people?${new URLSearchParams({ limit: '50', ...query })}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as Answer;
  };

  beforeAll(async () => {
    testApp = await startTestApp();
    as = await signInActors(testApp);
    const countries = (await as.anonymous.get('/api/public/countries').expect(200)).body.items;
    kz = countries.find((c: { slug: string }) => c.slug === 'kazakhstan').id;
    const memorial = await publish('memorials', { kind: 'obelisk', title: { ru: text('Обелиск') }, rights: CC_BY, location: { lat: 43.2, lng: 76.9 } });
    const person = (slug: string, name: string) => publish('people', { slug, name, title: { ru: text(name) }, memorials: [{ memorialId: memorial.id, role: 'burial' }] });
    const lopatin = await person('lopatin', 'Лопатин Олег');
    await person('lopatina', 'Лопатина Ольга');
    const db = new Client({ connectionString: testApp.databaseUrl });
    await db.connect();
    try {
      // PERSON_MATCH_CAP + 5 more people named exactly Лопатин Олег.
      await db.query(
        `INSERT INTO search_documents (record_type, record_id, person_index, country_id, slug, kind, title, person, body, names, decades, year, condition,
                                       has_media, image_id, lat, lng, published_at, tsv, name_keys, name_fuzzy_keys, place_keys, person_card)
         SELECT record_type, gen_random_uuid(), person_index, country_id, 'lopatin-copy-' || g, kind, title, person, body, names, decades, year, condition,
                has_media, image_id, lat, lng, published_at, tsv, name_keys, name_fuzzy_keys, place_keys, person_card
           FROM search_documents, generate_series(1, $2::int) AS g WHERE record_id = $1`,
        [lopatin.id, PERSON_MATCH_CAP + 5],
      );
    } finally {
      await db.end();
    }
  });

  afterAll(() => testApp?.close());

  it('reads at most the cap, says so, and leaves the one a letter off out when exact bearers fill it', async () => {
    const first = await find({ q: 'Лопатин' });
    expect(first.capped).toBe(true);
    expect(first.total).toBe(PERSON_MATCH_CAP);
    expect(first.items.every((hit) => hit.match === 'exact')).toBe(true);
    expect(first.items.map((hit) => hit.slug)).not.toContain('lopatina');
    expect(first.next).toBe(50);
  });

  it('pages through the same rows every time, without repeating one', async () => {
    const page = async (offset: number) => (await find({ q: 'Лопатин', offset: String(offset) })).items.map((hit) => hit.slug);
    const first = await page(0);
    const second = await page(50);
    expect(await page(0)).toEqual(first);
    expect(await page(50)).toEqual(second);
    expect(second).toHaveLength(50);
    expect(second.filter((slug) => first.includes(slug))).toEqual([]);
  });

  it('still puts the exact bearer first when the namesakes a letter off fill the cap', async () => {
    const answer = await find({ q: 'Лопатина' });
    expect(answer.capped).toBe(true);
    expect(answer.items[0]).toMatchObject({ slug: 'lopatina', match: 'exact' });
    expect(answer.items.slice(1).every((hit) => hit.match === 'fuzzy')).toBe(true);
  });
});
