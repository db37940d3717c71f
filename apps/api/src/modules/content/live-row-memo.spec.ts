import { describe, expect, it } from 'vitest';
import { LiveRowMemo } from './live-row-memo';

describe('LiveRowMemo', () => {
  it('keeps at most its bound, dropping the least recently used first', () => {
    const memo = new LiveRowMemo<string>(2);
    memo.set('a 1', 'first');
    memo.set('b 1', 'second');
    expect(memo.get('a 1')).toBe('first');
    memo.set('c 1', 'third');
    expect(memo.size).toBe(2);
    expect(memo.get('b 1')).toBeUndefined();
    expect(memo.get('a 1')).toBe('first');
    expect(memo.get('c 1')).toBe('third');
  });
});

describe('LiveRowMemo with a byte bound', () => {
  it('keeps what its values take under the bound, dropping the least recently used first', () => {
    const memo = new LiveRowMemo<string>(100, { maxBytes: 30, sizeOf: (value) => value.length });
    memo.set('a', 'x'.repeat(9));
    memo.set('b', 'y'.repeat(9));
    memo.set('c', 'z'.repeat(9));
    expect(memo.bytes).toBe(30);
    expect(memo.get('a')).toBe('x'.repeat(9));
    memo.set('d', 'w'.repeat(9));
    expect(memo.get('b')).toBeUndefined();
    expect(memo.size).toBe(3);
    expect(memo.bytes).toBeLessThanOrEqual(30);
    memo.set('d', 'v');
    expect(memo.bytes).toBe(22);
    // Larger than the whole bound: not kept, and nothing else pushed out for it.
    memo.set('e', 'u'.repeat(40));
    expect(memo.get('e')).toBeUndefined();
    expect(memo.size).toBe(3);
  });
});
