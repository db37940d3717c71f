import { describe, expect, it } from 'vitest';
import { imageInformation, servedImage } from './iiif-info';

const asset = { status: 'ready' as const, width: 900, height: 600, tileScaleFactors: null, derivativeWidths: [400, 800, 900] };

describe('IIIF image information', () => {
  it('serves ready images with a pyramid or a full-width WebP, nothing else', () => {
    expect(servedImage(asset)).toEqual({ width: 900, height: 600, scaleFactors: null });
    expect(servedImage({ ...asset, width: 2600, height: 1800, tileScaleFactors: [1, 2, 4, 8] })?.scaleFactors).toEqual([1, 2, 4, 8]);
    expect(servedImage({ ...asset, status: 'processing' })).toBeNull();
    expect(servedImage({ ...asset, derivativeWidths: [400, 800] })).toBeNull();
    expect(servedImage({ ...asset, width: null })).toBeNull();
  });

  it('declares level 1, the renditions’ sizes and a tile grid for an untiled image, with no max beyond the image', () => {
    const info = imageInformation('https://museum.test/iiif/3/x', servedImage(asset)!, asset.derivativeWidths);
    expect(info).toEqual({
      '@context': 'http://iiif.io/api/image/3/context.json',
      id: 'https://museum.test/iiif/3/x',
      type: 'ImageService3',
      protocol: 'http://iiif.io/api/image',
      profile: 'level1',
      width: 900,
      height: 600,
      sizes: [
        { width: 400, height: 267 },
        { width: 800, height: 533 },
        { width: 900, height: 600 },
      ],
      tiles: [{ width: 512, height: 512, scaleFactors: [1, 2] }],
    });
  });

  it('declares the stored pyramid and the 2048 px bound of a large image', () => {
    const info = imageInformation('x', { width: 2600, height: 1800, scaleFactors: [1, 2, 4, 8] }, [400, 800, 1600, 2400]);
    expect(info).toMatchObject({ maxWidth: 2048, maxHeight: 2048, tiles: [{ width: 512, height: 512, scaleFactors: [1, 2, 4, 8] }] });
    expect(info.sizes).toEqual([
      { width: 325, height: 225 },
      { width: 2048, height: 1418 },
    ]);
  });
});
