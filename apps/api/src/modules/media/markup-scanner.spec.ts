import { describe, expect, it } from 'vitest';
import { MARKUP_ENCODINGS } from '../../../test/support/media-files';
import { MarkupScanner, findMarkup, htmlSignatureAtStart } from './markup-scanner';

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
  ['<meta http-equiv="refresh" content="0;url=//x">', '<meta'],
  ['<?xml-stylesheet type="text/xsl" href="x.xsl"?>', '<?xml-stylesheet'],
  ['<img src=x onerror=alert(1)>', '<img'],
  ['<style>@import "//x"</style>', '<style'],
  ['<a href="java\tscr\nipt:alert(1)">', 'javascript:'],
  ['< script>', '<script'],
  ['<\0\0script\0>', '<script'],
  ['<sVg/onload=alert(1)>', '<svg'],
];

/** The encodings a browser honours for markup: ASCII-compatible, UTF-16 either way, each with or without its BOM. */
const ENCODINGS: [string, (text: string) => Buffer][] = [
  ...MARKUP_ENCODINGS,
  ['upper case, NUL-padded', (text) => Buffer.from([...text.toUpperCase()].join('\0'), 'latin1')],
];
const unescape = (text: string) => text.replace(/\\t/g, '\t').replace(/\\n/g, '\n').replace(/\\0/g, '\0');

describe('MarkupScanner', () => {
  it.each(PAYLOADS)('finds %s hidden in binary data, however the chunks are cut', (escaped, token) => {
    const payload = unescape(escaped);
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

  it.each(ENCODINGS)('finds every payload written in %s, across every cut', (_name, encoding) => {
    for (const [escaped, token] of PAYLOADS) {
      const payload = encoding(unescape(escaped));
      const file = Buffer.concat([filler(200), payload, filler(200, 2)]);
      expect(findMarkup(file), escaped).toBe(token);
      for (let cut = 195; cut <= 205 + payload.length; cut++) expect(scanInChunks(file, [cut]), `${escaped} cut at ${cut}`).toBe(token);
    }
  });

  it.each(ENCODINGS)('takes a file starting with an HTML signature in %s for HTML, as a sniffing browser would', (_name, encoding) => {
    for (const start of ['<p>Hello', '  <a href=x>', '\n<!-- x -->', '<BR>', '<h1>', '<?xml version="1.0"?><x/>', '<!DOCTYPE html>']) {
      const file = Buffer.concat([encoding(start), filler(300)]);
      expect(scanInChunks(file, [1, 2, 3, 50]), start).not.toBeNull();
      expect(htmlSignatureAtStart(file), start).not.toBeNull();
    }
    // The short signatures only count at the start: random bytes hold them every few megabytes.
    const inside = Buffer.concat([filler(300), encoding('<p>Hello <a href=x>'), filler(300)]);
    expect(scanInChunks(inside, [1, 2, 3, 50])).toBeNull();
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
