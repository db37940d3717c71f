import { dirname, join } from 'node:path';
import type { Canvas, SKRSContext2D } from '@napi-rs/canvas';

/** Long side of the rendered first page: enough for the largest rendition without tiling. */
export const PDF_PREVIEW_SIZE = 1600;
/** Pixels of the preview at most, whatever the page's shape: its canvas is at most this × 4 bytes (≈10 MB). */
export const PDF_PREVIEW_PIXELS = PDF_PREVIEW_SIZE * PDF_PREVIEW_SIZE;
/**
 * Images inside the PDF larger than this are left out of the preview rather
 * than decoded: pdf.js holds a decoded image as RGBA, so one Flate-compressed
 * 20000 × 20000 image of a few hundred KB would cost 1.6 GB. 16 MP (64 MB)
 * is far more than a 1600 px preview can show.
 */
export const PDF_MAX_IMAGE_PIXELS = 16_000_000;
/**
 * The first page may draw at most this many operators. pdf.js keeps each
 * parsed operator on the heap, about 1 KB apiece, and parsing one costs
 * tens of µs: a 26 KB content stream of one million rectangles took 1 GB and
 * over a minute to parse alone. A page of text draws a few thousand; a
 * detailed map tens of thousands. Beyond this the PDF gets no preview
 * (it is still offered for download).
 */
export const PDF_MAX_OPERATORS = 100_000;

/** Page sides beyond this many points (PDF's own limit is 14 400, times a UserUnit of at most 75000) are nonsense. */
const MAX_PAGE_SIDE = 14_400 * 75_000;

export class PdfPreviewRefused extends Error {}

type PdfPage = Awaited<ReturnType<Awaited<ReturnType<typeof import('pdfjs-dist/legacy/build/pdf.mjs').getDocument>['promise']>['getPage']>>;
type RenderParameters = Parameters<PdfPage['render']>[0];

/** What pdf.js's canvas factory makes in Node (its NodeCanvasFactory draws with @napi-rs/canvas). */
interface RenderTarget {
  canvas: Canvas;
  context: SKRSContext2D;
}

/**
 * The one place a @napi-rs/canvas target meets pdf.js's types: pdf.js declares
 * the target of `render` as the DOM's HTMLCanvasElement and
 * CanvasRenderingContext2D, which do not exist in Node (this API is built
 * without the DOM library) while its own Node factory hands out @napi-rs/canvas
 * objects, which implement the same drawing API. Projects that do load the DOM
 * library (the browser tests and benches import this file) see the two types
 * differ, hence the one conversion through `unknown` here.
 */
function pdfjsTarget(target: RenderTarget): Pick<RenderParameters, 'canvas' | 'canvasContext'> {
  return { canvas: target.canvas, canvasContext: target.context } as unknown as Pick<RenderParameters, 'canvas' | 'canvasContext'>;
}

export interface PreviewSize {
  width: number;
  height: number;
  scale: number;
}

/**
 * The preview's size for a page of `width` × `height` points: the long side
 * at most PDF_PREVIEW_SIZE, the area at most `maxPixels`, each side at least
 * one pixel. Pages with a side that is not a positive finite number, or
 * absurdly large, are refused.
 */
export function previewSize(width: number, height: number, maxPixels: number = PDF_PREVIEW_PIXELS): PreviewSize {
  const sane = (side: number) => Number.isFinite(side) && side > 0 && side <= MAX_PAGE_SIDE;
  if (!sane(width) || !sane(height)) throw new PdfPreviewRefused(`the first page measures ${width} × ${height} points`);
  const scale = Math.min(PDF_PREVIEW_SIZE / Math.max(width, height), Math.sqrt(Math.min(maxPixels, PDF_PREVIEW_PIXELS) / (width * height)));
  // Rounding down keeps the area within the budget; a hairline page still gets one pixel across.
  return { width: Math.max(1, Math.floor(width * scale)), height: Math.max(1, Math.floor(height * scale)), scale };
}

/**
 * Renders the page, giving up once PDF_MAX_OPERATORS operators have been
 * drawn: the filter notices the operator past the limit, and the next
 * continuation cancels the task, which also stops pdf.js parsing the rest
 * of the page. Drawing follows parsing closely (both run on this thread, in
 * turns), so what is parsed but not drawn stays a few chunks of operators.
 */
async function renderWithin(page: PdfPage, parameters: RenderParameters): Promise<void> {
  let tooMany = false;
  const task = page.render({
    ...parameters,
    operationsFilter: (index) => {
      if (index < PDF_MAX_OPERATORS) return true;
      tooMany = true;
      return false;
    },
  });
  task.onContinue = (next: () => void) => (tooMany ? task.cancel() : next());
  try {
    await task.promise;
  } catch (error) {
    if (tooMany) throw new PdfPreviewRefused(`the first page draws more than ${PDF_MAX_OPERATORS} operators`);
    throw error;
  }
  if (tooMany) throw new PdfPreviewRefused(`the first page draws more than ${PDF_MAX_OPERATORS} operators`);
}

/**
 * Renders a PDF's first page to PNG with pdf.js (on @napi-rs/canvas, both
 * from the npm registry), within PDF_PREVIEW_PIXELS. Scripts in the PDF are
 * never run: pdf.js has no JavaScript engine for documents, and
 * `isEvalSupported` is off. Memory: the canvas (≤ 10 MB), images up to
 * PDF_MAX_IMAGE_PIXELS × 4 bytes each, and the page's operator list.
 */
export async function renderFirstPage(pdf: Buffer, maxPixels: number = PDF_PREVIEW_PIXELS): Promise<Buffer> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const fonts = join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + '/';
  const document = await getDocument({
    data: new Uint8Array(pdf),
    isEvalSupported: false,
    disableFontFace: true,
    standardFontDataUrl: fonts,
    verbosity: 0,
    maxImageSize: PDF_MAX_IMAGE_PIXELS,
    // Intermediate canvases (soft masks, groups) are sized against this instead of a probe of the platform's limit.
    canvasMaxAreaInBytes: PDF_PREVIEW_PIXELS * 4,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
  }).promise;
  try {
    const page = await document.getPage(1);
    const natural = page.getViewport({ scale: 1 });
    const size = previewSize(natural.width, natural.height, maxPixels);
    const viewport = page.getViewport({ scale: size.scale });
    const factory = document.canvasFactory as { create(width: number, height: number): RenderTarget };
    const target = factory.create(size.width, size.height);
    await renderWithin(page, { ...pdfjsTarget(target), viewport });
    return target.canvas.toBuffer('image/png');
  } finally {
    await document.destroy();
  }
}
