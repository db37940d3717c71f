import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Collection, type RouteQuery, apiRoutes } from '@vitrina/contracts';
import { queryOf, sendTo } from './endpoints';
import { keyOf } from './query-client';
import { collectionKey } from './studio';

export type Decision = 'approve' | 'request-changes' | 'reject' | 'unpublish' | 'archive';
export type FileDecision = 'withdraw' | 'restore';

/** What awaits review in one country, oldest submission first. */
export function useReviewQueue(countryId: string, lang: string) {
  return useQuery(queryOf(apiRoutes.review.queue(countryId, { lang })));
}

/** One submission with its changes, blockers and history. */
export function useReviewDetail(countryId: string, collection: Collection, id: string, lang: string) {
  return useQuery({ ...queryOf(apiRoutes.review.record(countryId, collection, id, { lang })), staleTime: 0 });
}

/** The latest revision as visitors will see it once approved, in one of the country's languages. */
export function useReviewPreview<K extends Collection>(countryId: string, collection: K, id: string, lang: string) {
  return useQuery({ ...queryOf(apiRoutes.review.preview(countryId, collection, id, { lang })), staleTime: 0 });
}

/** A moderator's decision: the queue, the submission, the studio's copy and the notifications all change. */
export function useDecide(countryId: string, collection: Collection, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ decision, body }: { decision: Decision; body: object }) => sendTo('POST', apiRoutes.review.decide(countryId, collection, id, decision), body),
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: keyOf(apiRoutes.review.queue(countryId).path) }),
        client.invalidateQueries({ queryKey: keyOf(apiRoutes.review.record(countryId, collection, id).path) }),
        client.invalidateQueries({ queryKey: collectionKey(countryId, collection) }),
        client.invalidateQueries({ queryKey: keyOf(apiRoutes.notifications.list().path) }),
      ]),
  });
}

/** Withdrawing a file from visitors (or restoring it): the country's file list is read again. */
export function useFileDecision(countryId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ assetId, decision, body }: { assetId: string; decision: FileDecision; body: object }) =>
      sendTo('POST', apiRoutes.review.mediaDecision(countryId, assetId, decision), body),
    onSettled: () => client.invalidateQueries({ queryKey: keyOf(apiRoutes.studio.media(countryId).path) }),
  });
}

/** One page of the audit log for a selection. */
export function useAudit(query: RouteQuery) {
  // The page shown stays until the next one arrives, so the pager keeps its place.
  return useQuery({ ...queryOf(apiRoutes.audit.page(query)), placeholderData: keepPreviousData });
}
