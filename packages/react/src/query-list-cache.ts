import type {
  ListCache,
  ListData,
  ListPage,
  ListPageParam,
  ListQuery,
  ListSnapshot,
} from '@pagewise/core/controllers';
import {
  hashKey,
  type InfiniteData,
  InfiniteQueryObserver,
  type InfiniteQueryObserverResult,
  keepPreviousData,
  notifyManager,
  type QueryClient,
  type QueryKey,
} from '@tanstack/react-query';
import { sharedRequest } from './shared-request.js';

type Data<T> = InfiniteData<ListPage<T>, ListPageParam>;

/** TanStack Query's infinite-query options for a list's query: what the hook observes and a server prefetches. */
export function infiniteQueryOptionsOf<T>(
  query: ListQuery<T>,
  client: QueryClient | undefined,
  staleTime: number,
) {
  const queryKey = query.key as QueryKey;
  return {
    queryKey,
    initialPageParam: query.initialPageParam,
    queryFn: ({ pageParam, signal }: { pageParam: ListPageParam; signal: AbortSignal }) => {
      // The pages this one follows: on a refetch (every page again, from the first) the pages
      // before it, not the old copy of itself and those after it (they would look repeated).
      const data = client?.getQueryData<Data<T>>(queryKey);
      const at = data?.pageParams.findIndex(
        (p) => p.cursor === pageParam.cursor && p.direction === pageParam.direction,
      );
      const loaded = !data
        ? []
        : at !== undefined && at >= 0
          ? data.pages.slice(0, at)
          : data.pages;
      const load = (shared: AbortSignal) => query.load(pageParam, shared, loaded);
      // One request for every mount asking for this page (StrictMode's remount joins it).
      return client
        ? sharedRequest(client, hashKey([...queryKey, pageParam]), signal, load)
        : load(signal);
    },
    getNextPageParam: query.nextParam,
    getPreviousPageParam: query.previousParam,
    staleTime,
    // The runner retries (its backoff, `Retry-After`, token refresh).
    retry: false as const,
  };
}

/**
 * An infinite list's cache over TanStack Query: the list is one infinite query, observed by one
 * `InfiniteQueryObserver` (what `useInfiniteQuery` runs on), so its pages share the app's cache,
 * devtools, `staleTime`, garbage collection, invalidation and server hydration.
 */
export function queryListCache<T>(client: QueryClient): ListCache<T> {
  let observer:
    | InfiniteQueryObserver<ListPage<T>, Error, Data<T>, QueryKey, ListPageParam>
    | undefined;
  let options: Parameters<NonNullable<typeof observer>['getOptimisticResult']>[0] | undefined;
  const result = (): InfiniteQueryObserverResult<Data<T>, Error> | undefined => {
    if (!observer || !options) return undefined;
    // Before anyone subscribes (a render), the result as it will be once mounted, as useInfiniteQuery reads it.
    return observer.hasListeners()
      ? observer.getCurrentResult()
      : observer.getOptimisticResult(options);
  };
  return {
    observe(query, settings) {
      const next = client.defaultQueryOptions({
        ...infiniteQueryOptionsOf(query, client, settings.staleTime),
        maxPages: settings.maxPages,
        enabled: settings.enabled,
        // New parameters: the old items stay (dimmed) until the new first page lands.
        placeholderData: keepPreviousData,
      }) as NonNullable<typeof options>;
      next._optimisticResults = 'optimistic';
      options = next;
      if (observer) observer.setOptions(next);
      else observer = new InfiniteQueryObserver(client, next);
    },
    read(): ListSnapshot<T> {
      const r = result();
      if (!r)
        return {
          data: undefined,
          error: null,
          failed: undefined,
          fetching: undefined,
          isPlaceholderData: false,
          stale: false,
        };
      return {
        data: r.data as ListData<T> | undefined,
        error: r.error as ListSnapshot<T>['error'],
        failed: r.isFetchNextPageError
          ? 'next'
          : r.isFetchPreviousPageError
            ? 'previous'
            : r.isError
              ? 'all'
              : undefined,
        fetching: r.isFetchingNextPage
          ? 'next'
          : r.isFetchingPreviousPage
            ? 'previous'
            : r.isFetching || r.isPaused // held while offline: on its way all the same
              ? 'all'
              : undefined,
        paused: r.isPaused,
        isPlaceholderData: r.isPlaceholderData,
        stale: r.isStale,
      };
    },
    subscribe(listener) {
      if (!observer) return () => {};
      // As `useInfiniteQuery` listens: notices of one tick (fetching, then landed) batched into one.
      const stop = observer.subscribe(notifyManager.batchCalls(() => listener()));
      observer.updateResult();
      return stop;
    },
    fetchNext: async () => {
      await observer?.fetchNextPage({ cancelRefetch: false });
    },
    fetchPrevious: async () => {
      await observer?.fetchPreviousPage({ cancelRefetch: false });
    },
    refetch: async () => {
      await observer?.refetch();
    },
    reset() {
      const key = options?.queryKey;
      if (key) void client.resetQueries({ queryKey: key, exact: true });
    },
    update(change) {
      const key = options?.queryKey;
      if (key) client.setQueryData<Data<T>>(key, (old) => (old ? (change(old) as Data<T>) : old));
    },
  };
}
