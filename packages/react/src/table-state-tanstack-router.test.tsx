/**
 * URL state through TanStack Router, with the adapter the tables guide shows: the table writes
 * the query as it is (no JSON quotes around numbers), follows the router's links, and a table
 * being left never writes into the route the router goes to.
 */
import { defineTableState, type Source, type TableQuery } from '@pagewise/core';
import type { GenericOrder } from '@pagewise/testkit';
import {
  createBrowserHistory,
  createRootRoute,
  createRoute,
  createRouter,
  Link,
  Outlet,
  parseSearchWith,
  RouterProvider,
  stringifySearchWith,
  useMatch,
  useNavigate,
  useRouterState,
} from '@tanstack/react-router';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
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

const ordersTable = defineTableState({ url: true, pageSizes: [10, 20] });

/**
 * Query values as text (the tables guide's `searchAsText`): the default parses them as JSON (a
 * 19-digit cursor loses its last digits) and writes a number-like string in quotes.
 */
const searchAsText = {
  parseSearch: parseSearchWith((value) => value),
  stringifySearch: stringifySearchWith(JSON.stringify),
};

/**
 * TanStack Router: the query of the location shown (while the router loads the next route, a
 * table being left keeps its own), written with navigate — the tables guide's adapter.
 */
function useTanStackLocation(): TableLocation {
  // This route's own path: a table being left (the router loading the next route) reads the
  // location it was shown at; a table arriving reads its own, never the route it comes from.
  const own = useMatch({ strict: false, select: (m) => m.pathname });
  const search = useRouterState({
    select: (s) =>
      (s.location.pathname === own ? s.location : (s.resolvedLocation ?? s.location)).searchStr,
  });
  const navigate = useNavigate();
  return {
    search,
    navigate: (next, { replace }) =>
      void navigate({ to: '.', search: Object.fromEntries(new URLSearchParams(next)), replace }),
  };
}

function Orders({ source, runner }: { source: Source<GenericOrder, TableQuery>; runner: never }) {
  const state = useTableState(ordersTable, { location: useTanStackLocation() });
  const table = usePagedTable({ source, runner, state, pageSize: 10, prefetch: false });
  return (
    <section>
      <output>{`page ${table.shownPageIndex + 1} · ${table.rows.length} rows`}</output>
      <button type="button" onClick={table.nextPage}>
        Next
      </button>
      <button type="button" onClick={() => table.setPageSize(20)}>
        20 per page
      </button>
    </section>
  );
}

/** A Dashly conversation as a cursor table: its cursors are positions of 19-digit ids. */
function Parts({ source, runner }: { source: Source<{ id: string }>; runner: never }) {
  const state = useTableState(partsTable, { location: useTanStackLocation() });
  const table = usePagedTable({ source, runner, state, pageSize: 10, prefetch: false });
  return (
    <section>
      <output>{`page ${table.shownPageIndex + 1} · ${table.rows.map((p) => p.id).join(' ')}`}</output>
      <button type="button" onClick={table.nextPage}>
        Next
      </button>
    </section>
  );
}
const partsTable = defineTableState({ url: true });

function appAt(url: string, v: ReturnType<typeof vendors>) {
  window.history.replaceState(null, '', url);
  const root = createRootRoute({
    component: () => (
      <>
        <nav>
          <Link to="/other" search={{ page: '4000' } as never}>
            Elsewhere
          </Link>
          <Link to="/orders">Orders</Link>
        </nav>
        <Outlet />
      </>
    ),
  });
  const orders = createRoute({
    getParentRoute: () => root,
    path: '/orders',
    component: () => <Orders source={v.sources.orders} runner={v.runners.generic as never} />,
  });
  const parts = createRoute({
    getParentRoute: () => root,
    path: '/parts',
    component: () => <Parts source={v.sources.parts} runner={v.runners.dashly as never} />,
  });
  const other = createRoute({
    getParentRoute: () => root,
    path: '/other',
    component: () => <p>Another page</p>,
  });
  const router = createRouter({
    routeTree: root.addChildren([orders, parts, other]),
    history: createBrowserHistory(),
    ...searchAsText,
  });
  return render(<RouterProvider router={router} />, { wrapper: v.wrapper });
}

describe('useTableState with TanStack Router', () => {
  it('writes the page and the size as the URL has them, and reads them back', async () => {
    const v = vendors({ generic: { orders: 400 } });
    appAt('/orders?page=3', v);
    const shown = () => screen.getByRole('status').textContent;
    await waitFor(() => expect(shown()).toBe('page 3 · 10 rows'));
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(shown()).toBe('page 4 · 10 rows'));
    expect(window.location.search).toBe('?page=4');
    await userEvent.click(screen.getByRole('button', { name: '20 per page' }));
    await waitFor(() => expect(shown()).toBe('page 1 · 20 rows'));
    expect(window.location.search).toBe('?size=20');
  });

  it('keeps a cursor of 19-digit ids exact: a link to page 2 opens the same rows in one request', async () => {
    const v = vendors({ dashly: { sizes: { parts: 100 } } });
    const first = appAt('/parts', v);
    const shown = () => screen.getByRole('status').textContent ?? '';
    await waitFor(() => expect(shown()).toMatch(/^page 1 · \d/));
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(shown()).toMatch(/^page 2 · \d/));
    const page2 = shown();
    const link = window.location.pathname + window.location.search;
    const cursor = new URLSearchParams(window.location.search).get('cursor') ?? '';
    expect(cursor).toMatch(/\d{19}/);
    expect(page2).toContain(cursor.match(/\d{19}/)![0].slice(0, 10));
    // A reload from the link: a new app, nothing cached.
    first.unmount();
    v.client.clear();
    const requests = v.requests('dashly').length;
    appAt(link, v);
    await waitFor(() => expect(shown()).toBe(page2));
    expect(v.requests('dashly').length - requests).toBe(1);
    expect(window.location.pathname + window.location.search).toBe(link);
  });

  it('a table being left does not write into the route the router goes to', async () => {
    const v = vendors({ generic: { orders: 400 } });
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    appAt('/orders?page=5', v);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('page 5 · 10 rows'));
    await userEvent.click(screen.getByRole('link', { name: 'Elsewhere' }));
    await screen.findByText('Another page');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(window.location.pathname + window.location.search).toBe('/other?page=4000');
  });

  it('a table arriving reads its own route’s query, never the one of the route it comes from', async () => {
    const v = vendors({ generic: { orders: 400 } });
    appAt('/other?page=40&size=20&status=paid', v);
    await screen.findByText('Another page');
    await userEvent.click(screen.getByRole('link', { name: 'Orders' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('page 1 · 10 rows'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Every request the orders table sent is its own first page: none with the other route's
    // page, size or status.
    const asked = v.requests('generic').map((r) => r.params);
    expect(asked.length).toBeGreaterThan(0);
    for (const params of asked) expect(params).toMatchObject({ page: '1', per_page: '10' });
    expect(asked.some((p) => 'status' in (p ?? {}))).toBe(false);
    expect(window.location.pathname + window.location.search).toBe('/orders');
  });
});
