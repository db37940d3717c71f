import sharp, { type Sharp } from 'sharp';
import { rgbaToThumbHash } from 'thumbhash';

/** Widths of the responsive WebP renditions (only those below the original are made). */
export const RESPONSIVE_WIDTHS = [400, 800, 1600, 2400];
/** The JPEG fallback for browsers without WebP. */
export const FALLBACK_WIDTH = 1600;
/** Images larger than this on either side also get a IIIF tile pyramid. */
export const TILING_THRESHOLD = 2000;
export const TILE_SIZE = 512;
/**
 * `full/max` of a tiled image: the whole image within this box. info.json
 * declares it as maxWidth/maxHeight (IIIF Image API 3.0 §4.2), because a
 * full-resolution JPEG of a 100-megapixel scan would cost more than its pyramid.
 */
export const IIIF_MAX_SIZE = 2048;
/** Where the `full/max` rendition is stored, relative to the asset's folder. */
export const IIIF_FULL_MAX = 'iiif/full/max/0/default.jpg';

/**
 * How many pixels an image may have, known from its header and file size
 * before anything is decoded. Decoding costs memory in proportion to pixels
 * (up to 4 bytes each once in sRGB), not to file size: a 97 KB PNG can claim
 * 100 megapixels. Hence an absolute ceiling, and above
 * DENSITY_CHECKED_FROM_PIXELS a ceiling per byte of file.
 */
export interface PixelBudget {
  maxPixels: number;
  maxPixelsPerByte: number;
}

/**
 * Below this, any file size is accepted: decoding costs at most 64 MB, and
 * small flat graphics (a plain 4000 × 4000 PNG of a few KB) are legitimate.
 */
export const DENSITY_CHECKED_FROM_PIXELS = 16_000_000;

/** Why an image of these dimensions and file size is refused, or null when it is within the budget. */
export function pixelBudgetRefusal(width: number, height: number, byteSize: number, budget: PixelBudget): string | null {
  const pixels = width * height;
  if (pixels > budget.maxPixels) return `The image is ${width} × ${height} pixels; at most ${budget.maxPixels} pixels are accepted`;
  if (pixels > DENSITY_CHECKED_FROM_PIXELS && pixels > byteSize * budget.maxPixelsPerByte) {
    return (
      `The image is ${width} × ${height} pixels in a file of only ${byteSize} bytes; images over ${DENSITY_CHECKED_FROM_PIXELS} pixels ` +
      `need at least one byte per ${budget.maxPixelsPerByte} pixels (it looks like a decompression bomb)`
    );
  }
  return null;
}

/** Thrown before decoding when the image's header breaks the pixel budget. */
export class OverPixelBudget extends Error {}

export interface Size {
  width: number;
  height: number;
}

export interface DerivedFile {
  /** Relative to the asset's folder: `w800.webp`, `iiif/0,0,512,512/512,512/0/default.jpg`. */
  name: string;
  contentType: string;
  data: Buffer;
}

export interface Derivatives {
  width: number;
  height: number;
  thumbhash: string;
  files: DerivedFile[];
  /** Widths of the WebP renditions made. */
  widths: number[];
  /** The scale factors of the tile pyramid, if one was made. */
  scaleFactors: number[] | null;
}

/** Scale factors 1, 2, 4 … until the whole image fits in one tile. */
export function scaleFactorsFor(width: number, height: number): number[] {
  const factors = [1];
  while (Math.max(width, height) / factors[factors.length - 1] > TILE_SIZE) factors.push(factors[factors.length - 1] * 2);
  return factors;
}

/** The whole image at a scale factor, rounded up as IIIF viewers (OpenSeadragon) round it. */
export function levelSize(width: number, height: number, factor: number): Size {
  return { width: Math.ceil(width / factor), height: Math.ceil(height / factor) };
}

/** The size `max` stands for: the region within IIIF_MAX_SIZE × IIIF_MAX_SIZE, never upscaled. */
export function maxSize(width: number, height: number): Size {
  const scale = Math.min(1, IIIF_MAX_SIZE / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * The whole-image sizes info.json lists for a tiled image, both stored: the
 * pyramid's one-tile level, which is also a tile, and `max`.
 */
export function fullSizes(width: number, height: number, scaleFactors: number[]): Size[] {
  const smallest = levelSize(width, height, scaleFactors[scaleFactors.length - 1]);
  const max = maxSize(width, height);
  return smallest.width === max.width && smallest.height === max.height ? [max] : [smallest, max];
}

/**
 * Every derivative of one image. The header is checked against the budget
 * first; then the original is decoded once, auto-oriented, into raw pixels;
 * every output is made from those pixels, so no output can carry the
 * original's metadata (GPS, camera serials) along. Memory: the raw pixels,
 * at most `budget.maxPixels` × 4 bytes (8-bit sRGB with alpha), plus one
 * output at a time.
 */
export async function makeImageDerivatives(original: Buffer, budget: PixelBudget): Promise<Derivatives> {
  const header = await sharp(original, { limitInputPixels: false }).metadata();
  const refusal = header.width && header.height ? pixelBudgetRefusal(header.width, header.height, original.length, budget) : null;
  if (refusal) throw new OverPixelBudget(refusal);
  // limitInputPixels stays as a second guard: a header sharp cannot size is still bounded while decoding.
  const { data: pixels, info } = await sharp(original, { limitInputPixels: budget.maxPixels, sequentialRead: true })
    .rotate()
    .toColourspace('srgb')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  const raw = { raw: { width: info.width, height: info.height, channels: info.channels } };
  const fromPixels = () => sharp(pixels, raw);
  const files: DerivedFile[] = [];

  const widths = RESPONSIVE_WIDTHS.filter((w) => w < info.width).concat(info.width <= 2400 ? [info.width] : []);
  for (const width of [...new Set(widths)]) {
    const data = await fromPixels().resize({ width }).webp({ quality: 80 }).toBuffer();
    files.push({ name: `w${width}.webp`, contentType: 'image/webp', data });
  }
  const fallbackWidth = Math.min(FALLBACK_WIDTH, info.width);
  files.push({
    name: `w${fallbackWidth}.jpg`,
    contentType: 'image/jpeg',
    data: await fromPixels().resize({ width: fallbackWidth }).jpeg({ quality: 82, mozjpeg: true }).toBuffer(),
  });

  const tiny = await fromPixels().resize(100, 100, { fit: 'inside' }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const thumbhash = Buffer.from(rgbaToThumbHash(tiny.info.width, tiny.info.height, tiny.data)).toString('base64');

  let scaleFactors: number[] | null = null;
  if (Math.max(info.width, info.height) > TILING_THRESHOLD) {
    scaleFactors = scaleFactorsFor(info.width, info.height);
    files.push(...(await makeTiles(fromPixels, info.width, info.height, scaleFactors)));
    const max = maxSize(info.width, info.height);
    const data = await fromPixels().resize(max.width, max.height).jpeg({ quality: 80 }).toBuffer();
    files.push({ name: IIIF_FULL_MAX, contentType: 'image/jpeg', data });
  }
  return { width: info.width, height: info.height, thumbhash, files, widths: [...new Set(widths)], scaleFactors };
}

/**
 * A IIIF Image API 3.0 tile pyramid: each tile stored under its request
 * path with an `x,y,w,h` region; the one tile of the smallest level is also
 * what `full/{w},{h}` names (see storedObjectName in iiif-geometry.ts).
 */
async function makeTiles(
  fromPixels: () => Sharp,
  width: number,
  height: number,
  scaleFactors: number[],
): Promise<DerivedFile[]> {
  const tiles: DerivedFile[] = [];
  for (const factor of scaleFactors) {
    const region = TILE_SIZE * factor;
    for (let y = 0; y < height; y += region) {
      for (let x = 0; x < width; x += region) {
        const w = Math.min(region, width - x);
        const h = Math.min(region, height - y);
        const tw = Math.ceil(w / factor);
        const th = Math.ceil(h / factor);
        const data = await fromPixels()
          .extract({ left: x, top: y, width: w, height: h })
          .resize(tw, th)
          .jpeg({ quality: 80 })
          .toBuffer();
        tiles.push({ name: `iiif/${x},${y},${w},${h}/${tw},${th}/0/default.jpg`, contentType: 'image/jpeg', data });
      }
    }
  }
  return tiles;
}
