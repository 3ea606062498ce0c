import type { RequestRunner, Source } from '@pagewise/core';
import { DataTable } from './data-table.js';

/** Dashly conversations (`dashlyList`: [timestamp, id] positions; ids beyond 2^53 as strings). */
interface Conversation {
  id: string;
  user_name: string;
  channel: string;
  last_message: string;
}

export function ConversationsTable({
  source,
  runner,
  pageSize = 25,
}: {
  source: Source<Conversation>;
  runner?: RequestRunner;
  pageSize?: number;
}) {
  return (
    <DataTable
      source={source}
      runner={runner}
      pageSize={pageSize}
      caption="Dashly conversations (newest first)"
      columns={[
        { header: 'Id (beyond 2^53, exact)', cell: (c) => c.id },
        { header: 'Visitor', cell: (c) => c.user_name },
        { header: 'Channel', cell: (c) => c.channel },
        { header: 'Last message', cell: (c) => c.last_message },
      ]}
    />
  );
}
