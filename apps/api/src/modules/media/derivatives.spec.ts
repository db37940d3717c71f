import { describe, expect, it } from 'vitest';
import { flatGreyPng } from '../../../test/support/crafted-files';
import {
  OverPixelBudget,
  fullSizes,
  makeImageDerivatives,
  maxSize,
  pixelBudgetRefusal,
  scaleFactorsFor,
} from './derivatives';

describe('scaleFactorsFor', () => {
  it('halves until the whole image fits one 512 px tile', () => {
    expect(scaleFactorsFor(512, 300)).toEqual([1]);
    expect(scaleFactorsFor(2600, 1800)).toEqual([1, 2, 4, 8]);
    expect(scaleFactorsFor(6000, 4000)).toEqual([1, 2, 4, 8, 16]);
  });
});

describe('IIIF whole-image sizes', () => {
  it('lists the one-tile level, rounded up as viewers round it, and max within 2048 px', () => {
    expect(fullSizes(2600, 1800, [1, 2, 4, 8])).toEqual([
      { width: 325, height: 225 },
      { width: 2048, height: 1418 },
    ]);
    expect(fullSizes(6001, 4001, scaleFactorsFor(6001, 4001))).toEqual([
      { width: 376, height: 251 },
      { width: 2048, height: 1365 },
    ]);
    expect(maxSize(2010, 600)).toEqual({ width: 2010, height: 600 });
  });
});

describe('the pixel budget', () => {
  const budget = { maxPixels: 100_000_000, maxPixelsPerByte: 100 };

  it('refuses more pixels than the ceiling, whatever the file size', () => {
    expect(pixelBudgetRefusal(10_001, 10_000, 300_000_000, budget)).toContain('10001 × 10000');
    expect(pixelBudgetRefusal(10_000, 10_000, 300_000_000, budget)).toBeNull();
  });

  it('above 16 MP, refuses files with too few bytes for their pixels', () => {
    // The 97 KB PNG of 100 MP: a thousand pixels per byte.
    expect(pixelBudgetRefusal(10_000, 10_000, 97_276, budget)).toContain('decompression bomb');
    // A real 100 MP scan weighs megabytes.
    expect(pixelBudgetRefusal(10_000, 10_000, 1_000_000, budget)).toBeNull();
    // Flat graphics up to 16 MP may be tiny.
    expect(pixelBudgetRefusal(4000, 4000, 15_000, budget)).toBeNull();
    expect(pixelBudgetRefusal(4001, 4000, 15_000, budget)).toContain('decompression bomb');
  });

  it('is applied by makeImageDerivatives before anything is decoded', async () => {
    const bomb = flatGreyPng(10_000, 10_000);
    expect(bomb.length).toBeLessThan(120_000);
    await expect(makeImageDerivatives(bomb, budget)).rejects.toBeInstanceOf(OverPixelBudget);
    // The same file passes a looser budget: the refusal above is the budget's, not a broken file's.
    const small = flatGreyPng(4000, 4000);
    await expect(makeImageDerivatives(small, { maxPixels: 10_000_000, maxPixelsPerByte: 100 })).rejects.toBeInstanceOf(OverPixelBudget);
    expect((await makeImageDerivatives(small, budget)).width).toBe(4000);
  }, 300_000);
});
