'use client';
import type { Cursor, TableQuery } from '@pagewise/core';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import {
  readTableUrl,
  type TableUrlState,
  tableLinkOf,
  tableQueryOf,
  writeTableUrl,
} from './table-url.js';
import { useDebouncedValue } from './use-debounced-value.js';

/** A new value, or a function of the old one (React's and TanStack Table's updater). */
export type Updater<S> = S | ((old: S) => S);
const apply = <S>(updater: Updater<S>, old: S): S =>
  typeof updater === 'function' ? (updater as (old: S) => S)(old) : updater;

export interface UseTableStateOptions {
  /**
   * Keep the state in the URL's query — `?page=3&size=50&sort=-total&status=paid&q=smith` (and
   * `cursor=…` on cursor sources) — so a link opens the same page and Back/Forward step through
   * it. `prefix` namespaces the names when a page has several tables. @default false
   */
  url?: boolean | { prefix?: string } | undefined;
  /**
   * Column ids that may be sorted (a URL naming another is ignored).
   * @defaultValue none — any column id
   */
  sortable?: readonly string[] | undefined;
  /**
   * Column ids that may be filtered; in the URL each is a parameter of its own name.
   * @defaultValue none — with `url`, no column filter is kept
   */
  filterable?: readonly string[] | undefined;
  /**
   * Page sizes offered; a size in a URL outside them is ignored.
   * @defaultValue none — any size from 1 to 9999
   */
  pageSizes?: readonly number[] | undefined;
  /**
   * The URL's query where there is no `window` — a server render — and while hydrating, so the
   * server's HTML and the first browser render agree: in Next.js, the page's `searchParams` as a
   * string (`new URLSearchParams(searchParams).toString()`), passed to the client component.
   * @default ''
   */
  serverSearch?: string | undefined;
  /** Wait this long after the last keystroke before searching. @default 300 */
  searchDelayMs?: number | undefined;
}

/** TanStack Table's sorting entry. */
export interface ColumnSortState {
  id: string;
  desc: boolean;
}
/** TanStack Table's column filter entry. */
export interface ColumnFilterState {
  id: string;
  value: unknown;
}

export interface TableState {
  pageIndex: number;
  /** The page size chosen (the URL's, or set), `undefined` for the source's default. */
  pageSize: number | undefined;
  /** Where the requested page starts, from a link (cursor sources). */
  link: { index: number; cursor: Cursor } | undefined;
  sorting: ColumnSortState[];
  columnFilters: ColumnFilterState[];
  /** The search text as typed (the search box's value). */
  globalFilter: string;
  /** What the source gets as params: sort, filters and the search once typing pauses. */
  query: TableQuery;
  setPageIndex(pageIndex: number, cursor?: Cursor | null): void;
  setPageSize(pageSize: number): void;
  /** Sorting, filters and search return the table to its first page. */
  setSorting(updater: Updater<ColumnSortState[]>): void;
  setColumnFilters(updater: Updater<ColumnFilterState[]>): void;
  setGlobalFilter(updater: Updater<string>): void;
  /** Spread into TanStack Table v9's `useTable` (with the sorting and filtering features). */
  tableOptions: {
    manualSorting: true;
    manualFiltering: true;
    state: { sorting: ColumnSortState[]; columnFilters: ColumnFilterState[]; globalFilter: string };
    onSortingChange(updater: Updater<ColumnSortState[]>): void;
    onColumnFiltersChange(updater: Updater<ColumnFilterState[]>): void;
    onGlobalFilterChange(updater: Updater<string>): void;
  };
}

const EMPTY: TableUrlState = {
  pageIndex: 0,
  pageSize: undefined,
  cursor: undefined,
  sorting: [],
  columnFilters: [],
  globalFilter: '',
};

const subscribe = (onChange: () => void) => {
  window.addEventListener('popstate', onChange);
  return () => window.removeEventListener('popstate', onChange);
};
const currentSearch = () => window.location.search;

/**
 * A table's state — page, size, sorting, column filters, search — for `usePagedTable({ state })`
 * and TanStack Table, kept in React state or in the URL. Values read from a URL are checked
 * (see `readTableUrl`); sorting, filtering and searching start over on the first page; the
 * search reaches the source once typing pauses.
 */
export function useTableState(options: UseTableStateOptions = {}): TableState {
  const inUrl = options.url !== undefined && options.url !== false;
  const url = {
    prefix: typeof options.url === 'object' ? options.url.prefix : undefined,
    sortable: options.sortable,
    filterable: options.filterable,
    pageSizes: options.pageSizes,
  };
  const search = useSyncExternalStore(
    inUrl ? subscribe : () => () => {},
    inUrl ? currentSearch : () => '',
    () => (inUrl ? (options.serverSearch ?? '') : ''),
  );
  const [local, setLocal] = useState(EMPTY);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the options are read as given
  const applied = useMemo(
    () => (inUrl ? readTableUrl(search, url) : local),
    [inUrl, search, local],
  );
  const write = (next: TableUrlState, mode: 'push' | 'replace' = 'push') => {
    if (!inUrl) return setLocal(next);
    const target = writeTableUrl(window.location.search, next, url) + window.location.hash;
    const method = mode === 'push' ? 'pushState' : 'replaceState';
    window.history[method](window.history.state, '', `${window.location.pathname}${target}`);
    window.dispatchEvent(new PopStateEvent('popstate'));
  };
  const firstPage = (next: Partial<TableUrlState>, mode?: 'push' | 'replace') =>
    write({ ...applied, ...next, pageIndex: 0, cursor: undefined }, mode);

  // The search box shows what is typed; the source gets it once typing pauses.
  const [typed, setTyped] = useState(applied.globalFilter);
  const settled = useDebouncedValue(typed, options.searchDelayMs ?? 300);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a settled change of the typed text applies
  useEffect(() => {
    if (settled !== applied.globalFilter) firstPage({ globalFilter: settled }, 'replace');
  }, [settled]);
  // Back/Forward (or a link) brought another search: the box shows it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: follows the applied search only
  useEffect(() => setTyped(applied.globalFilter), [applied.globalFilter]);

  const query: TableQuery = useMemo(() => tableQueryOf(applied), [applied]);
  const setSorting = (updater: Updater<ColumnSortState[]>) =>
    firstPage({ sorting: apply(updater, applied.sorting) });
  const setColumnFilters = (updater: Updater<ColumnFilterState[]>) =>
    firstPage({
      columnFilters: apply(updater, applied.columnFilters as ColumnFilterState[])
        .filter((f) => f.value !== undefined && f.value !== null && f.value !== '')
        .map((f) => ({ id: f.id, value: String(f.value) })),
    });
  const setGlobalFilter = (updater: Updater<string>) => setTyped((old) => apply(updater, old));
  return {
    pageIndex: applied.pageIndex,
    pageSize: applied.pageSize,
    link: tableLinkOf(applied),
    sorting: applied.sorting,
    columnFilters: applied.columnFilters,
    globalFilter: typed,
    query,
    setPageIndex: (pageIndex, cursor) =>
      write({ ...applied, pageIndex, cursor: cursor ?? undefined }),
    setPageSize: (pageSize) => firstPage({ pageSize }),
    setSorting,
    setColumnFilters,
    setGlobalFilter,
    tableOptions: {
      manualSorting: true,
      manualFiltering: true,
      state: {
        sorting: applied.sorting,
        columnFilters: applied.columnFilters,
        globalFilter: typed,
      },
      onSortingChange: setSorting,
      onColumnFiltersChange: setColumnFilters,
      onGlobalFilterChange: setGlobalFilter,
    },
  };
}
