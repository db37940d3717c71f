import { describe, expect, it } from 'vitest';
import { decodePublishedCursor, encodePublishedCursor } from './published-cursor';

const key = { at: '2026-12-05T19:22:38.123456Z', id: '0b5c1a52-4a53-4f2c-8d3e-5c6f1e2d3a4b' };

describe('cursors of pages in publication order', () => {
  it('gives back the key it encoded', () => {
    expect(decodePublishedCursor(encodePublishedCursor(key), 'cursor')).toEqual(key);
  });

  it('refuses, as a 400, anything it did not give', () => {
    const made = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const segment of [
      'not-a-key',
      '',
      made(['2026-02-30T00:00:00.000000Z', key.id]),
      made(['2026-12-05T25:00:00.000000Z', key.id]),
      made(['2026-12-05 19:22:38+00', key.id]),
      made([key.at, 'not-a-uuid']),
      made([key.at]),
      `${encodePublishedCursor(key)}A`,
    ]) {
      expect(() => decodePublishedCursor(segment, 'cursor'), segment).toThrow(expect.objectContaining({ status: 400 }));
    }
  });
});
