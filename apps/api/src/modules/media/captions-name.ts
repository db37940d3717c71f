/**
 * Where one version of a language's captions is stored, relative to the
 * asset's folder, which is also the end of its URL under `/api/media/{asset}/`:
 * content-addressed, so a new file never replaces one a live revision shows.
 * Version '' is a file stored before captions had versions.
 */
export function captionsName(lang: string, version: string): string {
  return `captions/${lang}${version ? `-${version}` : ''}.vtt`;
}
