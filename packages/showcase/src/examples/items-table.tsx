import type { RequestRunner, Source } from '@pagewise/core';
import { DataTable } from './data-table.js';

/**
 * Items of a generic REST API, from either generic source:
 *
 *   offsetLimitSource<Item>({ path: '/items', total: 'total', key: (x) => String(x.id) })
 *   linkHeaderSource<Item>({ path: '/repos/items', key: (x) => String(x.id) })
 */
interface Item {
  id: number;
  title: string;
  owner: string;
}

export function ItemsTable({
  source,
  runner,
  caption,
  pageSize,
}: {
  source: Source<Item>;
  runner?: RequestRunner;
  caption: string;
  pageSize?: number;
}) {
  return (
    <DataTable
      source={source}
      runner={runner}
      pageSize={pageSize}
      caption={caption}
      columns={[
        { header: 'Id', cell: (x) => x.id },
        { header: 'Title', cell: (x) => x.title },
        { header: 'Owner', cell: (x) => x.owner },
      ]}
    />
  );
}
