import type { RequestRunner, Source } from '@pagewise/core';
import { FeedList } from './feed-list.js';

/** LINE WORKS users (`lineworksList`: count + nextCursor, base64 sent back URL-encoded). */
interface User {
  userId: string;
  email: string;
  userName: { firstName: string; lastName: string };
}

export function UsersFeed({
  source,
  runner,
  pageSize = 100,
}: {
  source: Source<User>;
  runner?: RequestRunner;
  pageSize?: number;
}) {
  return (
    <FeedList
      source={source}
      runner={runner}
      pageSize={pageSize}
      label="LINE WORKS users"
      render={(u) => `${u.userName.firstName} ${u.userName.lastName} · ${u.email}`}
    />
  );
}
