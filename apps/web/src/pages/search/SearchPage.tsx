import type { CountryList, PublicMapPoint, SearchHit, SearchResults } from '@vitrina/contracts';
import { SNIPPET_MARK_END, SNIPPET_MARK_START } from '@vitrina/contracts';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useApi } from '../../api/use-api';
import { pickName } from '../../components/country-name';
import { api } from '../../api/client';
import { PageTitle } from '../../components/PageTitle';
import { PlaceMap } from '../../components/content/PlaceMap';
import { Text } from '../../components/content/Text';
import { SearchBox } from '../../components/search/SearchBox';

const FACETS = ['type', 'country', 'kind', 'decade', 'condition', 'hasMedia'] as const;
type Facet = (typeof FACETS)[number];
const SEGMENT: Record<SearchHit['type'], string> = { item: 'items', memorial: 'memorials', exhibition: 'exhibitions', person: 'memorials' };

/** The snippet with its matching words marked, built as elements: no HTML from the server is ever injected. */
function Snippet({ text }: { text: string }) {
  const parts = text.split(SNIPPET_MARK_START);
  return (
    <p className="snippet">
      {parts[0]}
      {parts.slice(1).map((part, index) => {
        const [marked, rest = ''] = part.split(SNIPPET_MARK_END);
        return (
          <span key={index}>
            <mark>{marked}</mark>
            {rest}
          </span>
        );
      })}
    </p>
  );
}

function Hit({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation();
  const href = `/${hit.country}/${SEGMENT[hit.type]}/${hit.slug}`;
  return (
    <li className="search-hit">
      <p className="eyebrow">{t(`search.types.${hit.type}`)}{hit.year ? ` · ${hit.year}` : ''}</p>
      <h2>
        <Link to={href}>{hit.person ? hit.person.name : hit.title ? <Text value={hit.title} /> : hit.slug}</Link>
      </h2>
      {hit.person && (
        <p className="muted">
          {t('search.namedOn')} <Text value={hit.title} />
          {hit.person.variants.length > 0 && <> · {hit.person.variants.join(', ')}</>}
        </p>
      )}
      {hit.snippet && <Snippet text={hit.snippet} />}
    </li>
  );
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

/** Results with facets, sorting, more on request, and the memorials among them on a map. */
export default function SearchPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [results, setResults] = useState<SearchResults>();
  const [more, setMore] = useState<SearchHit[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [view, setView] = useState<'list' | 'map'>('list');
  const countries = useApi<CountryList>('/api/public/countries');
  const countryName = (slug: string) => {
    const country = countries.data?.items.find((c) => c.slug === slug);
    return country ? pickName(country.names, i18n.language) : slug;
  };
  const q = params.get('q') ?? '';
  const query = new URLSearchParams(params);
  query.set('lang', i18n.language);
  const path = `/api/public/search?${query.toString()}`;

  useEffect(() => {
    if (!q) return;
    let current = true;
    api<SearchResults>('GET', path)
      .then((found) => current && (setResults(found), setMore([]), setNext(found.next)))
      .catch(() => current && setResults(undefined));
    return () => {
      current = false;
    };
  }, [path, q]);

  const toggle = (facet: Facet, value: string) => {
    const chosen = new Set((params.get(facet) ?? '').split(',').filter(Boolean));
    if (chosen.has(value)) chosen.delete(value);
    else chosen.add(value);
    const nextParams = new URLSearchParams(params);
    if (chosen.size) nextParams.set(facet, [...chosen].join(','));
    else nextParams.delete(facet);
    setParams(nextParams);
  };
  const loadMore = async () => {
    if (!next) return;
    const page = await api<SearchResults>('GET', `${path}&cursor=${encodeURIComponent(next)}`);
    setMore((list) => [...list, ...page.items]);
    setNext(page.next);
  };
  const hits = [...(results?.items ?? []), ...more];
  const points: PublicMapPoint[] = hits.flatMap((hit) =>
    hit.location && hit.title ? [{ type: 'memorial' as const, id: `${hit.id}-${hit.person?.name ?? ''}`, slug: hit.slug, title: hit.title, location: hit.location, kind: hit.kind ?? 'other', condition: null }] : [],
  );
  const countryOf = new Map(hits.map((hit) => [hit.slug, hit.country]));
  return (
    <section className="page wide search-page">
      <PageTitle title={q ? t('search.titleFor', { q }) : t('search.title')} />
      <h1>{t('search.title')}</h1>
      <SearchBox initial={q} landmark={t('search.again')} />
      {results && (
        <div className="search-layout">
          <aside aria-label={t('search.facets')}>
            <label>
              <span>{t('search.sort')}</span>
              <select value={params.get('sort') ?? 'relevance'} onChange={(e) => setParams(new URLSearchParams({ ...Object.fromEntries(params), sort: e.target.value }))}>
                <option value="relevance">{t('search.byRelevance')}</option>
                <option value="date">{t('search.byDate')}</option>
              </select>
            </label>
            {FACETS.map((facet) =>
              results.facets[facet].length === 0 ? null : (
                <fieldset key={facet} className="facet">
                  <legend>{t(`search.facet.${facet}`)}</legend>
                  {results.facets[facet].map((value) => (
                    <label key={value.value} className="checkbox">
                      <input type="checkbox" checked={(params.get(facet) ?? '').split(',').includes(value.value)} onChange={() => toggle(facet, value.value)} />
                      <span>
                        {facetLabel(t, facet, value.value, countryName)} <span className="muted">({value.count})</span>
                      </span>
                    </label>
                  ))}
                </fieldset>
              ),
            )}
          </aside>
          <div>
            <p role="status">{t(results.estimated ? 'search.totalAbout' : 'search.total', { count: results.total })}</p>
            <div className="tabs" role="group" aria-label={t('search.view')}>
              <button type="button" aria-pressed={view === 'list'} className="secondary" onClick={() => setView('list')}>
                {t('search.list')}
              </button>
              <button type="button" aria-pressed={view === 'map'} className="secondary" onClick={() => setView('map')} disabled={points.length === 0}>
                {t('search.map')}
              </button>
            </div>
            {view === 'map' && points.length > 0 ? (
              <PlaceMap points={points} country="" label={t('search.mapLabel', { q })} countryOf={(point) => countryOf.get(point.slug) ?? ''} />
            ) : (
              <ol className="search-hits">
                {hits.map((hit, index) => (
                  <Hit key={`${hit.type}-${hit.id}-${index}`} hit={hit} />
                ))}
              </ol>
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
