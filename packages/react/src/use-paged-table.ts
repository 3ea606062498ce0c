import type { FetchedPage, PaginationError, Source } from '@pagewise/core';
import { createPagedTable } from '@pagewise/core/controllers';
import { hashKey, useQueries, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { queryPageCache, tableQueryKey } from './query-page-cache.js';
import { sharedRequest } from './shared-request.js';
import { sourceQueryKey } from './source-query-key.js';
import type { PagedTable, UsePagedTableOptions } from './use-paged-table.types.js';

/**
 * Table controls over any source: React glue over `createPagedTable` from
 * `@pagewise/core/controllers`, with TanStack Query as the page cache. Page-number sources map
 * page index → request; cursor sources keep a page → cursor map (going back reuses cursors;
 * forward jumps walk or are disabled). Totals give a page count; unknown totals give TanStack's
 * unknown count (`-1`).
 */
export function usePagedTable<T>(options: UsePagedTableOptions<T>): PagedTable<T> {
  const client = useQueryClient();
  const scope = sourceQueryKey(options.source as Source<unknown>, options.queryKey);
  const settings = {
    source: options.source,
    runner: options.runner,
    scope,
    forwardJumps: options.forwardJumps ?? 'walk',
    maxWalk: options.maxWalk ?? 10,
    prefetch: options.prefetchNext ?? true,
    enabled: options.enabled ?? true,
    onPageIndexChange: options.onPageIndexChange,
  } as const;
  const [table] = useState(() =>
    createPagedTable({
      ...settings,
      cache: queryPageCache<T>(client),
      pageSize: options.initialPageSize,
      pageIndex: options.pageIndex ?? options.initialPageIndex,
    }),
  );
  // A controlled index moves the table only when it changes (not on the render a click causes).
  const controlled = useRef(options.pageIndex);
  useEffect(() => {
    const moved = options.pageIndex !== controlled.current;
    controlled.current = options.pageIndex;
    table.setOptions(moved ? { ...settings, pageIndex: options.pageIndex } : settings);
  });
  const state = useSyncExternalStore(table.subscribe, table.getState, table.getState);
  const staleTime = options.staleTime ?? 30_000;
  useQueries({
    queries: state.wanted.map((wanted) => {
      const queryKey = tableQueryKey(wanted.key);
      return {
        queryKey,
        queryFn: ({ signal }: { signal: AbortSignal }): Promise<FetchedPage<T>> =>
          sharedRequest(client, hashKey(queryKey), signal, (shared) => table.load(wanted, shared)),
        staleTime,
        retry: false,
      };
    }),
    combine: () => null,
  });
  const { wanted: _wanted, ...shown } = state;
  const pagination = { pageIndex: state.pageIndex, pageSize: state.pageSize };
  return {
    ...shown,
    error: state.error as PaginationError | null,
    canGoToPage: (i) => table.pageDisabledReason(i) === undefined,
    pageDisabledReason: table.pageDisabledReason,
    cursorAt: table.cursorAt,
    setPageIndex: table.goTo,
    nextPage: table.next,
    previousPage: table.previous,
    firstPage: table.first,
    lastPage: table.last,
    setPageSize: table.setPageSize,
    prefetchPage: table.intent,
    retry: table.retry,
    tableOptions: {
      manualPagination: true,
      pageCount: state.pageCount,
      ...(state.rowCount === undefined ? {} : { rowCount: state.rowCount }),
      state: { pagination },
      onPaginationChange: (updater) => {
        const next = typeof updater === 'function' ? updater(pagination) : updater;
        if (next.pageSize !== state.pageSize) table.setPageSize(next.pageSize);
        else if (next.pageIndex === state.pageIndex + 1) table.next();
        else table.goTo(next.pageIndex);
      },
    },
  };
}
