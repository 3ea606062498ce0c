import type { RequestRunner, Source } from '@pagewise/core';
import { useFeed, useInfiniteList } from '@pagewise/react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef } from 'react';

/** A Mews reservation (`mewsGetAll`, Count up to 1,000). */
interface Reservation {
  Id: string;
  Number: string;
  State: string;
  StartUtc: string;
}

const ROW = 28;

/**
 * 100,000 rows under TanStack Virtual: a few dozen in the DOM, pages of 1,000 loaded ahead of the
 * scroll. The rows are feed articles with their absolute position; the status region says each
 * page that landed, never what scrolling does.
 */
export function VirtualReservations({
  source,
  runner,
  total,
  pageSize = 1000,
}: {
  source: Source<Reservation>;
  runner?: RequestRunner;
  total?: number;
  pageSize?: number;
}) {
  const list = useInfiniteList({ source, runner, pageSize });
  const loaded = list.items.length.toLocaleString('en');
  const feed = useFeed({
    list,
    itemKey: source.key,
    label: 'Mews reservations',
    total,
    // Each sentence names the new length, so two pages of the same size are two announcements.
    messages: { more: (n) => `${n.toLocaleString('en')} more reservations, ${loaded} loaded` },
  });
  const scroller = useRef<HTMLElement | null>(null);
  const virtualizer = useVirtualizer({
    count: list.hasNextPage ? list.items.length + 1 : list.items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW,
    overscan: 10,
  });
  const rows = virtualizer.getVirtualItems();
  const last = rows[rows.length - 1];

  // Keep the rows in view in place when items arrive above them.
  const { items, prependedCount, fetchNextPage } = list;
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per change of the items
  useLayoutEffect(() => {
    if (prependedCount !== 0 && scroller.current)
      scroller.current.scrollTop += prependedCount * ROW;
  }, [items]);
  // Load the next page when the view comes within 200 rows of the end.
  useEffect(() => {
    if (last && last.index >= items.length - 200) void fetchNextPage();
  }, [last, items.length, fetchNextPage]);

  const feedProps = feed.getFeedProps();
  return (
    <div>
      <section
        {...feedProps}
        ref={(element: HTMLElement | null) => {
          feedProps.ref(element);
          scroller.current = element;
        }}
        style={{ height: 420, overflow: 'auto' }}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {rows.map((row) => {
            const item = list.items[row.index];
            return (
              <div
                key={row.key}
                data-row
                {...(item ? feed.getItemProps(item, row.index) : {})}
                style={{
                  position: 'absolute',
                  width: '100%',
                  height: row.size,
                  transform: `translateY(${row.start}px)`,
                }}
              >
                {item
                  ? `#${item.Number} · ${item.State} · ${item.StartUtc.slice(0, 10)}`
                  : 'Loading…'}
              </div>
            );
          })}
        </div>
      </section>
      <p>
        {list.items.length.toLocaleString('en')}
        {total !== undefined ? ` of ${total.toLocaleString('en')}` : ''} loaded
      </p>
      <div role="status">{feed.announcement}</div>
    </div>
  );
}
