import type { PublicItem, PublicMapPoint } from '@vitrina/contracts';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { MediaShowcase } from '../media/MediaShowcase';
import { PlaceMap } from './PlaceMap';
import { RecordDetails } from './RecordDetails';
import { Text } from './Text';

/** An item's page as visitors see it (the visitor page and the moderation desk's preview render this). */
export function ItemView({ item }: { item: PublicItem }) {
  const { t } = useTranslation();
  // The same array while the item stays: the map is drawn again only when the item changes.
  const points = useMemo<PublicMapPoint[]>(
    () => (item.location ? [{ type: 'item', id: item.id, slug: item.slug, title: item.title, location: item.location, kind: item.kind, condition: null }] : []),
    [item],
  );
  return (
    <article className="page record">
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
