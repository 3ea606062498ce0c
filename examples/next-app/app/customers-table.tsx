'use client';
import { usePagedTable, usePageRange, useTableState } from '@pagewise/react';
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
  // Previous/Next as the kit's page range: a button that becomes disabled keeps focus.
  const range = usePageRange(table, { label: 'Pages' });
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
      <nav {...range.getNavProps()}>
        <button {...range.getPreviousProps()}>Previous</button>{' '}
        <span aria-live="polite">{range.status}</span>{' '}
        <button {...range.getNextProps()}>Next</button>
      </nav>
    </>
  );
}
