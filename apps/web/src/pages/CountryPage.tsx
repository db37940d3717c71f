import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCountryHome, useMemorialPoints } from '../api/public';
import { recordPage } from '../api/public-paths';
import { ItemCard } from '../components/content/ItemCard';
import { Meta } from '../components/content/Meta';
import { PlaceMap } from '../components/content/PlaceMap';
import { RichText, Text } from '../components/content/Text';
import { ErrorView } from '../components/ErrorView';
import { ResponsiveImage } from '../components/media/ResponsiveImage';

/** The search page browsing one type of record of a country: every one of them, with the facets to narrow it. */
const browseAll = (country: string, type: 'memorial' | 'item') => `/search?${new URLSearchParams({ country, type })}`;

/**
 * The country's memorials on a map, with the link to browse them all. Its
 * points come apart from the page (a country has thousands of memorials): the
 * page shows at once, and this says so while they load.
 */
function MemorialMap({ country, name }: { country: string; name: string }) {
  const { t } = useTranslation();
  const { data, error, isFetching, refetch } = useMemorialPoints(country);
  // Points already shown stay when a later refresh fails; a retry under way shows as loading.
  if (error && !data && !isFetching) {
    return (
      <div role="alert" className="map-pending">
        <p className="error">{t('country.memorialsFailed')}</p>
        <button type="button" className="secondary" onClick={() => void refetch()}>
          {t('errors.page.retry')}
        </button>
      </div>
    );
  }
  if (!data) {
    return (
      <div className="map-pending">
        <p role="status">{t('country.memorialsLoading')}</p>
      </div>
    );
  }
  if (data.items.length === 0) return <p className="muted">{t('country.noMemorials')}</p>;
  return (
    <>
      <PlaceMap points={data.items} country={country} label={t('country.memorialMap', { name })} />
      <p>
        <Link to={browseAll(country, 'memorial')}>{t('country.browseMemorials', { name })}</Link>
      </p>
    </>
  );
}

export default function CountryPage() {
  const { t } = useTranslation();
  const { countrySlug = '' } = useParams();
  const { data, error, refetch } = useCountryHome(countrySlug);
  if (error) return <ErrorView error={error} onRetry={() => void refetch()} />;
  if (!data) return <p role="status">{t('home.loading')}</p>;
  const { country } = data;
  return (
    <article className="page">
      <Meta title={country.name.text} description={country.intro?.text} />
      <p>
        <Link to="/">← {t('country.back')}</Link>
      </p>
      <h1>
        <Text value={country.name} />
      </h1>
      {country.intro ? <RichText value={country.intro} /> : <p>{t('country.comingSoon')}</p>}
      <p className="muted">{t('country.languages', { list: country.languages.join(', ') })}</p>

      <section aria-labelledby="exhibitions-heading">
        <h2 id="exhibitions-heading">{t('country.exhibitions')}</h2>
        {data.exhibitions.length === 0 && <p className="muted">{t('country.noExhibitions')}</p>}
        <ul className="card-grid">
          {data.exhibitions.map((exhibition) => (
            <li key={exhibition.id} className="card exhibition-card">
              {exhibition.coverImage && (
                <div className="item-card-visual">
                  <ResponsiveImage media={exhibition.coverImage} sizes="(min-width: 60rem) 20rem, 90vw" />
                </div>
              )}
              <h3>
                <Link to={recordPage('exhibition', country.slug, exhibition.slug)}>
                  <Text value={exhibition.title} />
                </Link>
              </h3>
              <Text value={exhibition.summary} as="p" />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="memorials-heading">
        <h2 id="memorials-heading">{t('country.memorials')}</h2>
        <MemorialMap country={country.slug} name={country.name.text} />
      </section>

      <section aria-labelledby="items-heading">
        <h2 id="items-heading">{t('country.recentItems')}</h2>
        <ul className="card-grid plain">
          {data.recentItems.map((item) => (
            <li key={item.id}>
              <ItemCard item={item} country={country.slug} />
            </li>
          ))}
        </ul>
        {data.recentItems.length > 0 && (
          <p>
            <Link to={browseAll(country.slug, 'item')}>{t('country.browseItems')}</Link>
          </p>
        )}
      </section>
    </article>
  );
}
