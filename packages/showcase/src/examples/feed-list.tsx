import type { RequestRunner, Source } from '@pagewise/core';
import { useFeed, useInfiniteList, useLoadMoreTrigger } from '@pagewise/react';
import { type ReactNode, useRef } from 'react';

/**
 * An infinite list over any source, as a WAI-ARIA feed: focusable articles with their position,
 * Page Up/Down between them (loading more at the end), a sentinel that loads the next page as
 * it scrolls into view, a Load more button that keeps focus while it loads, a Load earlier
 * button for the pages a `maxPages` window dropped, and one polite sentence per landed page
 * ("50 more items", "End of list").
 */
export function FeedList<T>({
  source,
  runner,
  label,
  render,
  pageSize,
  maxPages,
}: {
  source: Source<T>;
  runner?: RequestRunner;
  label: string;
  render(item: T): ReactNode;
  pageSize?: number;
  /** Keep at most this many pages (the oldest are dropped). */
  maxPages?: number;
}) {
  const list = useInfiniteList({ source, runner, pageSize, maxPages });
  const feed = useFeed({
    list,
    label,
    // Each sentence names the new length, so two pages of the same size are two announcements.
    messages: { more: (n) => `${n} more items, ${list.items.length} in all` },
  });
  const sentinel = useLoadMoreTrigger(list);

  const more = useRef<HTMLButtonElement>(null);
  const empty = !list.isLoading && list.items.length === 0;
  return (
    <div>
      {/* Pages a `maxPages` window dropped from the start come back on request. */}
      {list.hasPreviousPage && (
        <p>
          <button {...feed.getLoadProps('start')}>
            {list.isFetchingPreviousPage ? 'Loading…' : 'Load earlier'}
          </button>
        </p>
      )}
      {empty ? (
        <p>{list.error ? 'Nothing loaded yet.' : 'No items.'}</p>
      ) : (
        <div {...feed.getFeedProps()} style={{ height: 320, overflowY: 'auto' }}>
          {list.items.map((item, i) => (
            <article key={source.key(item)} {...feed.getItemProps(item, i)}>
              {render(item)}
            </article>
          ))}
          <div ref={sentinel} />
        </div>
      )}

      {list.error && (
        <div role="alert">
          <strong>{list.error.code}</strong> {list.error.reason}{' '}
          <button
            type="button"
            onClick={() => {
              // The banner goes away when the page lands: hand focus to Load more first.
              more.current?.focus();
              list.retry();
            }}
          >
            Retry
          </button>
        </div>
      )}

      <p>
        {/* aria-disabled, never disabled: a focused button keeps focus while it loads. After a
            failure it tries again (the first page too), and says so: focus may be on it. */}
        <button
          ref={more}
          {...feed.getLoadProps('end')}
          {...(list.error ? { 'aria-disabled': list.isFetching, onClick: () => list.retry() } : {})}
        >
          {list.isFetching
            ? 'Loading…'
            : list.error
              ? 'Retry'
              : list.hasNextPage
                ? 'Load more'
                : 'No more'}
        </button>{' '}
        {list.isLoading
          ? 'Loading…'
          : `${list.items.length} ${list.items.length === 1 ? 'item' : 'items'}${
              list.hasNextPage || empty ? '' : ' · end of data'
            }`}
      </p>
      <div role="status">{feed.announcement}</div>
    </div>
  );
}
