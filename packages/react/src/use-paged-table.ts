import type { Cursor, FetchedPage, PaginationError, RequestRunner, Source } from '@pagewise/core';
import {
  hashKey,
  keepPreviousData,
  type QueryKey,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useRef, useState } from 'react';
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
  /** Base query key (default: one per source object). */
  queryKey?: QueryKey;
  /** Page size at the start (default: the source's default). */
  initialPageSize?: number;
  /** Page index at the start, when uncontrolled. */
  initialPageIndex?: number;
  /** Controlled page index (for instance from the URL); pair with `onPageIndexChange`. */
  pageIndex?: number;
  onPageIndexChange?(pageIndex: number): void;
  /** Fetch the next page as soon as the current one is shown (default true). */
  prefetchNext?: boolean;
  /**
   * Cursor sources can only reach a page through the pages before it. A jump to a page never
   * visited either walks there, fetching the pages between (`'walk'`, default, at most
   * `maxWalk` pages), or is disabled (`'disabled'`); `pageDisabledReason(i)` says why.
   */
  forwardJumps?: 'walk' | 'disabled';
  maxWalk?: number;
  enabled?: boolean;
  /** How long a fetched page counts as fresh (default 30 s). */
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

export interface PagedTable<T> {
  /** The rows of the page shown (the previous page's while the next one loads). */
  rows: T[];
  pageIndex: number;
  pageSize: number;
  /** Total pages, or `-1` while unknown (TanStack's unknown page count). */
  pageCount: number;
  /** Total rows, when the vendor tells it. */
  rowCount: number | undefined;
  /** The page shown, as fetched. */
  page: FetchedPage<T> | undefined;
  canPreviousPage: boolean;
  /** True only when the vendor says a next page exists and (once prefetched) it is not empty. */
  canNextPage: boolean;
  /** True only when the last page is known and reachable. */
  canLastPage: boolean;
  canGoToPage(pageIndex: number): boolean;
  /** Why a page cannot be reached right now, or `undefined` when it can. */
  pageDisabledReason(pageIndex: number): string | undefined;
  setPageIndex(pageIndex: number): void;
  nextPage(): void;
  previousPage(): void;
  firstPage(): void;
  lastPage(): void;
  /** Changes the page size: back to the first page, cursors forgotten. */
  setPageSize(pageSize: number): void;
  /** No page to show yet. */
  isLoading: boolean;
  isFetching: boolean;
  /** The rows shown are the previous page's while the requested one loads. */
  isPlaceholderData: boolean;
  /** A forward jump is fetching the pages between. */
  isWalking: boolean;
  error: PaginationError | null;
  /** Tries the failed page again; the rows shown stay. */
  retry(): void;
  /** Spread into `useTable({ features, columns, data: table.rows, ...table.tableOptions })`. */
  tableOptions: PagedTableOptions;
}

/**
 * Table controls over any source. Page-number sources map page index → request; cursor sources
 * keep a page → cursor map (going back reuses cursors; forward jumps walk or are disabled).
 * Totals give a page count; unknown totals give TanStack's unknown count (`-1`).
 */
export function usePagedTable<T>(options: UsePagedTableOptions<T>): PagedTable<T> {
  const { source, runner } = options;
  const client = useQueryClient();
  const baseKey = sourceQueryKey(source as Source<unknown>, options.queryKey);
  const [pageSize, setPageSizeState] = useState(
    () => options.initialPageSize ?? source.limits.default,
  );
  const [ownIndex, setOwnIndex] = useState(options.initialPageIndex ?? 0);
  const controlled = options.pageIndex !== undefined;
  const requestedIndex = Math.max(
    0,
    Math.floor(controlled ? (options.pageIndex as number) : ownIndex),
  );
  const [isWalking, setWalking] = useState(false);
  const walkGeneration = useRef(0);
  const maxWalk = options.maxWalk ?? 10;
  const prefetchNext = options.prefetchNext ?? true;
  const enabled = options.enabled ?? true;
  const staleTime = options.staleTime ?? 30_000;

  // Plain functions, not memoised: nothing keys on their identity (query functions may change).
  const keyFor = (size: number, cursor: Cursor | null) => [...baseKey, 'table', size, cursor];
  const fetchAt = (size: number, cursor: Cursor | null, signal: AbortSignal) =>
    sharedRequest(client, hashKey(keyFor(size, cursor)), signal, (shared) =>
      runner.fetchPage(source, { cursor, size }, { signal: shared }),
    );

  /**
   * The page → cursor map, read once per render: page-number sources know every page's cursor;
   * cursor sources start at `null` and learn page i+1's cursor from page i's `next` in the cache
   * (a cursor seen twice ends the chain, so a vendor that repeats one cannot loop a render).
   */
  const knownCursors: Array<Cursor | null> = [null];
  if (source.kind === 'cursor') {
    const seen = new Set<Cursor | null>([null]);
    for (;;) {
      const page = client.getQueryData<FetchedPage<T>>(
        keyFor(pageSize, knownCursors[knownCursors.length - 1] ?? null),
      );
      if (!page || page.next === null || seen.has(page.next)) break;
      seen.add(page.next);
      knownCursors.push(page.next);
    }
  }
  /** The cursor of page `index`, or `undefined` when it is not known yet. */
  const cursorAt = (index: number): Cursor | null | undefined =>
    source.kind === 'page'
      ? String(source.firstPage + index)
      : index < knownCursors.length
        ? knownCursors[index]
        : undefined;

  const setIndex = (index: number) => {
    if (!controlled) setOwnIndex(index);
    options.onPageIndexChange?.(index);
  };

  // The page to fetch: the requested one if its cursor is known, else the last reachable one.
  let shownIndex = requestedIndex;
  let cursor = cursorAt(shownIndex);
  while (cursor === undefined && shownIndex > 0) cursor = cursorAt(--shownIndex);

  const query = useQuery({
    queryKey: keyFor(pageSize, cursor ?? null),
    queryFn: ({ signal }) => fetchAt(pageSize, cursor ?? null, signal),
    placeholderData: keepPreviousData,
    enabled,
    staleTime,
    retry: false,
  });
  // After a failed page, the last good rows stay on screen.
  const lastGood = useRef<FetchedPage<T> | undefined>(undefined);
  if (query.data && !query.isPlaceholderData) lastGood.current = query.data;
  const page = query.data ?? (query.isError ? lastGood.current : undefined);
  const isPlaceholderData =
    query.isPlaceholderData || (query.data === undefined && page !== undefined);
  const current = isPlaceholderData ? undefined : page;

  // Page count: from the vendor's totals; else from a page known to be the last.
  const known = useRef<{ size: number; pageCount?: number; rowCount?: number; lastIndex?: number }>(
    { size: pageSize },
  );
  if (known.current.size !== pageSize) known.current = { size: pageSize };
  if (current) {
    if (current.total !== undefined) known.current.rowCount = current.total;
    const count =
      current.pageCount ??
      (current.total !== undefined ? Math.ceil(current.total / pageSize) : undefined);
    if (count !== undefined) known.current.pageCount = count;
    if (current.next === null) known.current.lastIndex = shownIndex;
  }
  const nextCursor = current?.next ?? null;
  // Prefetch the next page, observed: Next then shows it at once, and an empty next page turns
  // Next off the moment it lands.
  const nextQuery = useQuery({
    queryKey: keyFor(pageSize, nextCursor),
    queryFn: ({ signal }) => fetchAt(pageSize, nextCursor, signal),
    enabled: prefetchNext && enabled && nextCursor !== null,
    staleTime,
    retry: false,
  });
  const nextPage =
    nextCursor === null
      ? undefined
      : (nextQuery.data ?? client.getQueryData<FetchedPage<T>>(keyFor(pageSize, nextCursor)));
  if (current && nextPage && nextPage.items.length === 0) known.current.lastIndex = shownIndex;
  const lastIndex = known.current.lastIndex;
  const pageCount = known.current.pageCount ?? (lastIndex !== undefined ? lastIndex + 1 : -1);

  // How far a cursor source's known cursors reach (page → cursor map, learned from `next`).
  const highestKnown =
    source.kind === 'cursor' ? knownCursors.length - 1 : Number.POSITIVE_INFINITY;

  const pageDisabledReason = (index: number): string | undefined => {
    if (!Number.isInteger(index) || index < 0) return 'not a page';
    // The end: the vendor's page count, or sooner where a page was seen to be the last.
    const pages = Math.min(
      known.current.pageCount ?? Number.POSITIVE_INFINITY,
      lastIndex === undefined ? Number.POSITIVE_INFINITY : lastIndex + 1,
    );
    if (index >= pages) return `page ${index + 1} is past the end (${pages} pages)`;
    if (source.kind === 'cursor' && index > highestKnown) {
      if ((options.forwardJumps ?? 'walk') === 'disabled')
        return `${source.provider} pages by cursor: page ${index + 1} is reached through the pages before it`;
      if (index - highestKnown > maxWalk)
        return `page ${index + 1} is ${index - highestKnown} pages beyond the last one seen; at most ${maxWalk} are walked`;
    }
    return undefined;
  };

  const walkTo = async (target: number) => {
    const generation = ++walkGeneration.current;
    setWalking(true);
    try {
      let i = 0;
      let at: Cursor | null = null;
      while (i < target) {
        const fetched: FetchedPage<T> =
          client.getQueryData<FetchedPage<T>>(keyFor(pageSize, at)) ??
          (await client.fetchQuery({
            queryKey: keyFor(pageSize, at),
            queryFn: ({ signal }) => fetchAt(pageSize, at, signal),
            staleTime,
          }));
        if (generation !== walkGeneration.current) return;
        if (fetched.next === null) break;
        at = fetched.next;
        i++;
      }
      setIndex(i);
    } catch {
      // The error shows on the page the table stays on.
    } finally {
      if (generation === walkGeneration.current) setWalking(false);
    }
  };

  const setPageIndex = (index: number) => {
    if (pageDisabledReason(index) !== undefined) return;
    walkGeneration.current++;
    setWalking(false);
    if (source.kind === 'cursor' && cursorAt(index) === undefined) {
      void walkTo(index);
      return;
    }
    setIndex(index);
  };

  const canNextPage =
    !!current && current.next !== null && !(nextPage && nextPage.items.length === 0);
  const canLastPage =
    pageCount > 0 && shownIndex < pageCount - 1 && pageDisabledReason(pageCount - 1) === undefined;

  const setPageSize = (size: number) => {
    const clamped = Math.min(source.limits.max, Math.max(source.limits.min, Math.floor(size)));
    walkGeneration.current++;
    setWalking(false);
    setPageSizeState(clamped);
    setIndex(0);
  };

  const pagination = { pageIndex: shownIndex, pageSize };
  return {
    rows: page?.items ?? [],
    pageIndex: shownIndex,
    pageSize,
    pageCount,
    rowCount: known.current.rowCount,
    page,
    canPreviousPage: shownIndex > 0,
    canNextPage,
    canLastPage,
    canGoToPage: (index) => pageDisabledReason(index) === undefined,
    pageDisabledReason,
    setPageIndex,
    nextPage: () => {
      if (canNextPage) setPageIndex(shownIndex + 1);
    },
    previousPage: () => {
      if (shownIndex > 0) setPageIndex(shownIndex - 1);
    },
    firstPage: () => setPageIndex(0),
    lastPage: () => {
      if (canLastPage) setPageIndex(pageCount - 1);
    },
    setPageSize,
    isLoading: query.isLoading,
    isFetching: query.isFetching || isWalking,
    isPlaceholderData,
    isWalking,
    error: (query.error as PaginationError | null) ?? null,
    retry: () => void query.refetch(),
    tableOptions: {
      manualPagination: true,
      pageCount,
      ...(known.current.rowCount !== undefined ? { rowCount: known.current.rowCount } : {}),
      state: { pagination },
      onPaginationChange: (updater) => {
        const next = typeof updater === 'function' ? updater(pagination) : updater;
        if (next.pageSize !== pageSize) setPageSize(next.pageSize);
        else if (next.pageIndex !== shownIndex) setPageIndex(next.pageIndex);
      },
    },
  };
}
