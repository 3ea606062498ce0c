import type { RequestRunner, Source } from '@pagewise/core';
import { DataTable } from './data-table.js';

/** LINE WORKS users (`lineworksList`: count + nextCursor, no total). */
interface User {
  userId: string;
  email: string;
  userName: { firstName: string; lastName: string };
}

export function UsersTable({
  source,
  runner,
  pageSize,
  forwardJumps,
}: {
  source: Source<User>;
  runner?: RequestRunner;
  pageSize?: number;
  /** A jump past the pages seen walks there ('walk') or is refused with a reason ('disabled'). */
  forwardJumps?: 'walk' | 'disabled';
}) {
  return (
    <DataTable
      source={source}
      runner={runner}
      pageSize={pageSize}
      forwardJumps={forwardJumps}
      caption="LINE WORKS users"
      columns={[
        { header: 'Name', cell: (u) => `${u.userName.firstName} ${u.userName.lastName}` },
        { header: 'Email', cell: (u) => u.email },
      ]}
    />
  );
}
