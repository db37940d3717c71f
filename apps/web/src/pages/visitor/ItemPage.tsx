import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useItem } from '../../api/public';
import { ItemView } from '../../components/content/ItemView';
import { Meta } from '../../components/content/Meta';
import { ErrorView } from '../../components/ErrorView';

export default function ItemPage() {
  const { t } = useTranslation();
  const { countrySlug = '', slug = '' } = useParams();
  const { data: item, error, refetch } = useItem(countrySlug, slug);
  if (error) return <ErrorView error={error} onRetry={() => void refetch()} />;
  if (!item) return <p role="status">{t('home.loading')}</p>;
  return (
    <>
      <Meta title={item.title.text} description={item.description?.text} type="article" />
      <ItemView item={item} />
    </>
  );
}
