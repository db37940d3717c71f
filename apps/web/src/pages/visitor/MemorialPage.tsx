import { apiRoutes } from '@vitrina/contracts';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMemorial } from '../../api/public';
import { Meta } from '../../components/content/Meta';
import { MemorialView } from '../../components/content/MemorialView';
import { useHashTarget } from '../../components/content/useHashTarget';
import { ErrorView } from '../../components/ErrorView';
import { IiifManifestLink } from '../../components/iiif/IiifManifestLink';

export default function MemorialPage() {
  const { t } = useTranslation();
  const { countrySlug = '', slug = '' } = useParams();
  const { data: memorial, error, refetch } = useMemorial(countrySlug, slug);
  // A person's page and a found person link to their row (`#person-{slug}`).
  useHashTarget(Boolean(memorial));
  if (error) return <ErrorView error={error} onRetry={() => void refetch()} />;
  if (!memorial) return <p role="status">{t('home.loading')}</p>;
  return (
    <>
      <Meta title={memorial.title.text} description={memorial.description?.text} type="article" linkedData={apiRoutes.public.linkedData('memorials', memorial.id)} />
      <MemorialView memorial={memorial} />
      {/* Its manifest shows the memorial's photographs, then those of its events. */}
      <IiifManifestLink kind="memorials" id={memorial.id} media={[...memorial.media, ...memorial.events.flatMap((event) => event.media)]} />
    </>
  );
}
