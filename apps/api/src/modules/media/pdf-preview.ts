import { dirname, join } from 'node:path';

/** Long side of the rendered first page: enough for the largest rendition without tiling. */
export const PDF_PREVIEW_SIZE = 1600;

interface RenderTarget {
  canvas: { toBuffer(type: 'image/png'): Buffer };
  context: unknown;
}

/**
 * Renders a PDF's first page to PNG with pdf.js (on @napi-rs/canvas, both
 * from the npm registry). Scripts in the PDF are never run: pdf.js has no
 * JavaScript engine for documents, and `isEvalSupported` is off.
 */
export async function renderFirstPage(pdf: Buffer): Promise<Buffer> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const fonts = join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + '/';
  const document = await getDocument({
    data: new Uint8Array(pdf),
    isEvalSupported: false,
    disableFontFace: true,
    standardFontDataUrl: fonts,
    verbosity: 0,
  }).promise;
  try {
    const page = await document.getPage(1);
    const natural = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: PDF_PREVIEW_SIZE / Math.max(natural.width, natural.height) });
    const factory = document.canvasFactory as { create(width: number, height: number): RenderTarget };
    const { canvas, context } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
    await page.render({ canvasContext: context as never, canvas: canvas as never, viewport }).promise;
    return canvas.toBuffer('image/png');
  } finally {
    await document.destroy();
  }
}
