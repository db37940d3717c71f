import { describe, expect, it } from 'vitest';
import { scaleFactorsFor } from './derivatives';

describe('scaleFactorsFor', () => {
  it('halves until the whole image fits one 512 px tile', () => {
    expect(scaleFactorsFor(512, 300)).toEqual([1]);
    expect(scaleFactorsFor(2600, 1800)).toEqual([1, 2, 4, 8]);
    expect(scaleFactorsFor(6000, 4000)).toEqual([1, 2, 4, 8, 16]);
  });
});
