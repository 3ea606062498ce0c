import { describe, expect, it } from 'vitest';
import { PaginationError } from '../pagination-error.js';
import type { FailAttempt } from './attempt-error.js';
import { requestUrl, sendRequest } from './send-request.js';

const fail: FailAttempt = (code, message, details) =>
  new PaginationError(code, message, { provider: 'test', ...details });

describe('runner step 2: send', () => {
  it('builds the URL under the base URL with the query', () => {
    expect(
      requestUrl(
        'https://api.example.com/v1/',
        { method: 'GET', path: '/items', query: { a: '1 2', b: '+/=' } },
        fail,
      ),
    ).toBe('https://api.example.com/v1/items?a=1+2&b=%2B%2F%3D');
    expect(requestUrl('/api/mews', { method: 'POST', path: '/x' }, fail)).toBe('/api/mews/x');
  });

  it('follows an absolute URL only on the base URL’s origin', () => {
    expect(
      requestUrl(
        'https://api.example.com',
        { method: 'GET', path: 'https://api.example.com/p?page=2' },
        fail,
      ),
    ).toBe('https://api.example.com/p?page=2');
    expect(() =>
      requestUrl(
        'https://api.example.com',
        { method: 'GET', path: 'https://evil.example/p' },
        fail,
      ),
    ).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR' }));
  });

  it('sends JSON with the runner’s headers and reads the whole body; a request that does not complete is NETWORK', async () => {
    let seen: RequestInit | undefined;
    const ok: typeof fetch = async (_url, init) => {
      seen = init;
      return new Response('{"ok":true}', { status: 201 });
    };
    const raw = await sendRequest(
      ok,
      'https://x/',
      { method: 'POST', path: '/', body: { a: 1 } },
      { 'x-app': '1' },
      undefined,
      fail,
    );
    expect(raw).toMatchObject({ status: 201, text: '{"ok":true}' });
    expect(seen?.body).toBe('{"a":1}');
    expect(seen?.headers).toMatchObject({
      accept: 'application/json',
      'content-type': 'application/json',
      'x-app': '1',
    });
    const down: typeof fetch = async () => {
      throw new TypeError('fetch failed');
    };
    await expect(
      sendRequest(down, 'https://x/', { method: 'GET', path: '/' }, {}, undefined, fail),
    ).rejects.toMatchObject({
      code: 'NETWORK',
    });
  });
});
