import type { Cursor, FetchedPage, RequestRunner, Source } from '@pagewise/core';
import {
  createListMemory,
  type ListMemory,
  type ListPage,
  type ListPageParam,
} from '@pagewise/core/controllers';
import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query';
import { sourceQueryKey } from './source-query-key.js';

/** What `infiniteListQueryOptions` needs: the same values the list's hook is given. */
export interface InfiniteListQueryInput<T, P = unknown> {
  source: Source<T, P>;
  /** The runner for where the query runs: a server runner (with credentials) on a server. */
  runner: RequestRunner;
  /**
   * The list's parameters (filters, a time window, search), as the hook gets them.
   * @defaultValue none
   */
  params?: P | undefined;
  /** Base query key. @defaultValue sourceQueryKey(source) */
  queryKey?: QueryKey | undefined;
  /** Items per request, clamped to the source's limits. @defaultValue the source's default */
  pageSize?: number | undefined;
  /**
   * Open the list around a cursor and grow both ways.
   * @defaultValue none — `aroundKey`, else the start
   */
  around?: Cursor | undefined;
  /**
   * Open the list around the item with this key (sources with `cursorForKey`); `around` wins.
   * @defaultValue none — the list opens at the start
   */
  aroundKey?: string | undefined;
  /** How long fetched pages count as fresh, in ms. @defaultValue 30000 */
  staleTime?: number | undefined;
  /**
   * The client the query lives in: the list then also stops on pages that only repeat items it
   * already holds.
   * @defaultValue none — loops are still caught by the cursors handed out again
   */
  queryClient?: QueryClient | undefined;
}

/** Infinite-query options for a list: hand them to `prefetchInfiniteQuery` or `useInfiniteQuery`. */
export interface InfiniteListQuery<T> {
  queryKey: QueryKey;
  initialPageParam: ListPageParam;
  queryFn: (context: { pageParam: ListPageParam; signal: AbortSignal }) => Promise<ListPage<T>>;
  getNextPageParam: (last: ListPage<T>) => ListPageParam | undefined;
  getPreviousPageParam: (first: ListPage<T>) => ListPageParam | undefined;
  staleTime: number;
}

/** How a list page is fetched: the hook shares one request between its mounts. @internal */
export type ListPageFetch = <T>(
  key: readonly unknown[],
  signal: AbortSignal,
  fetch: (signal: AbortSignal) => Promise<FetchedPage<T>>,
) => Promise<FetchedPage<T>>;

const direct: ListPageFetch = (_key, signal, fetch) => fetch(signal);

/**
 * The query `useInfiniteList` runs, for the same options — the same key, so a first page
 * prefetched on a server (`queryClient.prefetchInfiniteQuery(infiniteListQueryOptions(…))`, then
 * `HydrationBoundary`) is what the hook shows on its first render, without fetching it again.
 * Each call starts a new list memory (loop detection, the positions a `maxPages` window slides
 * back to); a memory rebuilds what it needs from the pages it is handed. Usable anywhere: this
 * module is not a client module.
 */
export function infiniteListQueryOptions<T, P = unknown>(
  input: InfiniteListQueryInput<T, P>,
): InfiniteListQuery<T> {
  return listQuery(input, direct);
}

/** The list's query key and where it opens (internal: the hook keys its list memory on it). */
export function listQueryKey<T, P>(
  input: InfiniteListQueryInput<T, P>,
): { queryKey: QueryKey; around: Cursor | undefined; size: number } {
  const { source, params } = input;
  const size = input.pageSize ?? source.limits.default;
  const around =
    input.around ??
    (input.aroundKey !== undefined && source.kind === 'cursor'
      ? source.cursorForKey?.(input.aroundKey)
      : undefined);
  const queryKey = [
    ...sourceQueryKey(source as Source<unknown>, input.queryKey),
    ...(params === undefined ? [] : [params]),
    'list',
    size,
    around ?? null,
  ];
  return { queryKey, around, size };
}

/** The list query, with the way its pages are fetched and the list's memory (internal: the hook shares requests and keeps one memory per list). */
export function listQuery<T, P>(
  input: InfiniteListQueryInput<T, P>,
  fetchShared: ListPageFetch,
  memory: ListMemory<T> = createListMemory(input.source as Source<T>),
): InfiniteListQuery<T> {
  const { source, params, runner, queryClient } = input;
  const { queryKey, around, size } = listQueryKey(input);
  return {
    queryKey,
    initialPageParam: { cursor: around ?? null, direction: around ? 'around' : 'after' },
    queryFn: async ({ pageParam, signal }) => {
      const page = await fetchShared<T>([...queryKey, pageParam], signal, (s) =>
        runner.fetchPage(source as Source<T>, { ...pageParam, size, params }, { signal: s }),
      );
      const loaded =
        queryClient?.getQueryData<InfiniteData<ListPage<T>, ListPageParam>>(queryKey)?.pages ?? [];
      return memory.record(pageParam, page, loaded);
    },
    getNextPageParam: memory.nextParam,
    getPreviousPageParam: memory.previousParam,
    staleTime: input.staleTime ?? 30_000,
  };
}
