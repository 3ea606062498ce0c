import type { Cursor, RequestRunner, Source } from '@pagewise/core';
import type { PagedTableState } from '@pagewise/core/controllers';
import type { QueryKey } from '@tanstack/react-query';

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
