import type { InfiniteList } from '@pagewise/react';
import { useVirtualFeed } from '@pagewise/react/virtual';
import { type ReactNode, useId, useRef } from 'react';
import { ErrorBanner } from './error-banner.js';
import { FeedKeys } from './feed-keys.js';

/**
 * A virtualized infinite list over `useVirtualFeed` (TanStack Virtual, wired by the kit): only
 * the rows in view are in the DOM; the next page loads when the view comes within `prefetchRows`
 * of the end, once per landed page. The rows are a feed's articles with their absolute position
 * (`aria-posinset`/`aria-setsize` of `total`); a status region says each page once it landed
 * ("1,000 more rows"), never what scrolling does.
 */
export function VirtualListView<T>({
  list,
  label,
  render,
  total,
  rowHeight = 28,
  prefetchRows = 200,
}: {
  list: InfiniteList<T>;
  label: string;
  render(item: T): ReactNode;
  total?: number;
  rowHeight?: number;
  prefetchRows?: number;
}) {
  const parent = useRef<HTMLElement | null>(null);
  const feed = useVirtualFeed({
    list,
    label,
    total,
    scrollElement: parent,
    estimateSize: rowHeight,
    loadThreshold: prefetchRows,
    overscan: 10,
    // Each sentence names the new length, so two pages of the same size are two announcements.
    messages: {
      failed: () => '', // said by the alert below the list, with its Retry
      more: (n) =>
        `${n.toLocaleString('en')} more ${n === 1 ? 'row' : 'rows'}, ${list.items.length.toLocaleString('en')} loaded`,
    },
  });
  const keys = useId();
  return (
    <div style={{ fontFamily: 'system-ui, sans-serif', fontSize: 13 }}>
      <FeedKeys id={keys} />
      <section
        {...feed.getFeedProps({ ref: parent })}
        aria-describedby={keys}
        // Focus lands here when there is no row to take it (Retry after the first page failed).
        tabIndex={-1}
        style={{ height: 420, maxWidth: 640, overflow: 'auto', border: '1px solid #ccc' }}
      >
        <div style={{ height: feed.totalSize, position: 'relative' }}>
          {feed.rows.map(({ item, key, virtual, props }) => (
            <div
              key={key}
              data-row
              {...props}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                transform: `translateY(${virtual.start}px)`,
                // At least the height estimated: rows measured smaller than the estimate would
                // move the view as they render (Home from far down would land partway).
                minHeight: rowHeight,
                padding: '4px 8px',
                borderBottom: '1px solid #eee',
                boxSizing: 'border-box',
              }}
            >
              {render(item)}
            </div>
          ))}
        </div>
      </section>
      <ErrorBanner
        error={list.error}
        onRetry={list.retry}
        // The last row in view: where the page that failed (and now loads) goes on; the list
        // itself when no row is shown yet (its first page failed).
        focusAfter={() => lastRowInView(parent.current) ?? parent.current}
      />
      <p data-list-info style={{ margin: '4px 0' }}>
        {list.isLoading
          ? 'Loading…'
          : `${list.items.length.toLocaleString('en')}${total !== undefined ? ` of ${total.toLocaleString('en')}` : ''} loaded`}
      </p>
      <div role="status" style={{ minHeight: '1.2em', color: '#444' }}>
        {feed.announcement}
      </div>
    </div>
  );
}

/**
 * The last row wholly in the scroll container's view (overscan rows are rendered outside it):
 * focused, it does not move the view.
 */
function lastRowInView(container: HTMLElement | null): HTMLElement | undefined {
  const view = container?.getBoundingClientRect();
  if (!container || !view) return undefined;
  const rows = [...container.querySelectorAll<HTMLElement>('[data-row]')].filter((row) => {
    const r = row.getBoundingClientRect();
    return r.top >= view.top - 1 && r.bottom <= view.bottom + 1;
  });
  return rows[rows.length - 1];
}
