import type { RequestRunner, Source } from '@pagewise/core';
import { FeedList } from './feed-list.js';

/** Mews reservations (`mewsGetAll`): the end is a null Cursor or fewer than Count items. */
interface Reservation {
  Id: string;
  Number: string;
  State: string;
}

export function ReservationsFeed({
  source,
  runner,
  pageSize = 20,
}: {
  source: Source<Reservation>;
  runner?: RequestRunner;
  pageSize?: number;
}) {
  return (
    <FeedList
      source={source}
      runner={runner}
      pageSize={pageSize}
      label="Mews reservations"
      render={(r) => `#${r.Number} · ${r.State}`}
    />
  );
}
