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
