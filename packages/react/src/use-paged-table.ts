import type { Cursor, FetchedPage, PaginationError, RequestRunner, Source } from '@pagewise/core';
import { createPagedTable, type PagedTableState } from '@pagewise/core/controllers';
import { hashKey, type QueryKey, useQueries, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { queryPageCache, tableQueryKey } from './query-page-cache.js';
import { sharedRequest } from './shared-request.js';
import { sourceQueryKey } from './source-query-key.js';

/** TanStack Table's pagination state. */
export interface PaginationState {
  pageIndex: number;
  pageSize: number;
}

export interface UsePagedTableOptions<T> {
  source: Source<T>;
  runner: RequestRunner;
  /** Base query key. @default sourceQueryKey(source) */
  queryKey?: QueryKey;
  /** Page size at the start, clamped to the source's limits. @default the source's default */
  initialPageSize?: number;
  /** Page index at the start, when uncontrolled. @default 0 */
  initialPageIndex?: number;
  /** Controlled page index (for instance from the URL); pair with `onPageIndexChange`. */
  pageIndex?: number;
  onPageIndexChange?(pageIndex: number): void;
  /**
   * Fetch pages ahead of the one shown: as many as the user's pace and the API's latency call
   * for (1 to 3). `false` fetches none. @default true
   */
  prefetchNext?: boolean;
  /**
   * Cursor sources can only reach a page through the pages before it. A jump to a page never
   * visited either walks there, fetching the pages between (`'walk'`, at most `maxWalk`
   * requests), or is disabled (`'disabled'`); `pageDisabledReason(i)` says why.
   * @default 'walk'
   */
  forwardJumps?: 'walk' | 'disabled';
  /** @default 10 */
  maxWalk?: number;
  /** @default true */
  enabled?: boolean;
  /** How long a fetched page counts as fresh, in ms. @default 30000 */
  staleTime?: number;
}

/** Options to spread into TanStack Table v9's `useTable` (with `rowPaginationFeature`). */
export interface PagedTableOptions {
  manualPagination: true;
  pageCount: number;
  rowCount?: number;
  state: { pagination: PaginationState };
  onPaginationChange(updater: PaginationState | ((old: PaginationState) => PaginationState)): void;
}

export interface PagedTable<T> extends Omit<PagedTableState<T>, 'wanted'> {
  canGoToPage(pageIndex: number): boolean;
  /** Why a page cannot be reached right now, or `undefined` when it can. */
  pageDisabledReason(pageIndex: number): string | undefined;
  /** The cursor page `pageIndex` starts at, when known. */
  cursorAt(pageIndex: number): Cursor | null | undefined;
  setPageIndex(pageIndex: number): void;
  nextPage(): void;
  previousPage(): void;
  firstPage(): void;
  lastPage(): void;
  /** Changes the page size: back to the first page, cursors forgotten. */
  setPageSize(pageSize: number): void;
  /** A sign the user is about to go to a page (pointer over, focus): starts its fetch early. */
  prefetchPage(pageIndex: number): void;
  /** Tries the failed page again; the rows shown stay. */
  retry(): void;
  /** Spread into `useTable({ features, columns, data: table.rows, ...table.tableOptions })`. */
  tableOptions: PagedTableOptions;
}

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
