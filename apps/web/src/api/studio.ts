import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Collection, type MergePeopleInput, apiRoutes } from '@vitrina/contracts';
import { queryOf, sendTo } from './endpoints';
import { keyOf } from './query-client';

/** What narrows a studio list. */
export interface StudioFilters {
  limit: number;
  offset?: number;
  lang: string;
  q?: string;
  status?: string;
  kind?: string;
}

/** The key prefix of everything a studio collection holds (its lists, its records, their revisions). */
export const collectionKey = (countryId: string, collection: Collection) => keyOf(apiRoutes.studio.collection(countryId, collection).path);

/** One page of a country's records of a kind; the previous page stays shown while the next one loads. */
export function useStudioList(countryId: string, collection: Collection, filters: StudioFilters) {
  return useQuery({ ...queryOf(apiRoutes.studio.collection(countryId, collection, { ...filters })), placeholderData: keepPreviousData });
}

export function useDeleteRecord(countryId: string, collection: Collection) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => sendTo('DELETE', apiRoutes.studio.record(countryId, collection, id)),
    onSettled: () => client.invalidateQueries({ queryKey: collectionKey(countryId, collection) }),
  });
}

/** A record as its editor loads it (`id` undefined: a new record, nothing to load). */
export function useRecord<T>(countryId: string, collection: Collection, id: string | undefined) {
  return useQuery({ ...queryOf(apiRoutes.studio.record<T>(countryId, collection, id ?? 'new')), enabled: id !== undefined, staleTime: 0 });
}

/** Saves a record (PUT with the version it was loaded at, or POST for a new one); the saved record goes into the cache. */
export function useSaveRecord<T extends { id: string }>(countryId: string, collection: Collection, id: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (payload: object) =>
      id ? sendTo<T>('PUT', apiRoutes.studio.record<T>(countryId, collection, id), payload) : sendTo<T>('POST', { path: apiRoutes.studio.collection(countryId, collection).path }, payload),
    onSuccess: async (saved) => {
      // An edit's answer is the record now; a new record is read by its own editor, which opens at its address.
      if (id) client.setQueryData(keyOf(apiRoutes.studio.record(countryId, collection, saved.id).path), saved);
      await client.invalidateQueries({
        queryKey: collectionKey(countryId, collection),
        predicate: (query) => query.queryKey[4] !== saved.id || query.queryKey.length > 5,
      });
    },
  });
}

export function useRevisions(countryId: string, collection: Collection, id: string) {
  return useQuery(queryOf(apiRoutes.studio.revisions(countryId, collection, id)));
}

/** A curator's workflow step (submit, withdraw, restore a revision): the record, its revisions and the lists change. */
export function useWorkflowAction(countryId: string, collection: Collection) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body }: { path: string; body?: object }) => sendTo('POST', { path }, body),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: collectionKey(countryId, collection) }),
        client.invalidateQueries({ queryKey: keyOf(apiRoutes.notifications.list().path) }),
      ]),
  });
}

/** The saved exhibition as visitors will see it, in one of the country's languages. */
export function useExhibitionPreview(countryId: string, id: string, lang: string) {
  return useQuery(queryOf(apiRoutes.studio.preview(countryId, id, { lang })));
}

/** People of the same country who may be this person (drafts included), likeliest first. */
export function usePersonDuplicates(countryId: string, id: string) {
  return useQuery(queryOf(apiRoutes.studio.personDuplicates(countryId, id)));
}

/**
 * A moderator merges a duplicate into this person: both records, their
 * revisions, the suggestions and the lists change.
 */
export function useMergePerson(countryId: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: MergePeopleInput) => sendTo('POST', apiRoutes.studio.mergePerson(countryId, id), body),
    onSuccess: () => client.invalidateQueries({ queryKey: collectionKey(countryId, 'people') }),
  });
}
