import { useTranslation } from 'react-i18next';
import { PageTitle } from '../components/PageTitle';

export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <section className="page">
      <PageTitle title={t('errors.notFound')} />
      <h1>{t('errors.notFound')}</h1>
      <p>{t('errors.notFoundText')}</p>
    </section>
  );
}
