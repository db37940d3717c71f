import { describe, expect, it } from 'vitest';
import { IIIF_FULL_MAX, fullSizes, iiifObjectName, maxSize, scaleFactorsFor } from './derivatives';

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

  it('maps each spelling of a request to the object that answers it', () => {
    const image = { width: 2600, height: 1800 };
    expect(iiifObjectName(image, { region: 'full', size: [325, 225] })).toBe('iiif/0,0,2600,1800/325,225/0/default.jpg');
    expect(iiifObjectName(image, { region: 'full', size: 'max' })).toBe(IIIF_FULL_MAX);
    expect(iiifObjectName(image, { region: 'full', size: [2048, 1418] })).toBe(IIIF_FULL_MAX);
    expect(iiifObjectName(image, { region: [0, 0, 2600, 1800], size: 'max' })).toBe(IIIF_FULL_MAX);
    expect(iiifObjectName(image, { region: [512, 0, 512, 512], size: 'max' })).toBe('iiif/512,0,512,512/512,512/0/default.jpg');
    expect(iiifObjectName(image, { region: [2600, 0, 512, 512], size: [512, 512] })).toBeNull();
  });
});
