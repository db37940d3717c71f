import { z } from 'zod';

/**
 * The syntax of an IIIF Image API 3.0 request's path segments, read before
 * any image is looked at. Only level 1 is accepted; the level-2 spellings
 * (`pct:`, `!w,h`, `^`, other rotations, qualities and formats) get a message
 * saying so, so a client sees why rather than a bare "invalid".
 */

/** `full`, `square` (the shorter side, centred), or pixels (not yet cropped to the image). */
export type RegionRequest = 'full' | 'square' | { x: number; y: number; w: number; h: number };
/** `max`, or a width and/or a height (null: follows the region's aspect ratio). */
export type SizeRequest = 'max' | { w: number | null; h: number | null };

const LEVEL = 'this IIIF image service is level 1';
/** Whole pixels, at most six digits: no image we accept is that large, and nothing longer reaches arithmetic. */
const PX = '(\\d{1,6})';
const REGION_PX = new RegExp(`^${PX},${PX},${PX},${PX}$`);
const SIZE_PX = new RegExp(`^${PX}?,${PX}?$`);

/** Why a segment is refused. */
export interface Refusal {
  refused: string;
}

/** What a region segment asks for, or why it is refused. */
export function parseRegion(text: string): RegionRequest | Refusal {
  if (text === 'full' || text === 'square') return text;
  if (text.startsWith('pct:')) return { refused: `a region in percent (pct:) is IIIF level 2; ${LEVEL}: full, square or x,y,w,h in pixels` };
  const match = REGION_PX.exec(text);
  if (!match) return { refused: 'a region is full, square or x,y,w,h in whole pixels' };
  const [x, y, w, h] = match.slice(1).map(Number);
  if (w === 0 || h === 0) return { refused: 'a region has a width and a height of at least one pixel' };
  return { x, y, w, h };
}

/** What a size segment asks for, or why it is refused. */
export function parseSize(text: string): SizeRequest | Refusal {
  if (text === 'max') return text;
  if (text.startsWith('^')) return { refused: `upscaling (^) is IIIF level 2; ${LEVEL}: a size is at most the region's` };
  if (text.startsWith('!')) return { refused: `best fit (!w,h) is IIIF level 2; ${LEVEL}: max, w,, ,h or w,h` };
  if (text.startsWith('pct:')) return { refused: `a size in percent (pct:) is IIIF level 2; ${LEVEL}: max, w,, ,h or w,h` };
  const match = SIZE_PX.exec(text);
  if (!match || (match[1] === undefined && match[2] === undefined)) return { refused: 'a size is max, w,, ,h or w,h in whole pixels' };
  const [w, h] = [match[1], match[2]].map((value) => (value === undefined ? null : Number(value)));
  if (w === 0 || h === 0) return { refused: 'a size is at least one pixel wide and high' };
  return { w, h };
}

function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && 'refused' in value;
}

/** A zod schema from a parser: its refusal becomes the 400's message. */
function parsed<T>(parse: (text: string) => T | Refusal) {
  return z.string().transform((text, context): T => {
    const result = parse(text);
    if (!isRefusal(result)) return result;
    context.addIssue({ code: 'custom', message: result.refused, input: text });
    return z.NEVER;
  });
}

export const regionSchema = parsed(parseRegion);
export const sizeSchema = parsed(parseSize);
export const rotationSchema = z.literal('0', `rotation and mirroring are IIIF level 2; ${LEVEL}: rotation 0 only`);
export const fileSchema = z.literal('default.jpg', `other qualities and formats are IIIF level 2; ${LEVEL}: default.jpg only`);
