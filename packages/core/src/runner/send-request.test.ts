import { describe, expect, it } from 'vitest';
import { PaginationError } from '../pagination-error.js';
import type { FailAttempt } from './attempt-error.js';
import { sendRequest } from './send-request.js';

const fail: FailAttempt = (code, message, details) =>
  new PaginationError(code, message, { provider: 'test', ...details });

describe('runner step 2: send', () => {
  it('sends JSON with the runner’s headers and reads the whole body; a request that does not complete is NETWORK', async () => {
    let seen: RequestInit | undefined;
    const ok: typeof fetch = async (_url, init) => {
      seen = init;
      return new Response('{"ok":true}', { status: 201 });
    };
    const options = {
      baseUrl: 'https://x',
      timeoutMs: 1000,
      maxRedirects: 5,
      maxResponseBytes: 1 << 20,
    };
    const raw = await sendRequest(
      ok,
      'https://x/',
      { method: 'POST', path: '/', body: { a: 1 } },
      { ...options, headers: { 'x-app': '1' } },
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
      sendRequest(down, 'https://x/', { method: 'GET', path: '/' }, options, fail),
    ).rejects.toMatchObject({
      code: 'NETWORK',
    });
  });
});

describe('runner step 2: redirects and time', () => {
  const options = {
    baseUrl: 'https://api.example.com',
    timeoutMs: 1000,
    maxRedirects: 5,
    maxResponseBytes: 1 << 20,
  };
  const redirecting =
    (location: string, status = 302): typeof fetch =>
    async (url) =>
      String(url).includes('/moved')
        ? new Response('{"ok":true}')
        : new Response(null, { status, headers: { location } });

  it('follows a redirect on the same origin, and refuses one to another origin before anything is sent there', async () => {
    const sent: string[] = [];
    const record =
      (inner: typeof fetch): typeof fetch =>
      (url, init) => {
        sent.push(String(url));
        return inner(url, init);
      };
    const same = await sendRequest(
      record(redirecting('/moved')),
      'https://api.example.com/a',
      { method: 'GET', path: '/a' },
      options,
      fail,
    );
    expect(same.text).toBe('{"ok":true}');
    expect(sent).toEqual(['https://api.example.com/a', 'https://api.example.com/moved']);
    sent.length = 0;
    await expect(
      sendRequest(
        record(redirecting('https://evil.example/moved')),
        'https://api.example.com/a',
        { method: 'GET', path: '/a' },
        options,
        fail,
      ),
    ).rejects.toMatchObject({ code: 'REDIRECT_REFUSED', status: 302 });
    expect(sent).toEqual(['https://api.example.com/a']);
  });

  it('refuses a redirect on the origin out of the base URL’s path (another tenant, an admin route) before anything is sent there', async () => {
    const sent: string[] = [];
    const at =
      (location: string): typeof fetch =>
      async (url) => {
        sent.push(String(url));
        return String(url).endsWith('/a')
          ? new Response(null, { status: 302, headers: { location } })
          : new Response('{"ok":true}');
      };
    const tenant = { ...options, baseUrl: 'https://api.example.com/tenant-a/api' };
    const get = { method: 'GET' as const, path: '/a' };
    for (const location of [
      '/tenant-b/admin/export',
      '../../tenant-b/x',
      '/tenant-a/api-old/x',
      '/tenant-a/api/%2e%2e%2fadmin',
      '/tenant-a/api/x%2f..%2f..%2fadmin',
      '/tenant-a/api/..;/..;/tenant-b/admin/export',
      '/tenant-a/api/%2e%2e;/%2e%2e;/tenant-b/admin/export',
      '/tenant-a/api/.%2e;/.%2E;/tenant-b/admin/export',
    ]) {
      sent.length = 0;
      await expect(
        sendRequest(at(location), 'https://api.example.com/tenant-a/api/a', get, tenant, fail),
      ).rejects.toMatchObject({ code: 'REDIRECT_REFUSED', status: 302 });
      expect(sent).toEqual(['https://api.example.com/tenant-a/api/a']);
    }
    // Under the base URL's path, it is followed; a relative base URL (the page's own API) too.
    const moved = await sendRequest(
      at('/tenant-a/api/v2/a-moved'),
      'https://api.example.com/tenant-a/api/a',
      get,
      tenant,
      fail,
    );
    expect(moved.text).toBe('{"ok":true}');
    const relative = await sendRequest(
      at('v2/b'),
      '/tenant-a/api/a',
      get,
      {
        ...options,
        baseUrl: '/tenant-a/api',
      },
      fail,
    );
    expect(relative.text).toBe('{"ok":true}');
  });

  it('keeps a POST a POST: a 307 on the same origin is followed with its body, a 302 is refused', async () => {
    const bodies: unknown[] = [];
    const recording: typeof fetch = async (url, init) => {
      bodies.push(init?.body);
      return redirecting('/moved', 307)(url, init);
    };
    const post = { method: 'POST' as const, path: '/a', body: { Limitation: { Count: 1 } } };
    await sendRequest(recording, 'https://api.example.com/a', post, options, fail);
    expect(bodies).toEqual([JSON.stringify(post.body), JSON.stringify(post.body)]);
    await expect(
      sendRequest(redirecting('/moved', 302), 'https://api.example.com/a', post, options, fail),
    ).rejects.toMatchObject({
      code: 'REDIRECT_REFUSED',
    });
  });

  it('refuses endless redirects', async () => {
    const loop: typeof fetch = async () =>
      new Response(null, { status: 302, headers: { location: '/a' } });
    await expect(
      sendRequest(loop, 'https://api.example.com/a', { method: 'GET', path: '/a' }, options, fail),
    ).rejects.toMatchObject({
      code: 'REDIRECT_REFUSED',
      message: expect.stringMatching(/more than 5 redirects/),
    });
  });

  it('times out a server that drips its answer: TIMEOUT, the body read included', async () => {
    const dripping: typeof fetch = async (_url, init) => {
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          const drip = setInterval(() => controller.enqueue(new TextEncoder().encode(' ')), 20);
          init?.signal?.addEventListener('abort', () => {
            clearInterval(drip);
            controller.error(init.signal?.reason);
          });
        },
      });
      return new Response(stream, { status: 200 });
    };
    const started = Date.now();
    await expect(
      sendRequest(
        dripping,
        'https://api.example.com/a',
        { method: 'GET', path: '/a' },
        { ...options, timeoutMs: 100 },
        fail,
      ),
    ).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('refuses a header with a line break before sending: INVALID_OPTION, the value not quoted, not retried', async () => {
    let called = 0;
    const counting: typeof fetch = async () => {
      called++;
      return new Response('{}');
    };
    const error = await sendRequest(
      counting,
      'https://api.example.com/a',
      { method: 'GET', path: '/a', headers: { authorization: 'Token abc\r\nsecret-123' } },
      options,
      fail,
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'INVALID_OPTION',
      message: expect.stringContaining('the authorization header holds a line break'),
    });
    expect(String(error)).not.toContain('secret-123');
    expect(called).toBe(0);
    // At the ends (a token file's final newline) `fetch` trims it: sent.
    const trimmed = await sendRequest(
      counting,
      'https://api.example.com/a',
      { method: 'GET', path: '/a', headers: { authorization: 'Token abc\r\n' } },
      options,
      fail,
    );
    expect(trimmed.status).toBe(200);
    expect(called).toBe(1);
  });

  it('times out headers that come after the clock ran out, with a body that never ends', async () => {
    const late: typeof fetch = async () => {
      await new Promise((resolve) => setTimeout(resolve, 150));
      return new Response(new ReadableStream({ pull: () => new Promise<void>(() => {}) }));
    };
    await expect(
      sendRequest(
        late,
        'https://api.example.com/a',
        { method: 'GET', path: '/a' },
        { ...options, timeoutMs: 100 },
        fail,
      ),
    ).rejects.toMatchObject({ code: 'TIMEOUT' });
  });

  it('times out a body that does not heed the signal (a fetch of your own): TIMEOUT, not a late page', async () => {
    // 40 chunks, 25 ms apart: a second in all, the signal `fetch` was given never looked at.
    const deaf: typeof fetch = async () => {
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        async pull(controller) {
          await new Promise((resolve) => setTimeout(resolve, 25));
          if (sent++ === 40) controller.close();
          else
            controller.enqueue(
              new TextEncoder().encode(sent === 1 ? '[' : sent === 41 ? ']' : ' '),
            );
        },
      });
      return new Response(stream, { status: 200 });
    };
    const started = Date.now();
    await expect(
      sendRequest(
        deaf,
        'https://api.example.com/a',
        { method: 'GET', path: '/a' },
        { ...options, timeoutMs: 100 },
        fail,
      ),
    ).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(500);
  });
});
