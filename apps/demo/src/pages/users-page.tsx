import { usePagedTable } from '@pagewise/react';
import { TableView } from '@pagewise/showcase';
import { runners, sources } from '../vendors.js';

/** LINE WORKS nextCursor as a table: cursors are remembered per page; jumps ahead walk there. */
export function UsersPage() {
  const table = usePagedTable({
    source: sources.users,
    runner: runners.lineworks,
    pageSize: 50,
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
