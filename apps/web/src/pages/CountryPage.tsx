import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCountryHome } from '../api/public';
import { recordPage } from '../api/public-paths';
import { ItemCard } from '../components/content/ItemCard';
import { Meta } from '../components/content/Meta';
import { PlaceMap } from '../components/content/PlaceMap';
import { RichText, Text } from '../components/content/Text';
import { ErrorView } from '../components/ErrorView';
import { ResponsiveImage } from '../components/media/ResponsiveImage';

/** The search page browsing one type of record of a country: every one of them, with the facets to narrow it. */
const browseAll = (country: string, type: 'memorial' | 'item') => `/search?${new URLSearchParams({ country, type })}`;

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
        {data.memorials.length === 0 ? (
          <p className="muted">{t('country.noMemorials')}</p>
        ) : (
          <>
            <PlaceMap points={data.memorials} country={country.slug} label={t('country.memorialMap', { name: country.name.text })} />
            <p>
              <Link to={browseAll(country.slug, 'memorial')}>{t('country.browseMemorials', { name: country.name.text })}</Link>
            </p>
          </>
        )}
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
