import { infiniteListQueryOptions } from '@pagewise/react';
import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { serverMews } from '../../lib/server-sources';
import { FEED_PAGE_SIZE } from '../../lib/sources';
import { ReservationFeed } from './reservation-feed';

export const dynamic = 'force-dynamic';

/** The infinite list's first page, fetched on the server with `infiniteListQueryOptions`. */
export default async function FeedPage() {
  const { runner, reservations } = serverMews();
  const queryClient = new QueryClient();
  await queryClient.prefetchInfiniteQuery(
    infiniteListQueryOptions({ source: reservations, runner, pageSize: FEED_PAGE_SIZE }),
  );
  return (
    <main>
      <h1>Reservations</h1>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ReservationFeed />
      </HydrationBoundary>
    </main>
  );
}
