import { describe, expect, it } from 'vitest';
import { parseRegion, parseSize, regionSchema, rotationSchema, sizeSchema } from './iiif-syntax';

const refusal = (result: object | string) => (typeof result === 'object' && 'refused' in result ? result.refused : undefined);

describe('IIIF level-1 request syntax', () => {
  it('reads full, square and pixel regions', () => {
    expect(parseRegion('full')).toBe('full');
    expect(parseRegion('square')).toBe('square');
    expect(parseRegion('10,20,300,400')).toEqual({ x: 10, y: 20, w: 300, h: 400 });
  });

  it('refuses malformed regions, and level-2 ones saying so', () => {
    for (const text of ['0,0,512', '0,0,512,512,1', 'a,b,c,d', '-1,0,5,5', '1234567,0,5,5', '1.5,0,5,5', '', 'FULL']) {
      expect(parseRegion(text), text).toEqual({ refused: 'a region is full, square or x,y,w,h in whole pixels' });
    }
    expect(refusal(parseRegion('0,0,0,512'))).toContain('at least one pixel');
    expect(refusal(parseRegion('pct:0,0,50,50'))).toContain('level 2');
  });

  it('reads max, w,, ,h and w,h sizes', () => {
    expect(parseSize('max')).toBe('max');
    expect(parseSize('512,')).toEqual({ w: 512, h: null });
    expect(parseSize(',300')).toEqual({ w: null, h: 300 });
    expect(parseSize('512,300')).toEqual({ w: 512, h: 300 });
  });

  it('refuses malformed sizes, and upscaling, best fit and percent as level 2', () => {
    for (const text of [',', '0,0', '512', 'a,', '1234567,', 'full', '']) expect(refusal(parseSize(text)), text).toMatch(/size/);
    expect(refusal(parseSize('0,'))).toContain('at least one pixel');
    for (const text of ['^max', '^512,', '!512,512', 'pct:50']) expect(refusal(parseSize(text)), text).toContain('level 2');
  });

  it('gives zod the parsers’ messages', () => {
    expect(regionSchema.safeParse('0,0,1,1').data).toEqual({ x: 0, y: 0, w: 1, h: 1 });
    expect(regionSchema.safeParse('square').data).toBe('square');
    expect(sizeSchema.safeParse('max').data).toBe('max');
    expect(sizeSchema.safeParse('!5,5').error?.issues[0].message).toContain('best fit (!w,h) is IIIF level 2');
    expect(rotationSchema.safeParse('90').error?.issues[0].message).toContain('rotation 0 only');
  });
});
