import { describe, expect, it } from 'vitest';
import { personSearchQuerySchema } from './person-search';

describe('personSearchQuerySchema', () => {
  it('reads the address: lists from commas, numbers from text, defaults for paging', () => {
    expect(personSearchQuerySchema.parse({ q: ' Semenov ', fate: 'killed,missing', rank: 'Sergeant', yearFrom: '1940', yearTo: '1945', decade: '1940' })).toMatchObject({
      q: 'Semenov',
      fate: ['killed', 'missing'],
      rank: ['Sergeant'],
      yearFrom: 1940,
      yearTo: 1945,
      decade: [1940],
      offset: 0,
      limit: 20,
    });
  });

  it('refuses what PostgreSQL or the folding cannot take, and years the wrong way round', () => {
    for (const bad of [
      { q: 'a\u0000b' },
      { q: 'Sem\ud800enov' },
      { q: '\udc00' },
      { q: 'x', place: 'Алма\ud800' },
      { q: 'x'.repeat(201) },
      { q: '   ' },
      { q: 'x', yearFrom: '1950', yearTo: '1940' },
      { q: 'x', fate: 'deserted' },
      { q: 'x', offset: '1001' },
      { q: 'x', decade: '1945' },
    ]) {
      expect(personSearchQuerySchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    // A surrogate pair (an emoji) is text.
    expect(personSearchQuerySchema.safeParse({ q: 'Семёнов 🕯' }).success).toBe(true);
  });
});
