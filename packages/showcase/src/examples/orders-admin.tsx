import type { RequestRunner, Source, TableQuery } from '@pagewise/core';
import { usePagedTable, usePageRange, useTableAnnouncement, useTableState } from '@pagewise/react';
import {
  columnFilteringFeature,
  createColumnHelper,
  flexRender,
  globalFilteringFeature,
  rowPaginationFeature,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import { useRef, useState } from 'react';

export interface Order {
  id: number;
  number: string;
  customer: string;
  status: string;
  total: number;
  createdAt: string;
}

const STATUSES = ['open', 'paid', 'shipped', 'cancelled'];
const PAGE_SIZES = [10, 20, 50];
const features = tableFeatures({
  rowPaginationFeature,
  rowSortingFeature,
  columnFilteringFeature,
  globalFilteringFeature,
  rowSelectionFeature,
});
const column = createColumnHelper<typeof features, Order>();
const columns = column.columns([
  column.display({
    id: 'select',
    header: ({ table }) => (
      <input
        type="checkbox"
        aria-label="Select the orders on this page"
        checked={table.getIsAllPageRowsSelected()}
        // Some of the page's orders selected: neither checked nor unchecked (aria-checked="mixed").
        ref={(box) => {
          if (box)
            box.indeterminate =
              table.getIsSomePageRowsSelected() && !table.getIsAllPageRowsSelected();
        }}
        onChange={table.getToggleAllPageRowsSelectedHandler()}
      />
    ),
    cell: ({ row }) => (
      <input
        type="checkbox"
        aria-label={`Select ${row.original.number}`}
        checked={row.getIsSelected()}
        onChange={row.getToggleSelectedHandler()}
      />
    ),
  }),
  column.accessor('number', { header: 'Number' }),
  column.accessor('customer', { header: 'Customer' }),
  column.accessor('status', { header: 'Status', enableSorting: true }),
  column.accessor('total', {
    header: 'Total',
    cell: (c) => c.getValue().toLocaleString('en', { style: 'currency', currency: 'EUR' }),
  }),
  column.accessor('createdAt', {
    header: 'Created',
    cell: (c) => c.getValue().slice(0, 16).replace('T', ' '),
  }),
]);
const SORTABLE = ['number', 'customer', 'status', 'total', 'createdAt'];

/**
 * An admin table as an app writes it with the public packages: TanStack Table v9 with sortable
 * headers, a status filter, a search box (debounced), row selection that survives page turns,
 * a page size and page buttons — the whole state in the URL, every change a request to the
 * source (sort, filter and search are its `params`), each on page 1 with a fresh page map.
 */
export function OrdersAdmin({
  source,
  runner,
}: {
  source: Source<Order, TableQuery>;
  runner?: RequestRunner;
}) {
  const state = useTableState({
    url: true,
    sortable: SORTABLE,
    // The statuses the API takes: a link naming another is ignored (the API would refuse it).
    filterable: { status: STATUSES },
    pageSizes: PAGE_SIZES,
  });
  // Orders come and go while an admin pages through them: each page is read on from the last
  // rows of the page before, so Next neither repeats an order pushed down nor skips one pulled up.
  const orders = usePagedTable({ source, runner, state, params: state.query, repairDrift: true });
  const [rowSelection, setRowSelection] = useState<Record<string, true>>({});
  // Retry takes focus to the rows it reloads (its button goes away with the error).
  const tableElement = useRef<HTMLTableElement>(null);
  const table = useTable({
    features,
    columns,
    data: orders.rows,
    ...orders.tableOptions,
    state: { ...orders.tableOptions.state, rowSelection },
    onRowSelectionChange: setRowSelection,
    enableRowSelection: true,
  });
  // Disabled controls stay in the Tab order (as `aria-disabled`), so a keyboard user hears why.
  const range = usePageRange(orders, { label: 'Orders pages', focusableWhenDisabled: true });
  // A failure is said by the alert below (with its Retry): not a second time here.
  const announcement = useTableAnnouncement(orders, { failed: () => '' });

  const status = state.columnFilters.find((f) => f.id === 'status')?.value;
  const selected = Object.keys(rowSelection).length;
  // The selection outlives page turns, filters and a search: say how much of it is in view.
  const inView = orders.rows.filter((o) => rowSelection[orders.itemKey(o)]).length;
  return (
    <section
      aria-label="Orders"
      data-orders-admin
      style={{ fontFamily: 'system-ui, sans-serif', fontSize: 14 }}
    >
      <div style={{ display: 'flex', gap: 12, marginBottom: 8, flexWrap: 'wrap' }}>
        <label>
          Search{' '}
          <input
            type="search"
            value={state.globalFilter}
            onChange={(e) => state.setGlobalFilter(e.target.value)}
            placeholder="Number or customer"
          />
        </label>
        <label>
          Status{' '}
          <select
            value={typeof status === 'string' ? status : ''}
            onChange={(e) =>
              state.setColumnFilters(
                e.target.value ? [{ id: 'status', value: e.target.value }] : [],
              )
            }
          >
            <option value="">Any</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <span role="status">
          {selected === 1 ? '1 order selected' : `${selected} orders selected`}
          {inView < selected ? `, ${inView} on this page` : ''}
        </span>
        {/* Kept when nothing is selected (aria-disabled): a pressed button keeps its focus. */}
        <button
          type="button"
          aria-disabled={selected === 0 || undefined}
          onClick={() => setRowSelection({})}
        >
          Clear selection
        </button>
      </div>
      <table
        ref={tableElement}
        tabIndex={-1}
        aria-busy={orders.isFetching}
        style={{
          borderCollapse: 'collapse',
          minWidth: 640,
          opacity: orders.isPlaceholderData && !orders.error ? 0.6 : 1,
        }}
      >
        <caption style={{ textAlign: 'left', fontWeight: 600, paddingBottom: 6 }}>Orders</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const sortable = header.column.id !== 'select';
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={
                      sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined
                    }
                    style={{
                      textAlign: 'left',
                      borderBottom: '1px solid #888',
                      padding: '4px 8px',
                    }}
                  >
                    {sortable ? (
                      <button type="button" onClick={header.column.getToggleSortingHandler()}>
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        {/* The th's aria-sort says the order; the arrow is for the eye. */}
                        <span aria-hidden="true">
                          {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                        </span>
                      </button>
                    ) : (
                      flexRender(header.column.columnDef.header, header.getContext())
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {orders.isLoading ? (
            <tr>
              <td colSpan={columns.length}>Loading…</td>
            </tr>
          ) : orders.rows.length === 0 && !orders.error ? (
            <tr>
              <td colSpan={columns.length}>No orders match.</td>
            </tr>
          ) : (
            table.getRowModel().rows.map((row) => (
              <tr key={row.id}>
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} style={{ padding: '4px 8px', borderBottom: '1px solid #ddd' }}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
      {orders.notOpened && (
        <p data-not-opened style={{ margin: '8px 0 0' }}>
          Page {orders.notOpened.pageIndex + 1} could not be opened ({orders.notOpened.reason}):
          page {orders.pageIndex + 1} is shown instead.
        </p>
      )}
      {orders.error && (
        <div role="alert" style={{ marginTop: 8, padding: 8, border: '1px solid #b00' }}>
          Page {orders.pageIndex + 1} could not be loaded: {orders.error.reason} (
          {orders.error.code}){' '}
          <button
            type="button"
            onClick={() => {
              tableElement.current?.focus();
              orders.retry();
            }}
          >
            Retry
          </button>
        </div>
      )}
      <div
        style={{ display: 'flex', gap: 8, alignItems: 'center', marginTop: 8, flexWrap: 'wrap' }}
      >
        <nav {...range.getNavProps()} data-orders-pages style={{ display: 'flex', gap: 4 }}>
          <style>
            {
              '[data-orders-pages] [aria-disabled="true"], [data-orders-admin] button[aria-disabled="true"] { opacity: 0.45; cursor: not-allowed; }'
            }
          </style>
          <button {...range.getFirstProps()}>«</button>
          <button {...range.getPreviousProps()}>‹</button>
          {range.items.map((item) =>
            item.type === 'page' ? (
              <button key={item.index} {...range.getPageProps(item.index)}>
                {item.index + 1}
              </button>
            ) : (
              <span key={item.position} {...range.getEllipsisProps(item.position)}>
                …
              </span>
            ),
          )}
          <button {...range.getNextProps()}>›</button>
          <button {...range.getLastProps()}>»</button>
        </nav>
        <label>
          Rows per page{' '}
          <select
            value={orders.pageSize}
            onChange={(e) => orders.setPageSize(Number(e.target.value))}
          >
            {PAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <p data-page-info style={{ margin: 0 }}>
          {pageInfo(orders)}
        </p>
      </div>
      <div role="status" style={{ marginTop: 4, minHeight: '1.2em', color: '#444' }}>
        {announcement}
      </div>
    </section>
  );
}

/**
 * "Page 2 of 100 · 2000 orders" for the page on screen (the alert says why another failed);
 * "Loading page 1…" while the page requested loads with the old rows dimmed in its place (a page
 * turn not fetched ahead, a new sort's first page).
 */
function pageInfo(orders: {
  pageIndex: number;
  shownPageIndex: number;
  pageCount: number;
  rowCount: number | undefined;
  isPlaceholderData: boolean;
  error: unknown;
}): string {
  const of = orders.pageCount > 0 ? ` of ${orders.pageCount}` : '';
  if (orders.isPlaceholderData && !orders.error)
    return `Loading page ${orders.pageIndex + 1}${of}…`;
  const { rowCount } = orders;
  const rows =
    rowCount === undefined ? '' : ` · ${rowCount} ${rowCount === 1 ? 'order' : 'orders'}`;
  return `Page ${orders.shownPageIndex + 1}${of}${rows}`;
}
