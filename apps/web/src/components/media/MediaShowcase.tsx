import type { PublicMedia } from '@vitrina/contracts';
import { useTranslation } from 'react-i18next';
import { DeepZoom } from './DeepZoom';
import { ResponsiveImage } from './ResponsiveImage';

/** The first image large (deep zoom when it has tiles), the others as a gallery beneath. */
export function MediaShowcase({ media }: { media: PublicMedia[] }) {
  const { t } = useTranslation();
  const images = media.filter((m) => m.kind === 'image');
  if (images.length === 0) return null;
  const [first, ...rest] = images;
  return (
    <div className="media-showcase">
      {first.tiled ? (
        <DeepZoom media={first} />
      ) : (
        <figure>
          <ResponsiveImage media={first} sizes="(min-width: 72rem) 68rem, 100vw" />
          {first.caption && <figcaption lang={first.caption.lang}>{first.caption.text}</figcaption>}
        </figure>
      )}
      {rest.length > 0 && (
        <ul className="media-gallery" aria-label={t('media.more')}>
          {rest.map((image) => (
            <li key={image.id}>
              <ResponsiveImage media={image} sizes="(min-width: 60rem) 20rem, 50vw" />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
