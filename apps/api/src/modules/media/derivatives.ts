import sharp, { type Sharp } from 'sharp';
import { rgbaToThumbHash } from 'thumbhash';

/** Widths of the responsive WebP renditions (only those below the original are made). */
export const RESPONSIVE_WIDTHS = [400, 800, 1600, 2400];
/** The JPEG fallback for browsers without WebP. */
export const FALLBACK_WIDTH = 1600;
/** Images larger than this on either side also get a IIIF tile pyramid. */
export const TILING_THRESHOLD = 2000;
export const TILE_SIZE = 512;

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

/**
 * Every derivative of one image. The original is decoded once, auto-oriented,
 * into raw pixels; every output is made from those pixels, so no output can
 * carry the original's metadata (GPS, camera serials) along.
 */
export async function makeImageDerivatives(original: Buffer, maxPixels: number): Promise<Derivatives> {
  const { data: pixels, info } = await sharp(original, { limitInputPixels: maxPixels, sequentialRead: true })
    .rotate()
    .toColourspace('srgb')
    .raw()
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
  }
  return { width: info.width, height: info.height, thumbhash, files, widths: [...new Set(widths)], scaleFactors };
}

/** A IIIF Image API 3.0 level-0 pyramid: each tile stored under its canonical request path. */
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
