/**
 * Hardening II, findings 2, 3, 7, 8 and 9: no vendor answer and no URL can freeze or flood a
 * process. Every pattern over vendor or URL input is linear (100 KB of its worst input within
 * LINEAR_MS, the best of three runs), answers are read as a stream within a byte limit (counted
 * inflated), and a page never holds more items than it asked for.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenProvider } from './auth/token-provider.js';
import { parseLosslessJson } from './lossless-json.js';
import { redactRequest, redactText } from './redact.js';
import { createRequestRunner } from './runner/request-runner.js';
import { linkHeaderSource, parseLinkHeader } from './sources/link-header.js';
import { pageNumberSource } from './sources/page-number.js';
import { dingtalkTokenProvider } from './vendors/dingtalk.js';
import { lineworksList } from './vendors/lineworks.js';

/**
 * What separates linear from quadratic on 100 KB: the slowest linear case here takes about 5 ms
 * alone and 50 ms on a loaded 2-core CI machine running other test files beside it; a quadratic
 * pattern (5·10⁹ steps) takes seconds. A complexity bound, not a speed target.
 */
const LINEAR_MS = 400;

/** The best of three runs, in ms. */
function fastest(work: () => unknown): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    work();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}
const K100 = 100_000;

describe('every pattern over vendor or URL input is linear', () => {
  it.each([
    ['a vendor message of "=" and commas (redaction pairs)', `=${','.repeat(K100)}`],
    ['a vendor message of "=" and parentheses', `=${'('.repeat(K100)}`],
    ['name=value pairs without an end', `?a=${'b'.repeat(K100)}`],
    ['JSON fields without a closing quote', `{"token":"${'x'.repeat(K100)}`],
    ['JSON-looking quotes', '"a":"'.repeat(K100 / 5)],
    ['many short JSON fields', '"secret": "x", '.repeat(K100 / 15)],
  ])('redaction: %s', (_name, text) => {
    expect(fastest(() => redactText(text, ['a-secret-value']))).toBeLessThan(LINEAR_MS);
    expect(redactText(text, []).length).toBeLessThanOrEqual(301);
    // A request part (a 16 KB cursor is the longest sent) is redacted whole, as fast.
    expect(fastest(() => redactRequest({ method: 'GET', path: text }))).toBeLessThan(LINEAR_MS);
  });

  it('redaction still finds a secret in the part an error shows', () => {
    const said = `denied for access_token=abc123def&x=1 ${'('.repeat(K100)}`;
    expect(redactText(said, [])).toContain('access_token=[redacted]');
    expect(redactText('{"password":"hunter22","user":"a"}', [])).toBe(
      '{"password":"[redacted]","user":"a"}',
    );
  });

  it.each([
    ['64,000 "<"', '<'.repeat(64_000)],
    ['100 KB of "<" and ";"', '<;'.repeat(K100 / 2)],
    ['an unterminated link', `<${'a'.repeat(K100)}`],
    [
      'a link with 100 KB of parameters',
      `<https://x/?page=2>${'; a=b'.repeat(K100 / 5)}; rel="next"`,
    ],
  ])('Link header: %s', (_name, header) => {
    expect(fastest(() => parseLinkHeader(header))).toBeLessThan(LINEAR_MS);
  });

  it('Link header: still reads every relation', () => {
    expect(
      parseLinkHeader('<https://x/?p=2>; rel="next", <https://x/?p=1>; rel="prev first"'),
    ).toEqual({ next: 'https://x/?p=2', prev: 'https://x/?p=1', first: 'https://x/?p=1' });
  });

  it('lossless JSON: 100 KB of numbers and of delimiters', () => {
    const numbers = `[${'1,'.repeat(K100 / 2)}1]`;
    const spaces = `{"a":${' '.repeat(K100)}1}`;
    expect(fastest(() => parseLosslessJson(numbers))).toBeLessThan(LINEAR_MS);
    expect(fastest(() => parseLosslessJson(spaces))).toBeLessThan(LINEAR_MS);
  });
});

describe('answers are read within a byte limit, compressed or not', () => {
  let server: Server;
  let base: string;
  /** 64 MB of items, gzipped to ~70 KB: a small answer that inflates to a flood. */
  const bomb = gzipSync(
    Buffer.concat([
      Buffer.from('{"items":["'),
      Buffer.alloc(64 * 1024 * 1024, 'a'),
      Buffer.from('"],"next":null}'),
    ]),
  );
  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url?.startsWith('/small')) {
        response.setHeader('content-type', 'application/json');
        response.end('{"items":[{"id":1}],"next":null}');
        return;
      }
      response.setHeader('content-type', 'application/json');
      response.setHeader('content-encoding', 'gzip');
      response.end(bomb);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const source = (path: string) =>
    linkHeaderSource<{ id: number }>({ path, items: 'items', key: (i) => String(i.id) });

  it('a gzip answer that inflates past the limit is BAD_RESPONSE, read no further', async () => {
    const runner = createRequestRunner({ baseUrl: base, maxResponseBytes: 1024 * 1024 });
    const rss = process.memoryUsage().rss;
    const error = await runner
      .fetchPage(source('/bomb'), { cursor: null })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_RESPONSE', field: 'body' });
    expect(String(error)).toMatch(/over 1048576 bytes/);
    expect(process.memoryUsage().rss - rss).toBeLessThan(48 * 1024 * 1024);
  });

  it('the default limit (32 MiB) stops the same flood; a normal answer reads as before', async () => {
    const runner = createRequestRunner({ baseUrl: base });
    await expect(runner.fetchPage(source('/bomb'), { cursor: null })).rejects.toMatchObject({
      code: 'BAD_RESPONSE',
    });
    const page = await runner.fetchPage(source('/small'), { cursor: null });
    expect(page.items).toEqual([{ id: 1 }]);
  });

  it('a token endpoint that answers a flood: BAD_RESPONSE, the app secret never re-sent', async () => {
    const tokens = dingtalkTokenProvider({ appKey: 'k', appSecret: 's', baseUrl: `${base}/bomb` });
    await expect(tokens.get()).rejects.toMatchObject({ code: 'BAD_RESPONSE', field: 'body' });
    const own = createTokenProvider({
      fetchToken: async () => ({ token: 't', expiresIn: 60 }),
    });
    expect(await own.get()).toBe('t');
  });
});

describe('a page holds at most the items asked for', () => {
  const flood =
    (body: unknown): typeof fetch =>
    async () =>
      Response.json(body);
  const many = Array.from({ length: 50_000 }, (_, i) => ({ id: i, userId: String(i) }));

  it('pageNumberSource asked for 20, sent 50,000: BAD_RESPONSE', async () => {
    const runner = createRequestRunner({ baseUrl: 'https://api.example.com', fetch: flood(many) });
    const orders = pageNumberSource<{ id: number }>({ path: '/orders', key: (o) => String(o.id) });
    await expect(runner.fetchPage(orders, { cursor: null, size: 20 })).rejects.toMatchObject({
      code: 'BAD_RESPONSE',
      field: 'items',
      reason: 'asked for 20 items, the vendor sent 50000',
    });
  });

  it('lineworksList asked for 20, sent 50,000: BAD_RESPONSE; 20 is a page', async () => {
    const users = lineworksList<{ userId: string }>({
      path: '/users',
      items: 'users',
      maxCount: 100,
      key: (u) => u.userId,
    });
    const runner = (n: number) =>
      createRequestRunner({
        baseUrl: 'https://www.worksapis.com',
        fetch: flood({ users: many.slice(0, n), responseMetaData: {} }),
      });
    await expect(runner(50_000).fetchPage(users, { cursor: null, size: 20 })).rejects.toMatchObject(
      {
        code: 'BAD_RESPONSE',
      },
    );
    expect((await runner(20).fetchPage(users, { cursor: null, size: 20 })).items).toHaveLength(20);
  });
});
