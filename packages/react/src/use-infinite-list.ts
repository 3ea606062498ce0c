'use client';
import { PaginationError } from '@pagewise/core';
import {
  createListMemory,
  type ListPage,
  type ListPageParam,
  listItems,
  mergeNewestEdge,
  type NewestEdge,
  type NewestEdgeRequest,
  newestEdgeRequest,
  prependedCount,
} from '@pagewise/core/controllers';
import {
  hashKey,
  type InfiniteData,
  keepPreviousData,
  useInfiniteQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { listQuery, listQueryKey } from './infinite-list-query.js';
import { isDevelopment } from './is-development.js';
import { usePagewiseDefaults, useRunner } from './pagewise-provider.js';
import { sharedRequest } from './shared-request.js';
import { useChurnWarning } from './use-churn-warning.js';
import type { InfiniteList, UseInfiniteListOptions } from './use-infinite-list.types.js';
import { useLiveEdge } from './use-live-edge.js';

type Data<T> = InfiniteData<ListPage<T>, ListPageParam>;
const NO_PAGES: never[] = [];

/**
 * Infinite scroll over any source: TanStack Query's `useInfiniteQuery` as the cache, with the
 * list's memory from `@pagewise/core/controllers` — forward-only sources remember each page's
 * predecessor (so a `maxPages` window slides back up), and a vendor that loops or repeats
 * itself stops the list with `CURSOR_LOOP` instead of fetching forever.
 */
export function useInfiniteList<T, P = unknown>(
  options: UseInfiniteListOptions<T, P>,
): InfiniteList<T> {
  const { source, params } = options;
  const client = useQueryClient();
  const defaults = usePagewiseDefaults();
  const runner = useRunner(options.runner, 'useInfiniteList');
  const input = {
    ...options,
    runner,
    queryClient: client,
    staleTime: options.staleTime ?? defaults.staleTime,
  };
  const { queryKey, size } = listQueryKey(input);
  const keyText = hashKey(queryKey);
  useChurnWarning(keyText, 'useInfiniteList');
  const unplaced =
    options.aroundKey !== undefined &&
    options.around === undefined &&
    listQueryKey(input).around === undefined;
  useEffect(() => {
    if (unplaced && isDevelopment())
      console.warn(
        `useInfiniteList: ${source.provider} cannot open around the key "${options.aroundKey}" (the source has no cursorForKey, or it gave none for this key); the list opens at its start`,
      );
  }, [unplaced, options.aroundKey, source.provider]);
  // One memory per list: a new key starts a new list.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the source
  const memory = useMemo(() => createListMemory(source), [keyText]);
  const list = listQuery(
    input,
    (key, signal, fetch) => sharedRequest(client, hashKey(key), signal, fetch),
    memory,
  );
  const [isRefreshingHead, setRefreshingHead] = useState(false);
  const [edgeError, setEdgeError] = useState<PaginationError | null>(null);
  const refreshing = useRef(false);

  const query = useInfiniteQuery({
    ...list,
    maxPages: options.maxPages,
    enabled: options.enabled ?? true,
    staleTime: list.staleTime,
    retry: false,
    // New parameters: the old items stay (dimmed) until the new first page lands.
    placeholderData: keepPreviousData,
  });

  const pages = query.data?.pages ?? NO_PAGES;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the source (a source made on every render keeps its items)
  const items = useMemo(() => listItems(pages, source.key), [pages, keyText]);
  // Items added at the top by the last change (state from the previous render, React's pattern).
  const [change, setChange] = useState({ items, prepended: 0 });
  if (change.items !== items)
    setChange({ items, prepended: prependedCount(change.items, items, source.key) });
  const stopped = pages.find((p) => p.stop)?.stop ?? null;

  const busy = query.isFetching;
  // After a failed page the list waits for `retry()`: a sentinel in view never storms a failing vendor.
  const fetchNextPage = async () => {
    if (query.hasNextPage && !busy && !query.isFetchNextPageError)
      await query.fetchNextPage({ cancelRefetch: false });
  };
  const fetchPreviousPage = async () => {
    if (query.hasPreviousPage && !busy && !query.isFetchPreviousPageError)
      await query.fetchPreviousPage({ cancelRefetch: false });
  };
  /** One request at an edge, merged into the cache against whatever it holds when it lands. */
  const refreshEdge = async (edge: NewestEdge, reread: boolean) => {
    const data = client.getQueryData<Data<T>>(queryKey);
    if (!data || busy || refreshing.current) return;
    const planned = newestEdgeRequest(source, data, edge);
    if (!planned) return;
    const request: NewestEdgeRequest = reread
      ? { mode: 'reread', param: data.pageParams[0]! }
      : planned;
    refreshing.current = true;
    setRefreshingHead(true);
    try {
      const fetched = await runner.fetchPage(source, { ...request.param, size, params });
      setEdgeError(null);
      client.setQueryData<Data<T>>(queryKey, (old) => {
        if (!old) return old;
        const merged = mergeNewestEdge(old, request, fetched, source.key, edge);
        if (merged.added === 0 && request.mode !== 'reread') return old;
        // A window keeps its size: the far end gives way to what arrived.
        const max = options.maxPages;
        const over = max !== undefined ? merged.pages.length - max : 0;
        if (over > 0) {
          const keepFromStart = edge === 'end';
          return {
            pages: keepFromStart ? merged.pages.slice(over) : merged.pages.slice(0, max),
            pageParams: keepFromStart
              ? merged.pageParams.slice(over)
              : merged.pageParams.slice(0, max),
          };
        }
        return { pages: merged.pages, pageParams: merged.pageParams };
      });
    } catch (error) {
      setEdgeError(
        error instanceof PaginationError
          ? error
          : new PaginationError('NETWORK', String(error), { provider: source.provider }),
      );
    } finally {
      refreshing.current = false;
      setRefreshingHead(false);
    }
  };
  const refreshHead = () => refreshEdge('start', true);
  const refreshNewest = () => refreshEdge(options.newest ?? 'start', false);
  useLiveEdge(options.live?.interval, refreshNewest);

  return {
    items,
    pages,
    hasNextPage: query.hasNextPage,
    hasPreviousPage: query.hasPreviousPage,
    fetchNextPage,
    fetchPreviousPage,
    refreshHead,
    refreshNewest,
    isRefreshingNewest: isRefreshingHead,
    prependedCount: change.items === items ? change.prepended : 0,
    isLoading: query.isLoading,
    // A refresh of an edge runs in the background: it neither blocks loads nor marks the list busy.
    isFetching: busy,
    isFetchingNextPage: query.isFetchingNextPage,
    isFetchingPreviousPage: query.isFetchingPreviousPage,
    isRefreshingHead,
    isPlaceholderData: query.isPlaceholderData,
    refetch: async () => {
      await query.refetch();
    },
    error: (query.error as PaginationError | null) ?? stopped ?? edgeError,
    retry: () => {
      // Only the page that failed is fetched again; what is loaded stays.
      if (query.isFetchNextPageError) void query.fetchNextPage();
      else if (query.isFetchPreviousPageError) void query.fetchPreviousPage();
      else if (!query.error && edgeError) void refreshNewest();
      else void query.refetch();
    },
  };
}
