import type { PagedTable } from '@pagewise/react';
import { usePageRange, useTableAnnouncement } from '@pagewise/react';
import { type ReactNode, useRef } from 'react';
import { ErrorBanner } from './error-banner.js';
import { PageRangeNav } from './page-range-nav.js';
import { useRetryCountdown } from './retry-countdown.js';

export interface Column<T> {
  header: string;
  cell(row: T): ReactNode;
}

/**
 * A plain admin table over `usePagedTable`: rows, page size select, page buttons, errors. A
 * status region says each page once its rows are on screen (`useTableAnnouncement`); the line
 * under the table tells the page shown, not the one requested.
 */
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
  // Disabled controls stay in the Tab order, so a keyboard user reaches why they are disabled.
  const range = usePageRange(table, { label: `${caption} pages`, focusableWhenDisabled: true });
  // A failure is said by the alert below (with its Retry): not a second time here.
  const announcement = useTableAnnouncement(table, { failed: () => '' });
  const tableElement = useRef<HTMLTableElement>(null);
  const delay = useRetryCountdown(table.retrying);
  return (
    <div style={{ fontFamily: 'system-ui, sans-serif', fontSize: 14 }}>
      <table
        ref={tableElement}
        tabIndex={-1}
        aria-busy={table.isFetching}
        style={{
          borderCollapse: 'collapse',
          minWidth: 480,
          // Dimmed while another page's rows stand in for the one coming (not after it failed: the
          // alert says which page is shown).
          opacity: table.isPlaceholderData && !table.error ? 0.6 : 1,
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
      {table.notOpened && (
        <p data-not-opened style={{ margin: '8px 0 0' }}>
          Page {table.notOpened.pageIndex + 1} could not be opened ({table.notOpened.reason}): page{' '}
          {table.pageIndex + 1} is shown instead.
        </p>
      )}
      <ErrorBanner
        error={table.error}
        onRetry={table.retry}
        focusAfter={() => tableElement.current}
      />
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
        <p data-page-info style={{ margin: 0 }}>
          {pageInfo(table, delay)}
        </p>
      </div>
      <div role="status" style={{ marginTop: 4, minHeight: '1.2em', color: '#444' }}>
        {announcement}
      </div>
    </div>
  );
}

/**
 * "Showing page 2 of 5 · 95 rows" (or "of about 60" from an estimate), of the page on screen; what
 * is on the way after it, and its `delay` while it waits to be tried again.
 */
function pageInfo<T>(table: PagedTable<T>, delay: string | undefined): string {
  if (table.isLoading) {
    // Nothing on screen yet: a link to page 7 without its cursor walks there from page 1.
    const what =
      table.pageIndex === 0
        ? 'Loading the first page…'
        : table.isWalking
          ? `Walking to page ${table.pageIndex + 1} from the first page…`
          : `Loading page ${table.pageIndex + 1}…`;
    return `${what}${delay ? ` ${delay}` : ''}`;
  }
  if (table.pageCount === 0 || (table.rows.length === 0 && table.shownPageIndex === 0))
    return table.error ? 'No rows yet' : 'No rows';
  const of =
    table.pageCount >= 0
      ? ` of ${table.pageCount}`
      : table.estimatedPageCount !== undefined
        ? ` of about ${table.estimatedPageCount}`
        : ' of many';
  const rows =
    table.rowCount !== undefined
      ? ` · ${table.rowCount.toLocaleString('en')} ${table.rowCount === 1 ? 'row' : 'rows'}`
      : table.estimatedRowCount !== undefined
        ? ` · about ${table.estimatedRowCount.toLocaleString('en')} rows`
        : '';
  const pending =
    table.pageIndex === table.shownPageIndex
      ? ''
      : table.error
        ? ` · page ${table.pageIndex + 1} failed`
        : delay
          ? ` · page ${table.pageIndex + 1} ${delay}`
          : table.isWalking
            ? ` · walking to page ${table.pageIndex + 1}…`
            : ` · loading page ${table.pageIndex + 1}…`;
  return `Showing page ${table.shownPageIndex + 1}${of}${rows}${pending}`;
}
