import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { findUnsafeText } from './safe-text';

describe('findUnsafeText', () => {
  it('names the path of the first unsafe string or key, however deep', () => {
    expect(findUnsafeText({ title: { en: { text: 'ok' } }, tags: ['a', 'b\u0000'] }, '(body)')).toBe('tags.1');
    expect(findUnsafeText({ people: [{ name: 'Иванов', variants: ['\ud800'] }] }, '(body)')).toBe('people.0.variants.0');
    expect(findUnsafeText({ names: { ['en\udc00']: 'x' } }, '(body)')).toBe('names.en\udc00');
    expect(findUnsafeText('WEBVTT\u0000', '(body)')).toBe('(body)');
    expect(findUnsafeText({ q: 'a\u0000' }, 'query')).toBe('q');
  });

  it('passes well-formed text, emoji included, and what is not text', () => {
    expect(findUnsafeText({ title: 'Медаль 🎖️ 😀', n: 1, ok: true, none: null, list: [1.5, '\ud83d\ude00'] }, '(body)')).toBeUndefined();
    expect(findUnsafeText(undefined, '(body)')).toBeUndefined();
    // An upload arrives as a stream, handed on untouched: never walked.
    expect(findUnsafeText(Readable.from(['\u0000']), '(body)')).toBeUndefined();
  });

  it('walks a body nested ten thousand deep without overflowing the stack', () => {
    const depth = 10_000;
    const deep = JSON.parse(`${'{"a":'.repeat(depth)}"x\\u0000"${'}'.repeat(depth)}`);
    expect(findUnsafeText(deep, '(body)')).toBe(Array(depth).fill('a').join('.'));
    const arrays = JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`);
    expect(findUnsafeText(arrays, '(body)')).toBeUndefined();
  });
});
