import { usePagedTable, usePageIndexParam } from '@pagewise/react';
import { TableView } from '@pagewise/showcase';
import { runners, sources } from '../vendors.js';

/** DingTalk pageNumber/pageSize as an admin table: page size select, page buttons, the page in the URL. */
export function AdjustmentsPage() {
  const [pageIndex, setPageIndex] = usePageIndexParam('page');
  const table = usePagedTable({
    source: sources.adjustments,
    runner: runners.dingtalk,
    initialPageSize: 20,
    pageIndex,
    onPageIndexChange: setPageIndex,
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
