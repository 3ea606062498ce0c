import { DINGTALK_CREDENTIALS, simulatedVendors } from '@pagewise/testkit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { paginate } from '../paginate.js';
import { createRequestRunner } from '../runner/request-runner.js';
import { dingtalkAuth, dingtalkTokenList, dingtalkTokenProvider } from './dingtalk.js';

afterEach(() => vi.restoreAllMocks());

describe('DingTalk nextToken lists', () => {
  it('first calls without nextToken, passes nextToken back as is, and ends when it is gone', async () => {
    const { sims, runners, sources } = simulatedVendors({ dingtalk: { sizes: { events: 95 } } });
    const items = await paginate(sources.events, { runner: runners.dingtalk, size: 20 }).toArray();
    expect(items).toHaveLength(95);
    const lists = sims.dingtalk.log.entries.filter((e) => e.path.endsWith('/events'));
    expect(lists).toHaveLength(5);
    expect(lists[0]!.params).toEqual({ maxResults: '20' });
    for (let i = 1; i < lists.length; i++) expect(lists[i]!.cursorIn).toBe(lists[i - 1]!.cursorOut);
    expect(lists.at(-1)!.cursorOut).toBeNull();
  });

  it('ends on an empty nextToken too', async () => {
    const { sims, runners, sources } = simulatedVendors({
      dingtalk: { sizes: { events: 30 }, endToken: 'empty' },
    });
    expect(
      await paginate(sources.events, { runner: runners.dingtalk, size: 20 }).toArray(),
    ).toHaveLength(30);
    expect(sims.dingtalk.log.entries.filter((e) => e.path.endsWith('/events'))).toHaveLength(2);
  });

  it('builds the docs example request', () => {
    const source = dingtalkTokenList({
      path: '/v1.0/edu/grades/g1/classes',
      items: 'list',
      key: String,
    });
    expect(
      source.request({
        cursor: 'bGFzdD0xMTExMExMSZdGhlcnBhcmFtPXh4eCYuLi4u',
        direction: 'after',
        size: 20,
      }),
    ).toEqual({
      method: 'GET',
      path: '/v1.0/edu/grades/g1/classes',
      query: { nextToken: 'bGFzdD0xMTExMExMSZdGhlcnBhcmFtPXh4eCYuLi4u', maxResults: '20' },
    });
  });

  it('does not treat nextToken "0" as the end', () => {
    const source = dingtalkTokenList({ path: '/x', items: 'list', key: String });
    const page = source.parse(
      { list: [1], nextToken: '0' },
      { size: 1, direction: 'after', cursor: null, status: 200, headers: new Headers() },
    );
    expect(page.next).toBe('0');
  });

  it('uses a default inside the recommended 10–200', () => {
    expect(
      dingtalkTokenList({ path: '/x', items: 'list', key: String }).limits.default,
    ).toBeGreaterThanOrEqual(10);
    expect(
      dingtalkTokenList({ path: '/x', items: 'list', key: String }).limits.default,
    ).toBeLessThanOrEqual(200);
  });

  it('sends the token in x-acs-dingtalk-access-token', () => {
    expect(dingtalkAuth.apply({ method: 'GET', path: '/x' }, 'abc').headers).toEqual({
      'x-acs-dingtalk-access-token': 'abc',
    });
  });

  it('recognises 40014 in a 200 body (older oapi shape) and refreshes', async () => {
    const { sims, runners, sources } = simulatedVendors({
      dingtalk: {
        sizes: { classes: 60 },
        tokenErrorsInBody: true,
        faults: { tokenExpiresAfterRequests: 1 },
      },
    });
    expect(
      await paginate(sources.classes, { runner: runners.dingtalk, size: 20 }).toArray(),
    ).toHaveLength(60);
    expect(
      sims.dingtalk.log.entries.some(
        (e) => e.status === 200 && e.path.endsWith('/classes') && e.itemCount === undefined,
      ),
    ).toBe(true);
  });

  it('gives UNAUTHORIZED when the refreshed token is refused too', async () => {
    const { sims, fetch } = simulatedVendors({ dingtalk: { sizes: { classes: 60 } } });
    const runner = createRequestRunner({
      baseUrl: 'https://api.dingtalk.com',
      fetch,
      token: { get: async () => 'forged-token-value', invalidate: () => {} },
    });
    const source = dingtalkTokenList({
      path: '/v1.0/edu/grades/g1/classes',
      items: 'list',
      key: (c: { classId: number }) => String(c.classId),
    });
    const error = await runner.fetchPage(source, { cursor: null }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'UNAUTHORIZED', provider: 'dingtalk' });
    expect(String(error)).not.toContain('forged-token-value');
    expect(sims.dingtalk.log.entries).toHaveLength(2);
  });

  it('gives UNAUTHORIZED for wrong app credentials', async () => {
    const { fetch, sources } = simulatedVendors({ dingtalk: { sizes: { classes: 10 } } });
    const runner = createRequestRunner({
      baseUrl: 'https://api.dingtalk.com',
      fetch,
      token: dingtalkTokenProvider({
        appKey: DINGTALK_CREDENTIALS.appKey,
        appSecret: 'wrong',
        fetch,
      }),
    });
    await expect(runner.fetchPage(sources.classes, { cursor: null })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });

  it('retries a token endpoint that answers 429, and names a non-JSON token answer BAD_RESPONSE', async () => {
    const { sims, runners, sources } = simulatedVendors({ dingtalk: { sizes: { classes: 30 } } });
    sims.dingtalk.injectOnce({ kind: 'rate-limit', retryAfterSeconds: 1 });
    expect(
      (await runners.dingtalk.fetchPage(sources.classes, { cursor: null })).items,
    ).toHaveLength(30);
    expect(sims.dingtalk.log.entries.map((e) => e.status)).toEqual([429, 200, 200]);
    const fresh = simulatedVendors({ dingtalk: { sizes: { classes: 30 } } });
    fresh.sims.dingtalk.injectOnce({ kind: 'malformed', malformed: 'html' });
    await expect(
      fresh.runners.dingtalk.fetchPage(fresh.sources.classes, { cursor: null }),
    ).rejects.toMatchObject({ code: 'BAD_RESPONSE', provider: 'dingtalk' });
  });

  it('caches the token for its 7,200 s and refreshes before it runs out', async () => {
    let now = 0;
    const { fetch, sims } = simulatedVendors({ dingtalk: { now: () => now } });
    const provider = dingtalkTokenProvider({ ...DINGTALK_CREDENTIALS, fetch, now: () => now });
    const a = await provider.get();
    now = 6_000_000;
    expect(await provider.get()).toBe(a);
    now = 6_901_000; // within 300 s of expiry
    const b = await provider.get();
    expect(b).not.toBe(a);
    expect(sims.dingtalk.log.entries.filter((e) => e.path.endsWith('/accessToken'))).toHaveLength(
      2,
    );
  });

  it('shares one token fetch between concurrent callers', async () => {
    const { fetch, sims } = simulatedVendors();
    const provider = dingtalkTokenProvider({ ...DINGTALK_CREDENTIALS, fetch });
    const tokens = await Promise.all([provider.get(), provider.get(), provider.get()]);
    expect(new Set(tokens).size).toBe(1);
    expect(sims.dingtalk.log.entries).toHaveLength(1);
  });

  it('fails with INVALID_CURSOR when restarts are turned off', async () => {
    const { runners, sources } = simulatedVendors({
      dingtalk: { sizes: { classes: 100 }, faults: { invalidCursorOnRequest: 1 } },
    });
    await expect(
      paginate(sources.classes, {
        runner: runners.dingtalk,
        size: 20,
        onInvalidCursor: 'fail',
      }).toArray(),
    ).rejects.toMatchObject({ code: 'INVALID_CURSOR', provider: 'dingtalk' });
  });
});

describe('DingTalk pageNumber lists', () => {
  it('page after page: starts at pageNumber=1 and stops on the page with fewer than pageSize', async () => {
    const { sims, runners, sources } = simulatedVendors({
      dingtalk: { sizes: { adjustments: 105 } },
    });
    const pages = [];
    const walk = paginate(sources.adjustments, {
      runner: runners.dingtalk,
      size: 50,
      repairDrift: false,
    });
    for await (const page of walk) pages.push(page);
    expect(pages.map((p) => p.items.length)).toEqual([50, 50, 5]);
    expect(pages[0]!.pageCount).toBe(3);
    const params = sims.dingtalk.log.entries
      .filter((e) => e.path.endsWith('/adjustments'))
      .map((e) => e.params);
    expect(params).toEqual([
      { pageNumber: '1', pageSize: '50' },
      { pageNumber: '2', pageSize: '50' },
      { pageNumber: '3', pageSize: '50' },
    ]);
  });

  it('page after page: stops when the total says so even if the last page is full', async () => {
    const { sims, runners, sources } = simulatedVendors({
      dingtalk: { sizes: { adjustments: 100 } },
    });
    const walk = paginate(sources.adjustments, {
      runner: runners.dingtalk,
      size: 50,
      repairDrift: false,
    });
    expect(await walk.toArray()).toHaveLength(100);
    expect(sims.dingtalk.log.entries.filter((e) => e.path.endsWith('/adjustments'))).toHaveLength(
      2,
    );
  });

  it('fetches pages concurrently when asked, yielding them in order', async () => {
    const { runners, sources } = simulatedVendors({ dingtalk: { sizes: { adjustments: 1000 } } });
    const sequential = await paginate(sources.adjustments, {
      runner: runners.dingtalk,
      size: 100,
    }).toArray();
    const concurrent = await paginate(sources.adjustments, {
      runner: runners.dingtalk,
      size: 100,
      concurrency: 4,
    }).toArray();
    expect(concurrent.map((a) => a.id)).toEqual(sequential.map((a) => a.id));
  });

  it('concurrency never asks for pages past maxPages, and a walk left early cancels the pages it fetched ahead', async () => {
    const { sims, runners, sources } = simulatedVendors({
      dingtalk: { sizes: { adjustments: 1000 } },
    });
    await paginate(sources.adjustments, {
      runner: runners.dingtalk,
      size: 100,
      concurrency: 4,
      maxPages: 2,
    }).toArray();
    const pagesAsked = () =>
      sims.dingtalk.log.entries.filter((e) => e.path.includes('adjustments')).length;
    expect(pagesAsked()).toBe(2);
    for (const maxPages of [1, 3, 5]) {
      sims.dingtalk.log.clear();
      await paginate(sources.adjustments, {
        runner: runners.dingtalk,
        size: 100,
        concurrency: 4,
        maxPages,
      }).toArray();
      expect(pagesAsked()).toBe(maxPages);
    }

    sims.dingtalk.configure({ latencyMs: 30 });
    sims.dingtalk.log.clear();
    const aborted: unknown[] = [];
    const runner = {
      ...runners.dingtalk,
      fetchPage: ((source, position, options) => {
        const pending = runners.dingtalk.fetchPage(source, position, options);
        options?.signal?.addEventListener('abort', () => aborted.push(position.cursor));
        return pending;
      }) as typeof runners.dingtalk.fetchPage,
    };
    for await (const page of paginate(sources.adjustments, { runner, size: 100, concurrency: 4 }))
      if (page.index === 1) break;
    // Pages 3–5 were in flight ahead of the break (page 2, the one read, was not cut short).
    expect(aborted.length).toBeGreaterThan(0);
    expect(aborted.every((cursor) => Number(cursor) >= 3)).toBe(true);
  });

  it('a default pageNumber walk asks for pages 1, 2, 3… at one size, as DingTalk’s guidance says', async () => {
    const { sims, runners, sources } = simulatedVendors({
      dingtalk: { sizes: { adjustments: 95 } },
    });
    expect(
      await paginate(sources.adjustments, { runner: runners.dingtalk, size: 20 }).toArray(),
    ).toHaveLength(95);
    const asked = sims.dingtalk.log.entries
      .filter((e) => e.path.endsWith('/adjustments'))
      .map((e) => `${e.params.pageNumber}/${e.params.pageSize}`);
    expect(asked).toEqual(['1/20', '2/20', '3/20', '4/20', '5/20']);
  });
});
