import type { PublicExhibition, PublicMedia } from '@vitrina/contracts';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useExhibition } from '../../api/public';
import { ExhibitionView } from '../../components/content/ExhibitionView';
import { ErrorView } from '../../components/ErrorView';
import { IiifManifestLink } from '../../components/iiif/IiifManifestLink';

/**
 * The pictures of the exhibition's manifest as far as the page tells: its cover, the first image of
 * each item an item or gallery block shows (the manifest holds all of theirs), and its media blocks.
 */
function storyImages(exhibition: PublicExhibition): (PublicMedia | null)[] {
  const blocks = exhibition.sections.flatMap((section) => section.blocks);
  return [
    exhibition.coverImage,
    ...blocks.flatMap((block) => {
      if (block.type === 'item') return [block.item.image];
      if (block.type === 'gallery') return block.items.map((item) => item.image);
      if (block.type === 'media') return block.media;
      return [];
    }),
  ];
}

export default function ExhibitionPage() {
  const { t } = useTranslation();
  const { countrySlug = '', slug = '' } = useParams();
  const { data, error, refetch } = useExhibition(countrySlug, slug);
  if (error) return <ErrorView error={error} onRetry={() => void refetch()} />;
  if (!data) return <p role="status">{t('home.loading')}</p>;
  return (
    <>
      <ExhibitionView exhibition={data} />
      <IiifManifestLink kind="exhibitions" id={data.id} media={storyImages(data)} />
    </>
  );
}
