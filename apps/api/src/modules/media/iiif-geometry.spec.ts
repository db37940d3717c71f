import { describe, expect, it } from 'vitest';
import { IIIF_FULL_MAX } from './derivatives';
import { canonicalName, levelFor, resolveRegion, resolveSize, storedObjectName, tilePlan } from './iiif-geometry';

const tiled = { width: 2600, height: 1800, scaleFactors: [1, 2, 4, 8] };
const box = (x: number, y: number, width: number, height: number) => ({ x, y, width, height });

describe('IIIF regions', () => {
  it('reads full, a centred square and pixels', () => {
    expect(resolveRegion(tiled, 'full')).toEqual(box(0, 0, 2600, 1800));
    expect(resolveRegion(tiled, 'square')).toEqual(box(400, 0, 1800, 1800));
    expect(resolveRegion({ width: 600, height: 901 }, 'square')).toEqual(box(0, 150, 600, 600));
    expect(resolveRegion(tiled, { x: 10, y: 20, w: 30, h: 40 })).toEqual(box(10, 20, 30, 40));
  });

  it('crops a region crossing the edge to the image, and refuses one wholly outside', () => {
    expect(resolveRegion(tiled, { x: 2500, y: 1700, w: 512, h: 512 })).toEqual(box(2500, 1700, 100, 100));
    expect(resolveRegion(tiled, { x: 2599, y: 0, w: 999_999, h: 1 })).toEqual(box(2599, 0, 1, 1));
    expect(resolveRegion(tiled, { x: 2600, y: 0, w: 10, h: 10 })).toContain('wholly outside the 2600 × 1800 image');
    expect(resolveRegion(tiled, { x: 0, y: 1800, w: 10, h: 10 })).toContain('wholly outside');
  });
});

describe('IIIF sizes', () => {
  const region = box(0, 0, 1000, 500);

  it('reads max, w,, ,h and w,h, keeping the aspect ratio where one side is given', () => {
    expect(resolveSize(region, 'max')).toEqual({ width: 1000, height: 500 });
    expect(resolveSize(box(0, 0, 2600, 1800), 'max')).toEqual({ width: 2048, height: 1418 });
    expect(resolveSize(region, { w: 333, h: null })).toEqual({ width: 333, height: 167 });
    expect(resolveSize(region, { w: null, h: 100 })).toEqual({ width: 200, height: 100 });
    expect(resolveSize(region, { w: 10, h: 400 })).toEqual({ width: 10, height: 400 });
  });

  it('refuses upscaling, sizes beyond maxWidth/maxHeight, and sizes that round to nothing', () => {
    expect(resolveSize(region, { w: 1001, h: null })).toContain('upscaling');
    expect(resolveSize(region, { w: 10, h: 501 })).toContain('upscaling');
    expect(resolveSize(box(0, 0, 3000, 3000), { w: 2049, h: null })).toContain('maxWidth');
    expect(resolveSize(box(0, 0, 3000, 3000), { w: 2048, h: null })).toEqual({ width: 2048, height: 2048 });
    expect(resolveSize(box(0, 0, 1000, 1), { w: 1, h: null })).toContain('rounds to no pixels');
  });
});

describe('which requests a stored object answers', () => {
  const name = (region: ReturnType<typeof box>, width: number, height: number) => storedObjectName(tiled, region, { width, height });

  it('names the pyramid tiles, the one-tile level and full/max', () => {
    expect(name(box(0, 0, 2600, 1800), 325, 225)).toBe('iiif/0,0,2600,1800/325,225/0/default.jpg');
    expect(name(box(0, 0, 2600, 1800), 2048, 1418)).toBe(IIIF_FULL_MAX);
    expect(name(box(512, 0, 512, 512), 512, 512)).toBe('iiif/512,0,512,512/512,512/0/default.jpg');
    expect(name(box(2560, 1536, 40, 264), 40, 264)).toBe('iiif/2560,1536,40,264/40,264/0/default.jpg');
    expect(name(box(2048, 1024, 552, 776), 276, 388)).toBe('iiif/2048,1024,552,776/276,388/0/default.jpg');
  });

  it('leaves every other region and size, and every untiled image, to rendering', () => {
    expect(name(box(0, 0, 512, 512), 256, 256)).toBeNull();
    expect(name(box(0, 0, 2600, 1800), 1300, 900)).toBeNull();
    expect(name(box(1, 0, 512, 512), 512, 512)).toBeNull();
    expect(storedObjectName({ width: 900, height: 600, scaleFactors: null }, box(0, 0, 512, 512), { width: 512, height: 512 })).toBeNull();
    expect(canonicalName(box(1, 2, 3, 4), { width: 5, height: 6 })).toBe('iiif/1,2,3,4/5,6/0/default.jpg');
  });
});

describe('rendering from the pyramid', () => {
  it('reads the coarsest level with enough pixels', () => {
    expect(levelFor(tiled.scaleFactors, box(0, 0, 2600, 1800), { width: 325, height: 225 })).toBe(8);
    expect(levelFor(tiled.scaleFactors, box(0, 0, 2600, 1800), { width: 1024, height: 709 })).toBe(2);
    expect(levelFor(tiled.scaleFactors, box(0, 0, 512, 512), { width: 100, height: 100 })).toBe(4);
    expect(levelFor(tiled.scaleFactors, box(0, 0, 512, 512), { width: 512, height: 100 })).toBe(1);
  });

  it('plans the parts of the tiles covering a region and where each goes on a canvas the size of the region on the level', () => {
    expect(tilePlan(tiled, box(0, 0, 2600, 1800), 8)).toEqual({
      tiles: [{ name: 'iiif/0,0,2600,1800/325,225/0/default.jpg', part: box(0, 0, 325, 225), left: 0, top: 0 }],
      canvas: { width: 325, height: 225 },
    });
    const across = tilePlan(tiled, box(500, 500, 100, 100), 1);
    expect(across.tiles.map((t) => [t.name.split('/')[1], t.part, t.left, t.top])).toEqual([
      ['0,0,512,512', box(500, 500, 12, 12), 0, 0],
      ['512,0,512,512', box(0, 500, 88, 12), 12, 0],
      ['0,512,512,512', box(500, 0, 12, 88), 0, 12],
      ['512,512,512,512', box(0, 0, 88, 88), 12, 12],
    ]);
    expect(across.canvas).toEqual({ width: 100, height: 100 });
    // At the edge, on a level with narrower last tiles.
    const edge = tilePlan(tiled, box(2000, 1000, 600, 800), 2);
    expect(edge.tiles).toEqual([
      { name: 'iiif/1024,0,1024,1024/512,512/0/default.jpg', part: box(488, 500, 24, 12), left: 0, top: 0 },
      { name: 'iiif/2048,0,552,1024/276,512/0/default.jpg', part: box(0, 500, 276, 12), left: 24, top: 0 },
      { name: 'iiif/1024,1024,1024,776/512,388/0/default.jpg', part: box(488, 0, 24, 388), left: 0, top: 12 },
      { name: 'iiif/2048,1024,552,776/276,388/0/default.jpg', part: box(0, 0, 276, 388), left: 24, top: 12 },
    ]);
    expect(edge.canvas).toEqual({ width: 300, height: 400 });
  });
});
