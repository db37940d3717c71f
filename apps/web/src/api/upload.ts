import { type ApiError, CSRF_COOKIE, CSRF_HEADER, FILE_NAME_HEADER, type MediaAsset, apiRoutes } from '@vitrina/contracts';
import { ApiRequestError, readCookie } from './client';

/**
 * Sends one file as the raw request body, reporting progress; XHR because
 * fetch cannot report upload progress. Aborting `signal` cancels the upload:
 * the promise then rejects with an AbortError.
 */
export function uploadFile(countryId: string, file: File, onProgress: (fraction: number) => void, signal: AbortSignal): Promise<MediaAsset> {
  const xhr = new XMLHttpRequest();
  return new Promise<MediaAsset>((resolve, reject) => {
    xhr.open('POST', apiRoutes.studio.media(countryId).path);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader(CSRF_HEADER, readCookie(CSRF_COOKIE) ?? '');
    xhr.setRequestHeader(FILE_NAME_HEADER, encodeURIComponent(file.name));
    xhr.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as MediaAsset);
      else reject(new ApiRequestError(xhr.status, body as ApiError | undefined));
    };
    // No answer at all (offline, or the connection dropped mid-file): status 0, described like any other failure.
    xhr.onerror = () => reject(new ApiRequestError(0, undefined));
    xhr.onabort = () => reject(new DOMException('cancelled', 'AbortError'));
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}
