import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useExhibition } from '../../api/public';
import { ExhibitionView } from '../../components/content/ExhibitionView';
import { ErrorView } from '../../components/ErrorView';

export default function ExhibitionPage() {
  const { t } = useTranslation();
  const { countrySlug = '', slug = '' } = useParams();
  const { data, error, refetch } = useExhibition(countrySlug, slug);
  if (error) return <ErrorView error={error} onRetry={() => void refetch()} />;
  if (!data) return <p role="status">{t('home.loading')}</p>;
  return <ExhibitionView exhibition={data} />;
}
