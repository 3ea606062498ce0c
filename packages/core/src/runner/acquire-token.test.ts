import { describe, expect, it } from 'vitest';
import { createTokenProvider } from '../auth/token-provider.js';
import { PaginationError } from '../pagination-error.js';
import { acquireToken } from './acquire-token.js';
import type { FailAttempt } from './attempt-error.js';

const fail: FailAttempt = (code, message, details) =>
  new PaginationError(code, message, { provider: 'test', ...details });

describe('runner step 1: acquire a token', () => {
  it('returns the provider’s token', async () => {
    const tokens = createTokenProvider({
      fetchToken: async () => ({ token: 't1', expiresIn: 60 }),
    });
    await expect(acquireToken(tokens, undefined, 1000, fail)).resolves.toBe('t1');
  });

  it('passes a typed error from the token endpoint on (code kept), for the runner to retry', async () => {
    const limited = new PaginationError('RATE_LIMITED', 'slow down', {
      provider: 'test',
      retryAfterMs: 2000,
    });
    const tokens = createTokenProvider({
      fetchToken: async () => {
        throw limited;
      },
    });
    await expect(acquireToken(tokens, undefined, 1000, fail)).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterMs: 2000,
      cause: limited,
    });
  });

  it('times out a token endpoint that never answers (TIMEOUT, retried by the runner)', async () => {
    const tokens = createTokenProvider({ fetchToken: () => new Promise(() => {}) });
    await expect(acquireToken(tokens, undefined, 50, fail)).rejects.toMatchObject({
      code: 'TIMEOUT',
    });
  });

  it('lets one caller abort without failing the others waiting for the same token', async () => {
    let resolve: (grant: { token: string; expiresIn: number }) => void = () => {};
    const tokens = createTokenProvider({ fetchToken: () => new Promise((r) => (resolve = r)) });
    const a = new AbortController();
    const first = tokens.get(a.signal);
    const second = tokens.get();
    a.abort();
    resolve({ token: 't2', expiresIn: 60 });
    await expect(first).rejects.toBeDefined();
    await expect(second).resolves.toBe('t2');
  });

  it('turns an unreachable endpoint into NETWORK and anything else into UNAUTHORIZED', async () => {
    const unreachable = createTokenProvider({
      fetchToken: async () => {
        throw new TypeError('fetch failed');
      },
    });
    await expect(acquireToken(unreachable, undefined, 1000, fail)).rejects.toMatchObject({
      code: 'NETWORK',
    });
    const broken = createTokenProvider({
      fetchToken: async () => {
        throw new Error('no');
      },
    });
    await expect(acquireToken(broken, undefined, 1000, fail)).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      message: expect.stringMatching(/could not get an access token: no/),
    });
  });
});
