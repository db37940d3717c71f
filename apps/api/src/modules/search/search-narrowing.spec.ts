import { describe, expect, it } from 'vitest';
import { testedFilters } from './search-narrowing';

describe('testedFilters: which filters of a search with words the GIN index intersects', () => {
  it('puts filters into the index, fewest rows first, while more than 2 000 matches would be left, and tests the rest on the rows', () => {
    // 18 000 matches: condition leaves 720, too few to be worth a walk of long lists for the others.
    expect(testedFilters({ country: 0.3, condition: 0.04, hasMedia: 0.15 }, {}, 18_000)).toEqual(['hasMedia', 'country']);
    // 0.3 × 0.4 = 12 %: 2 160 left, so the next one goes in too.
    expect(testedFilters({ country: 0.3, decade: 0.4, hasMedia: 0.5 }, {}, 18_000)).toEqual([]);
  });

  it('puts a list of values into the index only while it lets through at most half the rows and the scans stay within four', () => {
    // Two types of 87 %: two scans to keep 87 % of the rows.
    expect(testedFilters({ country: 0.3, type: 0.87 }, { country: 2, type: 2 }, 18_000)).toEqual(['type']);
    // Two countries and two types are four scans; two conditions more would be eight.
    expect(testedFilters({ country: 0.35, type: 0.33, condition: 0.4 }, { country: 2, type: 2, condition: 2 }, 18_000)).toEqual(['condition']);
    // One value is one scan, however many rows it lets through.
    expect(testedFilters({ type: 0.67, decade: 0.74 }, { type: 1 }, 18_000)).toEqual([]);
  });

  it('narrows a common word inside the index whatever it costs while its rows are too many to test', () => {
    // 1.3 million matches: five countries (five scans) leave 113 000, so two types of 87 % go in as well.
    expect(testedFilters({ country: 0.087, type: 0.87 }, { country: 5, type: 2 }, 1_300_000)).toEqual([]);
    // Pictures on 15 % leave 17 000: still too many to test, as filters that correlate (pictures only on records, the word only in
    // records' texts) may leave several times the guess.
    expect(testedFilters({ country: 0.087, type: 0.87, hasMedia: 0.15 }, { country: 5, type: 2 }, 1_300_000)).toEqual([]);
    // Pictures on 5 % leave 5 600 once the countries are in too: the types are tested on them.
    expect(testedFilters({ country: 0.087, type: 0.87, hasMedia: 0.05 }, { country: 5, type: 2 }, 1_300_000)).toEqual(['type']);
  });
});
