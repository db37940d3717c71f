import { apiRoutes } from '@vitrina/contracts';

/**
 * Where the visitor pages read their data. The pages (through their hooks in
 * `public.ts`) and the start-up prefetch (main.tsx) both name their URLs
 * through here, so the prefetched answer is found under the very key the page
 * asks for.
 */
export const publicData = {
  countries: () => apiRoutes.public.countries().path,
  countryHome: (country: string) => apiRoutes.public.countryHome(country).path,
  exhibition: (country: string, slug: string) => apiRoutes.public.record('exhibitions', country, slug).path,
  item: (country: string, slug: string) => apiRoutes.public.record('items', country, slug).path,
  memorial: (country: string, slug: string) => apiRoutes.public.record('memorials', country, slug).path,
};

/** Public reads ask for the UI language; the API falls back along the chain and says so. */
export function inLanguage(path: string, language: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}lang=${encodeURIComponent(language)}`;
}

/** First path segments that are pages of their own, not a country. */
const NOT_A_COUNTRY = new Set(['login', 'admin', 'studio', 'review', 'notifications', 'search']);

const RECORD_PAGES: Record<string, (country: string, slug: string) => string> = {
  exhibitions: publicData.exhibition,
  items: publicData.item,
  memorials: publicData.memorial,
};

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
  const record = segments.length === 3 ? RECORD_PAGES[collection] : undefined;
  return record ? inLanguage(record(country, slug), language) : null;
}
