import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MATCH_CAP, WORDS_ALONE_CAP } from '../src/modules/search/search-query';
import { type ActorName, signInActors } from './support/actors';
import { type TestApp, type TestClient, startTestApp } from './support/test-app';

/**
 * A medium word: more matches alone than one statement reads whole
 * (WORDS_ALONE_CAP), searched with lists of filter values. Filters most rows
 * pass are tested on the rows rather than intersected in the GIN index, the
 * filtered facets are counted from a sample of the word's rows, and date pages
 * with a decade filter read only the decades rows can start in: every answer
 * here is checked against SQL over the same rows.
 */
describe('search: a medium word with lists of filter values', () => {
  let testApp: TestApp;
  let as: Record<ActorName, TestClient>;
  let db: DataSource;
  let kz: string;
  let am: string;
  const rows = WORDS_ALONE_CAP + 2000;

  const search = async (query: string) => (await as.anonymous.get(`/api/public/search?q=steamengine&${query}`).expect(200)).body;
  interface Hit {
    id: string;
    type: string;
    country: string;
    condition: string | null;
    year: number;
  }
  interface Answer {
    total: number;
    estimated: boolean;
    estimatedFacets: string[];
    facets: Record<string, { value: string; count: number }[]>;
    items: Hit[];
    next: string | null;
  }
  /** Record ids of the word's rows passing `where`, in date order (newest first, then the newest row). */
  const truth = async (where: string, params: unknown[] = []): Promise<string[]> =>
    (
      await db.query(
        `SELECT record_id FROM search_documents d WHERE tsv @@ to_tsquery('english', 'steamengine') AND ${where} ORDER BY coalesce(year, -1) DESC, id DESC`,
        params,
      )
    ).map((row: { record_id: string }) => row.record_id);
  const everyPage = async (query: string) => {
    const seen: Hit[] = [];
    let first: Answer | undefined;
    for (let cursor: string | null = null, pages = 0; pages === 0 || cursor; pages++) {
      expect(pages, 'pages end').toBeLessThan(rows / 50 + 2);
      const page: Answer = await search(`${query}&limit=50${cursor ? `&cursor=${cursor}` : ''}`);
      first ??= page;
      seen.push(...page.items);
      cursor = page.next;
    }
    return { seen, first: first! };
  };

  beforeAll(async () => {
    testApp = await startTestApp();
    as = await signInActors(testApp);
    db = testApp.app.get(DataSource);
    const countries = (await as.anonymous.get('/api/public/countries').expect(200)).body.items as { slug: string; id: string }[];
    kz = countries.find((c) => c.slug === 'kazakhstan')!.id;
    am = countries.find((c) => c.slug === 'armenia')!.id;
    // Straight into the index (publishing thousands through the API would take minutes): every third row a memorial, which alone
    // has a condition; the countries alternate; every seventh row spans three decades, its year in the first.
    await db.query(
      `INSERT INTO search_documents (record_type, record_id, person_index, country_id, slug, kind, title, names, condition, has_media, year, decades, published_at, tsv)
       SELECT CASE WHEN n % 3 = 0 THEN 'memorial' ELSE 'item' END, gen_random_uuid(), -1, CASE WHEN n % 2 = 0 THEN $1::uuid ELSE $2::uuid END,
              'engine-' || n, NULL, jsonb_build_object('en', jsonb_build_object('text', 'steamengine ' || n, 'status', 'original')), 'engine ' || n,
              CASE WHEN n % 3 = 0 THEN (ARRAY['good', 'poor', 'lost'])[n / 3 % 3 + 1] END, n % 4 = 0, y,
              CASE WHEN n % 7 = 0 THEN ARRAY[y / 10 * 10, y / 10 * 10 + 10, y / 10 * 10 + 20] ELSE ARRAY[y / 10 * 10] END,
              now(), to_tsvector('english', 'steamengine thing ' || n)
         FROM generate_series(1, $3) AS n, LATERAL (SELECT 1900 + n % 100 AS y) AS year`,
      [kz, am, rows],
    );
    await db.query('ANALYZE search_documents');
  });

  afterAll(() => testApp?.close());

  it('answers exactly within every filter, and counts the filtered facets from a sample of the word', async () => {
    const query = 'country=kazakhstan&type=memorial,exhibition&condition=good,poor';
    const where = `country_id = $1 AND record_type IN ('memorial', 'exhibition') AND condition IN ('good', 'poor')`;
    const expected = await truth(where, [kz]);
    expect(expected.length).toBeLessThan(MATCH_CAP);
    const byDate = await search(`${query}&sort=date&limit=50`);
    expect(byDate).toMatchObject({ total: expected.length, estimated: false });
    expect(byDate.items.map((hit: Hit) => hit.id)).toEqual(expected.slice(0, 50));

    const byRelevance: Answer = await search(`${query}&limit=50`);
    expect(byRelevance.total).toBe(expected.length);
    expect(new Set(byRelevance.items.map((hit) => hit.id)).size).toBe(50);
    for (const hit of byRelevance.items) {
      expect(expected).toContain(hit.id);
      expect(hit).toMatchObject({ type: 'memorial', country: 'kazakhstan' });
      expect(['good', 'poor']).toContain(hit.condition);
    }
    // The facets the query filters by come from a sample of the word's rows, each without its own filter, scaled to all of them.
    expect(byRelevance.estimatedFacets).toEqual(expect.arrayContaining(['country', 'type', 'condition']));
    const [real] = await db.query(
      `SELECT count(*) FILTER (WHERE country_id = $1)::int AS kazakhstan, count(*) FILTER (WHERE country_id = $2)::int AS armenia
         FROM search_documents WHERE tsv @@ to_tsquery('english', 'steamengine') AND record_type IN ('memorial', 'exhibition') AND condition IN ('good', 'poor')`,
      [kz, am],
    );
    const counted = Object.fromEntries(byRelevance.facets.country.map((facet) => [facet.value, facet.count]));
    for (const country of ['kazakhstan', 'armenia'] as const) expect(Math.abs(counted[country] - real[country]) / real[country]).toBeLessThan(0.05);
    // The facets it does not filter by are counted over its matches, exactly.
    expect(byRelevance.estimatedFacets).not.toContain('hasMedia');
    const [media] = await db.query(
      `SELECT count(*) FILTER (WHERE has_media)::int AS yes FROM search_documents
        WHERE tsv @@ to_tsquery('english', 'steamengine') AND ${where}`,
      [kz],
    );
    expect(byRelevance.facets.hasMedia).toContainEqual({ value: 'true', count: media.yes });
  });

  it('browses a list of types and countries over the cap newest first, a walk per type and country merged', async () => {
    const query = 'type=item,memorial&country=kazakhstan,armenia&limit=50';
    const newest = (
      await db.query(
        `SELECT record_id FROM search_documents WHERE record_type IN ('item', 'memorial') AND country_id IN ($1, $2) ORDER BY id DESC LIMIT 150`,
        [kz, am],
      )
    ).map((row: { record_id: string }) => row.record_id);
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 3; page++) {
      const body: Answer = (await as.anonymous.get(`/api/public/search?${query}${cursor ? `&cursor=${cursor}` : ''}`).expect(200)).body;
      expect(body.estimated).toBe(false);
      seen.push(...body.items.map((hit) => hit.id));
      cursor = body.next;
    }
    expect(seen).toEqual(newest);
  });

  it('ranks over the cap window by window within the ids of the type asked for, every match once', async () => {
    const { seen, first } = await everyPage('type=memorial');
    const expected = await truth(`record_type = 'memorial'`);
    expect(expected.length).toBeGreaterThan(MATCH_CAP);
    expect(first).toMatchObject({ estimated: true });
    expect(new Set(seen.map((hit) => hit.id)).size).toBe(seen.length);
    expect(seen.map((hit) => hit.id).sort()).toEqual([...expected].sort());
  });

  it('pages by date over the cap through the decades rows can start in, every match once and in order', async () => {
    // Rows of the 1970s that span into the 1990s pass decade=1990 with their year in the 1970s; the 1980s hold such rows too.
    const { seen, first } = await everyPage('sort=date&type=item,memorial&country=kazakhstan,armenia&decade=1930,1990');
    const expected = await truth(`record_type IN ('item', 'memorial') AND decades && '{1930,1990}'`);
    expect(expected.length).toBeGreaterThan(MATCH_CAP);
    expect(first.estimated).toBe(true);
    expect(seen.map((hit) => hit.id)).toEqual(expected);
    expect(seen.some((hit) => hit.year >= 1970 && hit.year < 1990)).toBe(true);
  });
});
