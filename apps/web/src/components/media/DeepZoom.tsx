import type { PublicMedia } from '@vitrina/contracts';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

type Viewer = import('openseadragon').Viewer;

/**
 * OpenSeadragon on the image's IIIF tiles. Its canvas takes keyboard focus
 * (arrows pan, + and − zoom, 0 resets); the buttons below do the same.
 */
export function DeepZoom({ media }: { media: PublicMedia }) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const viewer = useRef<Viewer>(undefined);

  useEffect(() => {
    let disposed = false;
    void (async () => {
      const OpenSeadragon = (await import('openseadragon')).default;
      if (disposed || !container.current) return;
      viewer.current = OpenSeadragon({
        element: container.current,
        showNavigationControl: false,
        crossOriginPolicy: 'Anonymous',
        tileSources: {
          '@context': 'http://iiif.io/api/image/3/context.json',
          id: `${window.location.origin}/iiif/3/${media.id}`,
          type: 'ImageService3',
          protocol: 'http://iiif.io/api/image',
          profile: 'level0',
          width: media.width,
          height: media.height,
          tiles: [{ width: 512, height: 512, scaleFactors: media.tileScaleFactors ?? [1] }],
        } as never,
      });
    })();
    return () => {
      disposed = true;
      viewer.current?.destroy();
    };
  }, [media]);

  const zoom = (factor: number) => viewer.current?.viewport.zoomBy(factor).applyConstraints();
  const label = t('media.deepZoom', { title: media.alt?.text ?? '' });
  return (
    <figure className="deep-zoom">
      <div ref={container} className="deep-zoom-canvas" role="region" aria-label={label} data-testid="deep-zoom" />
      <div className="deep-zoom-controls">
        <button type="button" onClick={() => zoom(1.5)}>{t('media.zoomIn')}</button>
        <button type="button" onClick={() => zoom(1 / 1.5)}>{t('media.zoomOut')}</button>
        <button type="button" className="secondary" onClick={() => viewer.current?.viewport.goHome()}>
          {t('media.reset')}
        </button>
      </div>
      {media.caption && <figcaption lang={media.caption.lang}>{media.caption.text}</figcaption>}
    </figure>
  );
}
