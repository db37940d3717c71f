import type { PublicMedia } from '@vitrina/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

type Viewer = import('openseadragon').Viewer;

/**
 * What the image's IIIF info.json says, built from what the page already
 * knows, so the viewer opens without asking for it. OpenSeadragon reads it
 * as a IIIF source; its types know such a source only as one with a `type`.
 */
interface IiifImageService {
  '@context': 'http://iiif.io/api/image/3/context.json';
  id: string;
  type: 'ImageService3';
  protocol: 'http://iiif.io/api/image';
  profile: 'level0';
  width: number;
  height: number;
  tiles: { width: number; height: number; scaleFactors: number[] }[];
}

/** An image with a tile pyramid, whose size is known (which tiling requires). */
export type TiledMedia = PublicMedia & { width: number; height: number };

export function isTiled(media: PublicMedia): media is TiledMedia {
  return media.tiled && media.width !== null && media.height !== null;
}

function iiifServiceOf(media: TiledMedia): IiifImageService {
  return {
    '@context': 'http://iiif.io/api/image/3/context.json',
    id: `${window.location.origin}/iiif/3/${media.id}`,
    type: 'ImageService3',
    protocol: 'http://iiif.io/api/image',
    profile: 'level0',
    width: media.width,
    height: media.height,
    tiles: [{ width: 512, height: 512, scaleFactors: media.tileScaleFactors ?? [1] }],
  };
}

/** How far one press of a zoom button or of + / − goes. */
const ZOOM_STEP = 1.5;

/**
 * OpenSeadragon on the image's IIIF tiles. Its canvas takes keyboard focus
 * (arrows pan, + and − zoom, 0 resets) and is named as an application so a
 * screen reader passes those keys on; the buttons below do the same, and the
 * zoom level is announced when a move ends.
 */
export function DeepZoom({ media }: { media: TiledMedia }) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const viewer = useRef<Viewer>(undefined);
  const hintId = useId();
  const [zoom, setZoom] = useState(1);
  const label = t('media.deepZoom', { title: media.alt?.text ?? '' });
  const currentLabel = useRef(label);
  currentLabel.current = label;

  useEffect(() => {
    let disposed = false;
    let settle: ReturnType<typeof setTimeout> | undefined;
    void (async () => {
      const OpenSeadragon = (await import('openseadragon')).default;
      if (disposed || !container.current) return;
      const opened = OpenSeadragon({
        element: container.current,
        showNavigationControl: false,
        crossOriginPolicy: 'Anonymous',
        tileSources: iiifServiceOf(media),
      });
      opened.canvas.setAttribute('role', 'application');
      opened.canvas.setAttribute('aria-label', currentLabel.current);
      opened.canvas.setAttribute('aria-describedby', hintId);
      // The zoom being moved to, relative to the whole image in the frame (100 %), as people think of
      // zoom; read once the presses have settled, so the live region speaks once, not every frame.
      const report = () => {
        clearTimeout(settle);
        settle = setTimeout(() => setZoom(opened.viewport.getZoom(false) / opened.viewport.getHomeZoom()), 200);
      };
      opened.addHandler('open', report);
      opened.addHandler('zoom', report);
      // A tap of + or − zooms as far as the buttons do (OpenSeadragon's own step is 10 % per tap),
      // whatever the keyboard layout puts those characters on.
      opened.addHandler('canvas-key', (event) => {
        const key = (event.originalEvent as KeyboardEvent).key;
        const factor = key === '+' || key === '=' ? ZOOM_STEP : key === '-' || key === '_' ? 1 / ZOOM_STEP : undefined;
        if (factor === undefined) return;
        event.preventDefaultAction = true;
        opened.viewport.zoomBy(factor).applyConstraints();
      });
      viewer.current = opened;
    })();
    return () => {
      disposed = true;
      clearTimeout(settle);
      viewer.current?.destroy();
      viewer.current = undefined;
    };
  }, [media, hintId]);

  useEffect(() => viewer.current?.canvas.setAttribute('aria-label', label), [label]);

  const zoomBy = (factor: number) => viewer.current?.viewport.zoomBy(factor).applyConstraints();
  return (
    <figure className="deep-zoom">
      <div ref={container} className="deep-zoom-canvas" data-testid="deep-zoom" />
      <div className="deep-zoom-controls">
        <button type="button" onClick={() => zoomBy(ZOOM_STEP)}>
          {t('media.zoomIn')}
        </button>
        <button type="button" onClick={() => zoomBy(1 / ZOOM_STEP)}>
          {t('media.zoomOut')}
        </button>
        <button type="button" className="secondary" onClick={() => viewer.current?.viewport.goHome()}>
          {t('media.reset')}
        </button>
        <output aria-live="polite" data-zoom={zoom.toFixed(3)}>
          {t('media.zoomLevel', { percent: Math.round(zoom * 100) })}
        </output>
      </div>
      <p id={hintId} className="muted small">
        {t('media.keyboardHint')}
      </p>
      {media.caption && <figcaption lang={media.caption.lang}>{media.caption.text}</figcaption>}
    </figure>
  );
}
