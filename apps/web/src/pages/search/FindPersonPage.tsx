import { PERSON_FACETS, type PersonFacet } from '@vitrina/contracts';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiRequestError } from '../../api/client';
import { useCountries, usePersonSearch } from '../../api/public';
import { pickName } from '../../components/country-name';
import { PageTitle } from '../../components/PageTitle';
import { PersonResult } from '../../components/search/PersonResult';

/** The form's fields, as the address names them (so a search can be shared and comes back on "back"). */
const FIELDS = ['q', 'yearFrom', 'yearTo', 'place', 'unit'] as const;
/** Facets picked by ticking; the unit is typed in the form (its facet fills it in). */
const TICKED: PersonFacet[] = ['country', 'fate', 'rank', 'decade'];

function facetLabel(t: TFunction, facet: PersonFacet, value: string, countryName: (slug: string) => string): string {
  if (facet === 'fate') return t(`person.fates.${value}`);
  if (facet === 'decade') return t('findPerson.decade', { decade: value });
  if (facet === 'country') return countryName(value);
  return value;
}

/**
 * Find a person (issue 14): a family's question is "where is my
 * grandfather?", not "which memorial?", so the page is one for all museums,
 * at `/find-a-person`, beside the general search. The name is found in any
 * spelling; years, place and unit narrow; each hit names the memorial (its
 * row) and the burial place.
 */
export default function FindPersonPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const countries = useCountries();
  const countryName = (slug: string) => {
    const country = countries.data?.items.find((c) => c.slug === slug);
    return country ? pickName(country.names, i18n.language) : slug;
  };
  const q = (params.get('q') ?? '').trim();
  const query = new URLSearchParams(params);
  query.set('lang', i18n.language);
  const search = usePersonSearch(query, q !== '');
  const results = search.isError && !search.isFetchNextPageError ? undefined : search.data?.pages[0];
  const pages = results ? search.data?.pages : undefined;
  const hits = useMemo(() => pages?.flatMap((page) => page.items) ?? [], [pages]);
  const badInput = search.error instanceof ApiRequestError && search.error.status === 400;
  // The form shows the address's search: drawn again when the address changes from outside it ("back", a unit
  // picked among the facets), but not after its own submit, so the button keeps the focus.
  const [formKey, setFormKey] = useState(0);
  const ownAddress = useRef<string | null>(params.toString());
  useEffect(() => {
    if (ownAddress.current !== params.toString()) setFormKey((key) => key + 1);
    ownAddress.current = null;
  }, [params]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const field of FIELDS) {
      const value = String(form.get(field) ?? '').trim();
      if (value) next.set(field, value);
    }
    ownAddress.current = next.toString();
    setParams(next);
  };
  const toggle = (facet: PersonFacet, value: string) => {
    const chosen = new Set((params.get(facet) ?? '').split(',').filter(Boolean));
    if (chosen.has(value)) chosen.delete(value);
    else chosen.add(value);
    const next = new URLSearchParams(params);
    if (chosen.size) next.set(facet, [...chosen].join(','));
    else next.delete(facet);
    setParams(next);
  };
  const setUnit = (value: string) => {
    const next = new URLSearchParams(params);
    next.set('unit', value);
    setParams(next);
  };

  return (
    <section className="page wide find-person-page">
      <PageTitle title={q ? t('findPerson.titleFor', { q }) : t('findPerson.title')} />
      <h1>{t('findPerson.title')}</h1>
      <p>{t('findPerson.intro')}</p>
      <form key={formKey} role="search" aria-label={t('findPerson.form')} className="find-person-form" onSubmit={submit}>
        <label className="find-person-name">
          <span>{t('findPerson.name')}</span>
          <input name="q" type="search" required maxLength={200} defaultValue={params.get('q') ?? ''} aria-describedby="find-person-name-hint" autoComplete="off" />
          <span id="find-person-name-hint" className="muted small">
            {t('findPerson.nameHint')}
          </span>
        </label>
        <label>
          <span>{t('findPerson.yearFrom')}</span>
          <input name="yearFrom" inputMode="numeric" pattern="[0-9]{4}" maxLength={4} defaultValue={params.get('yearFrom') ?? ''} />
        </label>
        <label>
          <span>{t('findPerson.yearTo')}</span>
          <input name="yearTo" inputMode="numeric" pattern="[0-9]{4}" maxLength={4} defaultValue={params.get('yearTo') ?? ''} />
        </label>
        <label>
          <span>{t('findPerson.place')}</span>
          <input name="place" maxLength={200} defaultValue={params.get('place') ?? ''} />
        </label>
        <label>
          <span>{t('findPerson.unit')}</span>
          <input name="unit" maxLength={300} defaultValue={params.get('unit') ?? ''} />
        </label>
        <button type="submit">{t('findPerson.submit')}</button>
      </form>
      {search.isError && !search.isFetchNextPageError && (
        <div role="alert" className="error">
          <p>{badInput ? t('findPerson.badInput') : t('findPerson.failed')}</p>
          {!badInput && (
            <button type="button" className="secondary" onClick={() => void search.refetch()}>
              {t('findPerson.retry')}
            </button>
          )}
        </div>
      )}
      {results && (
        <div className="search-layout">
          <aside aria-label={t('findPerson.facets')}>
            {PERSON_FACETS.map((facet) =>
              results.facets[facet].length === 0 ? null : (
                <fieldset key={facet} className="facet">
                  <legend>{t(`findPerson.facet.${facet}`)}</legend>
                  {TICKED.includes(facet)
                    ? results.facets[facet].map((value) => (
                        <label key={value.value} className="checkbox">
                          <input type="checkbox" checked={(params.get(facet) ?? '').split(',').includes(value.value)} onChange={() => toggle(facet, value.value)} />
                          <span>
                            {facetLabel(t, facet, value.value, countryName)} <span className="muted">({value.count})</span>
                          </span>
                        </label>
                      ))
                    : results.facets[facet].map((value) => (
                        <button key={value.value} type="button" className="link-button facet-value" aria-pressed={params.get('unit') === value.value} onClick={() => setUnit(value.value)}>
                          {value.value} <span className="muted">({value.count})</span>
                        </button>
                      ))}
                </fieldset>
              ),
            )}
          </aside>
          <div>
            <p role="status">{results.total === 0 ? t('findPerson.none') : t('findPerson.total', { count: results.total })}</p>
            {results.capped && <p className="muted small">{t('findPerson.capped')}</p>}
            <ol className="search-hits person-results">
              {hits.map((hit) => (
                <PersonResult key={hit.id} hit={hit} />
              ))}
            </ol>
            {search.isFetchNextPageError && (
              <p role="alert" className="error">
                {t('findPerson.moreFailed')}
              </p>
            )}
            {search.hasNextPage && (
              <button type="button" className="secondary" onClick={() => !search.isFetching && void search.fetchNextPage()}>
                {t('findPerson.more')}
              </button>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
