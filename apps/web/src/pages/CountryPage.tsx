import type { Country } from '@vitrina/contracts';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/use-api';
import { PageTitle } from '../components/PageTitle';
import { pickName } from '../components/country-name';
import NotFoundPage from './NotFoundPage';

export default function CountryPage() {
  const { t, i18n } = useTranslation();
  const { countrySlug } = useParams();
  const { data, error } = useApi<Country>(`/api/public/countries/${encodeURIComponent(countrySlug ?? '')}`);
  if (error) return <NotFoundPage />;
  if (!data) return <p role="status">{t('home.loading')}</p>;
  const name = pickName(data.names, i18n.language);
  return (
    <section className="page">
      <PageTitle title={name} />
      <p>
        <Link to="/">← {t('country.back')}</Link>
      </p>
      <h1>{t('country.title', { name })}</h1>
      <p className="muted">{t('country.languages', { list: data.languages.join(', ') })}</p>
      <p>{t('country.comingSoon')}</p>
    </section>
  );
}
