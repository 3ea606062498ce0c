import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRequestRunner } from './request-runner.js';

describe('runner options', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('says in development which options it does not know, and where a retry option goes', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    createRequestRunner({
      baseUrl: 'https://api.example.com',
      retries: 0,
      timeout: 5000,
      retry: { retries: 1, maxDelay: 100 },
    } as never);
    expect(warn.mock.calls.map((call) => call[0])).toEqual([
      '[pagewise] createRequestRunner has no option "retries" (retry.retries?): it is ignored.',
      '[pagewise] createRequestRunner has no option "timeout": it is ignored.',
      '[pagewise] createRequestRunner has no option "retry.maxDelay": it is ignored.',
    ]);
  });

  it('says nothing of the options it knows', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    createRequestRunner({
      baseUrl: '/api',
      linkBaseUrl: 'https://api.example.com',
      fetch: globalThis.fetch,
      headers: {},
      timeoutMs: 1000,
      maxRedirects: 1,
      maxResponseBytes: 1000,
      retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 2 },
      onRequest: () => {},
      sleep: async () => {},
      random: Math.random,
    });
    expect(warn).not.toHaveBeenCalled();
  });
});
