import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type Collection, type ExhibitionInput, type PublicExhibition, type StudioListEntry, apiRoutes } from '@vitrina/contracts';
import { api } from './client';
import { fetchEndpoint } from './endpoints';
import { collectionKey } from './studio';

/** The most ids one list request may name (the API refuses more). */
const IDS_PER_REQUEST = 100;

function chunks<T>(list: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));
}

/**
 * The country's records with these ids, by id (their titles, thumbnails and
 * states), wherever they stand in the list: what an editor shows of the
 * records it points to. Under the collection's key, so an edit of one of them
 * is read again. The last answer stays while a changed set of ids loads.
 */
export function useRecordsByIds(countryId: string, collection: Collection, ids: readonly string[], lang: string) {
  const sorted = [...new Set(ids)].filter(Boolean).sort();
  return useQuery({
    queryKey: [...collectionKey(countryId, collection), 'by-ids', { lang, ids: sorted.join(',') }],
    queryFn: async ({ signal }): Promise<Map<string, StudioListEntry>> => {
      const pages = await Promise.all(
        chunks(sorted, IDS_PER_REQUEST).map((part) =>
          fetchEndpoint(apiRoutes.studio.collection(countryId, collection, { ids: part.join(','), limit: IDS_PER_REQUEST, lang }), signal),
        ),
      );
      return new Map(pages.flatMap((page) => page.items).map((entry) => [entry.id, entry]));
    },
    enabled: sorted.length > 0,
    placeholderData: keepPreviousData,
  });
}

/**
 * An exhibition document not saved yet, as visitors would see it in `lang`
 * (`document` undefined: nothing to show yet). Each document is asked for
 * once; the page shown stays while the next one is made.
 */
export function useDraftExhibitionPreview(countryId: string, document: ExhibitionInput | undefined, lang: string) {
  const endpoint = apiRoutes.studio.draftPreview(countryId, { lang });
  return useQuery({
    queryKey: ['exhibition-draft-preview', countryId, lang, document],
    queryFn: ({ signal }) => api<PublicExhibition>('POST', endpoint.path, document, { signal }),
    enabled: document !== undefined,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    // Every pause in typing is a new document: old pages are not kept for long.
    gcTime: 30_000,
  });
}
