import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { pdfWithHugeImage, pdfWithManyOperators, pdfWithPage } from '../../../test/support/crafted-files';
import { PDF_MAX_OPERATORS, PDF_PREVIEW_PIXELS, PdfPreviewRefused, previewSize, renderFirstPage } from './pdf-preview';

// pdf.js is slow on a busy machine; these are ceilings for a hung test, not budgets.
const CEILING = 600_000;

async function dimensions(png: Buffer): Promise<[number, number]> {
  const { width, height } = await sharp(png).metadata();
  return [width!, height!];
}

describe('previewSize', () => {
  it('keeps the long side within 1600 px and the area within the budget, each side at least a pixel', () => {
    expect(previewSize(612, 792)).toMatchObject({ width: 1236, height: 1600 });
    expect(previewSize(14_400 * 75, 14_400 * 75)).toMatchObject({ width: 1600, height: 1600 });
    expect(previewSize(612, 792, 1_000_000)).toMatchObject({ width: 879, height: 1137 });
    expect(previewSize(14_400, 3)).toMatchObject({ width: 1600, height: 1 });
  });

  it('refuses pages with a side that is not a positive finite number or beyond any PDF', () => {
    for (const [w, h] of [[0, 792], [612, -1], [Number.NaN, 10], [Number.POSITIVE_INFINITY, 10], [1e12, 10]]) {
      expect(() => previewSize(w, h)).toThrow(PdfPreviewRefused);
    }
  });
});

describe('renderFirstPage', () => {
  it('draws a page of 14400 × 14400 points at UserUnit 75 within the pixel budget', async () => {
    const [width, height] = await dimensions(await renderFirstPage(pdfWithPage(14_400, 14_400, 75)));
    expect([width, height]).toEqual([1600, 1600]);
    expect(width * height).toBeLessThanOrEqual(PDF_PREVIEW_PIXELS);
    // A smaller configured image budget shrinks the preview too.
    const [w, h] = await dimensions(await renderFirstPage(pdfWithPage(14_400, 14_400, 75), 250_000));
    expect([w, h]).toEqual([500, 500]);
  }, CEILING);

  it('leaves an embedded image of 144 MP out instead of decoding it', async () => {
    const pdf = pdfWithHugeImage(12_000);
    expect(pdf.length).toBeLessThan(400_000);
    const [width, height] = await dimensions(await renderFirstPage(pdf));
    expect([width, height]).toEqual([1236, 1600]);
  }, CEILING);

  it(`gives up on a page of more than ${PDF_MAX_OPERATORS} operators`, async () => {
    await expect(renderFirstPage(pdfWithManyOperators(PDF_MAX_OPERATORS * 3))).rejects.toThrow(PdfPreviewRefused);
  }, CEILING);
});
