'use client';
import { usePagedTable, useTableState } from '@pagewise/react';
import { useNextLocation } from '../lib/next-location';
import { customers, TABLE_PAGE_SIZE } from '../lib/sources';
import { customersTable } from '../lib/tables';

/**
 * The table in the browser: the page in the URL comes from the server's HTML, the next ones from
 * the route handler. The page (and its cursor) lives in the URL, so a reload or a shared link
 * opens the same page, and the table follows Next's links and Back/Forward (its router's URL).
 */
export function CustomersTable() {
  const state = useTableState(customersTable, { location: useNextLocation() });
  const table = usePagedTable({ source: customers, state, pageSize: TABLE_PAGE_SIZE });
  if (table.error) return <p role="alert">{table.error.message}</p>;
  return (
    <>
      <table aria-busy={table.isPlaceholderData}>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Nationality</th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((c) => (
            <tr key={c.Id}>
              <td>
                {c.FirstName} {c.LastName}
              </td>
              <td>{c.Email}</td>
              <td>{c.Nationality}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav aria-label="Pages">
        <button type="button" onClick={table.previousPage} disabled={!table.canPreviousPage}>
          Previous
        </button>{' '}
        <span aria-live="polite">Page {table.shownPageIndex + 1}</span>{' '}
        <button type="button" onClick={table.nextPage} disabled={!table.canNextPage}>
          Next
        </button>
      </nav>
    </>
  );
}
