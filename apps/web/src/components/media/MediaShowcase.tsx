import type { PublicMedia } from '@vitrina/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeepZoom, isTiled } from './DeepZoom';
import { MediaPlayer } from './MediaPlayer';
import { ResponsiveImage } from './ResponsiveImage';

/** One image shown large: deep zoom when it has tiles (and so a known size), else the picture with its caption. */
function ImageStage({ image }: { image: PublicMedia }) {
  if (isTiled(image)) return <DeepZoom media={image} />;
  return (
    <figure>
      <ResponsiveImage media={image} sizes="(min-width: 72rem) 68rem, 100vw" />
      {image.caption && <figcaption lang={image.caption.lang}>{image.caption.text}</figcaption>}
    </figure>
  );
}

/**
 * One image large (the first, until the visitor picks another from the row
 * below, so every tiled image can be zoomed into), then sound, film and documents.
 */
export function MediaShowcase({ media }: { media: PublicMedia[] }) {
  const { t } = useTranslation();
  const stageId = useId();
  const [chosen, setChosen] = useState<string>();
  const images = media.filter((m) => m.kind === 'image');
  const others = media.filter((m) => m.kind !== 'image');
  if (media.length === 0) return null;
  const shown = images.find((image) => image.id === chosen) ?? images[0];
  return (
    <div className="media-showcase">
      {shown && (
        <div id={stageId}>
          <ImageStage key={shown.id} image={shown} />
        </div>
      )}
      {images.length > 1 && (
        <ul className="media-gallery media-choices" aria-label={t('media.images')}>
          {images.map((image, index) => (
            <li key={image.id}>
              <button
                type="button"
                aria-pressed={image === shown}
                aria-controls={stageId}
                aria-label={t('media.showImage', { number: index + 1, title: image.alt?.text ?? '' })}
                onClick={() => setChosen(image.id)}
              >
                <ResponsiveImage media={image} sizes="(min-width: 60rem) 20rem, 50vw" />
              </button>
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
