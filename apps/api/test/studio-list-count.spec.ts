import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STUDIO_COUNT_CAP } from '../src/modules/content/content-store';
import { type ActorName, signInActors } from './support/actors';
import { type TestApp, type TestClient, startTestApp } from './support/test-app';

/** A country's studio list counts its records only so far past the page shown (issue 18: 700 000 people took a second to count). */
describe('studio list count', () => {
  let testApp: TestApp;
  let as: Record<ActorName, TestClient>;
  let kz: string;
  const rows = STUDIO_COUNT_CAP + 50;

  beforeAll(async () => {
    testApp = await startTestApp();
    as = await signInActors(testApp);
    const countries = (await as.anonymous.get('/api/public/countries').expect(200)).body.items;
    kz = countries.find((c: { slug: string }) => c.slug === 'kazakhstan').id;
    // Drafts straight into the table: creating ten thousand through the API would take minutes.
    await testApp.app.get(DataSource).query(
      `INSERT INTO items (id, country_id, slug, kind, status, version, content, media_ids, created_at, updated_at)
       SELECT gen_random_uuid(), $1, 'bulk-' || n, 'artefact', 'draft', 1,
              jsonb_build_object('title', jsonb_build_object('en', jsonb_build_object('text', 'Bulk ' || n, 'status', 'original')), 'tags', '[]'::jsonb, 'media', '[]'::jsonb),
              '{}', now() - make_interval(secs => n), now() - make_interval(secs => n)
         FROM generate_series(1, $2) AS n`,
      [kz, rows],
    );
  });

  afterAll(() => testApp?.close());

  const list = async (query: string) => (await as.curatorKz.get(`/api/studio/countries/${kz}/items?${query}`).expect(200)).body;

  it('says "at least" past the cap, and counts exactly once the page is near the end', async () => {
    // The bulk rows alone (the demo museum has items in Kazakhstan too).
    const first = await list('limit=20&q=Bulk');
    expect(first.items).toHaveLength(20);
    expect(first.items[0].title.text).toBe('Bulk 1');
    expect(first).toMatchObject({ total: 20 + STUDIO_COUNT_CAP, totalAtLeast: true });
    // Far enough in, everything left is counted: the exact total, and the last page.
    const last = await list(`limit=20&q=Bulk&offset=${rows - 20}`);
    expect(last).toMatchObject({ total: rows, totalAtLeast: false });
    expect(last.items.at(-1).title.text).toBe(`Bulk ${rows}`);
    // Narrowed by the search box, the count is exact again.
    expect(await list('limit=20&q=Bulk%201234')).toMatchObject({ total: 1, totalAtLeast: false });
  });
});
