import { MEWS_CREDENTIALS, simulatedVendors } from '@pagewise/testkit';
import { describe, expect, it } from 'vitest';
import { lineworksList } from '../vendors/lineworks.js';
import { mewsGetAll } from '../vendors/mews.js';
import { createRequestRunner } from './request-runner.js';
import { sleep } from './retry-policy.js';

const mews = (faults = {}) => simulatedVendors({ mews: { sizes: { customers: 30 }, faults } });

describe('request runner: retries', () => {
  it('retries a 429 after the Retry-After the vendor asked for', async () => {
    const { sims, runners, sources, waits } = mews();
    sims.mews.injectOnce({ kind: 'rate-limit', retryAfterSeconds: 2 });
    const page = await runners.mews.fetchPage(sources.customers, { cursor: null, size: 10 });
    expect(page.items).toHaveLength(10);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(2000);
    expect(sims.mews.log.entries.map((e) => e.status)).toEqual([429, 200]);
  });

  it('fails at once with RATE_LIMITED when Retry-After is beyond the bound', async () => {
    const { sims, sources, fetch } = mews();
    const runner = createRequestRunner({
      baseUrl: 'https://api.mews-demo.com',
      fetch,
      retry: { maxDelayMs: 5000 },
      sleep: async () => {},
    });
    sims.mews.injectOnce({ kind: 'rate-limit', retryAfterSeconds: 60 });
    await expect(runner.fetchPage(sources.customers, { cursor: null })).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterMs: 60_000,
      attempts: 1,
      status: 429,
    });
  });

  it('retries 5xx with growing, bounded backoff and gives SERVER_ERROR when the retries run out', async () => {
    const { sims, sources, fetch } = mews({ serverErrorRate: 1 });
    const waits: number[] = [];
    const runner = createRequestRunner({
      baseUrl: 'https://api.mews-demo.com',
      fetch,
      retry: { retries: 3, baseDelayMs: 100, maxDelayMs: 250 },
      sleep: async (ms) => void waits.push(ms),
    });
    await expect(runner.fetchPage(sources.customers, { cursor: null })).rejects.toMatchObject({
      code: 'SERVER_ERROR',
      attempts: 4,
    });
    expect(sims.mews.log.entries).toHaveLength(4);
    expect(waits).toHaveLength(3);
    expect(waits[0]).toBeGreaterThanOrEqual(50);
    expect(waits[0]).toBeLessThanOrEqual(100);
    for (const w of waits) expect(w).toBeLessThanOrEqual(250);
  });

  it('a request may ask for fewer retries than the runner’s (a live poll: none); never more', async () => {
    const { sims, runners, sources } = mews({ serverErrorRate: 1 });
    const attempts = async (retries: number) => {
      const before = sims.mews.log.entries.length;
      const failed = await runners.mews
        .fetchPage(sources.customers, { cursor: null, size: 10 }, { retries })
        .catch((e: unknown) => e);
      expect(failed).toMatchObject({ code: 'SERVER_ERROR' });
      return sims.mews.log.entries.length - before;
    };
    expect(await attempts(0)).toBe(1);
    expect(await attempts(1)).toBe(2);
    expect(await attempts(99)).toBe(5); // the runner's 4 retries at most
  });

  it('retries a dropped connection, then gives NETWORK', async () => {
    const { sims, runners, sources } = mews();
    sims.mews.injectOnce({ kind: 'network-error' });
    expect(
      (await runners.mews.fetchPage(sources.customers, { cursor: null, size: 5 })).items,
    ).toHaveLength(5);
    const runner = createRequestRunner({
      baseUrl: 'https://nowhere.invalid',
      fetch: simulatedVendors().fetch,
      retry: { retries: 2 },
      sleep: async () => {},
    });
    await expect(runner.fetchPage(sources.customers, { cursor: null })).rejects.toMatchObject({
      code: 'NETWORK',
      attempts: 3,
    });
  });
});

describe('request runner: aborts', () => {
  it('gives ABORTED for a signal that already fired, without a request', async () => {
    const { sims, runners, sources } = mews();
    await expect(
      runners.mews.fetchPage(sources.customers, { cursor: null }, { signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({ code: 'ABORTED' });
    expect(sims.mews.log.entries).toHaveLength(0);
  });

  it('passes the signal to fetch: an abort mid-request ends it', async () => {
    const { sources, fetch } = mews({ latencyMs: 5000 });
    const runner = createRequestRunner({ baseUrl: 'https://api.mews-demo.com', fetch });
    const controller = new AbortController();
    const pending = runner.fetchPage(
      sources.customers,
      { cursor: null },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 10);
    await expect(pending).rejects.toMatchObject({ code: 'ABORTED' });
  });

  it('stops waiting for a retry when aborted', async () => {
    const { sims, sources, fetch } = mews();
    const runner = createRequestRunner({ baseUrl: 'https://api.mews-demo.com', fetch, sleep });
    sims.mews.injectOnce({ kind: 'rate-limit', retryAfterSeconds: 20 });
    const controller = new AbortController();
    const pending = runner.fetchPage(
      sources.customers,
      { cursor: null },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ code: 'ABORTED' });
    expect(sims.mews.log.entries).toHaveLength(1);
  });
});

describe('request runner: bad responses', () => {
  it.each([
    ['html', /HTML/],
    ['truncated', /not valid JSON/],
    ['empty', /empty body/],
  ] as const)('a %s body is BAD_RESPONSE naming the body', async (kind, message) => {
    const { sims, runners, sources } = mews();
    sims.mews.injectOnce({ kind: 'malformed', malformed: kind });
    const error = await runners.mews
      .fetchPage(sources.customers, { cursor: null })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'BAD_RESPONSE',
      provider: 'mews',
      field: 'body',
      status: 200,
    });
    expect(String((error as Error).message)).toMatch(message);
  });

  it('a missing items field is BAD_RESPONSE naming the field', async () => {
    const { sims, runners, sources } = mews();
    sims.mews.injectOnce({ kind: 'malformed', malformed: 'no-items' });
    await expect(runners.mews.fetchPage(sources.customers, { cursor: null })).rejects.toMatchObject(
      { code: 'BAD_RESPONSE', field: 'Customers' },
    );
  });

  it('wrong types are BAD_RESPONSE naming the field', () => {
    const context = {
      size: 10,
      direction: 'after' as const,
      cursor: null,
      status: 200,
      headers: new Headers(),
    };
    const m = mewsGetAll({ entity: 'customers', items: 'Customers' });
    expect(() => m.parse({ Customers: {}, Cursor: null }, context)).toThrow(
      expect.objectContaining({ code: 'BAD_RESPONSE', field: 'Customers' }),
    );
    expect(() => m.parse({ Customers: [], Cursor: 42 }, context)).toThrow(
      expect.objectContaining({ code: 'BAD_RESPONSE', field: 'Cursor' }),
    );
    const l = lineworksList({ path: '/v1.0/users', items: 'users', maxCount: 100, key: String });
    expect(() => l.parse({ users: [], responseMetaData: { nextCursor: 5 } }, context)).toThrow(
      expect.objectContaining({ field: 'responseMetaData.nextCursor' }),
    );
    expect(() => l.parse('just text', context)).toThrow(
      expect.objectContaining({ code: 'BAD_RESPONSE' }),
    );
  });
});

describe('request runner: secrets', () => {
  it('redacts credentials in errors and in request events', async () => {
    const { sims, runners, sources, events } = mews();
    sims.mews.injectOnce({ kind: 'server-error', status: 400 });
    const error = await runners.mews
      .fetchPage(sources.customers, { cursor: null })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST', status: 400 });
    const shown = JSON.stringify({
      error,
      message: String(error),
      request: (error as { request: unknown }).request,
      events,
    });
    expect(shown).not.toContain(MEWS_CREDENTIALS.accessToken);
    expect(shown).not.toContain(MEWS_CREDENTIALS.clientToken);
    expect(shown).toContain('[redacted]');
  });

  it('redacts access tokens from headers', async () => {
    const { runners, sources, events } = simulatedVendors({ dingtalk: { sizes: { classes: 5 } } });
    await runners.dingtalk.fetchPage(sources.classes, { cursor: null });
    const list = events.find((e) => e.request.path.endsWith('/classes'))!;
    expect(list.request.headers ?? {}).not.toHaveProperty('x-acs-dingtalk-access-token');
    expect(list.status).toBe(200);
  });
});
