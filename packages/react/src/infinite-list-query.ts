import type { RequestRunner, Source } from '@pagewise/core';
import {
  DEFAULTS,
  type ListPage,
  type ListPageParam,
  type ListQuery,
  listQuery,
} from '@pagewise/core/controllers';
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { infiniteQueryOptionsOf } from './query-list-cache.js';
import type { UseInfiniteListOptions } from './use-infinite-list.types.js';

/** What `infiniteListQueryOptions` needs: the options the list's hook is given, with the runner for where it runs. */
export interface InfiniteListQueryInput<T, P = unknown>
  extends Pick<
    UseInfiniteListOptions<T, P>,
    'source' | 'params' | 'queryKey' | 'pageSize' | 'around' | 'aroundKey' | 'staleTime'
  > {
  /** The runner for where the query runs: a server runner (with credentials) on a server. */
  runner: RequestRunner;
  /**
   * The client the query lives in: the list then also stops on pages that only repeat items it
   * already holds. @defaultValue none — loops are still caught by the cursors handed out again
   */
  queryClient?: QueryClient | undefined;
}

/** Infinite-query options for a list: hand them to `prefetchInfiniteQuery` or `useInfiniteQuery`. */
export interface InfiniteListQuery<T> {
  queryKey: QueryKey;
  initialPageParam: ListPageParam;
  queryFn(context: { pageParam: ListPageParam; signal: AbortSignal }): Promise<ListPage<T>>;
  getNextPageParam(last: ListPage<T>): ListPageParam | undefined;
  getPreviousPageParam(first: ListPage<T>): ListPageParam | undefined;
  staleTime: number;
  /** The runner retries (its backoff, `Retry-After`, token refresh): TanStack Query's own retries would multiply its requests. */
  retry: false;
}

/**
 * The query `useInfiniteList` runs, for the same options — the same key, so a first page
 * prefetched on a server (`queryClient.prefetchInfiniteQuery(infiniteListQueryOptions(…))`, then
 * `HydrationBoundary`) is what the hook shows on its first render, without fetching it again.
 * Usable anywhere: this module is not a client module.
 */
export function infiniteListQueryOptions<T, P = unknown>(
  input: InfiniteListQueryInput<T, P>,
): InfiniteListQuery<T> {
  const query: ListQuery<T> = listQuery<T, P>({ ...input, source: input.source as Source<T, P> });
  return infiniteQueryOptionsOf(query, input.queryClient, input.staleTime ?? DEFAULTS.staleTime);
}
