/**
 * A hostile or broken vendor, reproduced against the simulators (findings of the hardening audit,
 * docs/bad-input.md): redirects that would carry credentials to another host, answers that drip,
 * pages repeated forever, secrets in cursors and in vendor messages, nonsense token lifetimes,
 * null items, Link URLs that do not parse, cursors too long to send.
 */
import vm from 'node:vm';
import {
  DINGTALK_CREDENTIALS,
  LINEWORKS_CREDENTIALS,
  MEWS_CREDENTIALS,
  simulatedVendors,
} from '@pagewise/testkit';
import { mswSimulators } from '@pagewise/testkit/msw-node';
import { build } from 'esbuild';
import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTokenProvider } from './auth/token-provider.js';
import { paginate } from './paginate.js';
import { isPaginationError } from './pagination-error.js';
import { createRequestRunner } from './runner/request-runner.js';
import { defineCursorSource } from './sources/define-source.js';
import { linkHeaderSource } from './sources/link-header.js';
import type { Source } from './types.js';

const vendors = mswSimulators();
afterEach(() => vi.restoreAllMocks());

/** Another host that records whatever reaches it. */
function evilHost(v: ReturnType<typeof vendors>) {
  const seen: Array<{ url: string; headers: Record<string, string>; body: string }> = [];
  v.use(
    http.all('https://evil.example/*', async ({ request }) => {
      seen.push({
        url: request.url,
        headers: Object.fromEntries(request.headers),
        body: await request.text(),
      });
      return HttpResponse.json({ Customers: [], users: [], list: [], Cursor: null });
    }),
  );
  return seen;
}

describe('finding 1: credentials never follow a redirect to another host', () => {
  it.each([
    [
      'a header (DingTalk x-acs-dingtalk-access-token)',
      'dingtalk',
      'classes',
      302,
      'x-acs-dingtalk-access-token',
    ],
    ['a bearer token (LINE WORKS)', 'lineworks', 'users', 302, 'authorization'],
    [
      'the body, re-sent on a 307 (Mews ClientToken/AccessToken)',
      'mews',
      'customers',
      307,
      'ClientToken',
    ],
  ] as const)(
    'credentials in %s: REDIRECT_REFUSED, nothing sent to the other host',
    async (_, vendor, name, status, secret) => {
      const v = vendors({ [vendor]: { sizes: { [name]: 30 } } });
      const seen = evilHost(v);
      const source = v.sources[name] as Source<unknown>;
      await v.runners[vendor].fetchPage(source, { cursor: null }); // the access token is cached
      v.sims[vendor].injectOnce({
        kind: 'redirect',
        status,
        location: 'https://evil.example/steal',
      });
      const error = await v.runners[vendor]
        .fetchPage(source, { cursor: null })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'REDIRECT_REFUSED', status });
      expect((error as Error).message).toMatch(/refusing the redirect to https:\/\/evil\.example/);
      expect(seen).toEqual([]);
      expect(JSON.stringify(error)).not.toContain(
        secret === 'ClientToken' ? MEWS_CREDENTIALS.clientToken : 'never',
      );
    },
  );

  it('the token request too: the app secret is never sent on', async () => {
    const v = vendors({ dingtalk: { sizes: { classes: 5 } } });
    const seen = evilHost(v);
    v.sims.dingtalk.injectOnce({
      kind: 'redirect',
      status: 307,
      location: 'https://evil.example/token',
    });
    const error = await v.runners.dingtalk
      .fetchPage(v.sources.classes, { cursor: null })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'REDIRECT_REFUSED' });
    expect(seen).toEqual([]);
    expect(JSON.stringify(error)).not.toContain(DINGTALK_CREDENTIALS.appSecret);
  });

  it('a redirect on the vendor’s own origin is followed, with the credentials applied again', async () => {
    const v = vendors({ lineworks: { sizes: { users: 30 } } });
    await v.runners.lineworks.fetchPage(v.sources.users, { cursor: null });
    v.sims.lineworks.injectOnce({
      kind: 'redirect',
      status: 302,
      location: '/v1.0/users?count=10',
    });
    const page = await v.runners.lineworks.fetchPage(v.sources.users, { cursor: null, size: 10 });
    expect(page.items).toHaveLength(10);
    expect(v.requests('lineworks').map((e) => e.status)).toEqual([200, 302, 200]);
    expect(JSON.stringify(v.events)).not.toContain(LINEWORKS_CREDENTIALS.clientSecret);
  });
});

describe('finding 4: every request can time out', () => {
  it('a vendor that drips its answer ends in TIMEOUT (retried first), whatever the caller’s signal', async () => {
    const v = simulatedVendors(
      { mews: { sizes: { customers: 30 } } },
      { runner: { timeoutMs: 150, retry: { retries: 1 } } },
    );
    v.sims.mews.injectOnce({ kind: 'drip', intervalMs: 20 });
    v.sims.mews.injectOnce({ kind: 'drip', intervalMs: 20 });
    const started = Date.now();
    const error = await v.runners.mews
      .fetchPage(v.sources.customers, { cursor: null })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'TIMEOUT', attempts: 2 });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(v.waits).toHaveLength(1); // one retry, after a backoff
  });

  it('a dripping answer within the time is read whole', async () => {
    const v = simulatedVendors(
      { mews: { sizes: { customers: 3 } } },
      { runner: { timeoutMs: 10_000 } },
    );
    v.sims.mews.injectOnce({ kind: 'drip', intervalMs: 0 });
    expect(
      (await v.runners.mews.fetchPage(v.sources.customers, { cursor: null })).items,
    ).toHaveLength(3);
  });
});

/** A vendor of our own, as small as a test needs: `answer(url)` gives the body and headers. */
function vendor(
  answer: (url: URL) => { body: unknown; status?: number; headers?: Record<string, string> },
) {
  const fetch: typeof globalThis.fetch = async (input) => {
    const url = new URL(String(input));
    const { body, status = 200, headers = {} } = answer(url);
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    });
  };
  return createRequestRunner({ baseUrl: 'https://api.example.com', fetch, sleep: async () => {} });
}
const items = (...ids: number[]) => ids.map((id) => ({ id }));
const cursorSource = defineCursorSource<{ id: number }>({
  provider: 'repeating',
  limits: { min: 1, max: 100, default: 2 },
  key: (i) => i.id.toFixed(0),
  request: ({ cursor, size }) => ({
    method: 'GET',
    path: '/items',
    query: { size: String(size), after: cursor ?? undefined },
  }),
  parse: (body) => body as { items: Array<{ id: number }>; next: string | null },
});

describe('finding 3: every walk ends', () => {
  it('a vendor that repeats a full page under new cursors → CURSOR_LOOP after 3 such pages', async () => {
    let n = 0;
    const runner = vendor(() => ({ body: { items: items(1, 2), next: `c${++n}` } }));
    await expect(paginate(cursorSource, { runner }).toArray()).rejects.toMatchObject({
      code: 'CURSOR_LOOP',
      message: expect.stringMatching(/3 pages that bring no new item/),
    });
    expect(n).toBe(4);
  });

  it('a vendor that alternates empty pages and repeated pages → CURSOR_LOOP, with or without de-duplication', async () => {
    for (const dedupe of [true, false]) {
      let n = 0;
      const runner = vendor(() => {
        n++;
        return { body: { items: n % 2 ? [] : items(n % 4 === 0 ? 1 : 2), next: `c${n}` } };
      });
      await expect(paginate(cursorSource, { runner, dedupe }).toArray()).rejects.toMatchObject({
        code: 'CURSOR_LOOP',
      });
      expect(n).toBeLessThan(20);
    }
  });

  it('a vendor that ignores the page parameter → CURSOR_LOOP, with or without de-duplication', async () => {
    const { offsetLimitSource } = await import('./sources/offset-limit.js');
    const people = offsetLimitSource<{ id: number }>({ path: '/items', key: (p) => String(p.id) });
    let calls = 0;
    const runner = vendor(() => {
      calls++;
      return { body: { items: items(1, 2, 3) } };
    });
    const pageAfterPage = { runner, size: 3, repairDrift: false };
    await expect(paginate(people, pageAfterPage).toArray()).rejects.toMatchObject({
      code: 'CURSOR_LOOP',
    });
    expect(calls).toBe(4);
    await expect(
      paginate(people, { ...pageAfterPage, dedupe: false }).toArray(),
    ).rejects.toMatchObject({ code: 'CURSOR_LOOP' });
  });

  it('with drift repair, a vendor that ignores the offset (but not the limit) → CURSOR_LOOP, never spinning', async () => {
    const { offsetLimitSource } = await import('./sources/offset-limit.js');
    const people = offsetLimitSource<{ id: number }>({ path: '/items', key: (p) => String(p.id) });
    let calls = 0;
    const runner = vendor((url) => {
      calls++;
      const limit = Number(url.searchParams.get('limit'));
      return { body: { items: items(...Array.from({ length: limit }, (_, i) => i + 1)) } };
    });
    await expect(paginate(people, { runner, size: 20 }).toArray()).rejects.toMatchObject({
      code: 'CURSOR_LOOP',
    });
    expect(calls).toBeLessThan(30);
  });
});

describe('finding 5: secrets in cursors and in vendor messages are redacted', () => {
  it('a secret inside a Link rel="next" URL: redacted in error.request, events and the CURSOR_LOOP message', async () => {
    const source = linkHeaderSource<{ id: number }>({ path: '/items', key: (i) => String(i.id) });
    const next = 'https://api.example.com/items?access_token=SECRET-IN-CURSOR&page=2';
    const events: unknown[] = [];
    const fetch: typeof globalThis.fetch = async () =>
      new Response(JSON.stringify(items(1)), { headers: { link: `<${next}>; rel="next"` } });
    const runner = createRequestRunner({
      baseUrl: 'https://api.example.com',
      fetch,
      onRequest: (e) => events.push(e),
    });
    const error = await paginate(source, { runner })
      .toArray()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CURSOR_LOOP' });
    const shown = JSON.stringify({ message: String(error), error, events });
    expect(shown).not.toContain('SECRET-IN-CURSOR');
    expect(shown).toContain('access_token=[redacted]');
  });

  it('a vendor message echoing the Mews tokens, raw or URL-encoded, is scrubbed', async () => {
    const v = simulatedVendors({ mews: { sizes: { customers: 5 } } });
    const echo: typeof globalThis.fetch = async () =>
      new Response(
        JSON.stringify({
          Message: `Invalid ClientToken ${MEWS_CREDENTIALS.clientToken} for ${encodeURIComponent(MEWS_CREDENTIALS.accessToken)}`,
        }),
        { status: 400 },
      );
    const runner = createRequestRunner({ baseUrl: 'https://api.mews-demo.com', fetch: echo });
    const error = await runner
      .fetchPage(v.sources.customers, { cursor: null })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST' });
    const shown = JSON.stringify({ message: String(error), error });
    expect(shown).not.toContain(MEWS_CREDENTIALS.clientToken);
    expect(shown).not.toContain(encodeURIComponent(MEWS_CREDENTIALS.accessToken));
    expect(shown).not.toContain(MEWS_CREDENTIALS.accessToken);
  });
});

describe('low findings: typed errors users can act on', () => {
  it('an unparsable Link URL → BAD_RESPONSE naming the link, not a TypeError', async () => {
    const source = linkHeaderSource<{ id: number }>({ path: '/items', key: (i) => String(i.id) });
    const fetch: typeof globalThis.fetch = async () =>
      new Response(JSON.stringify(items(1)), { headers: { link: '<http://[::bad>; rel="next"' } });
    const runner = createRequestRunner({ baseUrl: 'https://api.example.com', fetch });
    await expect(runner.fetchPage(source, { cursor: null })).rejects.toMatchObject({
      code: 'BAD_RESPONSE',
      field: 'link',
    });
  });

  it.each([
    ['a null item', { items: [{ id: 1 }, null] }, 'items[1]'],
    ['an item its key cannot read', { items: [{ id: 1 }, 'text'] }, 'items[1]'],
  ])('%s → BAD_RESPONSE naming the item', async (_, body, field) => {
    const runner = vendor(() => ({ body: { ...body, next: null } }));
    const error = await runner.fetchPage(cursorSource, { cursor: null }).catch((e: unknown) => e);
    expect(isPaginationError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'BAD_RESPONSE', field });
  });

  it('a key() of the app’s own that throws → BAD_RESPONSE naming the item, its message said, the exception as cause', async () => {
    const runner = vendor(() => ({ body: { items: items(2), next: null } }));
    const thrown = new RangeError('tenant prefix missing');
    const keyless = {
      ...cursorSource,
      key: () => {
        throw thrown;
      },
    };
    const error = await runner.fetchPage(keyless, { cursor: null }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'BAD_RESPONSE',
      field: 'items[0]',
      message: expect.stringContaining('tenant prefix missing'),
      cause: thrown,
    });
  });

  it('a cursor longer than 16 KB → BAD_RESPONSE before it is ever sent', async () => {
    const runner = vendor(() => ({ body: { items: items(1), next: 'x'.repeat(20_000) } }));
    await expect(runner.fetchPage(cursorSource, { cursor: null })).rejects.toMatchObject({
      code: 'BAD_RESPONSE',
      field: 'next',
    });
  });

  it.each(['abc', -1, 0, Number.NaN])(
    'a token lifetime of %s → BAD_RESPONSE, not a token fetch before every page',
    async (expiresIn) => {
      let fetched = 0;
      const tokens = createTokenProvider({
        provider: 'dingtalk',
        fetchToken: async () => {
          fetched++;
          return { token: 't', expiresIn: expiresIn as number };
        },
      });
      await expect(tokens.get()).rejects.toMatchObject({
        code: 'BAD_RESPONSE',
        field: 'expiresIn',
      });
      expect(fetched).toBe(1);
    },
  );

  it('core as plain ES modules without `process` (a browser, no bundler): a clamped size warns, never throws', async () => {
    const bundle = await build({
      entryPoints: [new URL('./page-size.ts', import.meta.url).pathname],
      bundle: true,
      format: 'iife',
      globalName: 'core',
      write: false,
    });
    const warnings: unknown[] = [];
    const context = vm.createContext({ console: { warn: (m: unknown) => warnings.push(m) } });
    vm.runInContext(bundle.outputFiles[0]!.text, context);
    const clamped = vm.runInContext(
      'core.resolvePageSize("mews", { min: 1, max: 10, default: 5 }, 50)',
      context,
    );
    expect(clamped).toBe(10);
    expect(warnings).toHaveLength(1);
  });
});

describe('secrets in token endpoint answers and runner headers (review findings)', () => {
  it('a token endpoint echoing the app secret: scrubbed from the error', async () => {
    const { dingtalkTokenProvider, dingtalkTokenList } = await import('./vendors/dingtalk.js');
    const fetch: typeof globalThis.fetch = async () =>
      new Response(
        JSON.stringify({ code: 'invalidClient', message: 'appSecret AppS3cretValue123 is wrong' }),
        {
          status: 400,
        },
      );
    const runner = createRequestRunner({
      baseUrl: 'https://api.dingtalk.com',
      fetch,
      token: dingtalkTokenProvider({ appKey: 'key-1', appSecret: 'AppS3cretValue123', fetch }),
    });
    const source = dingtalkTokenList<{ id: string }>({
      path: '/v1.0/x',
      items: 'list',
      key: (i) => i.id,
    });
    const error = await runner.fetchPage(source, { cursor: null }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(JSON.stringify({ m: String(error), error })).not.toContain('AppS3cretValue123');
  });

  it('a secret in the runner’s own headers, echoed past 200 characters: scrubbed before the message is shortened', async () => {
    const fetch: typeof globalThis.fetch = async () =>
      new Response(`${'x'.repeat(190)} key RunnerKey98765 revoked`, { status: 403 });
    const runner = createRequestRunner({
      baseUrl: 'https://api.example.com',
      fetch,
      headers: { 'x-api-key': 'RunnerKey98765' },
    });
    const error = await runner.fetchPage(cursorSource, { cursor: null }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(String(error)).not.toMatch(/RunnerKey|RunnerK/);
  });
});

describe('an answer without its items field (the simulators’ no-items fault)', () => {
  const vendorOf = (provider: string) =>
    (['dingtalk', 'lineworks', 'dashly', 'mews'].includes(provider) ? provider : 'generic') as
      | 'dingtalk'
      | 'lineworks'
      | 'dashly'
      | 'mews'
      | 'generic';
  it.each(Object.keys(simulatedVendors({}).sources))(
    '%s: BAD_RESPONSE, not a page of nothing',
    async (name) => {
      // Small collections: the default 100,000 items take seconds to generate on a loaded machine.
      const v = simulatedVendors(
        {
          dingtalk: { sizes: { classes: 30, events: 30, adjustments: 30 } },
          lineworks: { sizes: { users: 30, calendars: 30 } },
          dashly: { sizes: { conversations: 30, parts: 30 } },
          mews: { sizes: { customers: 30, reservations: 30 } },
          generic: { size: 30, orders: 30 },
        },
        { runner: { retry: { retries: 0 } } },
      );
      const source = v.sources[name as keyof typeof v.sources] as Source<unknown>;
      const vendor = vendorOf(source.provider);
      const runner = v.runners[vendor];
      const first = { cursor: null };
      await runner.fetchPage(source, first); // the token, where the vendor has one
      v.sims[vendor].injectOnce({ kind: 'malformed', malformed: 'no-items' });
      await expect(runner.fetchPage(source, first)).rejects.toMatchObject({
        code: 'BAD_RESPONSE',
      });
      expect(v.sims[vendor].log.entries.at(-1)?.fault).toBe('malformed no-items');
    },
  );
});
