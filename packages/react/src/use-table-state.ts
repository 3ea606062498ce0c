'use client';
import {
  defineTableState,
  type PageLink,
  type SearchInput,
  type TableQuery,
  type TableStateDefinition,
  type TableStateOptions,
  type TableUrlState,
} from '@pagewise/core';
import { searchParamsOf, withTypedSearch } from '@pagewise/core/controllers';
import type { ColumnFiltersState, SortingState, Updater } from '@tanstack/react-table';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import {
  currentSearch,
  historyNavigate,
  subscribeToLocation,
  type TableLocation,
} from './table-url-location.js';
import { useDebouncedValue } from './use-debounced-value.js';

const apply = <S>(updater: Updater<S>, old: S): S =>
  typeof updater === 'function' ? (updater as (old: S) => S)(old) : updater;

export interface UseTableStateOptions {
  /**
   * The app's router, for a state kept in the URL: its query now and how to navigate
   * (react-router's `useSearchParams`, TanStack Router's `useRouterState`/`useNavigate`, Next.js'
   * `useSearchParams`/`useRouter` — see the tables guide). The table then follows every
   * navigation the router makes and writes through it.
   * @defaultValue the History API: the table follows Back/Forward and any `pushState`/`replaceState`
   */
  location?: TableLocation | undefined;
  /**
   * With the History API, the URL's query where there is no `window` — a server render — and
   * while hydrating, so the server's HTML and the first browser render agree (in Next.js, the
   * page's awaited `searchParams`). @defaultValue ''
   */
  serverSearch?: SearchInput | undefined;
}

export interface TableState {
  pageIndex: number;
  /** The page size chosen (the URL's, or set), `undefined` for the source's default. */
  pageSize: number | undefined;
  /** The page sizes offered (the definition's `pageSizes`), for a size select. @defaultValue none */
  pageSizes?: readonly number[] | undefined;
  /** Where the requested page starts, from a link (cursor sources). */
  link: PageLink | undefined;
  sorting: SortingState;
  columnFilters: ColumnFiltersState;
  /** The search text as typed (the search box's value). */
  globalFilter: string;
  /** A search is typed and not applied yet (its pause is not over): `query` is still the last one's. */
  searching: boolean;
  /** What the source gets as params: sort, filters and the search once typing pauses. */
  query: TableQuery;
  /**
   * Goes to a page (`replace`: in place of this history entry, for a correction); a cursor source's
   * page with the cursor it starts at, and the page size that cursor was handed out at.
   */
  setPageIndex(
    pageIndex: number,
    cursor?: string | null,
    how?: { replace: boolean; pageSize?: number | undefined },
  ): void;
  setPageSize(pageSize: number): void;
  /** Sorting, filters and search return the table to its first page. */
  setSorting(updater: Updater<SortingState>): void;
  setColumnFilters(updater: Updater<ColumnFiltersState>): void;
  setGlobalFilter(updater: Updater<string>): void;
  /** Spread into TanStack Table v9's `useTable` (with the sorting and filtering features). */
  tableOptions: {
    manualSorting: true;
    manualFiltering: true;
    state: { sorting: SortingState; columnFilters: ColumnFiltersState; globalFilter: string };
    onSortingChange(updater: Updater<SortingState>): void;
    onColumnFiltersChange(updater: Updater<ColumnFiltersState>): void;
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
const noSubscription = () => () => {};
const serverText = (search: SearchInput | undefined) => {
  const text = search === undefined ? '' : searchParamsOf(search).toString();
  return text ? `?${text}` : '';
};

/**
 * A table's state — page, size, sorting, column filters, search — for `usePagedTable({ state })`
 * and TanStack Table, in React state or in the URL (`defineTableState({ url: true })`). In the
 * URL it follows every navigation (the router's links, Back/Forward, any `pushState`), and every
 * change the user makes is one history entry — a page, a size, a sort, a filter, and a search
 * once typing pauses — so Back undoes the last of them. Values read from a URL are checked;
 * sorting, filtering and searching start over on the first page.
 */
export function useTableState(
  definition: TableStateDefinition | TableStateOptions = {},
  options: UseTableStateOptions = {},
): TableState {
  const [defined] = useState(() =>
    'read' in definition ? definition : defineTableState(definition),
  );
  const inUrl = !!defined.options.url;
  const { location } = options;
  // The server's query as the text `location.search` has, so that hydrating finds the browser's
  // URL equal to it and renders once (a record or `URLSearchParams` would never be equal).
  const { serverSearch } = options;
  const server = useMemo(() => serverText(serverSearch), [serverSearch]);
  const browser = useSyncExternalStore(
    inUrl && !location ? subscribeToLocation : noSubscription,
    inUrl && !location ? currentSearch : () => server,
    () => server,
  );
  const search = location ? location.search : browser;
  const [local, setLocal] = useState(EMPTY);
  const applied = useMemo(
    () => (inUrl ? defined.read(search) : local),
    [inUrl, defined, search, local],
  );
  // The search box shows what is typed; the source gets it once typing pauses.
  const [typed, setTyped] = useState(applied.globalFilter);
  const latest: Latest = useRef({ wrote: search } as Latest['current']);
  latest.current = { ...latest.current, applied, search, location, typed };

  const settled = useDebouncedValue(typed, defined.options.searchDelayMs ?? 300);
  const commands = useMemo(
    () => tableCommands(defined, inUrl, latest, setLocal, setTyped),
    [defined, inUrl],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a settled change of the typed text applies
  useEffect(() => {
    // Not when written already (with a page clicked while typing), by a router applying it later.
    if (
      settled !== latest.current.applied.globalFilter &&
      !(inUrl && settled === defined.read(latest.current.wrote).globalFilter)
    )
      commands.search(settled);
  }, [settled]);
  // A navigation brought another search: the box shows it. A navigation the table did not make
  // (Back, a link) also drops a search still being typed: it would land after it, as a new entry.
  useEffect(() => setTyped(applied.globalFilter), [applied.globalFilter]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: on a new URL only
  useEffect(() => {
    // This table's own fields, however encoded (another table on the page writes its own).
    const own = (text: string) => defined.write('', defined.read(text));
    if (own(search) !== own(latest.current.wrote)) setTyped(applied.globalFilter);
    latest.current.wrote = search;
    // A value the table refused (`?page=abc`, a size not offered, a filter value not allowed)
    // leaves the address bar too, in place (no history entry): the URL says what is shown.
    // With the History API, from the address bar as it is now (hydrating, `search` is the server's).
    if (inUrl) commands.canonicalize(location ? search : currentSearch());
  }, [search]);

  return useMemo(() => {
    const { sorting, columnFilters } = applied;
    const page = defined.page(applied);
    return {
      pageIndex: page.pageIndex,
      pageSize: page.pageSize,
      pageSizes: defined.options.pageSizes,
      link: page.link,
      sorting,
      columnFilters,
      globalFilter: typed,
      searching: typed !== applied.globalFilter,
      query: page.params,
      ...commands.setters,
      tableOptions: {
        manualSorting: true,
        manualFiltering: true,
        state: { sorting, columnFilters, globalFilter: typed },
        onSortingChange: commands.setters.setSorting,
        onColumnFiltersChange: commands.setters.setColumnFilters,
        onGlobalFilterChange: commands.setters.setGlobalFilter,
      },
    };
  }, [defined, applied, typed, commands]);
}

type Latest = {
  current: {
    applied: TableUrlState;
    search: string;
    location: TableLocation | undefined;
    /** The URL's query the table last wrote or saw, to tell its own navigations from others. */
    wrote: string;
    /** The search box's text, applied or not yet. */
    typed: string;
  };
};

/** The state's commands, stable across renders: each reads the latest state when it runs. */
function tableCommands(
  defined: TableStateDefinition,
  inUrl: boolean,
  latest: Latest,
  setLocal: (state: TableUrlState) => void,
  setTyped: (updater: (old: string) => string) => void,
) {
  const write = (change: TableUrlState, replace = false) => {
    // A search still being typed goes with the user's change, in the same history entry.
    const next = withTypedSearch(change, latest.current.applied, latest.current.typed, replace);
    if (!inUrl) return setLocal(next);
    const { search } = latest.current;
    const target = defined.write(search, next);
    if (target === defined.write(search, latest.current.applied)) return;
    navigate(target, replace);
  };
  const navigate = (target: string, replace: boolean) => {
    latest.current.wrote = target;
    (latest.current.location?.navigate ?? historyNavigate)(target, { replace });
  };
  /** Replaces a URL whose own fields hold what the table refused with what it read. */
  const canonicalize = (search: string) => {
    const fixed = defined.correct(search);
    if (fixed !== undefined) navigate(fixed, true);
  };
  const firstPage = (next: Partial<TableUrlState>) =>
    write({ ...latest.current.applied, ...next, pageIndex: 0, cursor: undefined });
  const setColumnFilters = (updater: Updater<ColumnFiltersState>) => {
    const next = apply(updater, latest.current.applied.columnFilters);
    const kept = next.filter((f) => f.value != null && f.value !== '');
    const allowed = kept.filter((f) => defined.allows(f.id, String(f.value)));
    // As a refused sort: a filter value not allowed changes nothing, not even the filters there are.
    if (allowed.length < kept.length) {
      if (process.env.NODE_ENV !== 'production')
        console.warn(
          `[pagewise] useTableState: a filter value that is not allowed was not applied (${JSON.stringify(kept.filter((f) => !allowed.includes(f)))}); list it in filterable.`,
        );
      return;
    }
    firstPage({ columnFilters: allowed.map((f) => ({ id: f.id, value: String(f.value) })) });
  };
  return {
    canonicalize,
    search: (globalFilter: string) => firstPage({ globalFilter }),
    setters: {
      setPageIndex: (
        pageIndex: number,
        cursor?: string | null,
        how?: { replace: boolean; pageSize?: number | undefined },
      ) =>
        write(
          {
            ...latest.current.applied,
            pageIndex,
            cursor: cursor ?? undefined,
            cursorPageSize: cursor ? how?.pageSize : undefined,
          },
          how?.replace,
        ),
      setPageSize: (pageSize: number) => {
        // A size not offered would be written and ignored: the table and its URL would disagree.
        if (defined.offers(pageSize)) return firstPage({ pageSize });
        if (process.env.NODE_ENV !== 'production')
          console.warn(
            `[pagewise] useTableState: page size ${pageSize} is not offered (pageSizes: ${JSON.stringify(defined.options.pageSizes)}); it was not applied.`,
          );
      },
      setSorting: (updater: Updater<SortingState>) => {
        const sorting = apply(updater, latest.current.applied.sorting);
        // A column not sortable would be written and ignored: the table and its URL would
        // disagree. Such a sort changes nothing, not even the sort there is.
        const { sortable } = defined.options;
        const refused = sortable ? sorting.filter((s) => !sortable.includes(s.id)) : [];
        if (!refused.length) return firstPage({ sorting });
        if (process.env.NODE_ENV !== 'production')
          console.warn(
            `[pagewise] useTableState: a sort by a column not in sortable was not applied (${JSON.stringify(refused)}); list it in sortable, or give the column enableSorting: false.`,
          );
      },
      setColumnFilters,
      setGlobalFilter: (updater: Updater<string>) => setTyped((old) => apply(updater, old)),
    },
  };
}
