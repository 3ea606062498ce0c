// @vitest-environment node
import type { Source } from '@pagewise/core';
import { simulatedVendors } from '@pagewise/testkit';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { infiniteListQueryOptions } from './infinite-list-query.js';
import { pagedTableQueryOptions } from './paged-table-query.js';
import { useInfiniteList } from './use-infinite-list.js';
import { usePagedTable } from './use-paged-table.js';

type Row = Record<string, unknown>;

const v = simulatedVendors({ lineworks: { sizes: { users: 100 } } });
const runner = v.runners.lineworks;

/** As a server component does: prefetch into the request's client, then render the page with it. */
async function serverRender(
  prefetch: (client: QueryClient, source: Source<Row>) => Promise<void>,
  View: (props: { source: Source<Row> }) => React.ReactNode,
) {
  const source = v.sources.users as unknown as Source<Row>;
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  await prefetch(client, source);
  vi.restoreAllMocks();
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const html = renderToString(
    <QueryClientProvider client={client}>
      <View source={source} />
    </QueryClientProvider>,
  );
  return { html, warned: warn.mock.calls.map((c) => String(c[0])) };
}

function Table({ source, pageSize }: { source: Source<Row>; pageSize: number }) {
  const table = usePagedTable({ source, runner, pageSize, prefetch: false });
  return <p>{`${table.rows.length} rows`}</p>;
}
function List({ source, pageSize }: { source: Source<Row>; pageSize: number }) {
  const list = useInfiniteList({ source, runner, pageSize });
  return <p>{`${list.items.length} items`}</p>;
}

function AtPage3({ source }: { source: Source<Row> }) {
  const table = usePagedTable({ source, runner, pageSize: 20, pageIndex: 2, prefetch: false });
  return <p>{`${table.rows.length} rows`}</p>;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a server prefetch the hook does not find is said in development', () => {
  it('a table: prefetched at 20 a page, rendered at 50 — empty HTML, and a warning that says why', async () => {
    const { html, warned } = await serverRender(
      (client, source) =>
        client.prefetchQuery(pagedTableQueryOptions({ source, runner, pageSize: 20 })),
      ({ source }) => <Table source={source} pageSize={50} />,
    );
    expect(html).toContain('0 rows');
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatch(/usePagedTable: rendered on the server with nothing to show/);
    expect(warned[0]).toMatch(/same pageSize, params/);
  });

  it('a table given the same options: its rows in the HTML, no warning', async () => {
    const { html, warned } = await serverRender(
      (client, source) =>
        client.prefetchQuery(pagedTableQueryOptions({ source, runner, pageSize: 20 })),
      ({ source }) => <Table source={source} pageSize={20} />,
    );
    expect(html).toContain('20 rows');
    expect(warned).toEqual([]);
  });

  it('a list: prefetched with other options, a warning; a table of the same source prefetched is not the list’s', async () => {
    const list = await serverRender(
      (client, source) =>
        client.prefetchInfiniteQuery(infiniteListQueryOptions({ source, runner, pageSize: 20 })),
      ({ source }) => <List source={source} pageSize={30} />,
    );
    expect(list.html).toContain('0 items');
    expect(list.warned).toHaveLength(1);
    expect(list.warned[0]).toMatch(/useInfiniteList: rendered on the server/);
    const other = await serverRender(
      (client, source) =>
        client.prefetchQuery(pagedTableQueryOptions({ source, runner, pageSize: 20 })),
      ({ source }) => <List source={source} pageSize={20} />,
    );
    expect(other.warned).toEqual([]);
  });

  it('nothing prefetched at all (a page rendered in the browser only): no warning', async () => {
    const { warned } = await serverRender(
      async () => {},
      ({ source }) => <Table source={source} pageSize={20} />,
    );
    expect(warned).toEqual([]);
  });

  it('a prefetch streamed (not awaited) may still be this table’s: no warning while it is on its way', async () => {
    const { warned } = await serverRender(
      async (client, source) => {
        await client.prefetchQuery(pagedTableQueryOptions({ source, runner, pageSize: 20 }));
        void client.prefetchQuery(pagedTableQueryOptions({ source, runner, pageSize: 5 }));
      },
      ({ source }) => <Table source={source} pageSize={5} />,
    );
    expect(warned).toEqual([]);
  });

  it('a cursor table opened at page 3 without a cursor (walked to in the browser): no warning', async () => {
    const { html, warned } = await serverRender(
      (client, source) =>
        client.prefetchQuery(
          pagedTableQueryOptions({ source, runner, pageSize: 20, pageIndex: 2 }),
        ),
      AtPage3,
    );
    expect(html).toContain('0 rows');
    expect(warned).toEqual([]);
  });
});
