import type { InfiniteList } from '@pagewise/react';
import { useFeed, useLoadMoreTrigger } from '@pagewise/react';
import { type ReactNode, useRef } from 'react';
import { ErrorBanner } from './error-banner.js';

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/**
 * A scrolling list over `useInfiniteList` as a WAI-ARIA feed (`useFeed`): focusable articles
 * with their position, Page Up/Down between them, a sentinel that loads the next page, a Load
 * more button for keyboards that keeps focus while it loads, and a status region that says what
 * landed ("50 more items", "End of list") once it landed.
 */
export function ListView<T>({
  list,
  label,
  render,
  height = 360,
}: {
  list: InfiniteList<T>;
  label: string;
  render(item: T): ReactNode;
  height?: number;
}) {
  const feed = useFeed({
    list,
    label,
    // Each sentence names the new length, so two pages of the same size are two announcements.
    messages: {
      more: (n) => `${plural(n, 'more item', 'more items')}, ${list.items.length} in all`,
    },
  });
  const sentinel = useLoadMoreTrigger(list, { rootMargin: '200px' });
  const more = useRef<HTMLButtonElement>(null);
  const empty = !list.isLoading && list.items.length === 0;
  return (
    <div
      data-list={label}
      style={{ fontFamily: 'system-ui, sans-serif', fontSize: 14, maxWidth: 560 }}
    >
      {empty ? (
        <p style={{ padding: '6px 10px', border: '1px solid #888' }}>
          {list.error ? `${label}: nothing loaded yet.` : `${label}: no items.`}
        </p>
      ) : (
        <div
          {...feed.getFeedProps()}
          style={{ height, overflowY: 'auto', border: '1px solid #888' }}
        >
          {list.items.map((item, i) => (
            <article
              key={list.itemKey(item)}
              {...feed.getItemProps(item, i)}
              style={{ padding: '6px 10px', borderBottom: '1px solid #ddd' }}
            >
              {render(item)}
            </article>
          ))}
          <div ref={sentinel} style={{ height: 1 }} />
        </div>
      )}
      <ErrorBanner error={list.error} onRetry={list.retry} focusAfter={() => more.current} />
      <p style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
        <button ref={more} {...feed.getLoadProps('end')}>
          {list.isFetchingNextPage || list.isLoading
            ? 'Loading more…'
            : list.hasNextPage
              ? 'Load more'
              : 'No more'}
        </button>
        <span data-list-info>
          {list.isLoading
            ? 'Loading…'
            : `${plural(list.items.length, 'item', 'items')} · ${plural(list.pages.length, 'page', 'pages')}${
                !list.hasNextPage && !empty ? ' · end of data' : ''
              }`}
        </span>
      </p>
      <div role="status" style={{ minHeight: '1.2em', color: '#444' }}>
        {feed.announcement}
      </div>
    </div>
  );
}
