import type { PublicMedia } from '@vitrina/contracts';
import { apiRoutes } from '@vitrina/contracts';
import { useMemo, useState } from 'react';
import { thumbHashToDataURL } from 'thumbhash';

/**
 * The server makes one JPEG for browsers without WebP, `w{min(1600, width)}.jpg`
 * (FALLBACK_WIDTH in apps/api/src/modules/media/derivatives.ts).
 */
const JPEG_FALLBACK_WIDTH = 1600;

function placeholder(thumbhash: string | null): string | undefined {
  if (!thumbhash) return undefined;
  try {
    return thumbHashToDataURL(Uint8Array.from(atob(thumbhash), (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

/**
 * The WebP renditions as a srcset with the JPEG as the fallback, sized up
 * front, with the thumbhash shown until the image arrives.
 */
export function ResponsiveImage({
  media,
  sizes = '(min-width: 60rem) 50vw, 100vw',
  eager = false,
}: {
  media: PublicMedia;
  sizes?: string;
  /** For the page's main picture (its LCP): fetched at once, at high priority. */
  eager?: boolean;
}) {
  const [loaded, setLoaded] = useState(false);
  const background = useMemo(() => placeholder(media.thumbhash), [media.thumbhash]);
  const widths = media.widths;
  if (widths.length === 0) return null;
  const largest = widths[widths.length - 1];
  const height = media.width && media.height ? Math.round((largest * media.height) / media.width) : undefined;
  const base = apiRoutes.media.base(media.id);
  return (
    <picture>
      <source type="image/webp" srcSet={widths.map((w) => `${base}/w${w}.webp ${w}w`).join(', ')} sizes={sizes} />
      <img
        className="responsive-image"
        src={`${base}/w${Math.min(JPEG_FALLBACK_WIDTH, largest)}.jpg`}
        width={largest}
        height={height}
        alt={media.alt?.text ?? ''}
        lang={media.alt?.lang}
        loading={eager ? 'eager' : 'lazy'}
        fetchPriority={eager ? 'high' : undefined}
        decoding="async"
        onLoad={() => setLoaded(true)}
        style={!loaded && background ? { backgroundImage: `url(${background})`, backgroundSize: 'cover' } : undefined}
      />
    </picture>
  );
}
