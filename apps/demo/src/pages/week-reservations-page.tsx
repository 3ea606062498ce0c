import { defineTableState } from '@pagewise/core';
import { usePagedTable, useTableState } from '@pagewise/react';
import { TableView } from '@pagewise/showcase';
import { runners, sources } from '../vendors.js';

/** The simulated hotel's last reservation was created on 1 November 2026: the week before it. */
const lastWeek = {
  created: {
    from: new Date(Date.UTC(2026, 9, 25)).toISOString(),
    to: new Date(Date.UTC(2026, 10, 1, 0, 1)).toISOString(),
  },
};

/** The page, its size and its cursor kept in the URL. */
const weekTable = defineTableState({ url: true, pageSizes: [10, 20, 50, 100] });

/**
 * Mews Limitation cursor as a table whose size is estimated: the reservations created in the
 * last week, "of about 101" from how far back in the week a reservation was created, until the
 * last page says the truth. TanStack Table gets no row count until then.
 */
export function WeekReservationsPage() {
  const state = useTableState(weekTable);
  const table = usePagedTable({
    source: sources.reservations,
    runner: runners.mews,
    state,
    params: lastWeek,
    pageSize: 100,
  });
  return (
    <TableView
      table={table}
      caption="Reservations created in the last week"
      rowKey={(r) => r.Id}
      columns={[
        { header: 'Number', cell: (r) => r.Number },
        { header: 'State', cell: (r) => r.State },
        { header: 'Created (UTC)', cell: (r) => r.CreatedUtc.slice(0, 16).replace('T', ' ') },
      ]}
    />
  );
}
