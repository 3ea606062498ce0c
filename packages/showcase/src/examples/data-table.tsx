import type { RequestRunner, Source } from '@pagewise/core';
import { usePagedTable, usePageRange, useTableAnnouncement } from '@pagewise/react';
import { type ReactNode, useRef } from 'react';

export interface Column<T> {
  header: string;
  cell(row: T): ReactNode;
}

/**
 * A table over any source: page-number sources jump anywhere, cursor sources keep a page → cursor
 * map. Screen readers hear each page once its rows are on screen, never before.
 */
export function DataTable<T>({
  source,
  runner,
  caption,
  columns,
  pageSize = 20,
  forwardJumps = 'walk',
  params,
}: {
  source: Source<T>;
  runner?: RequestRunner;
  caption: string;
  columns: Column<T>[];
  pageSize?: number;
  forwardJumps?: 'walk' | 'disabled';
  /** The source's parameters (a filter). */
  params?: unknown;
}) {
  const table = usePagedTable({ source, runner, pageSize, forwardJumps, params });
  const range = usePageRange(table, { label: `${caption}, pages` });
  // "Page 3 of 20 loaded, 20 rows" once page 3's rows are shown.
  const announcement = useTableAnnouncement(table);
  const tableElement = useRef<HTMLTableElement>(null);

  let body: ReactNode;
  if (table.isLoading) body = <Row columns={columns.length}>Loading…</Row>;
  else if (table.rows.length === 0 && !table.error)
    body = <Row columns={columns.length}>No rows.</Row>;
  else
    body = table.rows.map((row) => (
      <tr key={source.key(row)}>
        {columns.map((c) => (
          <td key={c.header}>{c.cell(row)}</td>
        ))}
      </tr>
    ));

  return (
    <div>
      <table ref={tableElement} tabIndex={-1} aria-busy={table.isFetching}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{body}</tbody>
      </table>

      {table.notOpened && (
        <p data-not-opened>
          Page {table.notOpened.pageIndex + 1} could not be opened ({table.notOpened.reason}): page{' '}
          {table.pageIndex + 1} is shown instead.
        </p>
      )}
      {table.error && (
        <div role="alert">
          <strong>{table.error.code}</strong> {table.error.reason}{' '}
          <button
            type="button"
            onClick={() => {
              // The banner goes away when the page lands: hand focus to the table first.
              tableElement.current?.focus();
              table.retry();
            }}
          >
            Retry
          </button>
        </div>
      )}

      <nav {...range.getNavProps()}>
        <button {...range.getFirstProps()}>«</button>
        <button {...range.getPreviousProps()}>‹</button>
        {range.items.map((item) =>
          item.type === 'page' ? (
            <button key={item.index} {...range.getPageProps(item.index)}>
              {item.estimated ? `~${item.index + 1}` : item.index + 1}
            </button>
          ) : (
            <span key={item.position} {...range.getEllipsisProps(item.position)}>
              …
            </span>
          ),
        )}
        <button {...range.getNextProps()}>›</button>
        <button {...range.getLastProps()}>»</button>
        <label>
          Rows per page{' '}
          <select
            value={table.pageSize}
            onChange={(e) => table.setPageSize(Number(e.target.value))}
          >
            {[10, 20, 50, 100].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
      </nav>

      <p>{table.isLoading ? '' : pageInfo(table)}</p>
      <div role="status">{announcement}</div>
    </div>
  );
}

function Row({ columns, children }: { columns: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={columns}>{children}</td>
    </tr>
  );
}

/**
 * "Showing page 2 of 5 · 95 rows" for the page on screen: "of about 60" from the source's
 * estimate, "of many" while the count is unknown.
 */
function pageInfo(table: {
  shownPageIndex: number;
  pageCount: number;
  estimatedPageCount: number | undefined;
  rowCount: number | undefined;
}): string {
  const { pageCount, rowCount } = table;
  if (pageCount === 0) return 'No pages';
  const of =
    pageCount >= 0
      ? `of ${pageCount}`
      : table.estimatedPageCount !== undefined
        ? `of about ${table.estimatedPageCount}`
        : 'of many';
  const rows = rowCount === undefined ? '' : ` · ${rowCount} ${rowCount === 1 ? 'row' : 'rows'}`;
  return `Showing page ${table.shownPageIndex + 1} ${of}${rows}`;
}
