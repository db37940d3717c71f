import { Injectable } from '@nestjs/common';
import {
  type ContentLanguage,
  type FacetValue,
  type Fate,
  PERSON_FACETS,
  type PersonFacet,
  type PersonHit,
  type PersonSearchQuery,
  type PersonSearchResults,
  resolveLabel,
  resolveText,
} from '@vitrina/contracts';
import { type NameMatch, matchName, placeKeys, queryKeys } from '@vitrina/names';
import { readerLanguage } from '../../infra/http/reader-language';
import { CountriesService } from '../countries/countries.service';
import type { CountryEntity } from '../countries/country.entity';
import {
  PERSON_MATCH_CAP,
  PERSON_PAGE_SQL,
  type PersonCandidate,
  type PersonPageRow,
  type PersonSearchSpec,
  activePersonFacets,
  buildPersonCandidatesSql,
  keysOf,
} from './person-search-query';
import { SearchRepository } from './search.repository';

interface Confirmed {
  row: PersonCandidate;
  match: NameMatch;
}

const NO_COUNTRY = '00000000-0000-0000-0000-000000000000';

/** Row ids (bigint as text) newest first. */
const newestFirst = (a: string, b: string) => b.length - a.length || (b > a ? 1 : b < a ? -1 : 0);

/** Exact before fuzzy, then more optional words (a patronymic) matched, then the newest row first. */
const byRelevance = (a: Confirmed, b: Confirmed) => a.match.fuzzy - b.match.fuzzy || b.match.optional - a.match.optional || newestFirst(a.row.id, b.row.id);

function counted(values: (string | null | undefined)[]): FacetValue[] {
  const counts = new Map<string, number>();
  for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/**
 * Find a person (issue 14): the name folded by `@vitrina/names`, so a family
 * finds Семёнов by typing Semenov, Siemionow or Семенов, Жұмабек by Zhumabek
 * or Jumabek, and a name misspelt by a letter; the patronymic is optional.
 * The index offers candidates by key overlap; each is confirmed here.
 */
@Injectable()
export class PersonSearchService {
  constructor(
    private readonly documents: SearchRepository,
    private readonly countries: CountriesService,
  ) {}

  async search(query: PersonSearchQuery, acceptLanguage?: string): Promise<PersonSearchResults> {
    const all = await this.countries.listEntities();
    const byId = new Map(all.map((country) => [country.id, country]));
    const lang = readerLanguage(query.lang, acceptLanguage, 'ru');
    const names = queryKeys(query.q);
    const empty: PersonSearchResults = { items: [], total: 0, capped: false, facets: { country: [], fate: [], rank: [], unit: [], decade: [] }, next: null };
    // A query with no letters left once cleaned (punctuation, control characters) names no one.
    if (names.tokens.length === 0) return empty;
    const spec: PersonSearchSpec = {
      query,
      names,
      countryIds: query.country?.map((slug) => all.find((country) => country.slug === slug)?.id ?? NO_COUNTRY),
      placeKeys: query.place !== undefined ? placeKeys(query.place) : undefined,
    };
    const active = activePersonFacets(spec);
    const [main, ...others] = await Promise.all([this.confirmed(spec), ...active.map((facet) => this.confirmed({ ...spec, without: facet }))]);
    const facets = {} as Record<PersonFacet, FacetValue[]>;
    for (const facet of PERSON_FACETS) {
      const index = active.indexOf(facet);
      facets[facet] = this.count(facet, index < 0 ? main.rows : others[index].rows, byId, lang);
    }
    const page = main.rows.slice(query.offset, query.offset + query.limit);
    const end = query.offset + query.limit;
    // What the page's hits show, read for them only; a row reindexed away in between is left out.
    const shown = page.length ? ((await this.documents.query(PERSON_PAGE_SQL, [page.map((hit) => hit.row.id)])) as unknown as PersonPageRow[]) : [];
    const shownById = new Map(shown.map((row) => [row.id, row]));
    return {
      items: page.flatMap((hit) => {
        const row = shownById.get(hit.row.id);
        return row ? [this.present(hit, row, byId.get(hit.row.country_id), lang)] : [];
      }),
      total: main.rows.length,
      capped: main.capped,
      facets,
      next: end < main.rows.length ? end : null,
    };
  }

  /** The candidates the index gives, confirmed by `matchName`, best first. */
  private async confirmed(spec: PersonSearchSpec): Promise<{ rows: Confirmed[]; capped: boolean }> {
    const built = buildPersonCandidatesSql(spec);
    // JIT off: the planner's cost of a common name crosses jit_above_cost, and compiling took 40 ms of a
    // statement that runs in 1 (EXPLAIN at 2 M people, bench/README.md "people.ts").
    const candidates = (await this.documents.query(built.sql, built.params, { jit: 'off' })) as unknown as PersonCandidate[];
    const rows: Confirmed[] = [];
    for (const row of candidates.slice(0, PERSON_MATCH_CAP)) {
      const match = matchName(spec.names, keysOf(row.name_keys), keysOf(row.name_fuzzy_keys));
      if (match) rows.push({ row, match });
    }
    return { rows: rows.sort(byRelevance), capped: candidates.length > PERSON_MATCH_CAP };
  }

  private count(facet: PersonFacet, rows: Confirmed[], countries: Map<string, CountryEntity>, lang: ContentLanguage): FacetValue[] {
    switch (facet) {
      case 'country':
        return counted(rows.map(({ row }) => countries.get(row.country_id)?.slug));
      case 'fate':
        return counted(rows.map(({ row }) => row.fate));
      case 'rank':
        return counted(rows.map(({ row }) => resolveLabel(row.rank, lang, countries.get(row.country_id)?.defaultLanguage ?? 'ru')));
      case 'unit':
        return counted(rows.map(({ row }) => row.unit));
      case 'decade':
        return counted(rows.flatMap(({ row }) => row.decades.map(String))).sort((a, b) => a.value.localeCompare(b.value));
    }
  }

  private present({ row, match }: Confirmed, { person, person_card: card }: PersonPageRow, country: CountryEntity | undefined, lang: ContentLanguage): PersonHit {
    const fallback = country?.defaultLanguage ?? 'ru';
    return {
      id: row.record_id,
      country: country?.slug ?? '',
      slug: row.slug,
      name: person?.name ?? '',
      title: resolveText(card.title, lang, fallback),
      variants: person?.variants ?? [],
      birthYear: card.birthYear,
      deathYear: card.deathYear,
      rank: resolveLabel(card.rank, lang, fallback),
      unit: card.unit,
      fate: row.fate as Fate,
      memorial: card.memorial && {
        slug: card.memorial.slug,
        title: resolveText(card.memorial.title, lang, fallback),
        place: resolveText(card.memorial.place, lang, fallback),
        condition: row.condition,
        plot: card.memorial.plot,
      },
      burialPlace: resolveText(card.burialPlace, lang, fallback),
      match: match.fuzzy === 0 ? 'exact' : 'fuzzy',
    };
  }
}
