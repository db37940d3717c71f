import type { PublicMedia } from '@vitrina/contracts';
import { useTranslation } from 'react-i18next';
import { DeepZoom } from './DeepZoom';
import { MediaPlayer } from './MediaPlayer';
import { ResponsiveImage } from './ResponsiveImage';

/** The first image large (deep zoom when it has tiles), the others as a gallery, then sound, film and documents. */
export function MediaShowcase({ media }: { media: PublicMedia[] }) {
  const { t } = useTranslation();
  const images = media.filter((m) => m.kind === 'image');
  const others = media.filter((m) => m.kind !== 'image');
  if (media.length === 0) return null;
  const [first, ...rest] = images;
  return (
    <div className="media-showcase">
      {first &&
        (first.tiled ? (
          <DeepZoom media={first} />
        ) : (
          <figure>
            <ResponsiveImage media={first} sizes="(min-width: 72rem) 68rem, 100vw" />
            {first.caption && <figcaption lang={first.caption.lang}>{first.caption.text}</figcaption>}
          </figure>
        ))}
      {rest.length > 0 && (
        <ul className="media-gallery" aria-label={t('media.more')}>
          {rest.map((image) => (
            <li key={image.id}>
              <ResponsiveImage media={image} sizes="(min-width: 60rem) 20rem, 50vw" />
            </li>
          ))}
        </ul>
      )}
      {others.map((item) => (
        <MediaPlayer key={item.id} media={item} />
      ))}
    </div>
  );
}

/** A row of small pictures (a memorial event's photographs, an exhibition's media block). */
export function MediaStrip({ media, label }: { media: PublicMedia[]; label: string }) {
  if (media.length === 0) return null;
  return (
    <ul className="media-gallery" aria-label={label}>
      {media.map((item) => (
        <li key={item.id}>
          {item.kind === 'image' ? (
            <figure>
              <ResponsiveImage media={item} sizes="(min-width: 60rem) 20rem, 50vw" />
              {item.caption && <figcaption lang={item.caption.lang}>{item.caption.text}</figcaption>}
            </figure>
          ) : (
            <MediaPlayer media={item} />
          )}
        </li>
      ))}
    </ul>
  );
}
