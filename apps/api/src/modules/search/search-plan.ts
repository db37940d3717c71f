import { type FacetValue, SEARCH_FACETS, type SearchFacet, type SearchHit, type LocalizedText, type SearchQuery } from '@vitrina/contracts';
import { queryKeys } from '@vitrina/names';
import {
  type After,
  type BuiltSearch,
  FACET_SAMPLE,
  buildIdRangeSql,
  type IdWindow,
  MATCH_CAP,
  NAME_FALLBACK_BELOW,
  NAME_SIMILARITY,
  SIMILAR_WORDS_SQL,
  type SearchSpec,
  type SimilarWord,
  WINDOW_TARGET,
  DATE_WALK_SHARE,
  KEY_RANGE_SQL,
  TSQUERY_SQL,
  COMMON_WORDS_SQL,
  activeFacets,
  buildDateWindowSql,
  buildYearDecadesSql,
  buildEstimateSql,
  buildFacetedWordsSql,
  WORDS_ALONE_CAP,
  buildFilterCountsSql,
  buildFilterSharesSql,
  buildNewestPageSql,
  buildSampleSql,
  narrowsByIndex,
  withWords,
  worthExactAttempt,
} from './search-query';

/**
 * How a search is answered, whatever the number of matches (figures in
 * bench/README.md, "Search"):
 *
 * - Up to MATCH_CAP matches (rare terms, the rarer medium ones): exact. One
 *   statement takes every match from the GIN index, ranks or dates them all,
 *   counts facets. Reading a match costs a random row read (~10 µs here), so
 *   the cap is what fits in the 50 ms goal.
 * - More: the total is the planner's estimate (of a deduplicated tsquery) and
 *   facet counts are those of a FACET_SAMPLE of the matches scaled up to it.
 *   Never is the whole set of matches ranked, sorted or counted.
 *   - sort=date stays exact: the matches are taken a window of years at a
 *     time, newest first (see buildDateWindowSql), until the page is full;
 *     paging is a keyset on (year, id).
 *   - sort=relevance is ranked a window of row ids at a time, newest first
 *     (about WINDOW_TARGET matches each): the best of the most recently
 *     published matches come first, then the best of the window before, and
 *     so on, so paging goes on to the last match and never repeats one. The
 *     answer says `approximate`.
 * - A facet the query filters by is counted without its own filter (picking
 *   Armenia still shows how many Georgia has), by the same rules, in parallel.
 * - With filters: words that alone match at most WORDS_ALONE_CAP rows are
 *   answered whole by one statement (facetedWords); up to
 *   MEDIUM_WORDS_AT_MOST, the facets filtered by come from one sample of
 *   their rows (sampledFilteredFacets). Every statement with words splits
 *   its filters between the GIN index and the rows (search-narrowing.ts).
 *   Browsing counts exactly from search_filter_counts.
 *
 * It runs on anything with a `query`: the API passes SearchRepository (TypeORM), the
 * benchmark a pg pool, so both measure the same work.
 */
export interface SqlRunner {
  /** Runs one statement; with `settings`, in a transaction that first sets them (SET LOCAL). */
  query(sql: string, params: unknown[], settings?: Record<string, string | number>): Promise<Record<string, unknown>[]>;
}

export interface HitRow {
  id: string;
  record_id: string;
  key: number;
  record_type: SearchHit['type'];
  country_id: string;
  slug: string;
  kind: string | null;
  title: LocalizedText;
  person: SearchHit['person'];
  condition: string | null;
  lat: number | null;
  lng: number | null;
  year: number | null;
  image_id: string | null;
  snippet: string | null;
}

/** Where the next page starts. */
export interface Cursor {
  /** Whether the first page needed name matching; later pages must match the same way. */
  names: boolean;
  /** After this row of the sort; from the top when absent. */
  after?: After;
  /** Relevance beyond the cap: the window of row ids being ranked. */
  window?: IdWindow;
}

export interface PlannedSearch {
  total: number;
  estimated: boolean;
  approximate: boolean;
  /** Country values are ids. */
  facets: Record<SearchFacet, FacetValue[]>;
  estimatedFacets: SearchFacet[];
  hits: HitRow[];
  next: Cursor | null;
  /** How many rows the words match before any filter, when that was counted (exactly, up to WORDS_ALONE_CAP). */
  wordsAlone?: number;
}

/**
 * Planner settings of the statements that take matches (the exact attempt,
 * samples, windows of the newest rows): never a sequential scan. A LIMIT lets
 * the planner gamble on a scan stopping early, which reads the whole table
 * when the filters, correlated in ways it cannot see, let few rows through
 * (decade, condition and pictures: 500 rows of 300 000, read by a full
 * scan); the GIN index, which holds every filter, reads only the rows that
 * pass, and a walk newest first reads the index alone (ix_search_documents_newest).
 */
const TAKE_BY_INDEX = { enable_seqscan: 'off' };
/**
 * Statements that take matches from the whole table (the exact attempt, facet
 * samples) and have words or a filter the GIN index can take: from the GIN
 * index only, never by walking a btree until LIMIT matches turn up (a walk
 * newest first for type=item read 2.4 million people and memorials before
 * the first item, where rows are stored kind by kind). Also a sparse date
 * window: its years' matches from the GIN index, no walk of the date index.
 */
const FROM_GIN = { ...TAKE_BY_INDEX, enable_indexscan: 'off' };

/**
 * Words that alone match more than WORDS_ALONE_CAP but at most this many rows
 * (a medium word) have the filters most rows pass tested on their rows (see
 * testedFilters) and the facets they are filtered by counted from a sample of
 * them (sampledFilteredFacets). A common word's rows are far too many for
 * either: its filters are all intersected in the GIN index.
 */
const MEDIUM_WORDS_AT_MOST = 4 * WORDS_ALONE_CAP;
const isMediumWord = (wordsAlone: number | undefined): wordsAlone is number => wordsAlone !== undefined && wordsAlone <= MEDIUM_WORDS_AT_MOST;

/** Windows of newest rows one page may go through when the newest hold too few matches. */
const WINDOWS_PER_PAGE = 4;

interface SampleRow {
  total: number;
  hits?: HitRow[];
  [facet: string]: unknown;
}

interface Counts {
  values: Partial<Record<SearchFacet, FacetValue[]>>;
  estimated: boolean;
}

interface PageResult {
  hits: HitRow[];
  next: Omit<Cursor, 'names'> | null;
}

/** What one search asks of the database, with the id range read at most once. */
class Run {
  private range?: Promise<IdWindow | null>;
  private keyRange?: Promise<{ lo: number; hi: number; rows: number } | null>;
  private filterShares?: Promise<Partial<Record<SearchFacet, number>>>;

  constructor(
    readonly db: SqlRunner,
    readonly lang: string,
  ) {}

  async one<T>(built: BuiltSearch, settings?: Record<string, string>): Promise<T> {
    const [row] = await this.db.query(built.sql, built.params, settings);
    return row as T;
  }

  /** The id range of the rows of the types and countries the search filters by (the same for every statement of one search). */
  ids(spec: SearchSpec): Promise<IdWindow | null> {
    this.range ??= this.one<{ lo: string | null; hi: string | null }>(buildIdRangeSql(spec)).then((row) =>
      row.lo === null || row.hi === null ? null : { lo: row.lo, hi: row.hi },
    );
    return this.range;
  }

  keys(): Promise<{ lo: number; hi: number; rows: number } | null> {
    this.keyRange ??= this.one<{ lo: number | null; hi: number | null; rows: number }>({ sql: KEY_RANGE_SQL, params: [] }).then((row) =>
      row.lo === null || row.hi === null ? null : { lo: row.lo, hi: row.hi, rows: Math.max(1, row.rows) },
    );
    return this.keyRange;
  }

  async estimate(spec: SearchSpec, wordsOnly = false): Promise<number> {
    const row = await this.one<{ 'QUERY PLAN': { Plan: { 'Plan Rows': number } }[] }>(buildEstimateSql(spec, wordsOnly));
    return Math.round(row['QUERY PLAN'][0].Plan['Plan Rows']);
  }

  sample(spec: SearchSpec, options: Parameters<typeof buildSampleSql>[1]): Promise<SampleRow> {
    // A window too: its id range as a bitmap ANDed with the GIN index's, rather than every row of the range read to test it (400 000 rows where the newest are of another kind).
    return this.one<SampleRow>(buildSampleSql(spec, options), narrowsByIndex(spec) ? FROM_GIN : TAKE_BY_INDEX);
  }

  /** The share of all rows each filter of the search lets through (the same for every statement of one search). */
  shares(spec: SearchSpec): Promise<Partial<Record<SearchFacet, number>>> {
    this.filterShares ??= this.one<Partial<Record<SearchFacet, number>>>(buildFilterSharesSql(spec));
    return this.filterShares;
  }

  /** Browsing's total and counts of `facets`, exact, from the rows counted per combination of filter values. */
  filterCounts(spec: SearchSpec, facets: readonly SearchFacet[]): Promise<SampleRow> {
    return this.one<SampleRow>(buildFilterCountsSql(spec, facets));
  }
}

/** The newest ids expected to hold about WINDOW_TARGET of `total` matches. */
function newestWindow(range: IdWindow, total: number): IdWindow {
  const span = BigInt(range.hi) - BigInt(range.lo) + 1n;
  const width = (span * BigInt(WINDOW_TARGET)) / BigInt(Math.max(total, 1)) + 1n;
  const lo = BigInt(range.hi) - width + 1n;
  return { lo: String(lo > BigInt(range.lo) ? lo : BigInt(range.lo)), hi: range.hi };
}

const widthOf = (window: IdWindow) => BigInt(window.hi) - BigInt(window.lo) + 1n;

/** A window's sample, narrowed to its newest part until it holds no more than the cap. */
async function sampleWindow(run: Run, spec: SearchSpec, window: IdWindow, options: Omit<Parameters<typeof buildSampleSql>[1], 'window'>): Promise<{ row: SampleRow; window: IdWindow }> {
  for (;;) {
    const row = await run.sample(spec, { ...options, window });
    if (row.total <= MATCH_CAP || window.lo === window.hi) return { row, window };
    const width = widthOf(window) / 4n || 1n;
    window = { lo: String(BigInt(window.hi) - width + 1n), hi: window.hi };
  }
}

const facetsOf = (row: SampleRow, facets: readonly SearchFacet[]) => Object.fromEntries(facets.map((facet) => [facet, row[facet] as FacetValue[]]));

function scaled(values: Partial<Record<SearchFacet, FacetValue[]>>, factor: number): Partial<Record<SearchFacet, FacetValue[]>> {
  const scale = (list: FacetValue[]) => list.map((value) => ({ value: value.value, count: Math.max(1, Math.round(value.count * factor)) }));
  return Object.fromEntries(Object.entries(values).map(([facet, list]) => [facet, scale(list)]));
}

/**
 * Counts beyond the cap: those of the first FACET_SAMPLE matches the GIN
 * index gives (a sample for proportions only: no hit is ever taken from it),
 * scaled to the estimated total. `row` is a sample already read (the exact
 * attempt's MATCH_CAP + 1).
 */
async function sampledCounts(run: Run, spec: SearchSpec, facets: readonly SearchFacet[], total: number, row?: SampleRow): Promise<Counts> {
  row ??= await run.sample(spec, { facets, limit: FACET_SAMPLE });
  return { values: row.total > 0 ? scaled(facetsOf(row, facets), total / row.total) : Object.fromEntries(facets.map((f) => [f, []])), estimated: true };
}

/** One facet counted without its own filter. */
async function facetCounts(run: Run, spec: SearchSpec, facet: SearchFacet): Promise<Counts> {
  if (spec.tsquery === null) return { values: facetsOf(await run.filterCounts(spec, [facet]), [facet]), estimated: false };
  const estimate = await run.estimate(spec);
  const row = worthExactAttempt(spec, estimate) ? await run.sample(spec, { facets: [facet] }) : undefined;
  if (row && row.total <= MATCH_CAP) return { values: facetsOf(row, [facet]), estimated: false };
  return sampledCounts(run, spec, [facet], Math.max(estimate, MATCH_CAP + 1), row);
}

const afterOf = (hit: HitRow): After => ({ key: hit.key, id: hit.id });

/** Hits and the cursor after them, from `size` = limit + 1 rows (the last one only tells that there are more). */
function paged(hits: HitRow[], size: number): PageResult {
  return { hits: hits.slice(0, size - 1), next: hits.length >= size ? { after: afterOf(hits[size - 2]) } : null };
}

/** Years the first window of a date page spans at most; each next one spans twice the one before, up to YEARS_AT_MOST. */
const FIRST_YEARS_AT_MOST = 16;
const YEARS_AT_MOST = 64;

/**
 * sort=date beyond the cap: windows of years from the cursor down, each
 * sorted, until the page is full. The first spans the years expected to hold
 * two pages of matches were they spread evenly; a window that held too few is
 * followed by one twice as wide.
 */
async function datePage(run: Run, spec: SearchSpec, after: After | undefined, size: number, total: number): Promise<PageResult> {
  const keys = await run.keys();
  if (!keys) return { hits: [], next: null };
  const years = await yearsToRead(run, spec, keys, after ? Math.floor(after.key) : keys.hi);
  let span = Math.min(FIRST_YEARS_AT_MOST, Math.max(1, Math.ceil((2 * size * years.length) / total)));
  let sparse = total / keys.rows < DATE_WALK_SHARE;
  // The window's years are a list of values for the GIN index already: for a medium word every other list is tested on its rows, or the
  // scans multiply. A common word's rows are too many to test.
  const windowSpec = spec.narrowing && isMediumWord(spec.narrowing.wordsAlone) ? { ...spec, narrowing: { ...spec.narrowing, listsOnRows: true } } : spec;
  const hits: HitRow[] = [];
  for (let at = 0; hits.length < size && at < years.length; span = Math.min(YEARS_AT_MOST, span * 2)) {
    const window = { years: years.slice(at, at + span), after: at === 0 ? after : undefined };
    const found = (await run.one<{ hits: HitRow[] }>(buildDateWindowSql(windowSpec, window, size - hits.length, run.lang), sparse ? FROM_GIN : undefined)).hits;
    // A walk for words that did not fill the page found them sparser than guessed (the filters' doing): the next years' come from the GIN
    // index. Browsing walks the index alone, cheap per row, while the GIN index would hand over every row of a dense year (people of 1941–45).
    sparse ||= spec.tsquery !== null && found.length < size - hits.length;
    hits.push(...found);
    at += span;
  }
  return paged(hits, size);
}

/**
 * The sort keys a date page may find rows in, newest first from `hi`. With a
 * decade filter only the years of the decades some row passing the filters
 * starts in (search_filter_counts): the 2020s and the 1940s are two decades
 * to read, not the eighty years between them, each window of which
 * intersected the GIN index again.
 */
async function yearsToRead(run: Run, spec: SearchSpec, keys: { lo: number; hi: number }, hi: number): Promise<number[]> {
  const all = Array.from({ length: Math.max(0, hi - keys.lo + 1) }, (_, i) => hi - i);
  if (!spec.query.decade?.length || spec.without === 'decade') return all;
  const starts = buildYearDecadesSql(spec);
  const decades = new Set((await run.db.query(starts.sql, starts.params)).map((row) => Number(row.decade)));
  return all.filter((year) => decades.has(Math.floor(year / 10) * 10));
}

/**
 * sort=relevance beyond the cap: ranked within a window of row ids, from the
 * cursor's window (or the newest) to older ones while the page is not full.
 */
async function windowPage(
  run: Run,
  spec: SearchSpec,
  start: IdWindow,
  after: After | undefined,
  size: number,
  /** Asked after the first window: true gives up (returns null), as when it shows the planner guessed far too many. */
  giveUp: (first: SampleRow) => boolean,
): Promise<PageResult | null> {
  const range = (await run.ids(spec))!;
  const hits: { hit: HitRow; window: IdWindow }[] = [];
  let window: IdWindow | null = start;
  for (let i = 0; window && i < WINDOWS_PER_PAGE && hits.length < size; i++) {
    const sampled = await sampleWindow(run, spec, window, { facets: [], page: { after: i === 0 ? after : undefined, size: size - hits.length, lang: run.lang } });
    if (i === 0 && giveUp(sampled.row)) return null;
    hits.push(...(sampled.row.hits ?? []).map((hit) => ({ hit, window: sampled.window })));
    const used = sampled.window;
    if (BigInt(used.lo) <= BigInt(range.lo)) window = null;
    else {
      // A window that held few matches is followed by one wide enough for WINDOW_TARGET at the density it had (none: 64 times wider).
      const grow = Math.min(64, Math.max(1, Math.ceil(WINDOW_TARGET / Math.max(sampled.row.total, WINDOW_TARGET / 64))));
      const width = widthOf(used) * BigInt(grow);
      const lo = BigInt(used.lo) - width;
      window = { lo: String(lo > BigInt(range.lo) ? lo : BigInt(range.lo)), hi: String(BigInt(used.lo) - 1n) };
    }
  }
  let next: PageResult['next'] = window ? { window } : null;
  if (hits.length >= size) {
    const [last, ahead] = [hits[size - 2], hits[size - 1]];
    next = last.window === ahead.window ? { window: last.window, after: afterOf(last.hit) } : { window: ahead.window };
  }
  return { hits: hits.slice(0, size - 1).map((entry) => entry.hit), next };
}

interface Main extends PageResult {
  total: number;
  estimated: boolean;
  approximate: boolean;
  counts: Counts;
}

/**
 * Browsing (no words): the total and the counts exact, from the rows counted
 * per combination of filter values; every match on the page when they fit
 * under the cap, else the newest (a walk newest first, or the GIN index and a
 * sort, as the planner finds cheaper) or a date page.
 */
async function browse(run: Run, spec: SearchSpec, facets: readonly SearchFacet[], cursor: Cursor | undefined): Promise<Main> {
  const size = spec.query.limit + 1;
  const after = cursor?.after;
  const counted = await run.filterCounts(spec, facets);
  const answer = { total: counted.total, estimated: false, approximate: false, counts: { values: facetsOf(counted, facets), estimated: false } };
  if (counted.total === 0) return { ...answer, hits: [], next: null };
  if (counted.total <= MATCH_CAP) {
    const sample = await run.sample(spec, { facets: [], page: { after, size, lang: run.lang } });
    // Rows published since the counts were read may have taken it over the cap: then the page comes as for more.
    if (sample.total <= MATCH_CAP) return { ...answer, ...paged(sample.hits ?? [], size) };
  }
  if (spec.query.sort === 'date') return { ...answer, ...(await datePage(run, spec, after, size, counted.total)) };
  const page = await run.one<{ hits: HitRow[] }>(buildNewestPageSql(spec, after, size, run.lang), TAKE_BY_INDEX);
  return { ...answer, ...paged(page.hits, size) };
}

/** The page and the counts of the facets the query does not filter by. */
async function mainSearch(run: Run, spec: SearchSpec, facets: readonly SearchFacet[], cursor: Cursor | undefined): Promise<Main> {
  if (spec.tsquery === null) return browse(run, spec, facets, cursor);
  const size = spec.query.limit + 1;
  const after = cursor?.after;
  let sample: SampleRow | undefined;
  const exact = async (): Promise<Main | null> => {
    sample = await run.sample(spec, { facets, page: { after, size, lang: run.lang } });
    if (sample.total > MATCH_CAP) return null;
    return { ...paged(sample.hits ?? [], size), total: sample.total, estimated: false, approximate: false, counts: { values: facetsOf(sample, facets), estimated: false } };
  };
  const estimate = await run.estimate(spec);
  // The known words a typo stands for are names, rarely common, and an OR of several is guessed far too common: try them exactly first.
  if (!cursor?.window && (worthExactAttempt(spec, estimate) || spec.similarWords.length > 0)) {
    const found = await exact();
    if (found) return found;
  }
  // The planner may guess thousands where the filters leave a few (people who name a word only exhibitions use): the facet sample, needed
  // anyway, tells, as it reads every match when there are fewer than it takes.
  if (!cursor?.window && !sample && activeFacets(spec.query, spec.countryIds).length > 0) {
    const probe = await run.sample(spec, { facets, limit: FACET_SAMPLE });
    if (probe.total < FACET_SAMPLE) {
      const found = await exact();
      if (found) return found;
    }
    sample ??= probe;
  }
  const range = await run.ids(spec);
  if (!range) return { hits: [], next: null, total: 0, estimated: false, approximate: false, counts: { values: {}, estimated: false } };
  const total = Math.max(estimate, MATCH_CAP + 1);
  if (spec.query.sort === 'date') {
    const [counts, page] = await Promise.all([sampledCounts(run, spec, facets, total, sample), datePage(run, spec, after, size, total)]);
    return { ...page, total, estimated: true, approximate: false, counts };
  }
  const newest = newestWindow(range, total);
  // The planner guessed far too many when the newest window holds so few that all the matches would fit under the cap.
  const guessedTooMany = (first: SampleRow) => !cursor?.window && !sample && (BigInt(first.total) * widthOf(range)) / widthOf(newest) < BigInt(MATCH_CAP);
  const [page, counts] = await Promise.all([windowPage(run, spec, cursor?.window ?? newest, after, size, guessedTooMany), sampledCounts(run, spec, facets, total, sample)]);
  if (!page) {
    const found = await exact();
    if (found) return found;
    return mainSearch(run, spec, facets, { names: false, after, window: newest });
  }
  return { ...page, total, estimated: true, approximate: true, counts };
}

/** The known words a misspelt or transliterated query probably meant. */
async function similarWords(db: SqlRunner, q: string): Promise<SimilarWord[]> {
  return (await db.query(SIMILAR_WORDS_SQL, [q], { 'pg_trgm.similarity_threshold': NAME_SIMILARITY })) as unknown as SimilarWord[];
}

/**
 * Words that match few rows before any filter, with filters: the whole answer
 * in one statement (buildFacetedWordsSql), exact, or null when the words
 * match more than the cap after all. A statement per facet would each
 * intersect the GIN index again, 19 to 27 of them for a place name in one
 * country, type and decade once a typo was looked for too.
 */
async function facetedWords(run: Run, spec: SearchSpec, own: readonly SearchFacet[], cursor: Cursor | undefined): Promise<PlannedSearch | null> {
  const size = spec.query.limit + 1;
  const row = await run.one<SampleRow & { found: number }>(buildFacetedWordsSql(spec, own, { after: cursor?.after, size, lang: run.lang }), FROM_GIN);
  if (row.found > WORDS_ALONE_CAP) return null;
  const page = paged(row.hits ?? [], size);
  // In the order the other paths give them: the facets not filtered by, then those filtered by.
  const order = [...own, ...SEARCH_FACETS.filter((facet) => !own.includes(facet))];
  const facets = Object.fromEntries(order.map((facet) => [facet, (row[facet] as FacetValue[] | undefined) ?? []])) as Record<SearchFacet, FacetValue[]>;
  const next = page.next ? { names: spec.similarWords.length > 0, ...page.next } : null;
  return { total: row.total, estimated: false, approximate: false, facets, estimatedFacets: [], hits: page.hits, next, wordsAlone: row.found };
}

/**
 * The counts of the facets a search filters by, each without its own filter,
 * for words that alone match more than WORDS_ALONE_CAP but not many times
 * more (a medium word): from one statement over the first WORDS_ALONE_CAP + 1
 * of their matches, scaled to the estimate of them all, where a statement per
 * facet intersected the GIN index again, each reading its own rows (four
 * filters: four statements of 17 ms on two cores, beside the page's).
 */
async function sampledFilteredFacets(run: Run, spec: SearchSpec, active: readonly SearchFacet[], wordsAlone: number): Promise<Counts[]> {
  const row = await run.one<SampleRow & { found: number }>(buildFacetedWordsSql(spec, []), FROM_GIN);
  // The planner guessed too many when every match was read: then the counts are exact.
  const estimated = row.found > WORDS_ALONE_CAP;
  const factor = Math.max(wordsAlone, row.found) / Math.max(row.found, 1);
  return active.map((facet) => {
    const values = { [facet]: (row[facet] as FacetValue[] | undefined) ?? [] };
    return { values: estimated ? scaled(values, factor) : values, estimated };
  });
}

async function planned(run: Run, spec: SearchSpec, cursor: Cursor | undefined): Promise<PlannedSearch> {
  const active = activeFacets(spec.query, spec.countryIds);
  const own = SEARCH_FACETS.filter((facet) => !active.includes(facet));
  const wordsAlone = spec.tsquery !== null && active.length > 0 ? await run.estimate(spec, true) : undefined;
  if (wordsAlone !== undefined && wordsAlone <= WORDS_ALONE_CAP && !cursor?.window) {
    const whole = await facetedWords(run, spec, own, cursor);
    if (whole) return whole;
  }
  // Browsing walks btree indexes, which take lists of values: its filters stay as they are.
  if (wordsAlone !== undefined) spec = { ...spec, narrowing: { wordsAlone, shares: await run.shares(spec) } };
  const filteredCounts =
    isMediumWord(wordsAlone) && active.length > 1
      ? sampledFilteredFacets(run, spec, active, wordsAlone)
      : Promise.all(active.map((facet) => facetCounts(run, { ...spec, without: facet }, facet)));
  const [main, others] = await Promise.all([mainSearch(run, spec, own, cursor), filteredCounts]);
  const facets = { ...main.counts.values } as Record<SearchFacet, FacetValue[]>;
  const estimatedFacets = main.counts.estimated ? [...own] : [];
  active.forEach((facet, index) => {
    facets[facet] = others[index].values[facet] ?? [];
    if (others[index].estimated) estimatedFacets.push(facet);
  });
  for (const facet of SEARCH_FACETS) facets[facet] ??= [];
  const next = main.next ? { names: spec.similarWords.length > 0, ...main.next } : null;
  return { total: main.total, estimated: main.estimated, approximate: main.approximate, facets, estimatedFacets, hits: main.hits, next };
}

/**
 * Answers a search: words first; when they find fewer than
 * NAME_FALLBACK_BELOW, again with the known words closest to the query's (a
 * typo, a transliteration). Country ids, not slugs.
 */
export async function runSearch(db: SqlRunner, query: SearchQuery, countryIds: string[] | undefined, lang: string, cursor?: Cursor): Promise<PlannedSearch> {
  const run = new Run(db, lang);
  if (query.q === undefined) return planned(run, { query, countryIds, similarWords: [], tsquery: null }, cursor);
  const [{ query: words }] = (await db.query(TSQUERY_SQL, [query.q])) as { query: string }[];
  const nameKeys = queryKeys(query.q).tokens.filter((token) => !token.optional).map((token) => token.keys);
  const search = (similarWords: SimilarWord[]) => {
    const tsquery = withWords(words, similarWords);
    return tsquery ? planned(run, { query, countryIds, similarWords, tsquery, nameKeys }, cursor) : Promise.resolve(nothing());
  };
  let result = await search(cursor?.names ? await similarWords(db, query.q) : []);
  // Words that alone match enough rows are no typo: the filters left few.
  const filteredOut = async () => (result.wordsAlone ?? 0) >= NAME_FALLBACK_BELOW || (await filteredOutCommonWord(db, query, countryIds));
  if (!cursor && result.total < NAME_FALLBACK_BELOW && !(await filteredOut())) {
    const similar = await similarWords(db, query.q);
    if (similar.length > 0) result = await search(similar);
  }
  return result;
}

/**
 * Whether few matches are the filters' doing, not a typo's: the query names a
 * word common in the index (war, in one country's people with no pictures).
 * Searching the words closest to it then would only run the whole search
 * again for words nobody meant.
 */
async function filteredOutCommonWord(db: SqlRunner, query: SearchQuery, countryIds: string[] | undefined): Promise<boolean> {
  if (activeFacets(query, countryIds).length === 0) return false;
  const [row] = (await db.query(COMMON_WORDS_SQL, [query.q])) as { common: boolean }[];
  return row.common;
}

/** The answer when nothing can match (the query is only stop words). */
function nothing(): PlannedSearch {
  const facets = Object.fromEntries(SEARCH_FACETS.map((facet) => [facet, []])) as unknown as Record<SearchFacet, FacetValue[]>;
  return { total: 0, estimated: false, approximate: false, facets, estimatedFacets: [], hits: [], next: null };
}
