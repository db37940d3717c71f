import type { LocalizedLabel, PersonFacet, PersonSearchQuery } from '@vitrina/contracts';
import type { NameQuery } from '@vitrina/names';
import type { PersonCard } from './search-text';

/**
 * Candidates read at most for one name. Names are rare terms: the commonest
 * surname of a large register has a few thousand bearers, and a family
 * narrows by years, place or unit. Beyond the cap the answer says `capped`.
 */
export const PERSON_MATCH_CAP = 1000;

/**
 * A person's search row as the find-a-person search confirms, ranks and
 * counts it. Up to a thousand are read per name, so they travel lean: the
 * keys as one space-separated string each (keys hold letters and `^.` only),
 * the card's rank and unit for their facets, and not what a hit shows, which
 * is read for the page's hits only (PERSON_PAGE_SQL). pg's array and jsonb
 * work on every candidate cost more than finding them at 2 M people
 * (bench/README.md, "people.ts").
 */
export interface PersonCandidate {
  id: string;
  record_id: string;
  country_id: string;
  slug: string;
  /** The person's fate, from their card (a person's row has no kind). */
  fate: string;
  /** The card's rank and unit, for their facets. */
  rank: LocalizedLabel | null;
  unit: string | null;
  condition: string | null;
  decades: number[];
  name_keys: string;
  name_fuzzy_keys: string;
}

/** The keys of a candidate's `name_keys` / `name_fuzzy_keys` string. */
export const keysOf = (joined: string): string[] => (joined ? joined.split(' ') : []);

/** What the page's hits show, by row id ($1, bigint[]). */
export const PERSON_PAGE_SQL = `SELECT d.id::text AS id, d.person, d.person_card FROM search_documents d WHERE d.id = ANY($1::bigint[])`;

export interface PersonPageRow {
  id: string;
  person: { name: string; variants: string[] } | null;
  person_card: PersonCard;
}

/** What a person search asks of the index: the name's keys, its filters, and a facet left unfiltered. */
export interface PersonSearchSpec {
  query: PersonSearchQuery;
  names: NameQuery;
  /** The countries' ids, when the query names countries. */
  countryIds: string[] | undefined;
  /** `placeKeys` of the place typed, when one was. */
  placeKeys: string[] | undefined;
  /** A facet whose own filter is left out, to count that facet's other values. */
  without?: PersonFacet;
}

class Params {
  readonly values: unknown[] = [];
  next(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Each facet filter a query sets, as SQL over `d`. */
function facetFilters(spec: PersonSearchSpec, p: Params): string[] {
  const { query } = spec;
  const set: Partial<Record<PersonFacet, () => string>> = {};
  if (spec.countryIds) set.country = () => `d.country_id = ANY(${p.next(spec.countryIds)}::uuid[])`;
  if (query.fate?.length) set.fate = () => `coalesce(d.person_card->>'fate', 'unknown') = ANY(${p.next(query.fate)}::text[])`;
  if (query.rank?.length) set.rank = () => `(d.person_card->'rankLabels') ?| ${p.next(query.rank!.map((rank) => rank.toLowerCase()))}::text[]`;
  if (query.unit) set.unit = () => `(d.person_card->>'unit') ILIKE ${p.next(`%${escapeLike(query.unit!)}%`)}`;
  if (query.decade?.length) set.decade = () => `d.decades && ${p.next(query.decade)}::int[]`;
  if (spec.without) delete set[spec.without];
  return Object.values(set).map((clause) => clause());
}

/** The facets a query filters by. */
export function activePersonFacets(spec: Omit<PersonSearchSpec, 'without'>): PersonFacet[] {
  const { query } = spec;
  const active: [PersonFacet, boolean][] = [
    ['country', spec.countryIds !== undefined],
    ['fate', Boolean(query.fate?.length)],
    ['rank', Boolean(query.rank?.length)],
    ['unit', Boolean(query.unit)],
    ['decade', Boolean(query.decade?.length)],
  ];
  return active.filter(([, on]) => on).map(([facet]) => facet);
}

/**
 * The people whose names may answer the query, at most PERSON_MATCH_CAP + 1
 * rows, in two parts read one after the other:
 *  1. those sharing an exact key (`name_keys`, GIN) for every required word;
 *  2. if the first part left room, those sharing a key or a deletion neighbour
 *     (`name_fuzzy_keys`, GIN) for every required word but not an exact key for all.
 * Both within the filters. The API confirms each with `matchName` (a shared
 * neighbour alone can be two edits away: Ершов and Рыжов) and ranks them.
 *
 * Neither part sorts its matches: each stops at the cap, so the commonest
 * surname (tens of thousands of bearers in a register of millions) costs the
 * rows read, not the rows matched (bench/search/people.ts). Beyond the cap the
 * rows read are the first in the table's order, the same on every page.
 */
export function buildPersonCandidatesSql(spec: PersonSearchSpec): { sql: string; params: unknown[] } {
  const p = new Params();
  const required = spec.names.tokens.filter((token) => !token.optional);
  const fuzzy = required.map((token) => `d.name_fuzzy_keys && ${p.next(token.fuzzyKeys)}::text[]`);
  const exact = required.map((token) => `d.name_keys && ${p.next(token.keys)}::text[]`);
  // Written so no index answers it: ix_search_documents_tsv (btree_gin, record_type last) would, and the planner
  // ANDs that bitmap of every person row with the names' (160-240 ms at 500 000 people, bench/search/people.ts);
  // other kinds' rows have no name keys, so the overlap alone keeps them out.
  const where = [`(d.record_type || '') = 'person'`, ...facetFilters(spec, p)];
  if (spec.placeKeys) where.push(`d.place_keys && ${p.next(spec.placeKeys)}::text[]`);
  const { yearFrom, yearTo } = spec.query;
  const birth = `(d.person_card->>'birthYear')::int`;
  const death = `(d.person_card->>'deathYear')::int`;
  // The years lived (as far as known) overlap the years asked for; a person with no years known is left out.
  if (yearFrom !== undefined) where.push(`coalesce(${death}, ${birth}) >= ${p.next(yearFrom)}::int`);
  if (yearTo !== undefined) where.push(`coalesce(${birth}, ${death}) <= ${p.next(yearTo)}::int`);
  const columns = `d.id::text AS id, d.record_id, d.country_id, d.slug, coalesce(d.person_card->>'fate', 'unknown') AS fate,
    d.person_card->'rank' AS rank, d.person_card->>'unit' AS unit, d.condition, d.decades,
    array_to_string(d.name_keys, ' ') AS name_keys, array_to_string(d.name_fuzzy_keys, ' ') AS name_fuzzy_keys`;
  const limit = PERSON_MATCH_CAP + 1;
  const allExact = exact.join(' AND ');
  const sql = `
    SELECT c.* FROM (
      (SELECT ${columns} FROM search_documents d WHERE ${[...where, ...exact].join(' AND ')} LIMIT ${limit})
      UNION ALL
      (SELECT ${columns} FROM search_documents d WHERE ${[...where, ...fuzzy, `NOT (${allExact})`].join(' AND ')} LIMIT ${limit})
    ) c
    LIMIT ${limit}`;
  return { sql, params: p.values };
}
