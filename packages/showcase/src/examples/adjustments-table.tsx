import type { RequestRunner, Source } from '@pagewise/core';
import { DataTable } from './data-table.js';

/** DingTalk attendance adjustments (`dingtalkPageList`: pageNumber/pageSize, totalPage). */
interface Adjustment {
  id: number;
  userName: string;
  adjustmentType: string;
  workDate: string;
  status: string;
}

export function AdjustmentsTable({
  source,
  runner,
  pageSize,
}: {
  source: Source<Adjustment>;
  runner?: RequestRunner;
  pageSize?: number;
}) {
  return (
    <DataTable
      source={source}
      runner={runner}
      pageSize={pageSize}
      caption="DingTalk attendance adjustments"
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
