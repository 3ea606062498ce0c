import { defineTableState } from '@pagewise/core';
import { usePagedTable, useTableState } from '@pagewise/react';
import { TableView } from '@pagewise/showcase';
import { runners, sources } from '../vendors.js';

/** The page and its size kept in the URL (`?page=3&size=50`). */
const adjustmentsTable = defineTableState({ url: true, pageSizes: [10, 20, 50, 100] });

/** DingTalk pageNumber/pageSize as an admin table: page size select, page buttons, the page in the URL. */
export function AdjustmentsPage() {
  const state = useTableState(adjustmentsTable);
  const table = usePagedTable({
    source: sources.adjustments,
    runner: runners.dingtalk,
    pageSize: 20,
    state,
  });
  return (
    <TableView
      table={table}
      caption="Attendance adjustments"
      rowKey={(a) => String(a.id)}
      columns={[
        { header: 'Id', cell: (a) => a.id },
        { header: 'Employee', cell: (a) => a.userName },
        { header: 'Type', cell: (a) => a.adjustmentType },
        { header: 'Work date', cell: (a) => a.workDate },
        { header: 'Status', cell: (a) => a.status },
      ]}
    />
  );
}
