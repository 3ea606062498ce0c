import type { RequestRunner, Source } from '@pagewise/core';
import { useInfiniteList } from '@pagewise/react';
import { useVirtualFeed } from '@pagewise/react/virtual';
import { useRef } from 'react';

/** A Mews reservation (`mewsGetAll`, Count up to 1,000). */
interface Reservation {
  Id: string;
  Number: string;
  State: string;
  StartUtc: string;
}

/**
 * 100,000 rows with `useVirtualFeed` (TanStack Virtual, wired by the kit): a few dozen in the DOM,
 * rows measured, pages of 1,000 loaded ahead of the scroll once per landed page. The rows are feed
 * articles with their absolute position; the status region says each page that landed, never what
 * scrolling does.
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
  const scroller = useRef<HTMLElement | null>(null);
  const feed = useVirtualFeed({
    list,
    label: 'Mews reservations',
    total,
    scrollElement: scroller,
    estimateSize: 28,
    loadThreshold: 200, // load when the view comes within 200 rows of the end
    // Each sentence names the new length, so two pages of the same size are two announcements.
    messages: { more: (n) => `${n.toLocaleString('en')} more reservations, ${loaded} loaded` },
  });
  return (
    <div>
      <section {...feed.getFeedProps({ ref: scroller })} style={{ height: 420, overflow: 'auto' }}>
        <div style={{ height: feed.totalSize, position: 'relative' }}>
          {feed.rows.map(({ item, key, virtual, props }) => (
            <div
              key={key}
              data-row
              {...props}
              style={{
                position: 'absolute',
                width: '100%',
                transform: `translateY(${virtual.start}px)`,
              }}
            >
              {`#${item.Number} · ${item.State} · ${item.StartUtc.slice(0, 10)}`}
            </div>
          ))}
        </div>
      </section>
      <p>
        {loaded}
        {total !== undefined ? ` of ${total.toLocaleString('en')}` : ''} loaded
      </p>
      <div role="status">{feed.announcement}</div>
    </div>
  );
}
