/**
 * Where the visitor pages read their data. The pages and the start-up prefetch
 * (main.tsx) both name their URLs through here, so the prefetched answer is
 * found under the very URL the page asks for.
 */
export const publicData = {
  countries: () => '/api/public/countries',
  countryHome: (country: string) => `/api/public/countries/${encodeURIComponent(country)}/home`,
  exhibition: (country: string, slug: string) => `/api/public/countries/${encodeURIComponent(country)}/exhibitions/${encodeURIComponent(slug)}`,
  item: (country: string, slug: string) => `/api/public/countries/${encodeURIComponent(country)}/items/${encodeURIComponent(slug)}`,
  memorial: (country: string, slug: string) => `/api/public/countries/${encodeURIComponent(country)}/memorials/${encodeURIComponent(slug)}`,
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
