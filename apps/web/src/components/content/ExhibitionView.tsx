import { apiRoutes } from '@vitrina/contracts';
import type { PublicBlock, PublicExhibition } from '@vitrina/contracts';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ItemCard } from './ItemCard';
import { Meta } from './Meta';
import { PlaceMap } from './PlaceMap';
import { RichText, Text } from './Text';
import { MediaStrip } from '../media/MediaShowcase';
import { ResponsiveImage } from '../media/ResponsiveImage';

function Block({ block, country }: { block: PublicBlock; country: string }) {
  const { t } = useTranslation();
  switch (block.type) {
    case 'text':
      return <RichText value={block.body} />;
    case 'quote':
      return (
        <figure className="quote">
          <Text value={block.text} as="blockquote" />
          {block.attribution && (
            <figcaption>
              — <Text value={block.attribution} />
            </figcaption>
          )}
        </figure>
      );
    case 'item':
      return (
        <div className="item-block">
          <ItemCard item={block.item} country={country} caption={<Text value={block.caption} as="p" className="caption" />} />
        </div>
      );
    case 'gallery':
      return (
        <figure className="gallery">
          <ul className="card-grid plain">
            {block.items.map((item) => (
              <li key={item.id}>
                <ItemCard item={item} country={country} />
              </li>
            ))}
          </ul>
          {block.caption && <Text value={block.caption} as="figcaption" />}
        </figure>
      );
    case 'map':
      return (
        <div className="map-block">
          <PlaceMap points={block.points} country={country} label={block.caption?.text ?? t('exhibition.map')} />
          <Text value={block.caption} as="p" className="caption" />
        </div>
      );
    case 'media':
      return (
        <figure className="media-block">
          <MediaStrip media={block.media} label={block.caption?.text ?? t('media.more')} />
          {block.caption && <Text value={block.caption} as="figcaption" />}
        </figure>
      );
  }
}

/** The exhibition as a scrolling story: its sections in order, each block in turn. */
export function ExhibitionView({ exhibition }: { exhibition: PublicExhibition }) {
  const { t } = useTranslation();
  const country = exhibition.country.slug;
  return (
    <article className="page exhibition">
      <Meta title={exhibition.title.text} description={exhibition.summary?.text} type="article" linkedData={apiRoutes.public.linkedData('exhibitions', exhibition.id)} />
      <p>
        <Link to={`/${country}`}>
          ← <Text value={exhibition.country.name} />
        </Link>
      </p>
      <header className="exhibition-header">
        <p className="eyebrow">{t('exhibition.label')}</p>
        <h1>
          <Text value={exhibition.title} />
        </h1>
        <Text value={exhibition.summary} as="p" className="lead" />
        {exhibition.coverImage && (
          <ResponsiveImage media={exhibition.coverImage} sizes="(min-width: 72rem) 68rem, 100vw" eager />
        )}
      </header>
      {exhibition.sections.map((section) => (
        <section key={section.id} className="exhibition-section" aria-label={section.title?.text}>
          {section.title && <Text value={section.title} as="h2" />}
          {section.blocks.map((block) => (
            <Block key={block.id} block={block} country={country} />
          ))}
        </section>
      ))}
    </article>
  );
}
