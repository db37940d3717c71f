import { apiRoutes } from '@vitrina/contracts';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useItem } from '../../api/public';
import { ItemView } from '../../components/content/ItemView';
import { Meta } from '../../components/content/Meta';
import { ErrorView } from '../../components/ErrorView';
import { IiifManifestLink } from '../../components/iiif/IiifManifestLink';

export default function ItemPage() {
  const { t } = useTranslation();
  const { countrySlug = '', slug = '' } = useParams();
  const { data: item, error, refetch } = useItem(countrySlug, slug);
  if (error) return <ErrorView error={error} onRetry={() => void refetch()} />;
  if (!item) return <p role="status">{t('home.loading')}</p>;
  return (
    <>
      <Meta title={item.title.text} description={item.description?.text} type="article" linkedData={apiRoutes.public.linkedData('items', item.id)} />
      <ItemView item={item} />
      <IiifManifestLink kind="items" id={item.id} media={item.media} />
    </>
  );
}
