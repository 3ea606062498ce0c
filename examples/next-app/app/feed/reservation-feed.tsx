'use client';
import { useInfiniteList, useLoadMoreTrigger } from '@pagewise/react';
import { FEED_PAGE_SIZE, reservations } from '../../lib/sources';

/** The list in the browser: the first page from the server's HTML, more as the user scrolls. */
export function ReservationFeed() {
  const list = useInfiniteList({ source: reservations, pageSize: FEED_PAGE_SIZE });
  // Loads the next page as the button nears the view; the button itself works without scrolling.
  const trigger = useLoadMoreTrigger(list);
  return (
    <>
      <ul aria-busy={list.isFetching}>
        {list.items.map((r) => (
          <li key={r.Id}>{`#${r.Number} · ${r.State} · ${r.StartUtc.slice(0, 10)}`}</li>
        ))}
      </ul>
      {list.error ? (
        <p role="alert">
          {list.error.message}{' '}
          <button type="button" onClick={list.retry}>
            Retry
          </button>
        </p>
      ) : list.hasNextPage ? (
        <button type="button" ref={trigger} onClick={() => void list.fetchNextPage()}>
          {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </button>
      ) : (
        <p>All {list.items.length} reservations loaded.</p>
      )}
    </>
  );
}
