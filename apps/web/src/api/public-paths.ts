import { RECORD_COLLECTIONS, type RecordType, apiRoutes } from '@vitrina/contracts';

/** The address of a record's visitor page. */
export function recordPage(type: RecordType, country: string, slug: string): string {
  return `/${country}/${RECORD_COLLECTIONS[type]}/${slug}`;
}

/**
 * Where the visitor pages read their data. The pages (through their hooks in
 * `public.ts`) and the start-up prefetch (main.tsx) both name their URLs
 * through here, so the prefetched answer is found under the very key the page
 * asks for.
 */
export const publicData = {
  countries: () => apiRoutes.public.countries().path,
  countryHome: (country: string) => apiRoutes.public.countryHome(country).path,
  memorialPoints: (country: string) => apiRoutes.public.memorialPoints(country).path,
  record: (type: RecordType, country: string, slug: string) => apiRoutes.public.record(RECORD_COLLECTIONS[type], country, slug).path,
};

/** Public reads ask for the UI language; the API falls back along the chain and says so. */
export function inLanguage(path: string, language: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}lang=${encodeURIComponent(language)}`;
}

/** First path segments that are pages of their own, not a country. */
const NOT_A_COUNTRY = new Set(['login', 'admin', 'studio', 'review', 'notifications', 'search', 'find-a-person']);

/** The record type whose pages live under a segment (`items` → item). */
function typeOfSegment(segment: string): RecordType | undefined {
  return (Object.keys(RECORD_COLLECTIONS) as RecordType[]).find((type) => RECORD_COLLECTIONS[type] === segment);
}

/** The data the visitor page at `pathname` reads first, as that page will ask for it; null for other pages. */
export function dataOfPage(pathname: string, language: string): string | null {
  let segments: string[];
  try {
    segments = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return null;
  }
  const [country, collection, slug] = segments;
  if (segments.length === 0) return publicData.countries();
  if (NOT_A_COUNTRY.has(country)) return null;
  if (segments.length === 1) return inLanguage(publicData.countryHome(country), language);
  const type = segments.length === 3 ? typeOfSegment(collection) : undefined;
  return type ? inLanguage(publicData.record(type, country, slug), language) : null;
}
