import { describe, expect, it } from 'vitest';
import { MarkupScanner, findMarkup } from './markup-scanner';

/** Binary-looking filler without `<` or `:`, so only the planted markup can match. */
function filler(length: number, seed = 1): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    const byte = state >>> 24;
    bytes[i] = byte === 0x3c || byte === 0x3a ? 0 : byte;
  }
  return bytes;
}

/** Scans `file` cut into the given chunks, as they would arrive from the network. */
function scanInChunks(file: Buffer, cuts: number[]): string | null {
  const scanner = new MarkupScanner();
  let start = 0;
  for (const cut of [...cuts, file.length]) {
    const found = scanner.scan(file.subarray(start, cut));
    if (found) return found;
    start = cut;
  }
  return scanner.end();
}

const PAYLOADS: [string, string][] = [
  ['<script>alert(1)</script>', '<script'],
  ['<SCRIPT SRC=//x>', '<script'],
  ['<ScRiPt/src=x>', '<script'],
  ['<html><body>', '<html'],
  ['<body onload=alert(1)>', '<body'],
  ['<iframe src=x>', '<iframe'],
  ['<svg\nonload=alert(1)>', '<svg'],
  ['<object data=x>', '<object'],
  ['<embed src=x>', '<embed'],
  ['<!DOCTYPE html>', '<!doctype'],
  ['<?php system($_GET[1]); ?>', '<?php'],
  ['<a href="JavaScript:alert(1)">', 'javascript:'],
];

describe('MarkupScanner', () => {
  it.each(PAYLOADS)('finds %s hidden in binary data, however the chunks are cut', (payload, token) => {
    const file = Buffer.concat([filler(300), Buffer.from(payload, 'latin1'), filler(300, 2)]);
    expect(findMarkup(file)).toBe(token);
    // Every cut through the payload and a few bytes around it, in two and in three chunks.
    for (let cut = 290; cut <= 300 + payload.length + 10; cut++) {
      expect(scanInChunks(file, [cut]), `cut at ${cut}`).toBe(token);
      expect(scanInChunks(file, [cut, cut + 1]), `cuts at ${cut}, ${cut + 1}`).toBe(token);
    }
    // One byte at a time: every chunk smaller than the seam.
    expect(scanInChunks(file, Array.from({ length: file.length - 1 }, (_, i) => i + 1))).toBe(token);
  });

  it('does not take look-alike bytes for markup', () => {
    for (const text of ['<svgz', '<scripts', '<htmlx', '<bodyguard', 'javascript', 'java script:', '<<', 'x < y: z']) {
      const file = Buffer.concat([filler(100), Buffer.from(text, 'latin1'), filler(100, 3)]);
      expect(findMarkup(file), text).toBeNull();
      expect(scanInChunks(file, [103])).toBeNull();
    }
    expect(scanInChunks(filler(1 << 20, 7), [1000, 65_536, 65_537, 300_000])).toBeNull();
  });

  it('counts a tag name the file ends with, and not one a chunk merely ends with', () => {
    const file = Buffer.concat([filler(100), Buffer.from('<svg')]);
    expect(scanInChunks(file, [50])).toBe('<svg');
    const scanner = new MarkupScanner();
    expect(scanner.scan(file)).toBeNull(); // the next chunk might continue the name: `<svgz`
    expect(scanner.scan(Buffer.from('z'))).toBeNull();
    expect(scanner.end()).toBeNull();
  });
});
