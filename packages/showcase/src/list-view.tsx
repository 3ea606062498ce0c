import type { InfiniteList } from '@pagewise/react';
import { useLoadMoreTrigger } from '@pagewise/react';
import type { ReactNode } from 'react';
import { ErrorBanner } from './error-banner.js';

/** A scrolling list over `useInfiniteList`, loading on a sentinel (and a button, for keyboards). */
export function ListView<T>({
  list,
  label,
  itemKey,
  render,
  height = 360,
}: {
  list: InfiniteList<T>;
  label: string;
  itemKey(item: T): string;
  render(item: T): ReactNode;
  height?: number;
}) {
  const sentinel = useLoadMoreTrigger({
    onLoadMore: () => void list.fetchNextPage(),
    hasMore: list.hasNextPage,
    isLoading: list.isFetching,
    rootMargin: '200px',
  });
  return (
    <div style={{ fontFamily: 'system-ui, sans-serif', fontSize: 14, maxWidth: 560 }}>
      <section
        aria-label={label}
        tabIndex={0}
        style={{ height, overflowY: 'auto', border: '1px solid #ccc' }}
      >
        {list.isLoading && <p>Loading…</p>}
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {list.items.map((item) => (
            <li key={itemKey(item)} style={{ padding: '6px 10px', borderBottom: '1px solid #eee' }}>
              {render(item)}
            </li>
          ))}
        </ul>
        <div ref={sentinel} style={{ height: 1 }} />
        {!list.isLoading && !list.hasNextPage && (
          <p style={{ padding: '6px 10px', color: '#555' }}>
            End of data · {list.items.length} items
          </p>
        )}
      </section>
      <ErrorBanner error={list.error} onRetry={list.retry} />
      <p>
        <button
          type="button"
          onClick={() => void list.fetchNextPage()}
          disabled={!list.hasNextPage || list.isFetching}
        >
          {list.isFetchingNextPage ? 'Loading more…' : list.hasNextPage ? 'Load more' : 'No more'}
        </button>{' '}
        <output aria-live="polite">
          {list.items.length} items in {list.pages.length} pages
        </output>
      </p>
    </div>
  );
}
