import type { PagedTable } from '@pagewise/react';
import { usePageRange } from '@pagewise/react';
import type { ReactNode } from 'react';
import { ErrorBanner } from './error-banner.js';
import { PageRangeNav } from './page-range-nav.js';

export interface Column<T> {
  header: string;
  cell(row: T): ReactNode;
}

/** A plain admin table over `usePagedTable`: rows, page size select, page buttons, errors. */
export function TableView<T>({
  table,
  columns,
  rowKey,
  caption,
  pageSizes = [10, 20, 50, 100],
}: {
  table: PagedTable<T>;
  columns: Column<T>[];
  rowKey(row: T): string;
  caption: string;
  pageSizes?: number[];
}) {
  const range = usePageRange({
    pageIndex: table.pageIndex,
    pageCount: table.pageCount,
    hasMore: table.canNextPage,
    canNextPage: table.canNextPage,
    canGoToPage: table.canGoToPage,
    onPageChange: table.setPageIndex,
    label: `${caption} pages`,
  });
  return (
    <div style={{ fontFamily: 'system-ui, sans-serif', fontSize: 14 }}>
      <table
        aria-busy={table.isFetching}
        style={{
          borderCollapse: 'collapse',
          minWidth: 480,
          opacity: table.isPlaceholderData ? 0.6 : 1,
        }}
      >
        <caption style={{ textAlign: 'left', fontWeight: 600, paddingBottom: 6 }}>
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th
                key={c.header}
                scope="col"
                style={{ textAlign: 'left', borderBottom: '1px solid #888', padding: '4px 8px' }}
              >
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.isLoading ? (
            <tr>
              <td colSpan={columns.length}>Loading…</td>
            </tr>
          ) : table.rows.length === 0 && !table.error ? (
            <tr>
              <td colSpan={columns.length}>No rows.</td>
            </tr>
          ) : (
            table.rows.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((c) => (
                  <td key={c.header} style={{ padding: '4px 8px', borderBottom: '1px solid #ddd' }}>
                    {c.cell(row)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
      <ErrorBanner error={table.error} onRetry={table.retry} />
      <div
        style={{ display: 'flex', gap: 8, alignItems: 'center', marginTop: 8, flexWrap: 'wrap' }}
      >
        <PageRangeNav range={range} />
        <label>
          Rows per page{' '}
          <select
            value={table.pageSize}
            onChange={(e) => table.setPageSize(Number(e.target.value))}
          >
            {pageSizes.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <output aria-live="polite">
          Page {table.pageIndex + 1} of {table.pageCount < 0 ? 'many' : table.pageCount}
          {table.rowCount !== undefined ? ` · ${table.rowCount} rows` : ''}
          {table.isWalking ? ' · walking there…' : ''}
        </output>
      </div>
    </div>
  );
}
