import { IIIF_MAX_SIZE, type Size, TILE_SIZE, fullSizes, scaleFactorsFor } from './derivatives';
import type { ServedImage } from './iiif-geometry';
import type { MediaAssetEntity } from './media-asset.entity';

/** Part of info.json's validator: a change of what the service declares must not be answered 304 from the old body. */
export const INFO_VERSION = 'level1';

/**
 * What the IIIF service answers from, or null when it cannot answer for the
 * asset: a processed image (or document preview) with its tile pyramid, or,
 * below the tiling size, with its full-width WebP (made for every image up
 * to 2400 px wide; untiled images are at most 2000 px a side).
 */
export function servedImage(asset: Pick<MediaAssetEntity, 'status' | 'width' | 'height' | 'tileScaleFactors' | 'derivativeWidths'>): ServedImage | null {
  const { width, height } = asset;
  if (asset.status !== 'ready' || !width || !height) return null;
  if (asset.tileScaleFactors?.length) return { width, height, scaleFactors: asset.tileScaleFactors };
  return asset.derivativeWidths?.includes(width) ? { width, height, scaleFactors: null } : null;
}

/**
 * The whole-image sizes worth listing: for a tiled image the pyramid's
 * one-tile level and `max`, both stored; for an untiled one the widths of its
 * WebP renditions (sizes a page already uses) and the whole image.
 */
function listedSizes(image: ServedImage, renditionWidths: number[]): Size[] {
  if (image.scaleFactors) return fullSizes(image.width, image.height, image.scaleFactors);
  const widths = [...new Set([...renditionWidths.filter((width) => width < image.width), image.width])].sort((a, b) => a - b);
  return widths.map((width) => ({ width, height: Math.max(1, Math.round((image.height * width) / image.width)) }));
}

/** The image information document (IIIF Image API 3.0 §5) of a served image, at level 1. */
export function imageInformation(serviceId: string, image: ServedImage, renditionWidths: number[]) {
  const bounded = Math.max(image.width, image.height) > IIIF_MAX_SIZE;
  return {
    '@context': 'http://iiif.io/api/image/3/context.json',
    id: serviceId,
    type: 'ImageService3',
    protocol: 'http://iiif.io/api/image',
    profile: 'level1',
    width: image.width,
    height: image.height,
    // No answer is larger than this box (see resolveSize); `max` is the region within it.
    ...(bounded ? { maxWidth: IIIF_MAX_SIZE, maxHeight: IIIF_MAX_SIZE } : {}),
    sizes: listedSizes(image, renditionWidths),
    // Tiled: the stored pyramid. Untiled: the same grid, rendered on request, so viewers load it alike.
    tiles: [{ width: TILE_SIZE, height: TILE_SIZE, scaleFactors: image.scaleFactors ?? scaleFactorsFor(image.width, image.height) }],
  };
}
