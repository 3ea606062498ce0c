import { createRequestRunner, offsetLimitSource } from '@pagewise/core';
import { useInfiniteList } from '@pagewise/react';
import { QueryClient, QueryClientProvider, useInfiniteQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { createRoot } from 'react-dom/client';
import InfiniteScroll from 'react-infinite-scroll-component';

type Item = { id: number; title: string; owner: string };
const ROW = 28;
const params = new URLSearchParams(location.search);
/** The window of pages kept (the benchmark passes it). */
const MAX_PAGES = Number(params.get('maxPages') ?? 20);
const runner = createRequestRunner({ baseUrl: '/api' });
const items = offsetLimitSource<Item>({ path: '/items', total: 'total', key: (x) => String(x.id) });
const rowStyle = {
  height: ROW,
  boxSizing: 'border-box' as const,
  padding: '4px 8px',
  borderBottom: '1px solid #eee',
  whiteSpace: 'nowrap' as const,
};

/**
 * Pagewise: useInfiniteList + TanStack Virtual, loading 150 rows before the end comes into view;
 * a window of MAX_PAGES pages (older ones are dropped, the scroll position kept).
 */
function PagewiseList() {
  const list = useInfiniteList({ source: items, runner, pageSize: 100, maxPages: MAX_PAGES });
  const parent = useRef<HTMLDivElement>(null);
  const count = list.hasNextPage ? list.items.length + 1 : list.items.length;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => parent.current,
    estimateSize: () => ROW,
    overscan: 8,
  });
  const rows = virtualizer.getVirtualItems();
  const last = rows[rows.length - 1];
  const { fetchNextPage, items: loaded, prependedCount } = list;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per change of the items
  useLayoutEffect(() => {
    if (prependedCount !== 0 && parent.current) parent.current.scrollTop += prependedCount * ROW;
  }, [loaded]);
  useEffect(() => {
    if (last && last.index >= list.items.length - 150) void fetchNextPage();
  }, [last, list.items.length, fetchNextPage]);
  return (
    <div
      id="scroller"
      ref={parent}
      data-held={list.items.length}
      data-end={list.hasNextPage ? undefined : ''}
      style={{ height: 420, overflow: 'auto' }}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {rows.map((row) => {
          const item = list.items[row.index];
          return (
            <div
              key={row.key}
              data-row={item ? '' : undefined}
              data-loader={item ? undefined : ''}
              style={{
                ...rowStyle,
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                transform: `translateY(${row.start}px)`,
              }}
            >
              {item ? `${item.id} · ${item.title} · ${item.owner}` : 'Loading…'}
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** react-infinite-scroll-component over useInfiniteQuery: every loaded row stays in the DOM. */
function PeerList() {
  const q = useInfiniteQuery({
    queryKey: ['items'],
    initialPageParam: 0,
    queryFn: async ({ pageParam }) =>
      (await (await fetch(`/api/items?offset=${pageParam}&limit=100`)).json()) as {
        items: Item[];
        total: number;
      },
    getNextPageParam: (last, all) => (all.length * 100 < last.total ? all.length * 100 : undefined),
  });
  const all = q.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div
      id="scroller"
      data-held={all.length}
      data-end={q.hasNextPage ? undefined : ''}
      style={{ height: 420, overflow: 'auto' }}
    >
      <InfiniteScroll
        dataLength={all.length}
        next={() => void q.fetchNextPage()}
        hasMore={!!q.hasNextPage}
        loader={
          <div data-loader="" style={rowStyle}>
            Loading…
          </div>
        }
        scrollableTarget="scroller"
        scrollThreshold="600px"
      >
        {all.map((item) => (
          <div key={item.id} data-row="" style={rowStyle}>
            {item.id} · {item.title} · {item.owner}
          </div>
        ))}
      </InfiniteScroll>
    </div>
  );
}

const mode = params.get('mode');
createRoot(document.getElementById('root') as HTMLElement).render(
  <QueryClientProvider client={new QueryClient()}>
    {mode === 'peer' ? <PeerList /> : <PagewiseList />}
  </QueryClientProvider>,
);
