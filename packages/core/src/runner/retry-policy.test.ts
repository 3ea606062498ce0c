import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_RETRY, parseRetryAfter, retryDelay } from './retry-policy.js';

describe('runner step 5: decide the retry', () => {
  it('retries only what a retry may cure, while retries remain', () => {
    const policy = { ...DEFAULT_RETRY, retries: 2 };
    for (const code of ['RATE_LIMITED', 'SERVER_ERROR', 'NETWORK'])
      expect(retryDelay(policy, { code }, 0, () => 0)).toBeGreaterThan(0);
    for (const code of ['BAD_REQUEST', 'UNAUTHORIZED', 'INVALID_CURSOR', 'BAD_RESPONSE', 'ABORTED'])
      expect(retryDelay(policy, { code }, 0)).toBeUndefined();
    expect(retryDelay(policy, { code: 'SERVER_ERROR' }, 2)).toBeUndefined();
  });

  it('waits at least the vendor’s Retry-After, and gives up on one beyond the longest wait', () => {
    const policy = { ...DEFAULT_RETRY, maxDelayMs: 5000 };
    expect(retryDelay(policy, { code: 'RATE_LIMITED', retryAfterMs: 4000 }, 0, () => 0)).toBe(4000);
    expect(retryDelay(policy, { code: 'RATE_LIMITED', retryAfterMs: 6000 }, 0)).toBeUndefined();
  });

  it('backs off exponentially with equal jitter, capped', () => {
    const policy = { retries: 10, baseDelayMs: 100, maxDelayMs: 1000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(policy, n, () => 1))).toEqual([
      100, 200, 400, 800, 1000,
    ]);
    expect(backoffDelay(policy, 3, () => 0)).toBe(200);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter('1.5', now)).toBe(1500);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:03 GMT', now)).toBe(3000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:59:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
    expect(parseRetryAfter('-1.5', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
