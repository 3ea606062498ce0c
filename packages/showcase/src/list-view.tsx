import type { InfiniteList } from '@pagewise/react';
import { useFeed, useKeepScrollOnPrepend, useLoadMoreTrigger } from '@pagewise/react';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { ErrorBanner } from './error-banner.js';
import { FeedKeys } from './feed-keys.js';
import { useRetryCountdown } from './retry-countdown.js';

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/**
 * A scrolling list over `useInfiniteList` as a WAI-ARIA feed (`useFeed`): focusable articles
 * with their position, Page Up/Down between them, a sentinel that loads the next page, a Load
 * more button for keyboards that keeps focus while it loads, and a status region that says what
 * landed ("50 more items", "End of list") once it landed. When the list holds a window of pages
 * (`maxPages`), scrolling up to its top (or Load earlier) brings the pages it dropped back, the
 * items in view staying where they are.
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
  // The position of the first item held: above 1 once a window (`maxPages`) dropped the first.
  const first = useRef(1);
  // A wait of loading the reader asked for (not of a background refresh), counted down.
  const asked =
    list.isLoading ||
    list.isFetchingNextPage ||
    list.isFetchingPreviousPage ||
    (list.isPlaceholderData && list.isFetching);
  const delay = useRetryCountdown(asked ? list.retrying : undefined);
  const feed = useFeed({
    list,
    label,
    // Each sentence names the new length, so two pages of the same size are two announcements.
    messages: {
      // A failure is said by the alert below the list (with its Retry): not a second time here.
      failed: () => '',
      more: (n) => {
        const held = list.items.length;
        const last = (first.current + held - 1).toLocaleString('en');
        return `${plural(n, 'more item', 'more items')}, ${
          first.current > 1
            ? `items ${first.current.toLocaleString('en')}–${last} held`
            : `${held.toLocaleString('en')} in all`
        }`;
      },
    },
  });
  const sentinel = useLoadMoreTrigger(list, { rootMargin: '200px' });
  const earlier = useLoadMoreTrigger(list, { edge: 'start', rootMargin: '200px' });
  const scroller = useRef<HTMLElement | null>(null);
  // Earlier pages load when the reader scrolls up to them (wheel or touch), not because the top
  // of the box is in view: a keyboard user pressing Load more never scrolls (nor does the browser
  // keeping the view when the window drops its first page), and the window would slide back.
  const [scrollingUp, setScrollingUp] = useState(false);
  const touchY = useRef(0);
  // One page per scroll up: once it landed, the next needs the reader to scroll up again.
  const landedEarlier = !list.isFetchingPreviousPage;
  useEffect(() => {
    if (landedEarlier) setScrollingUp(false);
  }, [landedEarlier]);
  useKeepScrollOnPrepend(scroller, list);
  const more = useRef<HTMLButtonElement>(null);
  const keys = useId();
  const empty = !list.isLoading && list.items.length === 0;
  const head = list.items[0];
  const from = head === undefined ? 1 : feed.getItemProps(head, 0)['aria-posinset'];
  first.current = from;
  return (
    <div
      data-list={label}
      style={{ fontFamily: 'system-ui, sans-serif', fontSize: 14, maxWidth: 560 }}
    >
      {list.hasPreviousPage && (
        <p style={{ margin: '0 0 4px' }}>
          <button {...feed.getLoadProps('start')}>
            {list.isFetchingPreviousPage ? 'Loading earlier…' : 'Load earlier'}
          </button>
        </p>
      )}
      {empty ? (
        <p style={{ padding: '6px 10px', border: '1px solid #888' }}>
          {list.error ? `${label}: nothing loaded yet.` : `${label}: no items.`}
        </p>
      ) : (
        <FeedKeys id={keys} />
      )}
      {!empty && (
        <div
          {...feed.getFeedProps({ ref: scroller })}
          aria-describedby={keys}
          onWheel={(event) => setScrollingUp(event.deltaY < 0)}
          onTouchStart={(event) => {
            touchY.current = event.touches[0]?.clientY ?? 0;
          }}
          onTouchMove={(event) => setScrollingUp((event.touches[0]?.clientY ?? 0) > touchY.current)}
          style={{ height, overflowY: 'auto', border: '1px solid #888' }}
        >
          {list.hasPreviousPage && scrollingUp && <div ref={earlier} style={{ height: 1 }} />}
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
          {delay
            ? `Loading ${delay}`
            : list.isLoading
              ? 'Loading…'
              : `${from > 1 ? `items ${from.toLocaleString('en')}–${(from + list.items.length - 1).toLocaleString('en')} (${plural(list.items.length, 'item', 'items')} held)` : plural(list.items.length, 'item', 'items')} · ${plural(list.pages.length, 'page', 'pages')}${
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
