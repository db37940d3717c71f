import { describe, expect, it } from 'vitest';
import { insertAt, move } from './reorder';

describe('move', () => {
  it('moves an element up, down and to the ends without touching the input', () => {
    const list = ['a', 'b', 'c', 'd'];
    expect(move(list, 2, 1)).toEqual(['a', 'c', 'b', 'd']);
    expect(move(list, 0, 3)).toEqual(['b', 'c', 'd', 'a']);
    expect(move(list, 3, -5)).toEqual(['d', 'a', 'b', 'c']);
    expect(move(list, 1, 1)).toEqual(list);
    expect(move(list, 9, 0)).toEqual(list);
    expect(list).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('insertAt', () => {
  it('puts an entry back where it was, or at the nearest end when the list has shrunk since', () => {
    const list = ['a', 'c'];
    expect(insertAt(list, 1, 'b')).toEqual(['a', 'b', 'c']);
    expect(insertAt(list, 0, 'z')).toEqual(['z', 'a', 'c']);
    expect(insertAt(list, 7, 'z')).toEqual(['a', 'c', 'z']);
    expect(insertAt([], 3, 'z')).toEqual(['z']);
    expect(list).toEqual(['a', 'c']);
  });
});
