import type { Condition, FacetValue, PublicMapPoint, SearchHit, SearchResults } from '@vitrina/contracts';
import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useCountries, useSearch } from '../../api/public';
import { pickName } from '../../components/country-name';
import { PageTitle } from '../../components/PageTitle';
import { PlaceMap } from '../../components/content/PlaceMap';
import { SearchBox } from '../../components/search/SearchBox';
import { SearchHit as Hit } from '../../components/search/SearchHit';

const FACETS = ['type', 'country', 'kind', 'decade', 'condition', 'hasMedia'] as const;
type Facet = (typeof FACETS)[number];
/** What the search box keeps when the words change or are cleared: the filters and the order. */
const KEPT_PARAMS: readonly string[] = [...FACETS, 'sort'];

const chosenOf = (params: URLSearchParams, facet: Facet) => (params.get(facet) ?? '').split(',').filter(Boolean);

/**
 * A facet's values as counted, then any chosen value the counts left out (none
 * match it with the other filters or the new words): it stays, at 0, so it can be unticked.
 */
function facetValues(results: SearchResults, facet: Facet, chosen: string[]): FacetValue[] {
  const counted = results.facets[facet];
  const missing = chosen.filter((value) => !counted.some((f) => f.value === value)).map((value) => ({ value, count: 0 }));
  return [...counted, ...missing];
}

/** The places among the hits, one pin per record: the people linked to a memorial share its pin (by its slug). */
function placesOf(hits: SearchHit[]): { points: PublicMapPoint[]; countryOf: Map<string, string> } {
  const points = new Map<string, PublicMapPoint>();
  const countryOf = new Map<string, string>();
  for (const hit of hits) {
    if (!hit.location || !hit.title || hit.type === 'exhibition') continue;
    const type = hit.type === 'item' ? 'item' : 'memorial';
    const slug = hit.type === 'person' ? hit.person?.memorialSlug : hit.slug;
    if (!slug) continue;
    const key = `${type}-${hit.country}-${slug}`;
    const known = points.get(key);
    // A person's row knows its memorial's condition but not its kind: the memorial's own hit wins.
    if (known && hit.type === 'person') continue;
    const kind = hit.kind ?? known?.kind ?? 'other';
    points.set(key, { type, id: hit.id, slug, title: hit.title, location: hit.location, kind, condition: (hit.condition as Condition | null) ?? null });
    countryOf.set(key, hit.country);
  }
  return { points: [...points.values()], countryOf };
}

function facetLabel(t: TFunction, facet: Facet, value: string, countryName: (slug: string) => string): string {
  if (facet === 'type') return t(`search.types.${value}`);
  if (facet === 'kind' && value === 'exhibition') return t('search.types.exhibition');
  if (facet === 'kind') return t(`kinds.${value}`, { defaultValue: t(`memorialKinds.${value}`, { defaultValue: value }) });
  if (facet === 'condition') return t(`conditions.${value}`);
  if (facet === 'hasMedia') return t(value === 'true' ? 'search.withMedia' : 'search.withoutMedia');
  if (facet === 'decade') return t('search.decade', { decade: value });
  return countryName(value);
}

/**
 * Results with facets, sorting, more on request, and the memorials among them on a map.
 * Without words it browses: what the filters let through (everything when there are none), newest first.
 */
export default function SearchPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [view, setView] = useState<'list' | 'map'>('list');
  const countries = useCountries();
  const countryName = (slug: string) => {
    const country = countries.data?.items.find((c) => c.slug === slug);
    return country ? pickName(country.names, i18n.language) : slug;
  };
  const q = (params.get('q') ?? '').trim();
  const browsing = q === '';
  const query = new URLSearchParams(params);
  if (browsing) query.delete('q');
  query.set('lang', i18n.language);
  const search = useSearch(query);
  const kept = new URLSearchParams([...params].filter(([key]) => KEPT_PARAMS.includes(key)));
  // The first page holds the facets and totals; "more" adds hits only. A failed first page shows no results.
  const results = search.isError && !search.isFetchNextPageError ? undefined : search.data?.pages[0];
  const next = search.hasNextPage;
  const failed = search.isFetchNextPageError ? 'more' : search.isError ? 'search' : null;

  const toggle = (facet: Facet, value: string) => {
    const chosen = new Set(chosenOf(params, facet));
    // With or without media is one choice: ticking one unticks the other (the API takes one value).
    if (!chosen.has(value) && facet === 'hasMedia') chosen.clear();
    if (chosen.has(value)) chosen.delete(value);
    else chosen.add(value);
    const nextParams = new URLSearchParams(params);
    if (chosen.size) nextParams.set(facet, [...chosen].join(','));
    else nextParams.delete(facet);
    setParams(nextParams);
  };
  const loadMore = () => {
    if (!search.isFetching) void search.fetchNextPage();
  };
  // Kept from render to render while the results stay: the map is drawn again only when its places change.
  const pages = results ? search.data?.pages : undefined;
  const hits = useMemo(() => pages?.flatMap((page) => page.items) ?? [], [pages]);
  const { points, countryOf } = useMemo(() => placesOf(hits), [hits]);
  const countryOfPoint = useCallback((point: PublicMapPoint) => countryOf.get(`${point.type}-${point.id}`) ?? '', [countryOf]);
  const countLabel = (facet: Facet, count: number) => (results?.estimatedFacets.includes(facet) ? t('search.countAbout', { count }) : String(count));
  const heading = browsing ? t('search.browse') : t('search.resultsFor', { q });
  return (
    <section className="page wide search-page">
      <PageTitle title={heading} />
      <h1>{heading}</h1>
      <SearchBox initial={q} landmark={t('search.again')} keep={kept} />
      {failed === 'search' && (
        <div role="alert" className="error">
          <p>{t('search.failed')}</p>
          <button type="button" className="secondary" onClick={() => void search.refetch()}>
            {t('search.retry')}
          </button>
        </div>
      )}
      {results && (
        <div className="search-layout">
          <aside aria-label={t('search.facets')}>
            <label>
              <span>{t('search.sort')}</span>
              <select value={params.get('sort') ?? 'relevance'} onChange={(e) => setParams(new URLSearchParams({ ...Object.fromEntries(params), sort: e.target.value }))}>
                <option value="relevance">{t(browsing ? 'search.newestFirst' : 'search.byRelevance')}</option>
                <option value="date">{t('search.byDate')}</option>
              </select>
            </label>
            {FACETS.map((facet) => {
              const chosen = chosenOf(params, facet);
              const values = facetValues(results, facet, chosen);
              return values.length === 0 ? null : (
                <fieldset key={facet} className="facet">
                  <legend>{t(`search.facet.${facet}`)}</legend>
                  {values.map((value) => (
                    <label key={value.value} className="checkbox">
                      <input type="checkbox" checked={chosen.includes(value.value)} onChange={() => toggle(facet, value.value)} />
                      <span>
                        {facetLabel(t, facet, value.value, countryName)} <span className="muted">({countLabel(facet, value.count)})</span>
                      </span>
                    </label>
                  ))}
                </fieldset>
              );
            })}
          </aside>
          <div>
            <p role="status">{t(results.estimated ? 'search.totalAbout' : 'search.total', { count: results.total })}</p>
            {/* Browsing has no relevance to approximate: newest first is exact, however many records there are. */}
            {results.approximate && !browsing && <p className="muted small">{t('search.approximate')}</p>}
            <div className="tabs" role="group" aria-label={t('search.view')}>
              <button type="button" aria-pressed={view === 'list'} className="secondary" onClick={() => setView('list')}>
                {t('search.list')}
              </button>
              <button type="button" aria-pressed={view === 'map'} className="secondary" onClick={() => setView('map')} disabled={points.length === 0}>
                {t('search.map')}
              </button>
            </div>
            {view === 'map' && points.length > 0 ? (
              <PlaceMap points={points} country="" label={browsing ? t('search.mapLabelBrowse') : t('search.mapLabel', { q })} countryOf={countryOfPoint} />
            ) : (
              <ol className="search-hits">
                {hits.map((hit, index) => (
                  <Hit key={`${hit.type}-${hit.id}-${index}`} hit={hit} />
                ))}
              </ol>
            )}
            {failed === 'more' && (
              <p role="alert" className="error">
                {t('search.moreFailed')}
              </p>
            )}
            {next && (
              <button type="button" className="secondary" onClick={loadMore}>
                {t('search.more')}
              </button>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
