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
    await expect(acquireToken(tokens, undefined, fail)).resolves.toBe('t1');
  });

  it('passes a typed error from the token endpoint through, for the runner to retry', async () => {
    const limited = new PaginationError('RATE_LIMITED', 'slow down', { provider: 'test' });
    const tokens = createTokenProvider({
      fetchToken: async () => {
        throw limited;
      },
    });
    await expect(acquireToken(tokens, undefined, fail)).rejects.toBe(limited);
  });

  it('turns an unreachable endpoint into NETWORK and anything else into UNAUTHORIZED', async () => {
    const unreachable = createTokenProvider({
      fetchToken: async () => {
        throw new TypeError('fetch failed');
      },
    });
    await expect(acquireToken(unreachable, undefined, fail)).rejects.toMatchObject({
      code: 'NETWORK',
    });
    const broken = createTokenProvider({
      fetchToken: async () => {
        throw new Error('no');
      },
    });
    await expect(acquireToken(broken, undefined, fail)).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      message: expect.stringMatching(/could not get an access token: no/),
    });
  });
});
