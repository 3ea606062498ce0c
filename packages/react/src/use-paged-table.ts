'use client';
import type { Source } from '@pagewise/core';
import { createPagedTable } from '@pagewise/core/controllers';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import { warnMissedPrefetch } from './missed-prefetch.js';
import { pagedTableResult } from './paged-table-result.js';
import { usePagewiseDefaults, useRunner } from './pagewise-provider.js';
import { queryPageCache } from './query-page-cache.js';
import { useController } from './use-controller.js';
import type { PagedTable, UsePagedTableOptions } from './use-paged-table.types.js';

/** In development, says so (once, StrictMode's second run of effects too) when the table's page size is not one its state offers. */
const useOfferedSizeCheck = (offered: readonly number[] | undefined, size: number) => {
  const said = useRef('');
  useEffect(() => {
    const text =
      offered && !offered.includes(size)
        ? `[pagewise] usePagedTable: the page size is ${size}, which the table state does not offer (pageSizes: ${offered.join(', ')}): give usePagedTable a pageSize it offers, or list this one.`
        : '';
    if (text && text !== said.current) console.warn(text);
    said.current = text;
  }, [offered, size]);
};

/**
 * Table controls over any source: `createPagedTable` (from `@pagewise/core/controllers`) bound
 * to React, with TanStack Query as its page cache. With a `state` from `useTableState`, the page,
 * size, link and parameters follow the state (and the URL), and commands write to it.
 */
export function usePagedTable<T, P = unknown>(options: UsePagedTableOptions<T, P>): PagedTable<T> {
  const client = useQueryClient();
  const runner = useRunner(options.runner, 'usePagedTable');
  const defaults = usePagewiseDefaults();
  const { state, source, ...rest } = options;
  const config = {
    ...rest,
    source: source as Source<T>,
    runner,
    staleTime: options.staleTime ?? defaults.staleTime,
    params: options.params !== undefined ? options.params : state?.query,
    pageIndex: state ? state.pageIndex : options.pageIndex,
    pageSize: state?.pageSize ?? options.pageSize,
    link: state ? state.link : options.link,
    onPageIndexChange(
      index: number,
      cursor: string | null | undefined,
      how: { replace: boolean; pageSize: number },
    ) {
      const linkable = source.kind === 'cursor' ? cursor : undefined;
      state?.setPageIndex(index, linkable, how);
      options.onPageIndexChange?.(index, linkable, how);
    },
  };
  const create = () => createPagedTable<T>({ ...config, cache: queryPageCache<T>(client) });
  const [snapshot, table] = useController(create, config, client);
  // Development checks, dropped from production builds (NODE_ENV never changes while it runs).
  if (process.env.NODE_ENV !== 'production') {
    // biome-ignore lint/correctness/useHookAtTopLevel: NODE_ENV is fixed for the app's life: called on every render or never
    useOfferedSizeCheck(state?.pageSizes, snapshot.pageSize);
    warnMissedPrefetch(client, 'usePagedTable', {
      source,
      queryKey: options.queryKey,
      // A cursor source's page N without a link's cursor is walked to in the browser: the
      // server fetched its first page, which is no miss.
      loading:
        snapshot.isLoading && (source.kind !== 'cursor' || !snapshot.pageIndex || !!config.link),
    });
  }
  return useMemo(() => pagedTableResult(snapshot, table, state), [snapshot, table, state]);
}
