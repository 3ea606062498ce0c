import {
  createRequestRunner,
  defineTableState,
  offsetLimitSource,
  type RequestRunner,
  type SearchInput,
  type Source,
} from '@pagewise/core';
import {
  dehydrate,
  HydrationBoundary,
  QueryClient,
  QueryClientProvider,
  useInfiniteQuery,
  useQuery,
} from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { infiniteListQueryOptions } from './infinite-list-query.js';
import { pagedTableQueryOptions } from './paged-table-query.js';
import { reactSimulators } from './test-support/vendors.js';
import { useInfiniteList } from './use-infinite-list.js';
import type { InfiniteList } from './use-infinite-list.types.js';
import { usePagedTable } from './use-paged-table.js';
import type { PagedTable } from './use-paged-table.types.js';
import { useTableState } from './use-table-state.js';

const vendors = reactSimulators();
/** One definition for the server and the browser: both read the URL the same way. */
const urlTable = defineTableState({ url: true });
type Row = { id?: unknown; userId?: unknown };
const label = (row: unknown) => JSON.stringify(row).slice(0, 40);

/**
 * What a framework does with a server component and a client component: the server fetches
 * with its own QueryClient and renders HTML; the browser hydrates that HTML with the dehydrated
 * cache (serialized as JSON, as it travels) and a fresh QueryClient of its own.
 */
async function serverThenBrowser<S>(
  prefetch: (server: QueryClient) => Promise<void>,
  view: (expose: (state: S) => void) => React.ReactNode,
) {
  const server = new QueryClient();
  await prefetch(server);
  const state = JSON.parse(JSON.stringify(dehydrate(server)));
  const seen: { current?: S } = {};
  const expose = (s: S) => {
    seen.current = s;
  };
  const tree = (client: QueryClient) => (
    <QueryClientProvider client={client}>
      <HydrationBoundary state={state}>{view(expose)}</HydrationBoundary>
    </QueryClientProvider>
  );
  const html = renderToString(tree(new QueryClient()));
  const container = document.createElement('div');
  container.innerHTML = html;
  document.body.append(container);
  const recoverable: unknown[] = [];
  const errors = vi.spyOn(console, 'error');
  const browser = new QueryClient();
  await act(async () => {
    roots.push(
      hydrateRoot(container, tree(browser), { onRecoverableError: (e) => recoverable.push(e) }),
    );
  });
  return { html, container, seen, recoverable, errors, browser };
}

interface ViewProps<S> {
  source: Source<Row>;
  runner: RequestRunner;
  expose: (state: S) => void;
}

function Table({ source, runner, expose }: ViewProps<PagedTable<Row>>) {
  const table = usePagedTable({ source, runner, pageSize: 10 });
  expose(table);
  return (
    <ul>
      {table.rows.map((row) => (
        <li key={source.key(row)}>{source.key(row)}</li>
      ))}
    </ul>
  );
}

function UrlTable({
  source,
  runner,
  expose,
  search,
}: ViewProps<PagedTable<Row>> & { search: () => SearchInput }) {
  // A new object every render, as a framework hands its query.
  const state = useTableState(urlTable, { serverSearch: search() });
  const table = usePagedTable({ source, runner, state, pageSize: 10 });
  expose(table);
  return (
    <ul>
      {table.rows.map((row) => (
        <li key={source.key(row)}>{source.key(row)}</li>
      ))}
    </ul>
  );
}

function List({ source, runner, expose }: ViewProps<InfiniteList<Row>>) {
  const list = useInfiniteList({ source, runner, pageSize: 10, maxPages: 2 });
  expose(list);
  return (
    <ul>
      {list.items.map((item) => (
        <li key={source.key(item)}>{source.key(item)}</li>
      ))}
    </ul>
  );
}

/** The browser roots a test hydrated: unmounted after it, so no table of one test reads the next one's URL. */
const roots: Array<{ unmount(): void }> = [];
afterEach(() => {
  act(() => {
    for (const root of roots.splice(0)) root.unmount();
  });
  window.history.replaceState(null, '', '/');
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('server rendering with the query-options factories', () => {
  it.each([
    ['a page-number source (DingTalk pageNumber)', 'dingtalk', 'adjustments', 'adjustments'],
    ['a cursor source (LINE WORKS)', 'lineworks', 'users', 'users'],
    ['a POST cursor source (Mews)', 'mews', 'reservations', 'reservations'],
  ] as const)(
    'a table prefetched on the server shows page 1 in its HTML, hydrates without a mismatch or a second fetch, and pages on from there: %s',
    async (_name, vendor, sourceName, collection) => {
      const v = vendors({ [vendor]: { sizes: { [collection]: 50 } } });
      const source = v.sources[sourceName] as Source<Row>;
      const runner = v.runners[vendor];
      const { html, container, seen, recoverable, errors } = await serverThenBrowser(
        (server) => server.prefetchQuery(pagedTableQueryOptions({ source, runner, pageSize: 10 })),
        (expose: (t: PagedTable<Row>) => void) => (
          <Table source={source} runner={runner} expose={expose} />
        ),
      );
      expect(html.match(/<li>/g)).toHaveLength(10);
      expect(container.querySelectorAll('li')).toHaveLength(10);
      await act(async () => {
        await new Promise((r) => setTimeout(r, 50));
      });
      // The server fetched page 1; the browser fetched page 2 ahead (a prefetch), never page 1 again.
      const [page1, ...inBrowser] = v.requests(vendor).map((r) => r.cursorIn ?? null);
      expect(page1 === null || page1 === '1').toBe(true);
      expect(inBrowser.length).toBeGreaterThan(0);
      expect(inBrowser).not.toContain(page1);
      expect(recoverable).toEqual([]);
      expect(errors).not.toHaveBeenCalled();
      const table = seen.current!;
      expect(table.canNextPage).toBe(true);
      act(() => table.nextPage());
      await waitFor(() => expect(seen.current?.shownPageIndex).toBe(1));
      expect(container.querySelectorAll('li')).toHaveLength(10);
      expect(label(seen.current?.rows[0])).not.toBe(label(table.rows[0]));
    },
  );

  it.each<[string, () => SearchInput]>([
    ['text', () => '?page=3&size=10&tab=a%20b'],
    ['URLSearchParams', () => new URLSearchParams('page=3&size=10&tab=a+b')],
    ['a Next.js record', () => ({ page: '3', size: '10', tab: 'a b' })],
  ])(
    'a table in the URL (useTableState) prefetched with its state definition opens on the URL’s page on the server and in the browser, fetching it once, and hydrates in one render: the query as %s',
    async (_form, search) => {
      const v = vendors({ dingtalk: { sizes: { adjustments: 50 } } });
      const source = v.sources.adjustments as Source<Row>;
      const runner = v.runners.dingtalk;
      window.history.replaceState(null, '', '/?page=3&size=10&tab=a+b');
      const rendered: Array<PagedTable<Row>> = [];
      const { html, seen, recoverable, errors } = await serverThenBrowser(
        (server) =>
          server.prefetchQuery(
            pagedTableQueryOptions({ source, runner, state: urlTable, search: search() }),
          ),
        (expose: (t: PagedTable<Row>) => void) => (
          <UrlTable
            source={source}
            runner={runner}
            expose={(t) => {
              rendered.push(t);
              expose(t);
            }}
            search={search}
          />
        ),
      );
      expect(html.match(/<li>/g)).toHaveLength(10);
      await act(async () => {
        await new Promise((r) => setTimeout(r, 50));
      });
      expect(seen.current?.shownPageIndex).toBe(2);
      // One render on the server, one to hydrate: the browser's URL is the server's query, so
      // React finds nothing changed and renders no second time.
      expect(rendered).toHaveLength(2);
      const pages = v.requests('dingtalk').map((r) => r.cursorIn);
      expect(pages[0]).toBe('3');
      expect(pages.filter((p) => p === '3')).toHaveLength(1);
      expect(recoverable).toEqual([]);
      expect(errors).not.toHaveBeenCalled();
      window.history.replaceState(null, '', '/');
    },
  );

  it('the size the URL names wins over the pageSize given as the default, on the server as in the browser (one fetch, rows in the HTML)', async () => {
    const v = vendors({ dingtalk: { sizes: { adjustments: 50 } } });
    const source = v.sources.adjustments as Source<Row>;
    const runner = v.runners.dingtalk;
    window.history.replaceState(null, '', '/?page=3&size=5');
    const search = () => '?page=3&size=5';
    const before = v.requests('dingtalk').length;
    const { html, seen, recoverable, errors } = await serverThenBrowser(
      (server) =>
        server.prefetchQuery(
          // The same default as the browser's table (UrlTable: pageSize 10).
          pagedTableQueryOptions({
            source,
            runner,
            state: urlTable,
            search: search(),
            pageSize: 10,
          }),
        ),
      (expose: (t: PagedTable<Row>) => void) => (
        <UrlTable source={source} runner={runner} expose={expose} search={search} />
      ),
    );
    expect(html.match(/<li>/g)).toHaveLength(5);
    await act(async () => {
      await new Promise((r) => setTimeout(r, 50));
    });
    expect(seen.current).toMatchObject({ shownPageIndex: 2, pageSize: 5 });
    const asked = v.requests('dingtalk').slice(before);
    expect(asked.filter((r) => r.cursorIn === '3')).toHaveLength(1);
    expect(recoverable).toEqual([]);
    expect(errors).not.toHaveBeenCalled();
    window.history.replaceState(null, '', '/');
  });

  it('a URL past the end is redirected on the server: the page fetched for it tells the last page, which then renders and hydrates', async () => {
    const v = vendors({ generic: { orders: 400 } });
    const source = v.sources.orders as Source<Row>;
    const runner = v.runners.generic;
    // What a server component does before it renders: fetch, then correct.
    const asked = '?page=999&tab=2';
    const server = new QueryClient();
    const page = await server.fetchQuery(
      pagedTableQueryOptions({ source, runner, state: urlTable, search: asked, pageSize: 10 }),
    );
    const fixed = urlTable.correct(asked, page);
    expect(page.items).toEqual([]);
    // 400 orders at 10 a page.
    expect(fixed).toBe('?page=40&tab=2');
    window.history.replaceState(null, '', `/${fixed}`);
    const before = v.requests('generic').length;
    const { html, seen, recoverable, errors } = await serverThenBrowser(
      (s) =>
        s.prefetchQuery(
          pagedTableQueryOptions({ source, runner, state: urlTable, search: fixed, pageSize: 10 }),
        ),
      (expose: (t: PagedTable<Row>) => void) => (
        <UrlTable source={source} runner={runner} expose={expose} search={() => fixed!} />
      ),
    );
    expect(html.match(/<li>/g)).toHaveLength(10);
    await act(async () => {
      await new Promise((r) => setTimeout(r, 50));
    });
    expect(seen.current).toMatchObject({ shownPageIndex: 39, pageCount: 40 });
    expect(
      v
        .requests('generic')
        .slice(before)
        .map((r) => r.cursorIn),
    ).toEqual(['40']);
    expect(window.location.search).toBe('?page=40&tab=2');
    expect(recoverable).toEqual([]);
    expect(errors).not.toHaveBeenCalled();
    window.history.replaceState(null, '', '/');
  });

  it('a table state kept in React state (no url) is not read from the URL on the server either', () => {
    const v = vendors({ dingtalk: { sizes: { adjustments: 50 } } });
    const input = { source: v.sources.adjustments as Source<Row>, runner: v.runners.dingtalk };
    const local = defineTableState();
    const fromUrl = pagedTableQueryOptions({
      ...input,
      state: local,
      search: '?page=3&size=5',
      pageSize: 10,
    });
    const plain = pagedTableQueryOptions({ ...input, state: local, pageSize: 10 });
    expect(fromUrl.queryKey).toEqual(plain.queryKey);
  });

  it('an infinite list prefetched on the server hydrates without a second fetch, grows, and its maxPages window slides back over the hydrated page', async () => {
    const v = vendors({ mews: { sizes: { reservations: 60 } } });
    const source = v.sources.reservations as Source<Row>;
    const runner = v.runners.mews;
    const { html, seen, recoverable, errors } = await serverThenBrowser(
      (server) =>
        server.prefetchInfiniteQuery(infiniteListQueryOptions({ source, runner, pageSize: 10 })),
      (expose: (l: InfiniteList<Row>) => void) => (
        <List source={source} runner={runner} expose={expose} />
      ),
    );
    expect(html.match(/<li>/g)).toHaveLength(10);
    await act(async () => {
      await new Promise((r) => setTimeout(r, 50));
    });
    expect(v.requests('mews')).toHaveLength(1);
    expect(recoverable).toEqual([]);
    expect(errors).not.toHaveBeenCalled();
    const first = seen.current!.items.map((i) => source.key(i));
    await act(() => seen.current!.fetchNextPage());
    await waitFor(() => expect(seen.current?.items).toHaveLength(20));
    await act(() => seen.current!.fetchNextPage());
    // The window keeps 2 pages: the hydrated page dropped, and Mews cannot page backwards by itself.
    await waitFor(() => expect(seen.current?.items).toHaveLength(20));
    expect(seen.current!.items.map((i) => source.key(i))).not.toContain(first[0]);
    expect(seen.current!.hasPreviousPage).toBe(true);
    await act(() => seen.current!.fetchPreviousPage());
    await waitFor(() => expect(seen.current!.items.map((i) => source.key(i))).toContain(first[9]));
  });
});

describe('a cursor from the page URL on the server (hardening II, finding 1)', () => {
  const base = 'https://generic.test/tenants/acme/api';

  /** The server-rendering guide's pattern: the URL's page, prefetched with a server credential. */
  async function renderFromUrl(search: string) {
    const v = vendors({ generic: { size: 200 } }, { baseUrls: { generic: base } });
    const sent: string[] = [];
    const runner = createRequestRunner({
      baseUrl: base,
      headers: { authorization: 'Bearer server-only-key' },
      fetch: (input, init) => {
        sent.push(String(input));
        return v.fetch(input, init);
      },
    });
    const source = v.sources.linkedItems as Source<Row>;
    const server = new QueryClient();
    const query = pagedTableQueryOptions({ source, runner, state: urlTable, search });
    const outcome = await server.fetchQuery(query).then(
      (page) => ({ page, error: undefined }),
      (error: unknown) => ({ page: undefined, error }),
    );
    return { ...outcome, sent, html: JSON.stringify(dehydrate(server)), v, runner, source };
  }

  it.each([
    ['a climbing path', '/../../../admin/keys'],
    ['an encoded climb', '/tenants/acme/api/repos/items/%2e%2e/%2e%2e/%2e%2e/%2e%2e/admin/keys'],
    ['an absolute URL on the vendor’s origin', 'https://generic.test/admin/users?role=all'],
    ['another endpoint under the base path', 'https://generic.test/tenants/acme/api/orders'],
    ['another origin', 'https://evil.example/tenants/acme/api/repos/items?page=2'],
  ])(
    '%s is INVALID_CURSOR and nothing is sent with the server’s credential',
    async (_name, cursor) => {
      const { error, sent, html } = await renderFromUrl(
        `?page=2&cursor=${encodeURIComponent(cursor)}`,
      );
      expect(error).toMatchObject({ code: 'INVALID_CURSOR' });
      expect(sent).toEqual([]);
      expect(html).not.toContain('admin');
    },
  );

  it('a page without a cursor (typed by hand) is walked to in the browser: the server fetches page 0 only', async () => {
    const v = vendors({ mews: { sizes: { reservations: 300 } } });
    const query = pagedTableQueryOptions({
      source: v.sources.reservations as Source<Row>,
      runner: v.runners.mews,
      state: urlTable,
      search: '?page=5',
      pageSize: 20,
    });
    const page = await new QueryClient().fetchQuery(query);
    expect(v.requests('mews')).toHaveLength(1);
    expect(page.items).toHaveLength(20); // not the 100 rows of a walk the browser would fetch again
    expect(page.cursor).toBeNull();
  });

  it('a link whose cursor was handed out at another page size is walked to, as in the browser: page 0 only', async () => {
    const v = vendors({ mews: { sizes: { reservations: 300 } } });
    const at50 = await v.runners.mews.fetchPage(v.sources.reservations, {
      cursor: null,
      direction: 'after',
      size: 50,
    });
    const input = {
      source: v.sources.reservations as Source<Row>,
      runner: v.runners.mews,
      state: urlTable,
      pageSize: 20,
    };
    const link = `?page=2&cursor=${encodeURIComponent(at50.next!)}`;
    const edited = pagedTableQueryOptions({ ...input, search: `${link}&cursorSize=50` });
    expect(edited.queryKey).toEqual(
      pagedTableQueryOptions({ ...input, search: '?page=2' }).queryKey,
    );
    const page = await new QueryClient().fetchQuery(edited);
    expect(page.cursor).toBeNull();
    expect(page.items).toHaveLength(20);
    // At its own size the link opens its page in one request.
    const own = pagedTableQueryOptions({ ...input, search: `${link}&cursorSize=20` });
    expect(own.queryKey).not.toEqual(edited.queryKey);
  });

  it('the cursor a table wrote into its own URL still opens that page in one request', async () => {
    const first = await renderFromUrl('');
    expect(first.error).toBeUndefined();
    const next = first.page?.next;
    expect(next).toMatch(/^https:\/\/generic\.test\/tenants\/acme\/api\/repos\/items\?/);
    const second = await renderFromUrl(`?page=2&cursor=${encodeURIComponent(next!)}`);
    expect(second.error).toBeUndefined();
    expect(second.sent).toHaveLength(1);
    expect(second.page?.items).toHaveLength(30);
    expect(label(second.page?.items[0])).not.toBe(label(first.page?.items[0]));
  });
});

describe('a credential passed as a source option stays out of query keys and the HTML (hardening II, finding 4)', () => {
  const source = (apiKey: string) =>
    offsetLimitSource<Row>({
      path: '/items',
      total: 'total',
      query: { api_key: apiKey },
      key: (x) => String(x.id),
    });

  it('the dehydrated state holds a fingerprint where the key was; two tenants get two keys', async () => {
    const v = vendors({ generic: { size: 100 } });
    const runner = v.runners.generic;
    const { html } = await serverThenBrowser(
      (server) =>
        server.prefetchQuery(
          pagedTableQueryOptions({
            source: source('sk_live_tenant_a_123456'),
            runner,
            pageSize: 10,
          }),
        ),
      (expose: (t: PagedTable<Row>) => void) => (
        <Table source={source('sk_live_tenant_a_123456')} runner={runner} expose={expose} />
      ),
    );
    const server = new QueryClient();
    await server.prefetchQuery(
      pagedTableQueryOptions({ source: source('sk_live_tenant_a_123456'), runner, pageSize: 10 }),
    );
    const dehydrated = JSON.stringify(dehydrate(server));
    expect(dehydrated).not.toContain('sk_live');
    expect(html).not.toContain('sk_live');
    // The key still went to the API, and the page came back.
    expect(v.fetched.at(-1)!.url).toContain('api_key=sk_live_tenant_a_123456');
    const a = pagedTableQueryOptions({ source: source('sk_live_tenant_a_123456'), runner });
    const b = pagedTableQueryOptions({ source: source('sk_live_tenant_b_654321'), runner });
    expect(JSON.stringify(a.queryKey)).not.toBe(JSON.stringify(b.queryKey));
    expect(JSON.stringify([a.queryKey, b.queryKey])).not.toContain('sk_live');
  });

  it('the same holds for a credential among a list’s parameters', () => {
    const v0 = vendors({ generic: {} });
    const list = infiniteListQueryOptions({
      source: v0.sources.orders as Source<Row, unknown>,
      runner: v0.runners.generic,
      params: { filters: {}, sort: [], search: '', token: 'secret-in-params-789' },
    });
    expect(JSON.stringify(list.queryKey)).not.toContain('secret-in-params');
  });

  it('used in the browser (useInfiniteQuery, useQuery), the factories leave retrying to the runner: a failing vendor gets its attempts, not three times as many', async () => {
    const v = vendors({ lineworks: { sizes: { users: 50 }, faults: { serverErrorRate: 1 } } });
    const source = v.sources.users as Source<Row, unknown>;
    const runner = v.runners.lineworks;
    const users = () => v.requests('lineworks').filter((r) => r.path.includes('/users')).length;
    // Were TanStack Query to retry too, it would not wait for it.
    const client = new QueryClient({ defaultOptions: { queries: { retryDelay: 0 } } });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    );
    const list = renderHook(
      () => useInfiniteQuery(infiniteListQueryOptions({ source, runner, queryClient: client })),
      { wrapper },
    );
    await waitFor(() => expect(list.result.current.isError).toBe(true));
    expect(users()).toBe(5); // the runner's: a try and 4 retries
    const page = renderHook(
      () => useQuery(pagedTableQueryOptions({ source, runner, pageSize: 20 })),
      { wrapper },
    );
    await waitFor(() => expect(page.result.current.isError).toBe(true));
    expect(users()).toBe(10);
  });
});
