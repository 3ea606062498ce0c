import type { InfiniteList } from '@pagewise/react';
import { useFeed } from '@pagewise/react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type ReactNode, useEffect, useLayoutEffect, useRef } from 'react';
import { ErrorBanner } from './error-banner.js';

/**
 * A virtualized infinite list (TanStack Virtual): only the rows in view are in the DOM; the next
 * page loads when the view comes within `prefetchRows` of the end. The rows are a feed's
 * articles with their absolute position (`aria-posinset`/`aria-setsize` of `total`); a status
 * region says each page once it landed ("1000 more items"), never what scrolling does.
 */
export function VirtualListView<T>({
  list,
  label,
  render,
  itemKey = (_item, index) => String(index),
  total,
  rowHeight = 28,
  prefetchRows = 200,
}: {
  list: InfiniteList<T>;
  label: string;
  render(item: T): ReactNode;
  /** The item's key (the source's `key`). @default its index */
  itemKey?(item: T, index: number): string;
  total?: number;
  rowHeight?: number;
  prefetchRows?: number;
}) {
  const parent = useRef<HTMLElement | null>(null);
  const keys = new Map(list.items.map((item, i) => [item, itemKey(item, i)]));
  const feed = useFeed({
    list,
    itemKey: (item) => keys.get(item) ?? '',
    label,
    total,
    // Each sentence names the new length, so two pages of the same size are two announcements.
    messages: {
      more: (n) =>
        `${n.toLocaleString('en')} more ${n === 1 ? 'row' : 'rows'}, ${list.items.length.toLocaleString('en')} loaded`,
    },
  });
  const feedProps = feed.getFeedProps();
  const count = list.hasNextPage ? list.items.length + 1 : list.items.length;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => parent.current,
    estimateSize: () => rowHeight,
    overscan: 10,
  });
  const rows = virtualizer.getVirtualItems();
  const last = rows[rows.length - 1];
  const { fetchNextPage, items, prependedCount } = list;
  // Keep the rows in view in place when items arrive above them or a maxPages window drops some.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per change of the items
  useLayoutEffect(() => {
    if (prependedCount !== 0 && parent.current)
      parent.current.scrollTop += prependedCount * rowHeight;
  }, [items]);
  useEffect(() => {
    if (last && last.index >= items.length - prefetchRows) void fetchNextPage();
  }, [last, items.length, prefetchRows, fetchNextPage]);
  return (
    <div style={{ fontFamily: 'system-ui, sans-serif', fontSize: 13 }}>
      <section
        {...feedProps}
        ref={(element: HTMLElement | null) => {
          feedProps.ref(element);
          parent.current = element;
        }}
        style={{ height: 420, maxWidth: 640, overflow: 'auto', border: '1px solid #ccc' }}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {rows.map((row) => {
            const item = list.items[row.index];
            return (
              <div
                key={row.key}
                data-row
                {...(item === undefined ? {} : feed.getItemProps(item, row.index))}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: row.size,
                  transform: `translateY(${row.start}px)`,
                  padding: '4px 8px',
                  borderBottom: '1px solid #eee',
                  boxSizing: 'border-box',
                }}
              >
                {item === undefined ? 'Loading…' : render(item)}
              </div>
            );
          })}
        </div>
      </section>
      <ErrorBanner error={list.error} onRetry={list.retry} />
      <p data-list-info style={{ margin: '4px 0' }}>
        {list.items.length.toLocaleString('en')}
        {total !== undefined ? ` of ${total.toLocaleString('en')}` : ''} loaded
      </p>
      <div role="status" style={{ minHeight: '1.2em', color: '#444' }}>
        {feed.announcement}
      </div>
    </div>
  );
}
