import type { PublicItemSummary } from '@vitrina/contracts';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { recordPage } from '../../api/public-paths';
import { ResponsiveImage } from '../media/ResponsiveImage';
import { dateLanguage, formatYearRange } from './dates';
import { Text } from './Text';

/** An item as a card: its first picture, or a typographic placeholder when it has none. */
export function ItemCard({ item, country, caption }: { item: PublicItemSummary; country: string; caption?: React.ReactNode }) {
  const { t, i18n } = useTranslation();
  return (
    <article className="item-card">
      {item.image ? (
        <div className="item-card-visual">
          <ResponsiveImage media={item.image} sizes="(min-width: 60rem) 20rem, 50vw" />
        </div>
      ) : (
        <div className="item-card-visual" aria-hidden="true">
          <span>{t(`kinds.${item.kind}`)}</span>
        </div>
      )}
      <h3>
        <Link to={recordPage('item', country, item.slug)}>
          <Text value={item.title} />
        </Link>
      </h3>
      <p className="muted">
        {item.date?.display ? <Text value={item.date.display} /> : formatYearRange(item.date, dateLanguage(i18n.language))}
        {item.place && (
          <>
            {' · '}
            <Text value={item.place} />
          </>
        )}
      </p>
      {caption}
    </article>
  );
}
