'use client';
import type { Cursor, PaginationError, Source } from '@pagewise/core';
import { createPagedTable } from '@pagewise/core/controllers';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { usePagewiseDefaults, useRunner } from './pagewise-provider.js';
import { queryPageCache } from './query-page-cache.js';
import { sourceQueryKey } from './source-query-key.js';
import { useChurnWarning } from './use-churn-warning.js';
import type { PagedTable, UsePagedTableOptions } from './use-paged-table.types.js';

/**
 * Table controls over any source: React glue over `createPagedTable` from
 * `@pagewise/core/controllers`, with TanStack Query as the page cache. Page-number sources map
 * page index → request; cursor sources keep a page → cursor map (going back reuses cursors;
 * forward jumps walk or are disabled). Totals give a page count; unknown totals give TanStack's
 * unknown count (`-1`).
 */
export function usePagedTable<T, P = unknown>(options: UsePagedTableOptions<T, P>): PagedTable<T> {
  const client = useQueryClient();
  const defaults = usePagewiseDefaults();
  const runner = useRunner(options.runner, 'usePagedTable');
  const { source, state } = options;
  // With a table state, the source gets its sort, filters and search unless told otherwise.
  const params = options.params !== undefined ? options.params : state?.query;
  const scope = sourceQueryKey(source as Source<unknown>, options.queryKey);
  // A page index, size and link from `useTableState` (the URL), or the hook's own options.
  const pageIndex = state ? state.pageIndex : options.pageIndex;
  const link = state ? state.link : options.link;
  const onPageIndexChange = (index: number, cursor: Cursor | null | undefined) => {
    const linkable = source.kind === 'cursor' ? cursor : undefined;
    if (state) state.setPageIndex(index, linkable);
    options.onPageIndexChange?.(index, linkable);
  };
  const settings = {
    source: source as Source<T>,
    runner,
    scope,
    params,
    forwardJumps: options.forwardJumps ?? 'walk',
    maxWalk: options.maxWalk ?? 10,
    prefetch: options.prefetchNext ?? true,
    enabled: options.enabled ?? true,
    onPageIndexChange,
  } as const;
  const staleTime = options.staleTime ?? defaults.staleTime ?? 30_000;
  const make = () => {
    const cache = queryPageCache<T>(client);
    cache.configure({ staleTime });
    const table = createPagedTable<T>({
      ...settings,
      cache,
      pageSize: state?.pageSize ?? options.initialPageSize,
      pageIndex: pageIndex ?? options.initialPageIndex,
      link,
    });
    return { client, table, cache };
  };
  const [made, setMade] = useState(make);
  let { table, cache } = made;
  // Another QueryClient (a provider swapped it): a table over that client's cache.
  if (made.client !== client) {
    const fresh = make();
    setMade(fresh);
    ({ table, cache } = fresh);
  }
  // A controlled index moves the table only when it changes (not on the render a click causes).
  const controlled = useRef({ pageIndex, pageSize: state?.pageSize });
  useEffect(() => {
    const moved = pageIndex !== controlled.current.pageIndex;
    const resized = state?.pageSize !== controlled.current.pageSize;
    controlled.current = { pageIndex, pageSize: state?.pageSize };
    cache.configure({ staleTime });
    table.setOptions({
      ...settings,
      ...(moved ? { pageIndex, link } : {}),
      ...(resized && state?.pageSize !== undefined ? { pageSize: state.pageSize } : {}),
    });
  });
  const snapshot = useSyncExternalStore(table.subscribe, table.getState, table.getState);
  useChurnWarning(JSON.stringify(scope.concat([params])), 'usePagedTable');
  const { wanted: _wanted, ...shown } = snapshot;
  const pagination = { pageIndex: snapshot.pageIndex, pageSize: snapshot.pageSize };
  const setPageSize = (size: number) => {
    if (state) state.setPageSize(size);
    else table.setPageSize(size);
  };
  return {
    ...shown,
    error: snapshot.error as PaginationError | null,
    canGoToPage: (i) => table.pageDisabledReason(i) === undefined,
    pageDisabledReason: table.pageDisabledReason,
    cursorAt: table.cursorAt,
    setPageIndex: table.goTo,
    nextPage: table.next,
    previousPage: table.previous,
    firstPage: table.first,
    lastPage: table.last,
    setPageSize,
    prefetchPage: table.intent,
    retry: table.retry,
    refetch: table.refetch,
    tableOptions: {
      ...state?.tableOptions,
      manualPagination: true,
      pageCount: snapshot.pageCount,
      ...(snapshot.rowCount === undefined ? {} : { rowCount: snapshot.rowCount }),
      getRowId: (row: T) => source.key(row),
      state: { ...state?.tableOptions.state, pagination },
      onPaginationChange: (updater) => {
        const next = typeof updater === 'function' ? updater(pagination) : updater;
        if (next.pageSize !== snapshot.pageSize) setPageSize(next.pageSize);
        else if (next.pageIndex === snapshot.pageIndex + 1) table.next();
        else table.goTo(next.pageIndex);
      },
    },
  };
}
