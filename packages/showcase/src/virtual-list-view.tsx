import type { InfiniteList } from '@pagewise/react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type ReactNode, useEffect, useLayoutEffect, useRef } from 'react';
import { ErrorBanner } from './error-banner.js';

/**
 * A virtualized infinite list (TanStack Virtual): only the rows in view are in the DOM; the next
 * page loads when the view comes within `prefetchRows` of the end.
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
  const parent = useRef<HTMLElement>(null);
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
        ref={parent}
        aria-label={label}
        tabIndex={0}
        style={{ height: 420, maxWidth: 640, overflow: 'auto', border: '1px solid #ccc' }}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {rows.map((row) => {
            const item = list.items[row.index];
            return (
              <div
                key={row.key}
                data-row
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
      <output aria-live="polite">
        {list.items.length.toLocaleString('en')}
        {total !== undefined ? ` of ${total.toLocaleString('en')}` : ''} loaded · {rows.length} rows
        in the DOM
      </output>
    </div>
  );
}
