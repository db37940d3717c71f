import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCountries } from '../api/public';
import { failureKind } from '../components/ErrorView';
import { PageTitle } from '../components/PageTitle';
import { pickName } from '../components/country-name';

export default function HomePage() {
  const { t, i18n } = useTranslation();
  const { data, error, isPending: loading, refetch } = useCountries();
  return (
    <section className="page">
      <PageTitle title={t('home.title')} />
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.intro')}</p>
      {loading && <p role="status">{t('home.loading')}</p>}
      {error && (
        <>
          <p role="alert">{t(`errors.page.${failureKind(error)}.text`)}</p>
          <button type="button" className="secondary" onClick={() => void refetch()}>
            {t('errors.page.retry')}
          </button>
        </>
      )}
      {data && data.items.length === 0 && <p>{t('home.empty')}</p>}
      <ul className="card-grid">
        {data?.items.map((country) => (
          <li key={country.id} className="card">
            <h2>
              <Link to={`/${country.slug}`}>{pickName(country.names, i18n.language)}</Link>
            </h2>
            <p className="muted">{t('home.languages', { list: country.languages.join(', ') })}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
