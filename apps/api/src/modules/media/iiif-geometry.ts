import { IIIF_FULL_MAX, IIIF_MAX_SIZE, type Size, TILE_SIZE, maxSize } from './derivatives';
import type { RegionRequest, SizeRequest } from './iiif-syntax';

/**
 * The arithmetic of an IIIF level-1 image request against one image: which
 * pixels it names, at what size, whether a stored object already answers it,
 * and otherwise which stored pixels a rendering reads. Pure, so every rule is
 * unit-tested (iiif-geometry.spec.ts).
 */

/** An image the service can answer for, and what it has stored to answer from. */
export interface ServedImage extends Size {
  /** The pyramid's scale factors; null for an untiled image, rendered from its full-width WebP. */
  scaleFactors: number[] | null;
}

/** A rectangle of the full-resolution image (or of a pyramid level). */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The pixels a region names. A region crossing the image's edge is cropped to
 * it (IIIF Image API 3.0 §4.1); one wholly outside is an error (a string).
 */
export function resolveRegion(image: Size, region: RegionRequest): Box | string {
  if (region === 'full') return { x: 0, y: 0, width: image.width, height: image.height };
  if (region === 'square') {
    // "Anywhere in the longer dimension at the server's discretion": centred, as most servers do.
    const side = Math.min(image.width, image.height);
    return { x: Math.floor((image.width - side) / 2), y: Math.floor((image.height - side) / 2), width: side, height: side };
  }
  if (region.x >= image.width || region.y >= image.height) {
    return `the region ${region.x},${region.y},${region.w},${region.h} lies wholly outside the ${image.width} × ${image.height} image`;
  }
  return { x: region.x, y: region.y, width: Math.min(region.w, image.width - region.x), height: Math.min(region.h, image.height - region.y) };
}

/**
 * The output size of a region: never larger than the region (upscaling is
 * level 2) nor than IIIF_MAX_SIZE on a side (the maxWidth and maxHeight
 * info.json declares), so no request makes the server produce a huge image.
 * `max` is the region within that box, as IIIF_FULL_MAX is stored.
 */
export function resolveSize(region: Box, size: SizeRequest): Size | string {
  if (size === 'max') return maxSize(region.width, region.height);
  const width = size.w ?? Math.round((region.width * size.h!) / region.height);
  const height = size.h ?? Math.round((region.height * size.w!) / region.width);
  const asked = `${width} × ${height}`;
  if (width > region.width || height > region.height) {
    return `the size ${asked} is larger than the ${region.width} × ${region.height} region; upscaling (^) is IIIF level 2`;
  }
  if (width < 1 || height < 1) return `the size ${asked} of the ${region.width} × ${region.height} region rounds to no pixels`;
  if (width > IIIF_MAX_SIZE || height > IIIF_MAX_SIZE) return `the size ${asked} is beyond the ${IIIF_MAX_SIZE} px maxWidth and maxHeight of this service`;
  return { width, height };
}

/** The canonical request path of a region at a size (§4.7), relative to the asset's folder: how tiles are stored, and what names a rendering. */
export function canonicalName(region: Box, size: Size): string {
  return `iiif/${region.x},${region.y},${region.width},${region.height}/${size.width},${size.height}/0/default.jpg`;
}

/** The stored object that is exactly this answer (a pyramid tile, or `full/max` of a tiled image), or null when it must be rendered. */
export function storedObjectName(image: ServedImage, region: Box, size: Size): string | null {
  if (!image.scaleFactors) return null;
  const whole = region.x === 0 && region.y === 0 && region.width === image.width && region.height === image.height;
  const max = maxSize(image.width, image.height);
  if (whole && size.width === max.width && size.height === max.height) return IIIF_FULL_MAX;
  const isTile = image.scaleFactors.some((factor) => {
    const span = TILE_SIZE * factor;
    return (
      region.x % span === 0 &&
      region.y % span === 0 &&
      region.width === Math.min(span, image.width - region.x) &&
      region.height === Math.min(span, image.height - region.y) &&
      size.width === Math.ceil(region.width / factor) &&
      size.height === Math.ceil(region.height / factor)
    );
  });
  return isTile ? canonicalName(region, size) : null;
}

/** The coarsest pyramid level that still has at least the output's pixels across the region (1 when none coarser has). */
export function levelFor(scaleFactors: number[], region: Box, size: Size): number {
  const enough = scaleFactors.filter((factor) => region.width / factor >= size.width && region.height / factor >= size.height);
  return Math.max(1, ...enough);
}

/** One stored tile of a level, the part of it a rendering needs (in the tile's pixels), and where that part goes on the canvas. */
export interface PlacedTile {
  name: string;
  part: Box;
  left: number;
  top: number;
}

/** What a rendering from a level reads: the parts of the tiles covering the region, and the canvas (the region on that level) they make. */
export interface TilePlan {
  tiles: PlacedTile[];
  canvas: Size;
}

/**
 * The tiles of the level at `factor` that cover a region, as makeTiles stored
 * them: a tile at column c spans full-resolution pixels from c × 512 × factor
 * and is stored ceil(its width / factor) pixels wide, so full-resolution x
 * lies at x / factor on the level. Only the part of each tile inside the
 * region is placed: the canvas is no larger than the region on the level.
 */
export function tilePlan(image: Size, region: Box, factor: number): TilePlan {
  const span = TILE_SIZE * factor;
  // The region on the level, widened to whole pixels and kept within the level.
  const left = Math.floor(region.x / factor);
  const top = Math.floor(region.y / factor);
  const right = Math.min(Math.ceil(image.width / factor), Math.ceil((region.x + region.width) / factor));
  const bottom = Math.min(Math.ceil(image.height / factor), Math.ceil((region.y + region.height) / factor));
  const cells = (from: number, to: number) => Array.from({ length: Math.floor((to - 1) / TILE_SIZE) - Math.floor(from / TILE_SIZE) + 1 }, (_, i) => Math.floor(from / TILE_SIZE) + i);
  const tiles: PlacedTile[] = [];
  for (const row of cells(top, bottom)) {
    for (const column of cells(left, right)) {
      const [x, y] = [column * span, row * span];
      const stored = { x, y, width: Math.min(span, image.width - x), height: Math.min(span, image.height - y) };
      const size = { width: Math.ceil(stored.width / factor), height: Math.ceil(stored.height / factor) };
      // Where the tile lies on the level, cut to the region.
      const [x0, y0] = [Math.max(left, column * TILE_SIZE), Math.max(top, row * TILE_SIZE)];
      const [x1, y1] = [Math.min(right, column * TILE_SIZE + size.width), Math.min(bottom, row * TILE_SIZE + size.height)];
      if (x1 <= x0 || y1 <= y0) continue;
      tiles.push({
        name: canonicalName(stored, size),
        part: { x: x0 - column * TILE_SIZE, y: y0 - row * TILE_SIZE, width: x1 - x0, height: y1 - y0 },
        left: x0 - left,
        top: y0 - top,
      });
    }
  }
  return { tiles, canvas: { width: right - left, height: bottom - top } };
}
