import type { Cursor, RequestRunner, Source } from '@pagewise/core';
import type { PagedTableState } from '@pagewise/core/controllers';
import type { QueryKey } from '@tanstack/react-query';
import type { ColumnFilterState, ColumnSortState, TableState } from './use-table-state.js';

/** TanStack Table's pagination state. */
export interface PaginationState {
  pageIndex: number;
  pageSize: number;
}

export interface UsePagedTableOptions<T, P = unknown> {
  source: Source<T, P>;
  /** The runner. @default the nearest `PagewiseProvider`'s */
  runner?: RequestRunner | undefined;
  /**
   * The list's parameters (filters, sort, search), handed to the source with every request. The
   * cache key is the source's identity plus these, compared by value: new parameters (however
   * they were built) go back to the first page with a fresh cursor map, abort what is in flight
   * and keep the old rows on screen, dimmed, until the new first page lands.
   * @defaultValue `state.query` when `state` is given, else none
   */
  params?: P | undefined;
  /**
   * The table's state from `useTableState` (page, size, sorting, filters, search, in React state
   * or the URL): the hook then follows and writes it, and `tableOptions` carries sorting and
   * filtering for TanStack Table too, and the source gets `state.query` (sort, filters, search)
   * as its `params` unless `params` is given.
   * @defaultValue none — the hook keeps its own page and size
   */
  state?: TableState | undefined;
  /** Base query key. @default sourceQueryKey(source) */
  queryKey?: QueryKey | undefined;
  /** Page size at the start, clamped to the source's limits. @default the source's default */
  initialPageSize?: number | undefined;
  /** Page index at the start, when uncontrolled. @default 0 */
  initialPageIndex?: number | undefined;
  /**
   * Controlled page index (for instance from the URL); pair with `onPageIndexChange`.
   * @defaultValue `state.pageIndex` when `state` is given (which then wins), else none
   * (uncontrolled)
   */
  pageIndex?: number | undefined;
  /**
   * The requested page changed, with the cursor it starts at on cursor sources (for a link).
   * @defaultValue none
   */
  onPageIndexChange?(pageIndex: number, cursor?: Cursor | null): void;
  /**
   * Open a cursor source at a page known from a link (`?page=5&cursor=…`): one request instead of
   * a walk. Previous from there works where the source pages backwards.
   * @defaultValue `state.link` when `state` is given (which then wins), else none
   */
  link?: { index: number; cursor: Cursor } | undefined;
  /**
   * Fetch pages ahead of the one shown: as many as the user's pace and the API's latency call
   * for (1 to 3). `false` fetches none. @default true
   */
  prefetchNext?: boolean | undefined;
  /**
   * Cursor sources can only reach a page through the pages before it. A jump to a page never
   * visited either walks there, fetching the pages between (`'walk'`, at most `maxWalk`
   * requests), or is disabled (`'disabled'`); `pageDisabledReason(i)` says why.
   * @default 'walk'
   */
  forwardJumps?: 'walk' | 'disabled' | undefined;
  /** @default 10 */
  maxWalk?: number | undefined;
  /** @default true */
  enabled?: boolean | undefined;
  /** How long a fetched page counts as fresh, in ms. @default the provider's, else 30000 */
  staleTime?: number | undefined;
}

/**
 * Options to spread into TanStack Table v9's `useTable` (with `rowPaginationFeature`). Optional
 * keys are left out rather than `undefined`, as TanStack's types ask under
 * `exactOptionalPropertyTypes`.
 */
export interface PagedTableOptions<T> {
  manualPagination: true;
  pageCount: number;
  rowCount?: number;
  /** Rows keep their id across pages (the source's key): a row selection survives page turns. */
  getRowId(row: T): string;
  state: {
    pagination: PaginationState;
    sorting?: ColumnSortState[];
    columnFilters?: ColumnFilterState[];
    globalFilter?: string;
  };
  onPaginationChange(updater: PaginationState | ((old: PaginationState) => PaginationState)): void;
  manualSorting?: true;
  manualFiltering?: true;
  onSortingChange?: TableState['tableOptions']['onSortingChange'];
  onColumnFiltersChange?: TableState['tableOptions']['onColumnFiltersChange'];
  onGlobalFilterChange?: TableState['tableOptions']['onGlobalFilterChange'];
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
  /** Fetches this table's pages again (after a mutation); the rows shown stay meanwhile. */
  refetch(): void;
  /** Spread into `useTable({ features, columns, data: table.rows, ...table.tableOptions })`. */
  tableOptions: PagedTableOptions<T>;
}
