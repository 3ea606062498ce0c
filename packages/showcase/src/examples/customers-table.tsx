import type { RequestRunner, Source } from '@pagewise/core';
import { DataTable } from './data-table.js';

/** Mews customers (`mewsGetAll`: POST …/getAll with Limitation { Cursor, Count }). */
interface Customer {
  Id: string;
  FirstName: string;
  LastName: string;
  CreatedUtc: string;
}

export function CustomersTable({
  source,
  runner,
  pageSize,
}: {
  source: Source<Customer>;
  runner?: RequestRunner;
  pageSize?: number;
}) {
  return (
    <DataTable
      source={source}
      runner={runner}
      pageSize={pageSize}
      caption="Mews customers (newest first)"
      columns={[
        { header: 'Name', cell: (c) => `${c.FirstName} ${c.LastName}` },
        { header: 'Created (UTC)', cell: (c) => c.CreatedUtc },
      ]}
    />
  );
}
