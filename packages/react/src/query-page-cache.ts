import type { FetchedPage, PaginationError } from '@pagewise/core';
import type { PageCache, PageKey } from '@pagewise/core/controllers';
import type { QueryClient, QueryKey } from '@tanstack/react-query';

/** Where a table page lives in TanStack Query's cache. */
export const tableQueryKey = (key: PageKey): QueryKey => [
  ...key.scope,
  'table',
  key.size,
  key.direction,
  key.cursor,
];

/**
 * A table controller's page cache over TanStack Query's QueryCache: pages are queries, so they
 * share the app's cache, its devtools, `staleTime`, garbage collection and invalidation.
 */
export function queryPageCache<T>(client: QueryClient): PageCache<T> {
  const queries = client.getQueryCache();
  return {
    get(key) {
      // One hash and a map lookup (`find` would hash the key once per query in the cache).
      const { queryHash } = client.defaultQueryOptions({ queryKey: tableQueryKey(key) });
      const state = queryHash === undefined ? undefined : queries.get(queryHash)?.state;
      if (!state) return undefined;
      return {
        page: state.data as FetchedPage<T> | undefined,
        error: state.error as PaginationError | null,
        fetching: state.fetchStatus === 'fetching',
      };
    },
    put: (key, page) => void client.setQueryData(tableQueryKey(key), page),
    refetch: (key) => void client.refetchQueries({ queryKey: tableQueryKey(key), exact: true }),
    invalidate: (scope) => void client.invalidateQueries({ queryKey: [...scope, 'table'] }),
    subscribe: (listener) =>
      queries.subscribe((event) => {
        if (event.type !== 'added' && event.type !== 'removed' && event.type !== 'updated') return;
        listener();
      }),
  };
}
