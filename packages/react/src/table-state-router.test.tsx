/**
 * URL state that lives with the app's router: the table follows every navigation (a router's
 * `<Link>`, another code's `pushState`, Back) and writes through the router when it is given.
 */
import { defineTableState, type Source, type TableQuery } from '@pagewise/core';
import type { GenericOrder } from '@pagewise/testkit';
import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { createBrowserRouter, Link, NavLink, RouterProvider, useSearchParams } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TableLocation } from './table-url-location.js';
import { reactSimulators } from './test-support/vendors.js';
import { usePagedTable } from './use-paged-table.js';
import { useTableState } from './use-table-state.js';

const vendors = reactSimulators();
afterEach(() => {
  vi.restoreAllMocks();
  window.history.replaceState(null, '', '/');
});

const ordersTable = defineTableState({
  url: true,
  filterable: { status: ['paid', 'open', 'refunded', 'cancelled'] },
});

/** react-router's search params as the table's location (the adapter the tables guide shows). */
function useRouterLocation(): TableLocation {
  const [params, setParams] = useSearchParams();
  const query = params.toString();
  return {
    search: query ? `?${query}` : '',
    navigate: (search, { replace }) => setParams(new URLSearchParams(search), { replace }),
  };
}

function Orders({ source, runner }: { source: Source<GenericOrder, TableQuery>; runner: never }) {
  const state = useTableState(ordersTable, { location: useRouterLocation() });
  const table = usePagedTable({ source, runner, state, pageSize: 10, prefetch: false });
  const status = state.columnFilters.find((f) => f.id === 'status')?.value ?? 'any';
  return (
    <section>
      <nav>
        <Link to={{ search: '?status=open' }}>Open orders</Link>{' '}
        <NavLink to="/orders">All orders</NavLink>
      </nav>
      <output>{`${String(status)} · page ${table.shownPageIndex + 1}`}</output>
      <ul>
        {table.rows.map((o) => (
          <li key={o.id}>{o.status}</li>
        ))}
      </ul>
      <button type="button" onClick={table.nextPage}>
        Next
      </button>
    </section>
  );
}

/** The orders table at `/orders` under react-router's browser router; returns the router. */
function renderOrdersRoute(v: ReturnType<typeof vendors>) {
  const router = createBrowserRouter([
    {
      path: '/orders',
      element: <Orders source={v.sources.orders} runner={v.runners.generic as never} />,
    },
  ]);
  render(<RouterProvider router={router} />, { wrapper: v.wrapper });
  return router;
}

describe('useTableState with react-router', () => {
  it('follows the router’s <Link> and <NavLink>, and writes through the router', async () => {
    const v = vendors({ generic: { orders: 400 } });
    window.history.replaceState(null, '', '/orders?status=paid&page=3');
    const router = renderOrdersRoute(v);
    const shown = () => screen.getByRole('status').textContent;
    await waitFor(() => expect(shown()).toBe('paid · page 3'));
    await waitFor(() => expect(screen.getAllByRole('listitem').length).toBe(10));
    await userEvent.click(screen.getByRole('link', { name: 'Open orders' }));
    await waitFor(() => expect(shown()).toBe('open · page 1'));
    await waitFor(() =>
      expect(screen.getAllByRole('listitem').every((li) => li.textContent === 'open')).toBe(true),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(shown()).toBe('open · page 2'));
    expect(window.location.search).toBe('?status=open&page=2');
    await userEvent.click(screen.getByRole('link', { name: 'All orders' }));
    await waitFor(() => expect(shown()).toBe('any · page 1'));
    expect(window.location.search).toBe('');
    // Back and Forward go through the router's own entries.
    await act(() => router.navigate(-1));
    await waitFor(() => expect(shown()).toBe('open · page 2'));
  });
});

describe('useTableState with a router that applies a navigation later', () => {
  it('a page clicked while typing is that page of the search, one entry, though the router applies it after the pause', async () => {
    // As Next.js' App Router (a push in a transition, a server round trip) or a router loading data.
    const log: string[] = [];
    const { result } = renderHook(() => {
      const [search, setSearch] = useState('');
      const location: TableLocation = {
        search,
        navigate: (next, { replace }) => {
          log.push(`${replace ? 'replace' : 'push'} ${next}`);
          setTimeout(() => act(() => setSearch(next)), 200);
        },
      };
      return useTableState({ url: true, searchDelayMs: 100 }, { location });
    });
    act(() => result.current.setGlobalFilter('ki'));
    act(() => result.current.setPageIndex(2));
    await act(() => new Promise((resolve) => setTimeout(resolve, 500)));
    expect(log).toEqual(['push ?page=3&q=ki']);
    expect(result.current).toMatchObject({ pageIndex: 2, globalFilter: 'ki' });
  });
});

describe('useTableState with react-router: a URL with values the table refused', () => {
  it('is corrected through the router, in place of its entry: the address bar says what is shown', async () => {
    const v = vendors({ generic: { orders: 400 } });
    window.history.replaceState(null, '', '/orders?status=bogus&page=0x10&tab=2');
    window.history.pushState(null, '', '/orders?status=paid&page=abc&tab=2');
    const router = renderOrdersRoute(v);
    const shown = () => screen.getByRole('status').textContent;
    await waitFor(() => expect(shown()).toBe('paid · page 1'));
    await waitFor(() => expect(window.location.search).toBe('?status=paid&tab=2'));
    // Back goes to the entry before, as the router keeps it (corrected when shown), not to a
    // second copy of this one.
    await act(() => router.navigate(-1));
    await waitFor(() => expect(shown()).toBe('any · page 1'));
    await waitFor(() => expect(window.location.search).toBe('?tab=2'));
  });
});

describe('useTableState with the History API', () => {
  it('follows pushState and replaceState by other code (a router, the app), not only Back', async () => {
    const v = vendors({ generic: { orders: 400 } });
    window.history.replaceState(null, '', '/orders?status=paid&page=2');
    const { result } = renderHook(
      () => {
        const state = useTableState(ordersTable);
        return {
          state,
          table: usePagedTable({ source: v.sources.orders, runner: v.runners.generic, state }),
        };
      },
      { wrapper: v.wrapper },
    );
    await waitFor(() => expect(result.current.table.shownPageIndex).toBe(1));
    act(() => window.history.pushState(null, '', '/orders?status=open'));
    await waitFor(() =>
      expect(result.current.state.columnFilters).toEqual([{ id: 'status', value: 'open' }]),
    );
    await waitFor(() => expect(result.current.table.shownPageIndex).toBe(0));
    act(() => window.history.replaceState(null, '', '/orders?status=open&page=4'));
    await waitFor(() => expect(result.current.table.shownPageIndex).toBe(3));
  });

  it('refuses a filter value it was not told is allowed, in the URL and when set', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const v = vendors({ generic: { orders: 100 } });
    window.history.replaceState(null, '', '/orders?status=bogus');
    const { result } = renderHook(() => useTableState(ordersTable), { wrapper: v.wrapper });
    expect(result.current.columnFilters).toEqual([]);
    expect(result.current.query.filters).toEqual({});
    act(() => result.current.setColumnFilters([{ id: 'status', value: 'nope' }]));
    expect(result.current.columnFilters).toEqual([]);
    expect(warn).toHaveBeenCalled();
    act(() => result.current.setColumnFilters([{ id: 'status', value: 'open' }]));
    expect(window.location.search).toBe('?status=open');
    // A refused value changes nothing: the filter there is stays, the page too.
    act(() => result.current.setPageIndex(2));
    act(() => result.current.setColumnFilters([{ id: 'status', value: 'bogus' }]));
    expect(window.location.search).toBe('?status=open&page=3');
  });
});
