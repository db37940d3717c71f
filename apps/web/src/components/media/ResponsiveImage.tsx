import type { PublicMedia } from '@vitrina/contracts';
import { useMemo, useState } from 'react';
import { thumbHashToDataURL } from 'thumbhash';

function placeholder(thumbhash: string | null): string | undefined {
  if (!thumbhash) return undefined;
  try {
    return thumbHashToDataURL(Uint8Array.from(atob(thumbhash), (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

/** The WebP renditions as a srcset, sized up front, with the thumbhash shown until the image arrives. */
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
  return (
    <img
      className="responsive-image"
      src={`/api/media/${media.id}/w${largest}.webp`}
      srcSet={widths.map((w) => `/api/media/${media.id}/w${w}.webp ${w}w`).join(', ')}
      sizes={sizes}
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
  );
}
