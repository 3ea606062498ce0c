/**
 * The bad-input catalogue (docs/bad-input.md): one test per row, each against the simulators.
 * What every row must never give: an infinite loop, an unhandled rejection (Vitest fails the run
 * on one), or a silent empty page.
 */

import { simulatedVendors } from '@pagewise/testkit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { paginate } from './paginate.js';
import { isPaginationError } from './pagination-error.js';
import { createRequestRunner } from './runner/request-runner.js';
import { defineCursorSource, definePageNumberSource } from './sources/define-source.js';
import { pageNumberSource } from './sources/page-number.js';
import { dingtalkTokenProvider } from './vendors/dingtalk.js';
import { lineworksList, lineworksTokenProvider } from './vendors/lineworks.js';
import { mewsGetAll } from './vendors/mews.js';

afterEach(() => vi.restoreAllMocks());
const quiet = () => vi.spyOn(console, 'warn').mockImplementation(() => {});
const code = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (isPaginationError(e) ? e.code : `untyped: ${String(e)}`),
  );

describe('bad input → what the user gets', () => {
  it('page size 0 → clamped to the vendor minimum, one development warning', async () => {
    const warn = quiet();
    const { sims, runners, sources } = simulatedVendors({ mews: { sizes: { customers: 5 } } });
    await runners.mews.fetchPage(sources.customers, { cursor: null, size: 0 });
    await runners.mews.fetchPage(sources.customers, { cursor: null, size: 0 });
    expect(sims.mews.log.entries.map((e) => e.size)).toEqual([1, 1]);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('negative page size → clamped to the minimum', async () => {
    quiet();
    const { sims, runners, sources } = simulatedVendors({ lineworks: { sizes: { users: 5 } } });
    await runners.lineworks.fetchPage(sources.users, { cursor: null, size: -20 });
    expect(sims.lineworks.log.entries.at(-1)!.size).toBe(1);
  });

  it('page size above the vendor maximum → clamped to it (never sent)', async () => {
    quiet();
    const { sims, runners, sources } = simulatedVendors({
      dashly: { sizes: { conversations: 80 } },
    });
    await runners.dashly.fetchPage(sources.conversations, { cursor: null, size: 5000 });
    expect(sims.dashly.log.entries.at(-1)!.size).toBe(50);
  });

  it('page size that is not a number → INVALID_SIZE, no request', async () => {
    const { sims, runners, sources } = simulatedVendors();
    expect(
      await code(runners.mews.fetchPage(sources.customers, { cursor: null, size: Number.NaN })),
    ).toBe('INVALID_SIZE');
    expect(
      await code(
        runners.mews.fetchPage(sources.customers, {
          cursor: null,
          size: 'ten' as unknown as number,
        }),
      ),
    ).toBe('INVALID_SIZE');
    expect(sims.mews.log.entries).toHaveLength(0);
  });

  it('page index past the end → an empty page that says so (no next, the real page count)', async () => {
    const { runners, sources } = simulatedVendors({ dingtalk: { sizes: { adjustments: 45 } } });
    const page = await runners.dingtalk.fetchPage(sources.adjustments, { cursor: '99', size: 20 });
    expect(page.items).toEqual([]);
    expect(page.next).toBeNull();
    expect(page.pageCount).toBe(3);
  });

  it('a cursor from another source → INVALID_CURSOR', async () => {
    const { runners, sources } = simulatedVendors({
      dingtalk: { sizes: { classes: 30, adjustments: 30 } },
      lineworks: { sizes: { users: 30 } },
    });
    const users = await runners.lineworks.fetchPage(sources.users, { cursor: null, size: 10 });
    expect(
      await code(runners.dingtalk.fetchPage(sources.classes, { cursor: users.next, size: 10 })),
    ).toBe('INVALID_CURSOR');
    expect(
      await code(runners.dingtalk.fetchPage(sources.adjustments, { cursor: users.next, size: 10 })),
    ).toBe('INVALID_CURSOR');
  });

  it('a cursor the vendor rejects → INVALID_CURSOR (a DingTalk walk restarts instead)', async () => {
    const { runners, sources } = simulatedVendors({
      mews: { sizes: { customers: 30 } },
      dingtalk: { sizes: { classes: 60 }, faults: { invalidCursorOnRequest: 2 } },
    });
    expect(
      await code(
        runners.mews.fetchPage(sources.customers, {
          cursor: '00000000-0000-4000-8000-000000000000',
        }),
      ),
    ).toBe('INVALID_CURSOR');
    expect(
      await paginate(sources.classes, { runner: runners.dingtalk, size: 20 }).toArray(),
    ).toHaveLength(60);
  });

  it('an expired token → refreshed once, invisibly; refused again → UNAUTHORIZED', async () => {
    const { runners, sources } = simulatedVendors({
      dingtalk: { sizes: { classes: 100 }, faults: { tokenExpiresAfterRequests: 1 } },
    });
    expect(
      await paginate(sources.classes, { runner: runners.dingtalk, size: 20 }).toArray(),
    ).toHaveLength(100);
    const { fetch } = simulatedVendors();
    const stale = createRequestRunner({
      baseUrl: 'https://api.dingtalk.com',
      fetch,
      token: { get: async () => 'expired-token-123', invalidate: () => {} },
    });
    expect(await code(stale.fetchPage(sources.classes, { cursor: null }))).toBe('UNAUTHORIZED');
  });

  it('a missing token → UNAUTHORIZED', async () => {
    const { fetch, sources } = simulatedVendors();
    const runner = createRequestRunner({ baseUrl: 'https://api.dingtalk.com', fetch });
    expect(await code(runner.fetchPage(sources.classes, { cursor: null }))).toBe('UNAUTHORIZED');
  });

  it.each(['html', 'truncated', 'empty'] as const)(
    'a %s body → BAD_RESPONSE naming the body',
    async (kind) => {
      const { sims, runners, sources } = simulatedVendors({ lineworks: { sizes: { users: 10 } } });
      await runners.lineworks.fetchPage(sources.users, { cursor: null }); // a token first
      sims.lineworks.injectOnce({ kind: 'malformed', malformed: kind });
      const error = await runners.lineworks
        .fetchPage(sources.users, { cursor: null })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'BAD_RESPONSE', field: 'body', provider: 'lineworks' });
    },
  );

  it('a missing items field → BAD_RESPONSE naming the field', async () => {
    const { sims, runners, sources } = simulatedVendors({
      dashly: { sizes: { conversations: 10 } },
    });
    sims.dashly.injectOnce({ kind: 'malformed', malformed: 'no-items' });
    await expect(
      runners.dashly.fetchPage(sources.conversations, { cursor: null }),
    ).rejects.toMatchObject({ code: 'BAD_RESPONSE', field: 'data' });
  });

  it('items that are not an array → BAD_RESPONSE naming the field', async () => {
    const fetch: typeof globalThis.fetch = async () =>
      Response.json({ Customers: { Id: 'x' }, Cursor: null });
    const runner = createRequestRunner({ baseUrl: 'https://api.mews-demo.com', fetch });
    await expect(
      runner.fetchPage(mewsGetAll({ entity: 'customers', items: 'Customers' }), { cursor: null }),
    ).rejects.toMatchObject({ code: 'BAD_RESPONSE', field: 'Customers' });
  });

  it('a next cursor that repeats → CURSOR_LOOP, never a spin', async () => {
    let requests = 0;
    const fetch: typeof globalThis.fetch = async () => {
      requests++;
      return Response.json({
        users: [{ userId: String(requests) }],
        responseMetaData: { nextCursor: 'c2FtZQ==' },
      });
    };
    const runner = createRequestRunner({ baseUrl: 'https://www.worksapis.com', fetch });
    const source = lineworksList<{ userId: string }>({
      path: '/v1.0/users',
      items: 'users',
      maxCount: 100,
      key: (u) => u.userId,
    });
    expect(await code(paginate(source, { runner }).toArray())).toBe('CURSOR_LOOP');
    expect(requests).toBe(2);
  });

  it('a total that shrinks mid-walk → the walk ends where the vendor says; page after page, progress reports the drift', async () => {
    const vendors = () =>
      simulatedVendors({
        dingtalk: { sizes: { adjustments: 100 }, faults: { deleteEvery: 1, mutationAt: 'head' } },
      });
    const plain = vendors();
    let drift: unknown;
    const items = await paginate(plain.sources.adjustments, {
      runner: plain.runners.dingtalk,
      size: 10,
      repairDrift: false,
      onProgress: (p) => {
        if (p.drift) drift = p.drift;
      },
    }).toArray();
    expect(drift).toEqual({ of: 'pages', from: 10, to: 9 });
    expect(items.length).toBeLessThan(100);
    // With drift repair (the default): every row left at the end is yielded, the repairs counted.
    const repaired = vendors();
    let repairs = { realigned: 0, unanchored: 0, reordered: 0 };
    const kept = await paginate(repaired.sources.adjustments, {
      runner: repaired.runners.dingtalk,
      size: 10,
      repairDrift: true,
      onProgress: (p) => {
        repairs = p.repairs ?? repairs;
      },
    }).toArray();
    const deleted = new Set(repaired.sims.dingtalk.mutations.deleted);
    const left = Array.from({ length: 100 }, (_, i) => String(500_000 + i)).filter(
      (k) => !deleted.has(k),
    );
    const got = new Set(kept.map((a) => String(a.id)));
    expect(left.filter((k) => !got.has(k))).toEqual([]);
    expect(repairs.realigned).toBeGreaterThan(0);
  });

  it('an abort mid-request → ABORTED, and no request after it', async () => {
    const { sims, runners, sources } = simulatedVendors({
      mews: { sizes: { customers: 100 }, faults: { latencyMs: 200 } },
    });
    const controller = new AbortController();
    const walk = paginate(sources.customers, {
      runner: runners.mews,
      size: 10,
      signal: controller.signal,
    }).toArray();
    setTimeout(() => controller.abort(), 50);
    expect(await code(walk)).toBe('ABORTED');
    await new Promise((r) => setTimeout(r, 300));
    expect(sims.mews.log.entries).toHaveLength(1);
  });

  it('a vendor error body → its code and message (BAD_REQUEST for a 400, VENDOR_ERROR for a 200 errcode)', async () => {
    const { runners, sources } = simulatedVendors({ lineworks: { sizes: { users: 10 } } });
    const source = lineworksList({
      path: '/v1.0/users',
      items: 'users',
      maxCount: 500,
      key: (u: { userId: string }) => u.userId,
    });
    const error = await runners.lineworks
      .fetchPage(source, { cursor: null, size: 300 })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST', status: 400 });
    expect(String((error as Error).message)).toMatch(/count must be between 1 and 100/);
    const fetch: typeof globalThis.fetch = async () =>
      Response.json({ errcode: 60011, errmsg: 'no permission' });
    const runner = createRequestRunner({ baseUrl: 'https://api.dingtalk.com', fetch });
    await expect(runner.fetchPage(sources.classes, { cursor: null })).rejects.toMatchObject({
      code: 'VENDOR_ERROR',
      message: expect.stringContaining('no permission'),
    });
  });

  it('a dropped connection, a 5xx, a 429 → retried with backoff; still failing → NETWORK, SERVER_ERROR, RATE_LIMITED', async () => {
    const { sims, fetch, sources } = simulatedVendors({ mews: { sizes: { customers: 5 } } });
    const runner = createRequestRunner({
      baseUrl: 'https://api.mews-demo.com',
      fetch,
      retry: { retries: 1 },
      sleep: async () => {},
    });
    for (const [fault, expected] of [
      [{ kind: 'network-error' }, 'NETWORK'],
      [{ kind: 'server-error', status: 503 }, 'SERVER_ERROR'],
      [{ kind: 'rate-limit', retryAfterSeconds: 0 }, 'RATE_LIMITED'],
    ] as const) {
      sims.mews.injectOnce(fault);
      sims.mews.injectOnce(fault);
      expect(await code(runner.fetchPage(sources.customers, { cursor: null }))).toBe(expected);
      sims.mews.injectOnce(fault);
      expect((await runner.fetchPage(sources.customers, { cursor: null })).items).toHaveLength(5);
    }
  });

  it('a custom source whose parse throws → BAD_RESPONSE with the cause, not an untyped error', async () => {
    const fetch: typeof globalThis.fetch = async () => Response.json({ rows: [] });
    const runner = createRequestRunner({ baseUrl: 'https://x.test', fetch });
    const source = defineCursorSource<unknown>({
      provider: 'custom',
      limits: { min: 1, max: 10, default: 10 },
      key: String,
      request: () => ({ method: 'GET', path: '/rows' }),
      parse: (body) => ({
        items: (body as { missing: { list: unknown[] } }).missing.list,
        next: null,
      }),
    });
    await expect(runner.fetchPage(source, { cursor: null })).rejects.toMatchObject({
      code: 'BAD_RESPONSE',
      provider: 'custom',
    });
  });

  it('a retry option left undefined keeps its default; NaN or a negative count → INVALID_OPTION, nothing sent', async () => {
    const config: { retries?: number; maxDelayMs?: number } = {};
    const { sims, runners, sources, fetch } = simulatedVendors(
      { mews: { sizes: { customers: 5 }, faults: { serverErrorRate: 1 } } },
      { runner: { retry: { retries: config.retries, maxDelayMs: config.maxDelayMs } } },
    );
    expect(await code(runners.mews.fetchPage(sources.customers, { cursor: null }))).toBe(
      'SERVER_ERROR',
    );
    expect(sims.mews.log.entries).toHaveLength(5); // the default: 4 retries after the first attempt
    for (const retry of [
      { retries: Number.NaN },
      { retries: -1 },
      { retries: 1.5 },
      { baseDelayMs: Number.NaN },
      { maxDelayMs: -5 },
    ])
      expect(() => createRequestRunner({ baseUrl: 'https://api.mews.com', fetch, retry })).toThrow(
        expect.objectContaining({ code: 'INVALID_OPTION' }),
      );
    expect(sims.mews.log.entries).toHaveLength(5);
  });

  it('a base URL no request can be sent to → INVALID_OPTION when the runner is made, without echoing it', () => {
    for (const baseUrl of [
      'not a url',
      'ftp://example.com',
      'javascript:alert(1)',
      'htps://u:pw@api.example.com',
      undefined,
      42,
    ])
      expect(() => createRequestRunner({ baseUrl: baseUrl as string })).toThrow(
        expect.objectContaining({
          code: 'INVALID_OPTION',
          message: expect.stringMatching(/^(?!.*pw@).*baseUrl/),
        }),
      );
    for (const baseUrl of [
      'https://api.mews.com',
      'http://127.0.0.1:3000/api',
      '/api/mews',
      'api/mews',
      '/api/mews\n',
    ])
      expect(() => createRequestRunner({ baseUrl })).not.toThrow();
    // Infinity is "no limit" wherever a limit is set.
    expect(() =>
      createRequestRunner({
        baseUrl: '/api',
        maxRedirects: Number.POSITIVE_INFINITY,
        retry: { maxDelayMs: Number.POSITIVE_INFINITY },
      }),
    ).not.toThrow();
  });

  it('options that cannot mean anything → INVALID_OPTION when given: a byte limit of 0, a first page that is no page, no provider name, maxPages 0', async () => {
    expect(() => createRequestRunner({ baseUrl: '/api', maxResponseBytes: 0 })).toThrow(
      expect.objectContaining({
        code: 'INVALID_OPTION',
        message: expect.stringMatching(/maxResponseBytes/),
      }),
    );
    const own = (firstPage: number, provider = 'own') =>
      definePageNumberSource<{ id: string }>({
        provider,
        firstPage,
        limits: { min: 1, max: 50, default: 10 },
        key: (row) => row.id,
        request: ({ page }) => ({ method: 'GET', path: '/rows', query: { page: String(page) } }),
        parse: () => ({ items: [], next: null }),
      });
    for (const firstPage of [Number.NaN, -1, 0.5])
      expect(() => own(firstPage), String(firstPage)).toThrow(
        expect.objectContaining({
          code: 'INVALID_OPTION',
          message: expect.stringMatching(/firstPage/),
        }),
      );
    expect(own(0).firstPage).toBe(0);
    expect(() => own(1, '')).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
    const { runners, sims } = simulatedVendors({ generic: { size: 30 } });
    expect(() => paginate(own(1), { runner: runners.generic, maxPages: 0 })).toThrow(
      expect.objectContaining({
        code: 'INVALID_OPTION',
        message: expect.stringMatching(/maxPages/),
      }),
    );
    expect(sims.generic.log.entries).toHaveLength(0);
  });

  it('concurrency on a source that asks for its pages in order (DingTalk pageNumber) is said in development', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { runners, sources } = simulatedVendors({ dingtalk: { sizes: { adjustments: 30 } } });
    await paginate(sources.adjustments, {
      runner: runners.dingtalk,
      size: 10,
      concurrency: 3,
    }).toArray();
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/read in order.*concurrency/));
  });

  it('a path as the base URL outside a browser (a Node job given the browser runner) → INVALID_OPTION at the first request, nothing sent, not retried', async () => {
    const sent = vi.spyOn(globalThis, 'fetch');
    // A path may hold a credential (a tenant key): the message never repeats it.
    const runner = createRequestRunner({ baseUrl: '/api/mews?key=SECRET-123' });
    const source = mewsGetAll({ entity: 'customers', items: 'Customers' });
    const failed = await runner.fetchPage(source, { cursor: null }).catch((e: unknown) => e);
    expect(failed).toMatchObject({
      code: 'INVALID_OPTION',
      message: expect.stringMatching(/baseUrl is a path/),
    });
    expect(JSON.stringify(failed) + String(failed)).not.toContain('SECRET');
    await expect(paginate(source, { runner }).toArray()).rejects.toMatchObject({
      code: 'INVALID_OPTION',
    });
    expect(sent).not.toHaveBeenCalled();
    // With a fetch of its own (a test's, a proxy's), the path is that fetch's to resolve.
    const { fetch, sims } = simulatedVendors({ mews: { sizes: { customers: 5 } } });
    const resolving = createRequestRunner({
      baseUrl: '/api/connector-proxy',
      fetch: (input, init) =>
        fetch(String(input).replace('/api/connector-proxy', 'https://api.mews-demo.com'), init),
    });
    const customers = mewsGetAll({
      entity: 'customers',
      items: 'Customers',
      credentials: { clientToken: 'x', accessToken: 'y' },
    });
    await resolving.fetchPage(customers, { cursor: null }).catch(() => undefined);
    expect(sims.mews.log.entries).toHaveLength(1);
  });

  it('an adapter option that cannot work → INVALID_OPTION when the source is made, naming the option', () => {
    const invalid = (name: RegExp) =>
      expect.objectContaining({ code: 'INVALID_OPTION', message: expect.stringMatching(name) });
    const loose = <O>(make: (o: O) => unknown) => make as (o: unknown) => unknown;
    for (const maxCount of [0, Number.NaN, 1.5])
      expect(() =>
        lineworksList({
          path: '/v1.0/users',
          items: 'users',
          key: (u: { userId: string }) => u.userId,
          maxCount,
        }),
      ).toThrow(invalid(/limits/));
    expect(() => loose(pageNumberSource)({ path: '/orders' })).toThrow(
      invalid(/^\[page-number\] INVALID_OPTION: key must be a function/),
    );
  });

  it('a token provider without its credentials (an unset environment variable) → INVALID_OPTION, nothing sent, the secret never shown', async () => {
    const sent = vi.fn(globalThis.fetch);
    for (const credentials of [
      {},
      { appKey: 'key', appSecret: '' },
      { appKey: 'key', appSecret: 1234567 },
    ]) {
      const token = dingtalkTokenProvider({
        ...(credentials as { appKey: string; appSecret: string }),
        fetch: sent,
      });
      const failed = await token.get().catch((e: unknown) => e);
      expect(failed).toMatchObject({
        code: 'INVALID_OPTION',
        message: expect.not.stringContaining('1234567'),
      });
    }
    const lineworks = lineworksTokenProvider({
      tokenUrl: 'https://auth.example/token',
      clientId: 'id',
      clientSecret: '',
      fetch: sent,
    });
    expect(await lineworks.get().catch((e: unknown) => e)).toMatchObject({
      code: 'INVALID_OPTION',
    });
    expect(sent).not.toHaveBeenCalled();
  });

  it('paginate with a signal that is not an AbortSignal → INVALID_OPTION; an abort’s reason is the ABORTED error’s cause', async () => {
    const { sims, runners, sources } = simulatedVendors({
      mews: { sizes: { customers: 50 }, faults: { latencyMs: 200 } },
    });
    expect(() =>
      paginate(sources.customers, { runner: runners.mews, signal: 'x' as never }),
    ).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION', message: expect.stringMatching(/signal/) }),
    );
    const controller = new AbortController();
    const reason = new Error('user cancelled');
    const walk = paginate(sources.customers, {
      runner: runners.mews,
      size: 10,
      signal: controller.signal,
    }).toArray();
    setTimeout(() => controller.abort(reason), 50);
    const failed = await walk.catch((e: unknown) => e);
    expect(failed).toMatchObject({ code: 'ABORTED', attempts: 1 });
    expect((failed as Error).cause).toBe(reason);
    expect(sims.mews.log.entries.length).toBeLessThanOrEqual(1);
    // Aborted before the walk starts: nothing sent, no attempt counted.
    const already = AbortSignal.abort(reason);
    const none = await runners.mews
      .fetchPage(sources.customers, { cursor: null }, { signal: already })
      .catch((e: unknown) => e);
    expect(none).toMatchObject({ code: 'ABORTED', attempts: 0, cause: reason });
  });

  it('paginate with maxPages NaN, 0 or -1, no runner, no source → INVALID_OPTION before any request', async () => {
    const { sims, runners, sources } = simulatedVendors({ mews: { sizes: { customers: 5 } } });
    for (const maxPages of [Number.NaN, -1, 1.5])
      expect(() => paginate(sources.customers, { runner: runners.mews, maxPages })).toThrow(
        expect.objectContaining({
          code: 'INVALID_OPTION',
          message: expect.stringMatching(/maxPages/),
        }),
      );
    const loose = paginate as (source: unknown, options?: unknown) => unknown;
    expect(() => loose(sources.customers, {})).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
    expect(() => loose(sources.customers)).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
    expect(() => loose(null, { runner: runners.mews })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
    expect(() => loose(sources.customers, { runner: runners.mews, onProgress: 5 })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
    expect(sims.mews.log.entries).toHaveLength(0);
  });

  it('an option paginate does not know → a development warning that names the one it meant', async () => {
    const warn = quiet();
    const { runners, sources } = simulatedVendors({ mews: { sizes: { customers: 5 } } });
    const options = { runner: runners.mews, pageSize: 2 } as Parameters<typeof paginate>[1];
    expect(await paginate(sources.customers, options).toArray()).toHaveLength(5);
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/unknown option 'pageSize' \(did you mean 'size'\?\)/),
    );
  });

  it('an adapter without the path or items field it needs → INVALID_OPTION when it is made', () => {
    const loose = mewsGetAll as (options: object) => unknown;
    expect(() => loose({ items: 'Customers' })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION', message: expect.stringMatching(/entity/) }),
    );
    expect(() => loose({ entity: 'customers' })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION', message: expect.stringMatching(/items/) }),
    );
    const lw = lineworksList as (options: object) => unknown;
    expect(() => lw({ items: 'users', maxCount: 100 })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION', message: expect.stringMatching(/path/) }),
    );
  });
});
