import type { SearchFacet, SearchQuery } from '@vitrina/contracts';
import type { SearchSpec } from './search-query';

/*
 * Which filters of a search with words narrow inside the GIN index and which
 * are tested on the rows it hands over (bench/README.md, "Third round of
 * issue 18"). Browsing has no `narrowing` and keeps every filter as it is:
 * it walks btree indexes, which take lists of values.
 */

/**
 * Which filters of a search with words the GIN index intersects, and which
 * are tested on each row it hands over (`tested`). On the rows, a filter
 * costs a row read for each of the `words` matches that it then refuses.
 * Inside the index it costs a walk of its values' long lists beside the
 * words', and the index takes no list of values: a filter of two values is
 * two scans, two such filters four (a medium word in two countries and two
 * types: 42 ms inside the index, 16 ms with the types tested on its rows). So
 * the filters go into the index fewest rows first while more than
 * ROWS_TESTED_AT_MOST matches would be left to read; a list of values only
 * while it lets through at most half the rows and the scans stay within
 * SCANS_AT_MOST, unless more than ROWS_ALWAYS_NARROWED would be left (a common
 * word: testing its rows would cost far more than any scan). The rows left
 * are guessed as if the filters were independent, and they are not (pictures
 * only on records, a word only in records' texts: 43 000 guessed, 133 000
 * read, 502 ms), hence the margin.
 */
export function testedFilters(shares: Partial<Record<SearchFacet, number>>, values: Partial<Record<SearchFacet, number>>, words: number): SearchFacet[] {
  const tested: SearchFacet[] = [];
  let rows = words;
  let scans = 1;
  for (const facet of (Object.keys(shares) as SearchFacet[]).sort((a, b) => shares[a]! - shares[b]!)) {
    const share = shares[facet]!;
    const count = values[facet] ?? 1;
    const cheapList = share <= LIST_SHARE_IN_INDEX_AT_MOST && scans * count <= SCANS_AT_MOST;
    if (rows > ROWS_TESTED_AT_MOST && (count === 1 || cheapList || rows > ROWS_ALWAYS_NARROWED)) [rows, scans] = [rows * share, scans * count];
    else tested.push(facet);
  }
  return tested;
}
const ROWS_TESTED_AT_MOST = 2_000;
const ROWS_ALWAYS_NARROWED = 10_000;
const LIST_SHARE_IN_INDEX_AT_MOST = 0.5;
const SCANS_AT_MOST = 4;

/** The filters of a statement (all but `spec.without`) tested on the rows; with `listsOnRows`, every list of values too. */
export function testedOf(spec: SearchSpec): SearchFacet[] {
  if (!spec.narrowing) return [];
  const { wordsAlone, shares, listsOnRows } = spec.narrowing;
  const values = filterValueCounts(spec.query, spec.countryIds);
  const tested = testedFilters(Object.fromEntries(Object.entries(shares).filter(([facet]) => facet !== spec.without)), values, wordsAlone);
  const lists = listsOnRows ? (Object.keys(values) as SearchFacet[]).filter((facet) => (values[facet] ?? 0) > 1) : [];
  return [...new Set([...tested, ...lists])];
}

/** How many values each list filter of a query has (the GIN index scans once per value of each): a decade filter is one array. */
export function filterValueCounts(query: SearchQuery, countryIds: string[] | undefined): Partial<Record<SearchFacet, number>> {
  return { country: countryIds?.length, type: query.type?.length, kind: query.kind?.length, condition: query.condition?.length };
}
