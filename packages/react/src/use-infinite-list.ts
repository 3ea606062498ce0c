'use client';
import type { PaginationError } from '@pagewise/core';
import {
  createListMemory,
  type ListPage,
  type ListPageParam,
  listItems,
  prependedCount,
} from '@pagewise/core/controllers';
import {
  hashKey,
  type InfiniteData,
  keepPreviousData,
  useInfiniteQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { listQuery, listQueryKey } from './infinite-list-query.js';
import { usePagewiseDefaults, useRunner } from './pagewise-provider.js';
import { sharedRequest } from './shared-request.js';
import { useChurnWarning } from './use-churn-warning.js';
import type { InfiniteList, UseInfiniteListOptions } from './use-infinite-list.types.js';

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
  // One memory per list: a new key starts a new list.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the source
  const memory = useMemo(() => createListMemory(source), [keyText]);
  const list = listQuery(
    input,
    (key, signal, fetch) => sharedRequest(client, hashKey(key), signal, fetch),
    memory,
  );
  const [isRefreshingHead, setRefreshingHead] = useState(false);

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
  const refreshHead = async () => {
    const data = client.getQueryData<Data<T>>(queryKey);
    const first = data?.pages[0];
    const firstParam = data?.pageParams[0];
    if (!data || !first || !firstParam || busy) return;
    setRefreshingHead(true);
    try {
      const fresh = await runner.fetchPage(source, { ...firstParam, size, params });
      const merged: ListPage<T> = { ...first, items: listItems([fresh, first], source.key) };
      client.setQueryData<Data<T>>(queryKey, (old) =>
        old && old.pages[0] === first ? { ...old, pages: [merged, ...old.pages.slice(1)] } : old,
      );
    } finally {
      setRefreshingHead(false);
    }
  };

  return {
    items,
    pages,
    hasNextPage: query.hasNextPage,
    hasPreviousPage: query.hasPreviousPage,
    fetchNextPage,
    fetchPreviousPage,
    refreshHead,
    prependedCount: change.items === items ? change.prepended : 0,
    isLoading: query.isLoading,
    isFetching: busy || isRefreshingHead,
    isFetchingNextPage: query.isFetchingNextPage,
    isFetchingPreviousPage: query.isFetchingPreviousPage,
    isRefreshingHead,
    isPlaceholderData: query.isPlaceholderData,
    refetch: async () => {
      await query.refetch();
    },
    error: (query.error as PaginationError | null) ?? stopped,
    retry: () => {
      // Only the page that failed is fetched again; what is loaded stays.
      if (query.isFetchNextPageError) void query.fetchNextPage();
      else if (query.isFetchPreviousPageError) void query.fetchPreviousPage();
      else void query.refetch();
    },
  };
}
