import { type InfiniteData, keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import {
  type PublicCountryHome,
  type PublicExhibition,
  type PublicItem,
  type PublicMemorial,
  type PublicMemorialPoints,
  type PublicPerson,
  type PersonSearchResults,
  type SearchResults,
  apiRoutes,
} from '@vitrina/contracts';
import { useTranslation } from 'react-i18next';
import { fetchEndpoint, queryOf } from './endpoints';
import { inLanguage, publicData } from './public-paths';
import { STALE, keyOf } from './query-client';

/** A visitor read in the UI language, keyed as the start-up prefetch keys it (main.tsx). */
function usePublic<T>(path: string, staleTime: number = STALE.public) {
  const { i18n } = useTranslation();
  return useQuery(queryOf<T>({ path: inLanguage(path, i18n.language) }, staleTime));
}

/** The published countries: one request for the home page, the search facets and the staff desks alike. */
export function useCountries() {
  return useQuery(queryOf(apiRoutes.public.countries(), STALE.reference));
}

export function useCountryHome(country: string) {
  return usePublic<PublicCountryHome>(publicData.countryHome(country));
}

/** The points of a country page's map: asked for apart from the page, which shows without waiting for them. */
export function useMemorialPoints(country: string) {
  return usePublic<PublicMemorialPoints>(publicData.memorialPoints(country));
}

export function useExhibition(country: string, slug: string) {
  return usePublic<PublicExhibition>(publicData.record('exhibition', country, slug));
}

export function useItem(country: string, slug: string) {
  return usePublic<PublicItem>(publicData.record('item', country, slug));
}

export function useMemorial(country: string, slug: string) {
  return usePublic<PublicMemorial>(publicData.record('memorial', country, slug));
}

export function usePerson(country: string, slug: string) {
  return usePublic<PublicPerson>(publicData.record('person', country, slug));
}

/** The map's tile settings: asked for once however many maps a page shows. */
export function useMapConfig() {
  return useQuery(queryOf(apiRoutes.public.mapConfig(), STALE.reference));
}

/** Search results page by page ("more" follows the cursor); `query` holds the address's parameters (without `q` it browses). */
export function useSearch(query: URLSearchParams) {
  const first = apiRoutes.public.search(query);
  return useInfiniteQuery<SearchResults, Error, InfiniteData<SearchResults>, readonly unknown[], string | null>({
    queryKey: keyOf(first.path),
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams(query);
      if (pageParam) params.set('cursor', pageParam);
      return fetchEndpoint(apiRoutes.public.search(params), signal);
    },
    initialPageParam: null,
    getNextPageParam: (last) => last.next ?? undefined,
    staleTime: STALE.public,
    // While another search loads, the last results stay (and the facet just ticked keeps its focus).
    placeholderData: keepPreviousData,
  });
}

/** Suggestions for what is being typed (the caller waits for a pause in the typing). */
export function useSuggestions(q: string, lang: string) {
  const text = q.trim();
  return useQuery({ ...queryOf(apiRoutes.public.suggest({ q: text, lang }), STALE.public), enabled: text.length >= 2, retry: false });
}

/** People found by name (find-a-person), page after page by offset; `query` holds the address's parameters. */
export function usePersonSearch(query: URLSearchParams, enabled: boolean) {
  const first = apiRoutes.public.searchPeople(query);
  return useInfiniteQuery<PersonSearchResults, Error, InfiniteData<PersonSearchResults>, readonly unknown[], number>({
    queryKey: keyOf(first.path),
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams(query);
      if (pageParam > 0) params.set('offset', String(pageParam));
      return fetchEndpoint(apiRoutes.public.searchPeople(params), signal);
    },
    initialPageParam: 0,
    getNextPageParam: (last) => last.next ?? undefined,
    enabled,
    staleTime: STALE.public,
    placeholderData: keepPreviousData,
  });
}
