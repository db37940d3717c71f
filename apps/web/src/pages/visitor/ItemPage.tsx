import type { PublicMapPoint } from '@vitrina/contracts';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useItem } from '../../api/public';
import { Meta } from '../../components/content/Meta';
import { PlaceMap } from '../../components/content/PlaceMap';
import { Text } from '../../components/content/Text';
import { ErrorView } from '../../components/ErrorView';
import { MediaShowcase } from '../../components/media/MediaShowcase';
import { RecordDetails } from './RecordDetails';

export default function ItemPage() {
  const { t } = useTranslation();
  const { countrySlug = '', slug = '' } = useParams();
  const { data: item, error, refetch } = useItem(countrySlug, slug);
  // The same array while the item stays: the map is drawn again only when the item changes.
  const points = useMemo<PublicMapPoint[]>(
    () => (item?.location ? [{ type: 'item', id: item.id, slug: item.slug, title: item.title, location: item.location, kind: item.kind, condition: null }] : []),
    [item],
  );
  if (error) return <ErrorView error={error} onRetry={() => void refetch()} />;
  if (!item) return <p role="status">{t('home.loading')}</p>;
  return (
    <article className="page record">
      <Meta title={item.title.text} description={item.description?.text} type="article" />
      <p>
        <Link to={`/${item.country.slug}`}>
          ← <Text value={item.country.name} />
        </Link>
      </p>
      <p className="eyebrow">{t(`kinds.${item.kind}`)}</p>
      <h1>
        <Text value={item.title} />
      </h1>
      <MediaShowcase media={item.media} />
      <Text value={item.description} as="p" className="lead" />
      <RecordDetails record={item} />
      <PlaceMap country={item.country.slug} label={`${t('item.location')}: ${item.title.text}`} points={points} />
    </article>
  );
}
