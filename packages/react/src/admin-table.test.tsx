import {
  type createRequestRunner,
  pageNumberSource,
  type Source,
  type TableQuery,
  type TableStateOptions,
} from '@pagewise/core';
import type { GenericOrder } from '@pagewise/testkit';
import {
  createColumnHelper,
  rowPaginationFeature,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type ReactNode, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  PagewiseProvider,
  updateItem,
  useInfiniteList,
  usePagedTable,
  useTableState,
} from './index.js';
import { reactSimulators } from './test-support/vendors.js';

const vendors = reactSimulators();
afterEach(() => {
  vi.restoreAllMocks();
  window.history.replaceState(null, '', '/');
});

const ordersOf = (v: ReturnType<typeof vendors>) =>
  v.requests('generic').filter((e) => e.path === '/orders');

/** The orders table with its state in the URL (no prefetch), as `useTableState(options)` keeps it. */
const ordersInUrl = (v: ReturnType<typeof vendors>, options: TableStateOptions) =>
  renderHook(
    () => {
      const state = useTableState(options);
      const table = usePagedTable({
        source: v.sources.orders,
        runner: v.runners.generic,
        state,
        prefetch: false,
      });
      return { state, table };
    },
    { wrapper: v.wrapper },
  );

describe('parameters on a table', () => {
  it('new parameters go back to page 1 with a fresh cursor map, the old rows shown until the new first page lands', async () => {
    const v = vendors({ lineworks: { sizes: { users: 300 }, faults: { latencyMs: 30 } } });
    const { result, rerender } = renderHook(
      ({ params }: { params: { role: string } }) =>
        usePagedTable({
          source: v.sources.users as Source<unknown, { role: string }>,
          runner: v.runners.lineworks,
          params,
          pageSize: 20,
        }),
      { wrapper: v.wrapper, initialProps: { params: { role: 'a' } } },
    );
    await waitFor(() => expect(result.current.rows).toHaveLength(20));
    act(() => result.current.nextPage());
    await waitFor(() => expect(result.current.shownPageIndex).toBe(1));
    const shown = result.current.rows;
    const before = v.requests('lineworks').length;
    rerender({ params: { role: 'b' } });
    await waitFor(() => expect(result.current.pageIndex).toBe(0));
    expect(result.current.rows).toBe(shown);
    expect(result.current.isPlaceholderData).toBe(true);
    await waitFor(() => expect(result.current.isPlaceholderData).toBe(false));
    const after = v.requests('lineworks').slice(before);
    expect(after[0]!.cursorIn).toBeNull(); // the first page, from the start
  });

  it('a source and params built on every render fetch once (the key is their value, not the object)', async () => {
    const v = vendors({ generic: { orders: 200 } });
    let renders = 0;
    const { result, rerender } = renderHook(
      () => {
        renders++;
        const orders = pageNumberSource<GenericOrder, TableQuery>({
          provider: 'orders',
          path: '/orders',
          total: { header: 'X-Total-Count' },
          key: (o) => String(o.id),
          params: (q) => ({ status: q.filters.status as string | undefined }),
        });
        return usePagedTable({
          source: orders,
          runner: v.runners.generic,
          params: { sort: [], filters: { status: 'paid' }, search: '' },
          prefetch: false,
        });
      },
      { wrapper: v.wrapper },
    );
    await waitFor(() => expect(result.current.rows.length).toBeGreaterThan(0));
    for (let i = 0; i < 20; i++) rerender();
    await new Promise((r) => setTimeout(r, 100));
    expect(renders).toBeGreaterThan(20);
    expect(ordersOf(v)).toHaveLength(1);
  });

  it('warns once in development when the params change on every render', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const v = vendors({ generic: { orders: 50 } });
    const { rerender } = renderHook(
      ({ at }: { at: number }) =>
        usePagedTable({
          source: v.sources.orders,
          runner: v.runners.generic,
          params: { sort: [], filters: { at }, search: '' },
        }),
      { wrapper: v.wrapper, initialProps: { at: 0 } },
    );
    for (let at = 1; at < 15; at++) rerender({ at });
    await waitFor(() => expect(warn).toHaveBeenCalledTimes(1));
    expect(String(warn.mock.calls[0]![0])).toMatch(/changed \d+ times in 2 s/);
  });
});

describe('PagewiseProvider, refetch and updateItem', () => {
  it('gives hooks a runner; a hook without one and without a provider says what to do', async () => {
    const v = vendors({ mews: { sizes: { reservations: 40 } } });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <v.wrapper>
        <PagewiseProvider runner={v.runners.mews}>{children}</PagewiseProvider>
      </v.wrapper>
    );
    const { result } = renderHook(
      () => useInfiniteList({ source: v.sources.reservations, pageSize: 20 }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.items).toHaveLength(20));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() =>
      renderHook(() => useInfiniteList({ source: v.sources.reservations }), { wrapper: v.wrapper }),
    ).toThrow(/no runner — pass `runner`, or wrap the app in <PagewiseProvider/);
  });

  it('refetch() fetches the shown page again; updateItem changes or removes an item wherever it is cached', async () => {
    const v = vendors({ generic: { orders: 60 } });
    const { result } = renderHook(
      () => ({
        table: usePagedTable({
          source: v.sources.orders,
          runner: v.runners.generic,
          prefetch: false,
        }),
        list: useInfiniteList({ source: v.sources.orders, runner: v.runners.generic }),
      }),
      { wrapper: v.wrapper },
    );
    await waitFor(() => expect(result.current.table.rows).toHaveLength(20));
    await waitFor(() => expect(result.current.list.items).toHaveLength(20));
    const first = result.current.table.rows[0]!;
    let changed = 0;
    act(() => {
      changed = updateItem(v.client, v.sources.orders, String(first.id), (o) => ({
        ...o,
        status: 'cancelled' as const,
      }));
    });
    expect(changed).toBe(2); // the table's page and the list's page
    expect(result.current.table.rows[0]!.status).toBe('cancelled');
    // The list hears of it as useInfiniteQuery does: in the next tick, with the rest of that tick.
    await waitFor(() => expect(result.current.list.items[0]!.status).toBe('cancelled'));
    act(() => {
      updateItem(v.client, v.sources.orders, String(first.id), () => undefined);
    });
    expect(result.current.table.rows.map((o) => o.id)).not.toContain(first.id);
    const before = ordersOf(v).length;
    act(() => result.current.table.refetch());
    await waitFor(() => expect(ordersOf(v).length).toBe(before + 1));
    await waitFor(() => expect(result.current.table.rows.map((o) => o.id)).toContain(first.id));
  });
});

describe('useTableState', () => {
  it('keeps page, sort, filter and search in the URL; Back and Forward restore them', async () => {
    window.history.replaceState(null, '', '/orders?page=3&sort=-total&status=paid');
    const v = vendors({ generic: { orders: 400 } });
    const { result } = ordersInUrl(v, {
      url: true,
      sortable: ['total', 'customer'],
      filterable: ['status'],
    });
    await waitFor(() => expect(result.current.table.shownPageIndex).toBe(2));
    expect(ordersOf(v).at(-1)!.params).toMatchObject({ page: '3', sort: '-total', status: 'paid' });
    act(() => result.current.state.setSorting([{ id: 'customer', desc: false }]));
    await waitFor(() => expect(result.current.table.shownPageIndex).toBe(0));
    expect(window.location.search).toBe('?sort=customer&status=paid');
    expect(ordersOf(v).at(-1)!.params).toMatchObject({ page: '1', sort: 'customer' });
    act(() => result.current.state.setGlobalFilter('a'));
    await waitFor(() => expect(window.location.search).toContain('q=a'), { timeout: 2000 });
    await waitFor(() => expect(ordersOf(v).at(-1)!.params.q).toBe('a'));
    const requests = ordersOf(v).length;
    // Every change is one history entry, the search too (once typing paused): Back undoes the
    // search, then the sort.
    act(() => window.history.back());
    await waitFor(() => expect(result.current.state.globalFilter).toBe(''));
    expect(result.current.state.sorting).toEqual([{ id: 'customer', desc: false }]);
    act(() => window.history.back()); // before the sort change: page 3, -total
    await waitFor(() => expect(result.current.table.shownPageIndex).toBe(2));
    expect(result.current.state.sorting).toEqual([{ id: 'total', desc: true }]);
    expect(ordersOf(v).length).toBe(requests); // page 3 of that state is still cached
    const keys = ordersOf(v).map((e) => JSON.stringify(e.params));
    expect(new Set(keys).size).toBe(keys.length); // no request twice for one state
  });

  it('what a URL holds that the table refused leaves the address bar, in place; the rest stays', async () => {
    window.history.replaceState(
      null,
      '',
      '/orders?page=abc&size=33&status=lost&sort=-total,nope&tab=2&q=smith',
    );
    const v = vendors({ generic: { orders: 400 } });
    const entries = window.history.length;
    const { result } = ordersInUrl(v, {
      url: true,
      sortable: ['total', 'customer'],
      filterable: { status: ['paid', 'open'] },
      pageSizes: [10, 20],
    });
    await waitFor(() => expect(window.location.search).toBe('?sort=-total&tab=2&q=smith'));
    expect(window.history.length).toBe(entries);
    await waitFor(() => expect(result.current.table.isLoading).toBe(false));
    expect(result.current.state.sorting).toEqual([{ id: 'total', desc: true }]);
    expect(ordersOf(v).at(-1)!.params).toMatchObject({ page: '1', sort: '-total', q: 'smith' });
    // A URL the table could have written is left as it is, however encoded.
    act(() => window.history.pushState(null, '', '/orders?sort=-total%2Ccustomer&page=2&tab=2'));
    await waitFor(() => expect(result.current.table.shownPageIndex).toBe(1));
    expect(window.location.search).toBe('?sort=-total%2Ccustomer&page=2&tab=2');
  });

  it('a page turn is one navigation of the app’s router, not a push then a replace', async () => {
    const v = vendors({ generic: { orders: 400 } });
    const navigations: Array<[string, boolean]> = [];
    const { result } = renderHook(
      () => {
        const [search, setSearch] = useState('');
        const location = {
          search,
          navigate: (to: string, how: { replace: boolean }) => {
            navigations.push([to, how.replace]);
            setSearch(to);
          },
        };
        const state = useTableState({ url: true }, { location });
        return usePagedTable({
          source: v.sources.orders,
          runner: v.runners.generic,
          state,
          prefetch: false,
        });
      },
      { wrapper: v.wrapper },
    );
    await waitFor(() => expect(result.current.isLoading).toBe(false));
    act(() => result.current.nextPage());
    await waitFor(() => expect(result.current.shownPageIndex).toBe(1));
    act(() => result.current.nextPage());
    await waitFor(() => expect(result.current.shownPageIndex).toBe(2));
    expect(navigations).toEqual([
      ['?page=2', false],
      ['?page=3', false],
    ]);
  });

  it('a page-number table drops a cursor its URL holds, in place: the page number says it all', async () => {
    window.history.replaceState(null, '', '/orders?page=3&cursor=abc&cursorSize=20&tab=2');
    const v = vendors({ generic: { orders: 400 } });
    const entries = window.history.length;
    const { result } = ordersInUrl(v, { url: true });
    await waitFor(() => expect(result.current.table.shownPageIndex).toBe(2));
    await waitFor(() => expect(window.location.search).toBe('?page=3&tab=2'));
    expect(window.history.length).toBe(entries);
    expect(ordersOf(v).map((r) => r.params.page)).toEqual(['3']);
  });

  it('a link whose cursor the vendor refuses walks to its page, and the URL gets the page’s own cursor in place', async () => {
    window.history.replaceState(null, '', '/users?page=4&cursor=garbage');
    const v = vendors({ lineworks: { sizes: { users: 300 } } });
    const entries = window.history.length;
    const { result } = renderHook(
      () => {
        const state = useTableState({ url: true });
        const table = usePagedTable({
          source: v.sources.users,
          runner: v.runners.lineworks,
          state,
          pageSize: 20,
          prefetch: false,
        });
        return { state, table };
      },
      { wrapper: v.wrapper },
    );
    await waitFor(() => expect(result.current.table.shownPageIndex).toBe(3));
    expect(result.current.table.error).toBeNull();
    const cursor = result.current.table.page?.cursor;
    await waitFor(() =>
      expect(new URLSearchParams(window.location.search).get('cursor')).toBe(cursor),
    );
    expect(new URLSearchParams(window.location.search).get('page')).toBe('4');
    expect(window.history.length).toBe(entries);
    // A reload of the corrected URL opens the page in one request.
    const before = v.requests('lineworks').length;
    v.client.clear();
    const again = renderHook(
      () =>
        usePagedTable({
          source: v.sources.users,
          runner: v.runners.lineworks,
          state: useTableState({ url: true }),
          pageSize: 20,
          prefetch: false,
        }),
      { wrapper: v.wrapper },
    );
    await waitFor(() => expect(again.result.current.shownPageIndex).toBe(3));
    expect(v.requests('lineworks').length - before).toBe(1);
  });

  it('a link whose size was changed since its cursor was written walks to its page at the new size', async () => {
    const v = vendors({ lineworks: { sizes: { users: 300 } } });
    const open = (url: string) => {
      window.history.replaceState(null, '', url);
      return renderHook(
        () => {
          const state = useTableState({ url: true, pageSizes: [20, 50] });
          const table = usePagedTable({
            source: v.sources.users,
            runner: v.runners.lineworks,
            state,
            pageSize: 50,
            prefetch: false,
          });
          return { state, table };
        },
        { wrapper: v.wrapper },
      );
    };
    const first = open('/users');
    await waitFor(() => expect(first.result.current.table.isLoading).toBe(false));
    act(() => first.result.current.table.nextPage());
    await waitFor(() => expect(first.result.current.table.shownPageIndex).toBe(1));
    const written = new URLSearchParams(window.location.search);
    expect(written.get('cursorSize')).toBe('50');
    const at50 = first.result.current.table.rows.map((u) => v.sources.users.key(u));
    first.unmount();
    // The same link with its size changed by hand: page 2 of 20 rows is not where page 2 of 50
    // starts. The table walks there and writes that page's own cursor, in place.
    const entries = window.history.length;
    written.set('size', '20');
    const edited = open(`/users?${written}`);
    await waitFor(() => expect(edited.result.current.table.shownPageIndex).toBe(1));
    await waitFor(() => expect(edited.result.current.table.isFetching).toBe(false));
    const at20 = edited.result.current.table.rows.map((u) => v.sources.users.key(u));
    expect(at20).toHaveLength(20);
    expect(at20[0]).not.toBe(at50[0]);
    const walked = await v.runners.lineworks.fetchPage(v.sources.users, {
      cursor: null,
      size: 40,
    });
    expect(at20).toEqual(walked.items.slice(20).map((u) => v.sources.users.key(u)));
    await waitFor(() =>
      expect(new URLSearchParams(window.location.search).get('cursorSize')).toBe('20'),
    );
    expect(window.history.length).toBe(entries);
  });

  it('another table on the page writing its own fields keeps what is typed in this one', async () => {
    window.history.replaceState(null, '', '/admin?u.page=5');
    const v = vendors({ generic: { orders: 400 }, lineworks: { sizes: { users: 300 } } });
    const { result } = renderHook(
      () => {
        const orders = useTableState({ url: { prefix: 'o.' }, searchDelayMs: 400 });
        usePagedTable({ source: v.sources.orders, runner: v.runners.generic, state: orders });
        const usersState = useTableState({ url: { prefix: 'u.' } });
        const users = usePagedTable({
          source: v.sources.users,
          runner: v.runners.lineworks,
          state: usersState,
          pageSize: 20,
          prefetch: false,
        });
        return { orders, users };
      },
      { wrapper: v.wrapper },
    );
    act(() => result.current.orders.setGlobalFilter('kim'));
    // The users table walks to page 5 and writes its cursor into the URL in place.
    await waitFor(() => expect(window.location.search).toContain('u.cursor='));
    expect(result.current.orders.globalFilter).toBe('kim');
    await waitFor(() => expect(window.location.search).toContain('o.q=kim'));
  });

  it('Back while a search is being typed drops it: it does not land afterwards as a new entry', async () => {
    window.history.replaceState(null, '', '/orders');
    window.history.pushState(null, '', '/orders?page=2');
    window.history.pushState(null, '', '/orders?page=3');
    const v = vendors({ generic: { orders: 400 } });
    const { result } = ordersInUrl(v, { url: true, searchDelayMs: 100 });
    await waitFor(() => expect(result.current.table.shownPageIndex).toBe(2));
    // Typing, then Back before the search applies.
    act(() => result.current.state.setGlobalFilter('kim'));
    expect(result.current.state.globalFilter).toBe('kim');
    act(() => window.history.back());
    await waitFor(() => expect(result.current.table.shownPageIndex).toBe(1));
    expect(result.current.state.globalFilter).toBe('');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(window.location.search).toBe('?page=2');
    // Forward is still there.
    act(() => window.history.forward());
    await waitFor(() => expect(result.current.table.shownPageIndex).toBe(2));
    // The table's own navigations keep what is being typed, and take it with them.
    act(() => result.current.state.setGlobalFilter('ki'));
    act(() => result.current.table.previousPage());
    expect(window.location.search).toBe('?page=2&q=ki');
    expect(result.current.state.globalFilter).toBe('ki');
  });

  it('a page clicked while a search is being typed is that page of the search, in one history entry', async () => {
    window.history.replaceState(null, '', '/orders');
    const v = vendors({ generic: { orders: 400 } });
    const { result } = ordersInUrl(v, { url: true, searchDelayMs: 300 });
    await waitFor(() => expect(result.current.table.rows).toHaveLength(20));
    const entries = window.history.length;
    act(() => result.current.state.setGlobalFilter('ki'));
    act(() => result.current.table.setPageIndex(2));
    expect(window.location.search).toBe('?page=3&q=ki');
    await waitFor(() => expect(result.current.table.shownPageIndex).toBe(2));
    expect(result.current.state.query).toMatchObject({ search: 'ki' });
    expect(v.sims.generic.log.entries.at(-1)?.params).toMatchObject({ q: 'ki', page: '3' });
    // The search landing after its pause changes nothing more: page 3 stays, one entry was added.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(window.location.search).toBe('?page=3&q=ki');
    expect(window.history.length).toBe(entries + 1);
    // A sort while typing: the sort and the search, on page 1, one entry.
    act(() => result.current.state.setGlobalFilter('kim'));
    act(() => result.current.state.setSorting([{ id: 'total', desc: true }]));
    expect(window.location.search).toBe('?q=kim&sort=-total');
    expect(window.history.length).toBe(entries + 2);
  });

  it('a page pointed at while a search is typed is not fetched: it would be a page of the last results', async () => {
    window.history.replaceState(null, '', '/orders');
    const v = vendors({ generic: { orders: 400 } });
    const { result } = ordersInUrl(v, { url: true, searchDelayMs: 300 });
    await waitFor(() => expect(result.current.table.rows).toHaveLength(20));
    expect(result.current.state.searching).toBe(false);
    act(() => result.current.state.setGlobalFilter('ki'));
    expect(result.current.state.searching).toBe(true);
    const before = ordersOf(v).length;
    // The pointer rests on "Page 3" during the pause (usePageRange reports it as intent).
    act(() => result.current.table.prefetchPage(2));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(ordersOf(v).slice(before)).toEqual([]);
    // Once the search applies, intent fetches the search's pages again.
    await waitFor(() => expect(result.current.state.searching).toBe(false));
    await waitFor(() => expect(result.current.table.isPlaceholderData).toBe(false));
    const searched = ordersOf(v).length;
    expect(
      ordersOf(v)
        .slice(before)
        .every((e) => e.params.q === 'ki'),
    ).toBe(true);
    act(() => result.current.table.prefetchPage(2));
    await waitFor(() => expect(ordersOf(v).length).toBe(searched + 1));
    expect(ordersOf(v).at(-1)?.params).toMatchObject({ q: 'ki', page: '3' });
  });

  it('a page size that is not offered is not applied: the URL and the table keep agreeing', async () => {
    window.history.replaceState(null, '', '/orders?page=2');
    const v = vendors({ generic: { orders: 400 } });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { result } = ordersInUrl(v, { url: true, pageSizes: [20, 50] });
    await waitFor(() => expect(result.current.table.shownPageIndex).toBe(1));
    const entries = window.history.length;
    act(() => result.current.state.setPageSize(25));
    expect(window.location.search).toBe('?page=2');
    expect(window.history.length).toBe(entries);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/page size 25 is not offered/));
    act(() => result.current.state.setPageSize(50));
    await waitFor(() => expect(result.current.table.pageSize).toBe(50));
    expect(window.location.search).toBe('?size=50');
    warn.mockRestore();
  });

  it('a sort by a column not sortable is not applied: the sort, the page, the URL and the history stay', async () => {
    window.history.replaceState(null, '', '/orders?page=3&size=50&sort=-total');
    const v = vendors({ generic: { orders: 400 } });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { result } = ordersInUrl(v, { url: true, sortable: ['number', 'total'] });
    await waitFor(() => expect(result.current.table.shownPageIndex).toBe(2));
    const entries = window.history.length;
    const requests = ordersOf(v).length;
    // As TanStack Table's header toggle calls it (no Shift: the new sort replaces the old), and
    // with Shift (added to it), three times each.
    for (let i = 0; i < 3; i++) {
      act(() =>
        result.current.state.tableOptions.onSortingChange(() => [{ id: 'status', desc: false }]),
      );
      act(() =>
        result.current.state.tableOptions.onSortingChange((old) => [
          ...old,
          { id: 'status', desc: false },
        ]),
      );
    }
    expect(window.location.search).toBe('?page=3&size=50&sort=-total');
    expect(window.history.length).toBe(entries);
    expect(result.current.state.sorting).toEqual([{ id: 'total', desc: true }]);
    expect(ordersOf(v)).toHaveLength(requests);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/column not in sortable/));
    // A sortable column sorts, from the first page.
    act(() => result.current.state.setSorting([{ id: 'number', desc: false }]));
    await waitFor(() => expect(result.current.table.shownPageIndex).toBe(0));
    expect(window.location.search).toBe('?size=50&sort=number');
    expect(result.current.state.query.sort).toEqual([{ id: 'number', desc: false }]);
    warn.mockRestore();
  });

  it('in React state, a sort applies by any column id, one a URL could not hold too', async () => {
    const v = vendors({ generic: { orders: 100 } });
    const { result } = renderHook(
      () => {
        const state = useTableState();
        const table = usePagedTable({ source: v.sources.orders, runner: v.runners.generic, state });
        return { state, table };
      },
      { wrapper: v.wrapper },
    );
    await waitFor(() => expect(result.current.table.rows.length).toBeGreaterThan(0));
    act(() => result.current.state.setSorting([{ id: 'First Name', desc: true }]));
    expect(result.current.state.sorting).toEqual([{ id: 'First Name', desc: true }]);
    expect(result.current.state.query.sort).toEqual([{ id: 'First Name', desc: true }]);
  });

  it("says so in development when the table's size is not one the state offers", async () => {
    window.history.replaceState(null, '', '/orders');
    const v = vendors({ generic: { orders: 400 } }, { strict: true });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { result } = renderHook(
      () => {
        const state = useTableState({ url: true, pageSizes: [25, 50] });
        return usePagedTable({ source: v.sources.orders, runner: v.runners.generic, state });
      },
      { wrapper: v.wrapper },
    );
    await waitFor(() => expect(result.current.rows.length).toBeGreaterThan(0));
    expect(result.current.pageSize).toBe(20); // the source's default, not offered
    // Once, under StrictMode too (its effects run twice).
    const said = warn.mock.calls.filter(([text]) => /does not offer/.test(String(text)));
    expect(said).toHaveLength(1);
    expect(said[0]?.[0]).toMatch(/page size is 20, which the table state does not offer/);
    warn.mockRestore();
  });

  it('opens a cursor source at page N from a link in one request', async () => {
    const v = vendors({ lineworks: { sizes: { users: 300 } } });
    const first = renderHook(
      () =>
        usePagedTable({
          source: v.sources.users,
          runner: v.runners.lineworks,
          pageSize: 20,
        }),
      {
        wrapper: v.wrapper,
      },
    );
    await waitFor(() => expect(first.result.current.pageDisabledReason(4)).toBeUndefined());
    act(() => first.result.current.setPageIndex(4));
    await waitFor(() => expect(first.result.current.shownPageIndex).toBe(4));
    const cursor = first.result.current.cursorAt(4)!;
    const rows = first.result.current.rows;
    first.unmount();
    window.history.replaceState(null, '', `/users?page=5&cursor=${encodeURIComponent(cursor)}`);
    const shared = vendors({ lineworks: { sizes: { users: 300 } } });
    const { result } = renderHook(
      () => {
        const state = useTableState({ url: true });
        return usePagedTable({
          source: shared.sources.users,
          runner: shared.runners.lineworks,
          state,
          pageSize: 20,
          prefetch: false,
        });
      },
      { wrapper: shared.wrapper },
    );
    await waitFor(() => expect(result.current.shownPageIndex).toBe(4));
    expect(result.current.rows.map((u) => u.userId)).toEqual(rows.map((u) => u.userId));
    expect(shared.requests('lineworks')).toHaveLength(1);
    // LINE WORKS pages forward only: page 4 is walked to from page 1 (within maxWalk).
    expect(result.current.canPreviousPage).toBe(true);
  });
});

describe('a page from the URL the table cannot reach (hardening II, finding 6)', () => {
  it.each([
    ['walk', '?page=300', 11],
    ['disabled', '?page=300', 1],
    ['walk', '?page=999999', 11],
  ] as const)(
    'forwardJumps %s, %s: opens the furthest page it may reach, never walks N pages',
    async (forwardJumps, search, most) => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      window.history.replaceState(null, '', `/users${search}`);
      const v = vendors({ lineworks: { sizes: { users: 400 } } });
      const { result } = renderHook(
        () => {
          const state = useTableState({ url: true });
          return usePagedTable({
            source: v.sources.users,
            runner: v.runners.lineworks,
            state,
            pageSize: 20,
            forwardJumps,
            prefetch: false,
          });
        },
        { wrapper: v.wrapper },
      );
      await waitFor(() =>
        expect(result.current.isFetching || result.current.isLoading).toBe(false),
      );
      await new Promise((r) => setTimeout(r, 50));
      expect(v.requests('lineworks').length).toBeLessThanOrEqual(most);
      expect(result.current.shownPageIndex).toBe(most - 1);
      expect(warn.mock.calls.some(([m]) => /cannot be opened/.test(String(m)))).toBe(true);
    },
  );
});

const features = tableFeatures({ rowPaginationFeature, rowSortingFeature, rowSelectionFeature });
const column = createColumnHelper<typeof features, GenericOrder>();
const columns = column.columns([column.accessor('number', { header: 'Number' })]);

function Orders({
  source,
  runner,
}: {
  source: Source<GenericOrder, TableQuery>;
  runner: ReturnType<typeof createRequestRunner>;
}) {
  const [rowSelection, setRowSelection] = useState<Record<string, true>>({});
  const paged = usePagedTable({ source, runner, pageSize: 5 });
  const table = useTable({
    features,
    columns,
    data: paged.rows,
    ...paged.tableOptions,
    state: { ...paged.tableOptions.state, rowSelection },
    onRowSelectionChange: setRowSelection,
    enableRowSelection: true,
  });
  return (
    <div>
      {table.getRowModel().rows.map((row) => (
        <label key={row.id}>
          <input
            type="checkbox"
            checked={row.getIsSelected()}
            onChange={row.getToggleSelectedHandler()}
          />
          {row.original.number}
        </label>
      ))}
      <output>{Object.keys(rowSelection).join(',')}</output>
      <button type="button" onClick={paged.nextPage}>
        next
      </button>
      <button type="button" onClick={paged.previousPage}>
        previous
      </button>
    </div>
  );
}

describe('row selection with TanStack Table v9', () => {
  it('keeps a selection across page turns (rows keep the source key as id)', async () => {
    const v = vendors({ generic: { orders: 30 } });
    render(<Orders source={v.sources.orders} runner={v.runners.generic} />, { wrapper: v.wrapper });
    const box = await screen.findByLabelText('SO-10000');
    await userEvent.click(box);
    expect(screen.getByRole('status').textContent).toBe('1');
    await userEvent.click(screen.getByRole('button', { name: 'next' }));
    await screen.findByLabelText('SO-10005');
    await userEvent.click(screen.getByLabelText('SO-10006'));
    await userEvent.click(screen.getByRole('button', { name: 'previous' }));
    expect((await screen.findByLabelText<HTMLInputElement>('SO-10000')).checked).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('1,7');
  });
});
