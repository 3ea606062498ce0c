import type {
  Cursor,
  Direction,
  FetchedPage,
  PaginationError,
  RequestRunner,
  Source,
} from '@pagewise/core';
import {
  hashKey,
  type InfiniteData,
  type QueryKey,
  useInfiniteQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import { sharedRequest } from './shared-request.js';
import { sourceQueryKey } from './source-query-key.js';

/** Where a page of an infinite list starts. */
export interface ListPageParam {
  cursor: Cursor | null;
  direction: Direction;
}

export interface UseInfiniteListOptions<T> {
  source: Source<T>;
  runner: RequestRunner;
  queryKey?: QueryKey;
  pageSize?: number;
  /** Keep at most this many pages; the list then drops pages at the far end, in both directions. */
  maxPages?: number;
  /** Open the list around a cursor (`source.cursorOf(item)`, or one saved earlier) and grow both ways. */
  around?: Cursor;
  /** Open the list around the item with this key, for sources that can position by key (`source.cursorForKey`). */
  aroundKey?: string;
  enabled?: boolean;
  staleTime?: number;
}

export interface InfiniteList<T> {
  /** Every loaded item, in list order, de-duplicated by key. */
  items: T[];
  pages: FetchedPage<T>[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  /** Loads the next page; does nothing while a page is loading or after the end. */
  fetchNextPage(): Promise<void>;
  /** Loads the previous page; does nothing while a page is loading or at the start. */
  fetchPreviousPage(): Promise<void>;
  /** Fetches only the first page again and merges it by key (new items appear at the top). */
  refreshHead(): Promise<void>;
  /**
   * How many items the last change added at the top — negative when a `maxPages` window dropped
   * items from the top. A virtualized list shifts its scroll offset by this many rows to keep the
   * visible item in place; 0 when the list grew at the bottom.
   */
  prependedCount: number;
  isLoading: boolean;
  isFetching: boolean;
  isFetchingNextPage: boolean;
  isFetchingPreviousPage: boolean;
  isRefreshingHead: boolean;
  error: PaginationError | null;
  /** Tries the failed page again; loaded items stay. */
  retry(): void;
}

/**
 * Infinite scroll over any source, on TanStack Query's `useInfiniteQuery`. Forward-only sources
 * remember each page's predecessor, so a `maxPages` window can slide back up too.
 */
export function useInfiniteList<T>(options: UseInfiniteListOptions<T>): InfiniteList<T> {
  const { source, runner } = options;
  const client = useQueryClient();
  const size = options.pageSize ?? source.limits.default;
  const around =
    options.around ??
    (options.aroundKey !== undefined && source.kind === 'cursor'
      ? source.cursorForKey?.(options.aroundKey)
      : undefined);
  const queryKey = useMemo(
    () => [
      ...sourceQueryKey(source as Source<unknown>, options.queryKey),
      'list',
      size,
      around ?? null,
    ],
    [source, options.queryKey, size, around],
  );
  const pagesBackward = source.kind === 'page' || source.directions.includes('before');
  // Forward-only sources: the cursor of the page before each page (to slide a window back up).
  const predecessors = useRef(new Map<string, ListPageParam>());
  const [isRefreshingHead, setRefreshingHead] = useState(false);

  const query = useInfiniteQuery({
    queryKey,
    initialPageParam: {
      cursor: around ?? null,
      direction: around ? 'around' : 'after',
    } as ListPageParam,
    queryFn: async ({ pageParam, signal }) => {
      const page = await sharedRequest(
        client,
        hashKey([...queryKey, pageParam]),
        signal,
        (shared) => runner.fetchPage(source, { ...pageParam, size }, { signal: shared }),
      );
      if (page.next !== null) predecessors.current.set(page.next, pageParam);
      return page;
    },
    getNextPageParam: (last): ListPageParam | undefined =>
      last.next === null ? undefined : { cursor: last.next, direction: 'after' },
    getPreviousPageParam: (first): ListPageParam | undefined => {
      if (pagesBackward)
        return first.prev == null ? undefined : { cursor: first.prev, direction: 'before' };
      return first.cursor === null ? undefined : predecessors.current.get(first.cursor);
    },
    maxPages: options.maxPages,
    enabled: options.enabled ?? true,
    staleTime: options.staleTime ?? 30_000,
    retry: false,
  });

  const pages = query.data?.pages ?? [];
  const items = useMemo(() => {
    const seen = new Set<string>();
    const out: T[] = [];
    for (const page of pages) {
      for (const item of page.items) {
        const key = source.key(item);
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(item);
      }
    }
    return out;
  }, [pages, source]);

  // Items added at the top by the last change of the list (0 when it grew at the bottom).
  const lastChange = useRef<{ items: T[]; prepended: number }>({ items: [], prepended: 0 });
  if (lastChange.current.items !== items) {
    const previous = lastChange.current.items;
    const previousHead = previous[0];
    const newHead = items[0];
    let prepended = 0;
    if (previousHead !== undefined && newHead !== undefined) {
      const added = items.findIndex((item) => source.key(item) === source.key(previousHead));
      if (added > 0) prepended = added;
      else if (added < 0) {
        // The old head is gone: a `maxPages` window dropped items from the top.
        const dropped = previous.findIndex((item) => source.key(item) === source.key(newHead));
        if (dropped > 0) prepended = -dropped;
      }
    }
    lastChange.current = { items, prepended };
  }

  const busy = query.isFetching;
  // One page at a time: a call while a page loads, or past the end, does nothing.
  const fetchNextPage = useCallback(async () => {
    if (query.hasNextPage && !query.isFetching) await query.fetchNextPage({ cancelRefetch: false });
  }, [query]);
  const fetchPreviousPage = useCallback(async () => {
    if (query.hasPreviousPage && !query.isFetching)
      await query.fetchPreviousPage({ cancelRefetch: false });
  }, [query]);

  const refreshHead = useCallback(async () => {
    const data = client.getQueryData<InfiniteData<FetchedPage<T>, ListPageParam>>(queryKey);
    const first = data?.pages[0];
    const firstParam = data?.pageParams[0];
    if (!data || !first || !firstParam || busy) return;
    setRefreshingHead(true);
    try {
      const fresh = await runner.fetchPage(source, { ...firstParam, size });
      const keys = new Set(fresh.items.map((item) => source.key(item)));
      const merged: FetchedPage<T> = {
        ...first,
        items: [...fresh.items, ...first.items.filter((item) => !keys.has(source.key(item)))],
      };
      client.setQueryData<InfiniteData<FetchedPage<T>, ListPageParam>>(queryKey, (old) =>
        old && old.pages[0] === first ? { ...old, pages: [merged, ...old.pages.slice(1)] } : old,
      );
    } finally {
      setRefreshingHead(false);
    }
  }, [busy, client, queryKey, runner, size, source]);

  return {
    items,
    pages,
    hasNextPage: query.hasNextPage,
    hasPreviousPage: query.hasPreviousPage,
    fetchNextPage,
    fetchPreviousPage,
    refreshHead,
    prependedCount: lastChange.current.prepended,
    isLoading: query.isLoading,
    isFetching: query.isFetching || isRefreshingHead,
    isFetchingNextPage: query.isFetchingNextPage,
    isFetchingPreviousPage: query.isFetchingPreviousPage,
    isRefreshingHead,
    error: (query.error as PaginationError | null) ?? null,
    retry: () => {
      // Only the page that failed is fetched again; what is loaded stays.
      if (query.isFetchNextPageError) void query.fetchNextPage();
      else if (query.isFetchPreviousPageError) void query.fetchPreviousPage();
      else void query.refetch();
    },
  };
}
