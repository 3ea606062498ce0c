import type { RequestRunner, Source } from '@pagewise/core';
import { onlineManager, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import {
  createColumnHelper,
  rowPaginationFeature,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reactSimulators } from './test-support/vendors.js';
import { usePagedTable } from './use-paged-table.js';
import { useTableAnnouncement } from './use-table-announcement.js';
import { useTableState } from './use-table-state.js';

const vendors = reactSimulators();
afterEach(() => vi.restoreAllMocks());

const CASES = [
  {
    name: 'DingTalk pageNumber',
    vendor: 'dingtalk',
    source: 'adjustments',
    size: 20,
    n: 45,
    knownTotal: true,
  },
  {
    name: 'DingTalk nextToken',
    vendor: 'dingtalk',
    source: 'classes',
    size: 20,
    n: 45,
    knownTotal: false,
  },
  { name: 'LINE WORKS', vendor: 'lineworks', source: 'users', size: 20, n: 45, knownTotal: false },
  { name: 'Dashly', vendor: 'dashly', source: 'conversations', size: 20, n: 45, knownTotal: false },
  { name: 'Mews', vendor: 'mews', source: 'customers', size: 20, n: 45, knownTotal: false },
] as const;
const COLLECTION: Record<string, string> = {
  adjustments: 'adjustments',
  classes: 'classes',
  users: 'users',
  conversations: 'conversations',
  customers: 'customers',
};

type Case = {
  vendor: (typeof CASES)[number]['vendor'];
  source: (typeof CASES)[number]['source'];
  n: number;
};

function setup(c: Case, faults = {}, strict = false) {
  const v = vendors(
    { [c.vendor]: { sizes: { [COLLECTION[c.source]!]: c.n }, faults } },
    { strict },
  );
  const source = v.sources[c.source] as Source<unknown>;
  return { v, source, runner: v.runners[c.vendor] };
}

describe.each(CASES)('usePagedTable over $name', (c) => {
  it('shows page 1, pages forward to the end and back, with a page count and no Next into an empty page', async () => {
    const { v, source, runner } = setup(c);
    const { result } = renderHook(() => usePagedTable({ source, runner, pageSize: c.size }), {
      wrapper: v.wrapper,
    });
    await waitFor(() => expect(result.current.rows).toHaveLength(20));
    const first = result.current.rows.map((r) => source.key(r));
    expect(result.current.pageCount).toBe(c.knownTotal ? 3 : -1);
    expect(result.current.canPreviousPage).toBe(false);
    await waitFor(() => expect(result.current.canNextPage).toBe(true));
    act(() => result.current.nextPage());
    await waitFor(() => expect(result.current.pageIndex).toBe(1));
    await waitFor(() => expect(result.current.isPlaceholderData).toBe(false));
    expect(result.current.rows.map((r) => source.key(r))).not.toEqual(first);
    await waitFor(() => expect(result.current.canNextPage).toBe(true));
    act(() => result.current.nextPage());
    await waitFor(() => expect(result.current.rows).toHaveLength(5));
    expect(result.current.pageIndex).toBe(2);
    await waitFor(() => expect(result.current.pageCount).toBe(3));
    expect(result.current.canNextPage).toBe(false);
    expect(result.current.canLastPage).toBe(false);
    const before = v.requests(c.vendor).length;
    act(() => result.current.firstPage());
    await waitFor(() => expect(result.current.rows.map((r) => source.key(r))).toEqual(first));
    expect(v.requests(c.vendor).length).toBe(before); // going back reuses what was fetched
    const all = new Set(v.requests(c.vendor).map((e) => e.cursorIn ?? 'first'));
    expect(all.size).toBe(v.requests(c.vendor).length); // each page fetched once
  });

  it('renders once for a turn to a page fetched ahead; the prefetches that follow re-render nothing', async () => {
    const { v, source, runner } = setup({ ...c, n: 400 });
    let renders = 0;
    const { result } = renderHook(
      () => {
        renders++;
        return usePagedTable({ source, runner, pageSize: c.size });
      },
      { wrapper: v.wrapper },
    );
    await waitFor(() => expect(result.current.rows).toHaveLength(20));
    await waitFor(() => expect(v.client.isFetching()).toBe(0));
    const before = v.requests(c.vendor).length;
    renders = 0;
    act(() => result.current.nextPage());
    expect(result.current).toMatchObject({ pageIndex: 1, isPlaceholderData: false });
    // The pages after it are requested in the next task, and land.
    await waitFor(() => expect(v.requests(c.vendor).length).toBeGreaterThan(before));
    await waitFor(() => expect(v.client.isFetching()).toBe(0));
    expect(renders).toBe(1);
  });
});

const features = tableFeatures({ rowPaginationFeature });
const column = createColumnHelper<typeof features, { userId: string }>();
const columns = column.columns([column.accessor('userId', { header: 'Id' })]);

/** A LINE WORKS users table as an app would write it with TanStack Table v9. */
function UsersTable({
  source,
  runner,
}: {
  source: Source<{ userId: string }>;
  runner: RequestRunner;
}) {
  const paged = usePagedTable({ source, runner, pageSize: 20 });
  const table = useTable({ features, columns, data: paged.rows, ...paged.tableOptions });
  return (
    <div>
      <ul>
        {table.getRowModel().rows.map((row) => (
          <li key={row.id}>{row.original.userId}</li>
        ))}
      </ul>
      <span>
        page {table.state.pagination.pageIndex + 1} of {table.getPageCount()}
      </span>
      <button type="button" onClick={() => table.nextPage()} disabled={!paged.canNextPage}>
        next
      </button>
      <button type="button" onClick={() => table.lastPage()} disabled={!table.getCanLastPage()}>
        last
      </button>
    </div>
  );
}

describe('usePagedTable', () => {
  it('plugs into TanStack Table v9 (manual pagination, unknown page count while the vendor says more)', async () => {
    const { v, source, runner } = setup(CASES[2]);
    render(<UsersTable source={source as Source<{ userId: string }>} runner={runner} />, {
      wrapper: v.wrapper,
    });
    expect(await screen.findAllByRole('listitem')).toHaveLength(20);
    expect(screen.getByText('page 1 of -1')).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'last' }).disabled).toBe(true);
    await waitFor(() =>
      expect(screen.getByRole<HTMLButtonElement>('button', { name: 'next' }).disabled).toBe(false),
    );
    await userEvent.click(screen.getByRole('button', { name: 'next' }));
    // Page 3 was prefetched and has no nextCursor: the count is known from then on.
    await waitFor(() => expect(screen.getByText('page 2 of 3')).toBeTruthy());
    await waitFor(() =>
      expect(screen.getByRole<HTMLButtonElement>('button', { name: 'next' }).disabled).toBe(false),
    );
    await userEvent.click(screen.getByRole('button', { name: 'next' }));
    await waitFor(() => expect(screen.getByText('page 3 of 3')).toBeTruthy());
    expect(screen.getAllByRole('listitem')).toHaveLength(5);
  });

  it('jumps straight to any page of a page-number source, and to the last page once the total is known', async () => {
    const { v, source, runner } = setup({ ...CASES[0], n: 1000 });
    const { result } = renderHook(
      () => usePagedTable({ source, runner, pageSize: 20, prefetch: false }),
      { wrapper: v.wrapper },
    );
    await waitFor(() => expect(result.current.pageCount).toBe(50));
    expect(result.current.canLastPage).toBe(true);
    act(() => result.current.setPageIndex(30));
    await waitFor(() => expect(result.current.page?.cursor).toBe('31'));
    act(() => result.current.lastPage());
    await waitFor(() => expect(result.current.page?.cursor).toBe('50'));
    expect(v.requests('dingtalk').map((e) => e.params.pageNumber)).toEqual(['1', '31', '50']);
  });

  it('walks a cursor source forward to a page never visited, fetching the pages between', async () => {
    const { v, source, runner } = setup({ ...CASES[2], n: 500 });
    const { result } = renderHook(
      () => usePagedTable({ source, runner, pageSize: 20, prefetch: false }),
      { wrapper: v.wrapper },
    );
    await waitFor(() => expect(result.current.rows).toHaveLength(20));
    expect(result.current.pageDisabledReason(4)).toBeUndefined();
    expect(result.current.pageDisabledReason(40)).toMatch(/too far ahead/);
    act(() => result.current.setPageIndex(4));
    await waitFor(() => expect(result.current.pageIndex).toBe(4));
    await waitFor(() => expect(result.current.isPlaceholderData).toBe(false));
    expect(v.requests('lineworks')).toHaveLength(5);
    const walkedIds = result.current.rows.map((r) => source.key(r));
    expect(new Set(walkedIds).size).toBe(20);
  });

  it('disables forward jumps on cursor sources when asked, and says why', async () => {
    const { v, source, runner } = setup({ ...CASES[4], n: 500 });
    const { result } = renderHook(
      () => usePagedTable({ source, runner, pageSize: 20, forwardJumps: 'disabled' }),
      { wrapper: v.wrapper },
    );
    await waitFor(() => expect(result.current.canNextPage).toBe(true));
    expect(result.current.pageDisabledReason(1)).toBeUndefined(); // the next page's cursor is known
    expect(result.current.pageDisabledReason(3)).toBeDefined();
    expect(result.current.pageDisabledReason(3)).toBe(
      'page 4 can only be reached through the pages before it',
    );
  });

  it('keeps the current rows while the next page loads (isPlaceholderData), then swaps them', async () => {
    const { v, source, runner } = setup({ ...CASES[0], n: 100 }, { latencyMs: 80 });
    const { result } = renderHook(
      () => usePagedTable({ source, runner, pageSize: 20, prefetch: false }),
      { wrapper: v.wrapper },
    );
    await waitFor(() => expect(result.current.rows).toHaveLength(20));
    const first = result.current.rows;
    act(() => result.current.nextPage());
    expect(result.current.isPlaceholderData).toBe(true);
    expect(result.current.rows).toBe(first);
    expect(result.current.pageIndex).toBe(1);
    expect(result.current.shownPageIndex).toBe(0);
    await waitFor(() => expect(result.current.isPlaceholderData).toBe(false));
    expect(result.current.rows).not.toBe(first);
    expect(result.current.shownPageIndex).toBe(1);
  });

  it('prefetches the next page so Next shows it without a request', async () => {
    const { v, source, runner } = setup({ ...CASES[3], n: 100 });
    const { result } = renderHook(() => usePagedTable({ source, runner, pageSize: 20 }), {
      wrapper: v.wrapper,
    });
    await waitFor(() => expect(v.requests('dashly')).toHaveLength(2));
    act(() => result.current.nextPage());
    expect(result.current.isPlaceholderData).toBe(false);
    expect(result.current.pageIndex).toBe(1);
  });

  it('returns to the first page and forgets cursors when the page size changes', async () => {
    const { v, source, runner } = setup({ ...CASES[2], n: 300 });
    const { result } = renderHook(() => usePagedTable({ source, runner, pageSize: 20 }), {
      wrapper: v.wrapper,
    });
    await waitFor(() => expect(result.current.canNextPage).toBe(true));
    act(() => result.current.nextPage());
    await waitFor(() => expect(result.current.pageIndex).toBe(1));
    act(() => result.current.setPageSize(50));
    await waitFor(() => expect(result.current.rows).toHaveLength(50));
    expect(result.current.pageIndex).toBe(0);
    const last = v.requests('lineworks').find((e) => e.size === 50)!;
    expect(last.cursorIn).toBeNull();
  });

  it('lets the last of rapid clicks win, aborting the stale requests at fetch', async () => {
    const { v, source, runner } = setup({ ...CASES[0], n: 1000 }, { latencyMs: 100 });
    const { result } = renderHook(
      () => usePagedTable({ source, runner, pageSize: 20, prefetch: false }),
      { wrapper: v.wrapper },
    );
    await waitFor(() => expect(result.current.pageCount).toBe(50));
    act(() => result.current.setPageIndex(3));
    act(() => result.current.setPageIndex(7));
    act(() => result.current.setPageIndex(12));
    await waitFor(() => expect(result.current.page?.cursor).toBe('13'));
    await waitFor(() => expect(result.current.isFetching).toBe(false));
    const stale = v.fetched.filter((f) => /pageNumber=(4|8)&/.test(f.url));
    expect(stale).toHaveLength(2);
    for (const f of stale) expect(f.signal?.aborted).toBe(true);
    expect(result.current.rows[0]).toMatchObject({ id: 500_240 });
  });

  it('follows the URL: ?page=3 opens page 3 and paging writes the URL', async () => {
    window.history.replaceState(null, '', '/adjustments?page=3');
    const { v, source, runner } = setup({ ...CASES[0], n: 200 });
    const { result } = renderHook(
      () => {
        const state = useTableState({ url: true });
        return usePagedTable({ source, runner, pageSize: 20, state });
      },
      { wrapper: v.wrapper },
    );
    await waitFor(() => expect(result.current.page?.cursor).toBe('3'));
    act(() => result.current.nextPage());
    await waitFor(() => expect(window.location.search).toBe('?page=4'));
    await waitFor(() => expect(result.current.page?.cursor).toBe('4'));
    act(() => window.history.back());
    await waitFor(() => expect(result.current.pageIndex).toBe(2));
    window.history.replaceState(null, '', '/');
  });

  it('fetches each page once under StrictMode', async () => {
    const { v, source, runner } = setup({ ...CASES[4], n: 100 }, {}, true);
    const { result } = renderHook(() => usePagedTable({ source, runner, pageSize: 20 }), {
      wrapper: v.wrapper,
    });
    await waitFor(() => expect(result.current.rows).toHaveLength(20));
    await waitFor(() => expect(v.requests('mews')).toHaveLength(2));
    await new Promise((r) => setTimeout(r, 50));
    expect(v.requests('mews')).toHaveLength(2);
    expect(v.fetched).toHaveLength(2); // no request started and aborted by the double mount either
  });

  it('stops observing its pages when unmounted, also after a staleTime change', async () => {
    const { v, source, runner } = setup({ ...CASES[0], n: 100 });
    const { result, rerender, unmount } = renderHook(
      ({ staleTime }) => usePagedTable({ source, runner, pageSize: 20, staleTime }),
      { wrapper: v.wrapper, initialProps: { staleTime: 30_000 } },
    );
    await waitFor(() => expect(result.current.rows).toHaveLength(20));
    const observed = () =>
      v.client
        .getQueryCache()
        .getAll()
        .filter((q) => q.getObserversCount() > 0);
    await waitFor(() => expect(observed()).toHaveLength(2)); // page 1 and the page ahead
    rerender({ staleTime: 0 });
    expect(observed().map((q) => q.observers[0]?.options.staleTime)).toEqual([0, 0]);
    unmount();
    expect(observed()).toHaveLength(0);
  });

  it('fetches the page shown again when the app removes it from the cache', async () => {
    const { v, source, runner } = setup({ ...CASES[0], n: 100 });
    // Without prefetch: nothing else the table wants changes when its page is removed.
    const { result } = renderHook(
      () => usePagedTable({ source, runner, pageSize: 20, prefetch: false }),
      { wrapper: v.wrapper },
    );
    await waitFor(() => expect(result.current.rows).toHaveLength(20));
    await waitFor(() => expect(v.client.isFetching()).toBe(0));
    const before = v.requests('dingtalk').length;
    act(() => v.client.removeQueries());
    await waitFor(() => expect(v.requests('dingtalk').length).toBeGreaterThan(before));
    await waitFor(() =>
      expect(result.current).toMatchObject({ isPlaceholderData: false, isFetching: false }),
    );
    expect(result.current.rows).toHaveLength(20);
  });

  it('follows a QueryClient the provider swaps: pages are fetched into the new one', async () => {
    const { v, source, runner } = setup({ ...CASES[0], n: 100 });
    let client = v.client;
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    );
    const { result, rerender } = renderHook(() => usePagedTable({ source, runner, pageSize: 20 }), {
      wrapper,
    });
    await waitFor(() => expect(result.current.rows).toHaveLength(20));
    client = new QueryClient();
    rerender();
    await waitFor(() => expect(result.current.rows).toHaveLength(20));
    await waitFor(() =>
      expect(
        client
          .getQueryCache()
          .getAll()
          .filter((q) => q.state.data),
      ).not.toHaveLength(0),
    );
    expect(client.getQueryCache().getAll()[0]!.getObserversCount()).toBe(1);
    client.clear();
  });

  it('leaves no warning and aborts the request when unmounted mid-fetch', async () => {
    const error = vi.spyOn(console, 'error');
    const { v, source, runner } = setup({ ...CASES[4], n: 100 }, { latencyMs: 100 });
    const { unmount } = renderHook(() => usePagedTable({ source, runner }), { wrapper: v.wrapper });
    await waitFor(() => expect(v.fetched).toHaveLength(1));
    unmount();
    await new Promise((r) => setTimeout(r, 150));
    expect(v.fetched[0]!.signal?.aborted).toBe(true);
    expect(error).not.toHaveBeenCalled();
  });

  it('carries the PaginationError code, keeps the rows shown, and recovers on retry', async () => {
    const { v, source, runner } = setup({ ...CASES[0], n: 100 });
    const { result } = renderHook(
      () => usePagedTable({ source, runner, pageSize: 20, prefetch: false }),
      { wrapper: v.wrapper },
    );
    await waitFor(() => expect(result.current.rows).toHaveLength(20));
    const shown = result.current.rows;
    v.sims.dingtalk.injectOnce({ kind: 'malformed', malformed: 'html' });
    act(() => result.current.nextPage());
    await waitFor(() => expect(result.current.error?.code).toBe('BAD_RESPONSE'));
    expect(result.current.rows).toBe(shown);
    act(() => result.current.retry());
    await waitFor(() => expect(result.current.error).toBeNull());
    expect(result.current.page?.cursor).toBe('2');
  });

  it('offline, a page turn waits as fetching (busy, the rows kept), is said, and lands once the connection is back', async () => {
    const { v, source, runner } = setup({ ...CASES[0], n: 100 });
    const { result } = renderHook(
      () => {
        const table = usePagedTable({ source, runner, pageSize: 20, prefetch: false });
        return { table, said: useTableAnnouncement(table) };
      },
      { wrapper: v.wrapper },
    );
    await waitFor(() => expect(result.current.table.rows).toHaveLength(20));
    const shown = result.current.table.rows;
    const before = v.requests('dingtalk').length;
    onlineManager.setOnline(false);
    try {
      act(() => result.current.table.setPageIndex(3));
      // TanStack Query holds the fetch while offline: the table says the page is on its way.
      await waitFor(() => expect(result.current.table.isFetching).toBe(true));
      expect(result.current.table.offline).toBe(true);
      await waitFor(() => expect(result.current.said).toBe('Page 4 waits for the connection'));
      expect(result.current.table.rows).toBe(shown);
      expect(result.current.table.error).toBeNull();
      expect(v.requests('dingtalk')).toHaveLength(before);
    } finally {
      act(() => onlineManager.setOnline(true));
    }
    await waitFor(() => expect(result.current.table.shownPageIndex).toBe(3));
    expect(result.current.table.rows).not.toBe(shown);
    expect(result.current.table.isFetching).toBe(false);
    expect(result.current.table.offline).toBe(false);
    await waitFor(() => expect(result.current.said).toMatch(/^Page 4 of 5 loaded/));
  });

  it('refreshes an expired token without the user seeing an error', async () => {
    const { source, runner, v } = setup({ ...CASES[1], n: 200 }, { tokenExpiresAfterRequests: 1 });
    const { result } = renderHook(() => usePagedTable({ source, runner, pageSize: 20 }), {
      wrapper: v.wrapper,
    });
    for (let i = 1; i < 5; i++) {
      await waitFor(() => expect(result.current.canNextPage).toBe(true));
      act(() => result.current.nextPage());
      await waitFor(() => expect(result.current.pageIndex).toBe(i));
    }
    expect(result.current.error).toBeNull();
    expect(v.requests('dingtalk', '/accessToken').length).toBeGreaterThan(3);
  });
});
