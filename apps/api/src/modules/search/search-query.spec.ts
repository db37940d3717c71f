import { describe, expect, it } from 'vitest';
import { testedFilters } from './search-query';

describe('testedFilters: which filters of a search with words the GIN index intersects', () => {
  it('puts the most selective filters into the index until they leave a tenth of the rows, and tests the rest on the rows', () => {
    // Condition alone leaves 4 %: nothing more is worth a walk of long lists inside the index.
    expect(testedFilters({ country: 0.3, condition: 0.04, hasMedia: 0.15 }, { country: 1, condition: 1 })).toEqual(['hasMedia', 'country']);
    // 0.3 × 0.4 = 12 %, still more than a tenth: the next one goes in too.
    expect(testedFilters({ country: 0.3, decade: 0.4, hasMedia: 0.5 }, { country: 1 })).toEqual([]);
  });

  it('never puts into the index a filter that most rows pass', () => {
    expect(testedFilters({ type: 0.87, decade: 0.6 }, { type: 2 })).toEqual(['decade', 'type']);
  });

  it('keeps the scans of lists of values to four in all', () => {
    // Two countries and two types are four scans; two conditions more would be eight.
    expect(testedFilters({ country: 0.35, type: 0.33, condition: 0.4 }, { country: 2, type: 2, condition: 2 })).toEqual(['condition']);
    expect(testedFilters({ country: 0.2, kind: 0.3 }, { country: 5, kind: 1 })).toEqual(['country']);
  });
});
