import { defineTableState } from '@pagewise/core';
import { usePagedTable, useTableState } from '@pagewise/react';
import { TableView } from '@pagewise/showcase';
import { runners, sources } from '../vendors.js';

/** The page, its size and its cursor kept in the URL (`?page=4&size=50&cursor=…`). */
const usersTable = defineTableState({ url: true, pageSizes: [20, 50, 100] });

/**
 * LINE WORKS nextCursor as a table: cursors are remembered per page; jumps ahead walk there; a
 * link (or a reload) opens its page in one request, from the cursor in the URL.
 */
export function UsersPage() {
  const state = useTableState(usersTable);
  const table = usePagedTable({
    source: sources.users,
    runner: runners.lineworks,
    pageSize: 50,
    state,
  });
  return (
    <TableView
      table={table}
      caption="Users"
      pageSizes={[20, 50, 100]}
      rowKey={(u) => u.userId}
      columns={[
        { header: 'Name', cell: (u) => `${u.userName.firstName} ${u.userName.lastName}` },
        { header: 'Email', cell: (u) => u.email },
        { header: 'Employment', cell: (u) => u.employmentTypeName },
      ]}
    />
  );
}
