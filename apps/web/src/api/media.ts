import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CAPTIONS_CONTENT_TYPE, type MediaAsset, type RecordMediaTexts, type UpdateMediaInput, apiRoutes } from '@vitrina/contracts';
import { apiText } from './client';
import { queryOf, sendTo } from './endpoints';
import { keyOf } from './query-client';
import { uploadFile } from './upload';

/** How often a file being processed is asked for again, until its derivatives are made (or have failed). */
const PROCESSING_POLL = 1_000;

/** The key of a country's list of files. */
const mediaListKey = (countryId: string) => keyOf(apiRoutes.studio.media(countryId).path);

/** The country's files. */
export function useStudioMedia(countryId: string) {
  return useQuery(queryOf(apiRoutes.studio.media(countryId)));
}

/** One file, asked for again while it is processing; polling stops once it is ready or failed, or a read failed. */
export function useAsset(countryId: string, assetId: string) {
  return useQuery({
    ...queryOf(apiRoutes.studio.asset(countryId, assetId)),
    refetchInterval: (query) => (query.state.status !== 'error' && query.state.data?.status === 'processing' ? PROCESSING_POLL : false),
  });
}

/** A file the server answered with after a change: its own entry takes the answer, the list of files is read again. */
function useAssetChanged(countryId: string) {
  const client = useQueryClient();
  return (asset: MediaAsset) => {
    client.setQueryData(keyOf(apiRoutes.studio.asset(countryId, asset.id).path), asset);
    return client.invalidateQueries({ queryKey: mediaListKey(countryId), exact: true });
  };
}

/** Saves a file's texts (alt, caption, credit, rights; transcript for sound and video). */
export function useSaveAssetTexts(countryId: string, assetId: string) {
  const changed = useAssetChanged(countryId);
  return useMutation({
    mutationFn: (texts: UpdateMediaInput) => sendTo('PATCH', apiRoutes.studio.asset(countryId, assetId), texts),
    onSuccess: changed,
  });
}

/**
 * Files whose texts a record's save carried (`mediaTexts`): their entries take
 * the saved texts at once (no flash of the old ones), then are read again.
 */
export function useMediaTextsSaved(countryId: string) {
  const client = useQueryClient();
  return (texts: RecordMediaTexts) => {
    for (const [assetId, saved] of Object.entries(texts)) {
      const key = keyOf(apiRoutes.studio.asset(countryId, assetId).path);
      client.setQueryData<MediaAsset>(key, (asset) => asset && ({ ...asset, ...saved } as MediaAsset));
      void client.invalidateQueries({ queryKey: key, exact: true });
    }
    if (Object.keys(texts).length > 0) void client.invalidateQueries({ queryKey: mediaListKey(countryId), exact: true });
  };
}

/** Puts (a WebVTT text) or removes (null) a file's captions in one language. */
export function useSetCaptions(countryId: string, assetId: string) {
  const changed = useAssetChanged(countryId);
  return useMutation({
    mutationFn: ({ lang, vtt }: { lang: string; vtt: string | null }) => {
      const endpoint = apiRoutes.studio.captions(countryId, assetId, lang);
      return vtt === null ? sendTo('DELETE', endpoint) : apiText<MediaAsset>('PUT', endpoint.path, CAPTIONS_CONTENT_TYPE, vtt);
    },
    onSuccess: changed,
  });
}

export interface UploadInput {
  file: File;
  onProgress: (fraction: number) => void;
  /** Aborted when the curator cancels this upload. */
  signal: AbortSignal;
}

/** Uploads files, several at a time (each call of `mutateAsync` is one file); each new file joins the country's list. */
export function useUploadMedia(countryId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, onProgress, signal }: UploadInput) => uploadFile(countryId, file, onProgress, signal),
    // Not awaited: the file is attached to the record at once, the list catches up.
    onSuccess: () => void client.invalidateQueries({ queryKey: mediaListKey(countryId), exact: true }),
  });
}
