import type { PageLink, RequestRunner, Source, TableQuery } from '@pagewise/core';
import type {
  PagedTableCommands,
  PagedTableOptions,
  PagedTableState,
  TableMessages,
} from '@pagewise/core/controllers';
import type { QueryKey } from '@tanstack/react-query';
import type { PaginationState, Updater } from '@tanstack/react-table';
import type { TableState } from './use-table-state.js';

/** What a paged table is given, besides its parameters. */
export interface PagedTableSettings<T, P> {
  source: Source<T, P>;
  /** The runner. @defaultValue the nearest `PagewiseProvider`'s */
  runner?: RequestRunner | undefined;
  /** The base of the table's query keys. @defaultValue `sourceQueryKey(source)` */
  queryKey?: QueryKey | undefined;
  /**
   * The page size, clamped to the source's limits: read at the start and whenever it changes.
   * @defaultValue `state.pageSize` with a table state, else the source's default
   */
  pageSize?: number | undefined;
  /**
   * The page to show: read at the start and whenever it changes (a page index of your own,
   * kept in the URL); pair with `onPageIndexChange`.
   * @defaultValue `state.pageIndex` with a table state, else 0
   */
  pageIndex?: number | undefined;
  /**
   * The requested page changed, with the cursor it starts at on cursor sources (for a link);
   * `replace` when the table corrected a page it was given (past the end, out of reach);
   * `pageSize` the size the page is read at (keep it with the cursor: `link.pageSize`).
   * @defaultValue none
   */
  onPageIndexChange?(
    pageIndex: number,
    cursor: string | null | undefined,
    how: { replace: boolean; pageSize: number },
  ): void;
  /**
   * Open a cursor source at a page known from a link (`?page=5&cursor=…`): one request instead of
   * a walk. @defaultValue `state.link` with a table state, else none
   */
  link?: PageLink | undefined;
  prefetch?: PagedTableOptions<T>['prefetch'];
  forwardJumps?: PagedTableOptions<T>['forwardJumps'];
  /** The most requests one jump may take on a cursor source. @defaultValue 10 */
  maxWalk?: number | undefined;
  repairDrift?: PagedTableOptions<T>['repairDrift'];
  /** `false` fetches nothing. @defaultValue true */
  enabled?: boolean | undefined;
  /** How long a fetched page counts as fresh, in ms. @defaultValue the provider's, else 30000 */
  staleTime?: number | undefined;
  /** Why a page cannot be reached, in the app's words. @defaultValue English */
  messages?: Partial<TableMessages> | undefined;
}

/**
 * The table's parameters: `params`, or — with a table `state` from `useTableState` — the state's
 * sort, filters and search (`state.query`, a `TableQuery`), which the source must then take: a
 * source whose parameters are not a `TableQuery` needs `params` (map the state onto them).
 */
export type UsePagedTableOptions<T, P = unknown> = PagedTableSettings<T, P> &
  (
    | { state?: undefined; params?: P | undefined }
    | ([TableQuery] extends [P]
        ? TakesState<P>
        : [P] extends [undefined]
          ? TakesState<P>
          : { state: TableState; params: P })
  );

/** A table state whose query the source can take (or ignore: a source without parameters). */
export interface TakesState<P> {
  /** Page, size, sort, filters and search from `useTableState` (in React state or the URL). */
  state: TableState;
  /** @defaultValue `state.query` */
  params?: P | undefined;
}

/**
 * Options to spread into TanStack Table v9's `useTable` (with `rowPaginationFeature`). Optional
 * keys are left out rather than `undefined`, as TanStack's types ask under
 * `exactOptionalPropertyTypes`.
 */
export interface PagedTableTanStackOptions<T> {
  manualPagination: true;
  pageCount: number;
  /** The vendor's row count. @defaultValue absent while the vendor has not given one */
  rowCount?: number;
  /** Rows keep their id across pages (the source's key): a row selection survives page turns. */
  getRowId(row: T): string;
  state: { pagination: PaginationState } & Partial<TableState['tableOptions']['state']>;
  onPaginationChange(updater: Updater<PaginationState>): void;
  /** From the table state: the server sorts. @defaultValue absent without a table state */
  manualSorting?: true;
  /** From the table state: the server filters. @defaultValue absent without a table state */
  manualFiltering?: true;
  /** Writes the table state's sorting. @defaultValue absent without a table state */
  onSortingChange?: TableState['tableOptions']['onSortingChange'];
  /** Writes the table state's column filters. @defaultValue absent without a table state */
  onColumnFiltersChange?: TableState['tableOptions']['onColumnFiltersChange'];
  /** Writes the table state's search. @defaultValue absent without a table state */
  onGlobalFilterChange?: TableState['tableOptions']['onGlobalFilterChange'];
}

/** A paged table: what to render, its commands (stable across renders), and TanStack Table's options. */
export interface PagedTable<T> extends Omit<PagedTableState<T>, 'wanted'>, PagedTableCommands<T> {
  /** Spread into `useTable({ features, columns, data: table.rows, ...table.tableOptions })`. */
  tableOptions: PagedTableTanStackOptions<T>;
}
