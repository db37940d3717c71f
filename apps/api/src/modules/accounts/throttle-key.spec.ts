import { describe, expect, it } from 'vitest';
import { backoffSeconds } from './login-throttle.service';
import { throttleKey } from './throttle-key';

describe('throttleKey', () => {
  it('keeps IPv4 addresses and unwraps IPv4-mapped ones', () => {
    expect(throttleKey('203.0.113.7')).toBe('203.0.113.7');
    expect(throttleKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('counts an IPv6 address by its /64 network', () => {
    expect(throttleKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(throttleKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(throttleKey('::1')).toBe('::/64');
  });

  it('passes anything else through unchanged', () => {
    expect(throttleKey('unknown')).toBe('unknown');
  });
});

describe('backoffSeconds', () => {
  const policy = { free: 3, baseSeconds: 2, maxSeconds: 60 };

  it('waits not at all for the free failures, then doubles up to the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 100].map((n) => backoffSeconds(n, policy))).toEqual([0, 0, 0, 2, 4, 8, 16, 32, 60, 60]);
  });
});
