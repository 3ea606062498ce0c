import type { PageLink } from '../paged-table/paged-table.types.js';
import type { Cursor, TableQuery } from '../types.js';

/**
 * What a table keeps in the URL. `sorting` and `columnFilters` have the shapes of TanStack
 * Table's `SortingState` and `ColumnFiltersState`, so they pass to and from it as they are.
 */
export interface TableUrlState {
  /** Zero-based (`?page=` counts from 1). */
  pageIndex: number;
  pageSize: number | undefined;
  /** The cursor the page starts at (cursor sources), so a shared link opens it in one request. */
  cursor: Cursor | undefined;
  /**
   * The page size the cursor was handed out at, written beside it (`cursorSize=20`): a URL whose
   * size was changed since opens its page by a walk, not at a cursor that starts another page.
   * @defaultValue unknown — the cursor is followed at any size
   */
  cursorPageSize?: number | undefined;
  sorting: Array<{ id: string; desc: boolean }>;
  columnFilters: Array<{ id: string; value: unknown }>;
  globalFilter: string;
}

export interface TableStateOptions {
  /**
   * Keep the state in the URL's query — `?page=3&size=50&sort=-total&status=paid&q=smith` (and
   * `cursor=…` on cursor sources); `?page=` counts from 1 — so a link opens the same page and
   * Back/Forward step through it. `prefix` namespaces the names when a page has several tables.
   * @defaultValue false — the state lives in React state
   */
  url?: boolean | { prefix?: string | undefined } | undefined;
  /**
   * Column ids that may be sorted: a URL naming another is ignored, and a sort by another is not
   * applied (nor written). Give the other columns `enableSorting: false` in TanStack Table.
   * @defaultValue none — any column id
   */
  sortable?: readonly string[] | undefined;
  /**
   * Column ids that may be filtered, each a URL parameter of its own name: a list of ids (any
   * value), or each id with the values it may take (`{ state: ['open', 'closed'] }`) — a value
   * outside them is ignored when read from a URL and refused when set.
   * @defaultValue none — no column filter is kept
   */
  filterable?: readonly string[] | Readonly<Record<string, readonly string[] | null>> | undefined;
  /**
   * Page sizes offered; a size outside them is ignored, in a URL and by `setPageSize`. When the
   * URL names no size the table's `pageSize` (else the source's default) is used: offer it too.
   * @defaultValue none — any size from 1 to 9999
   */
  pageSizes?: readonly number[] | undefined;
  /** Wait this long after the last keystroke before a search applies. @defaultValue 300 */
  searchDelayMs?: number | undefined;
}

/** What a fetched page says of the whole list (a `FetchedPage` is one): its totals, if the vendor told them. */
export interface PageTotals {
  /** The page size the page was read at. */
  size: number;
  total?: number | undefined;
  pageCount?: number | undefined;
}

/** A URL query as a server framework hands it: text, `URLSearchParams`, or a record (Next.js' `searchParams`). */
export type SearchInput =
  | string
  | URLSearchParams
  | Readonly<Record<string, string | readonly string[] | undefined>>;

/** The page a table opens on, as a table's controller (and its server prefetch) takes it. */
export interface TablePage {
  params: TableQuery;
  pageIndex: number;
  pageSize: number | undefined;
  link: PageLink | undefined;
}

/**
 * One table's state, defined once for the client (`useTableState(definition)` in
 * `@pagewise/react`) and the server (`pagedTableQueryOptions({ state: definition, search })`), so
 * both read a URL the same way. Framework-free: a server loader or route handler reads a table's
 * URL with it without importing a UI library.
 */
export interface TableStateDefinition {
  readonly options: TableStateOptions;
  /** Reads a URL query, refusing what the table could not have written. */
  read(search: SearchInput): TableUrlState;
  /**
   * Writes a state into a URL query (`?…`, or `''` when nothing is left), keeping the query's
   * other parameters.
   */
  write(search: SearchInput, state: TableUrlState): string;
  /** The page the table opens on for a URL query (a server render prefetches exactly it). */
  pageOf(search: SearchInput): TablePage;
  /**
   * The query without what this table refused in it (`?page=abc`, a size not offered, a filter
   * value not allowed), or `undefined` when it holds nothing to correct — however encoded or
   * ordered. For a URL corrected in place (`useTableState` does), or a server's redirect. Given
   * the page fetched for the query (a server's prefetch), a page past the end the vendor told
   * moves to the last page too (`?page=999` of 100 pages becomes `?page=100`), as the table
   * would move it in the browser.
   */
  correct(search: SearchInput, fetched?: PageTotals | undefined): string | undefined;
  /** The page a state asks for: its page, size, link, and the source's parameters (sort, filters, search). */
  page(state: TableUrlState): TablePage;
  /** Whether a column filter value may be kept. */
  allows(id: string, value: string): boolean;
  /** Whether a page size may be kept: one offered (`pageSizes`), else any from 1 to 9999. */
  offers(size: number): boolean;
}

const PAGE = /^[1-9]\d{0,5}$/;
const SIZE = /^[1-9]\d{0,3}$/;
const ID = /^[A-Za-z_][\w.-]{0,63}$/;
const RESERVED = new Set(['page', 'size', 'sort', 'q', 'cursor', 'cursorSize']);
const MAX_SORT = 4;
const MAX_TEXT = 200;

/**
 * A URL query from any of the forms a framework hands one: text (with or without `?`),
 * `URLSearchParams`, or a record whose repeated names are arrays (Next.js' `searchParams`).
 * Always a new object: the input is never changed.
 */
export function searchParamsOf(search: SearchInput): URLSearchParams {
  if (typeof search === 'string' || search instanceof URLSearchParams)
    return new URLSearchParams(search);
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(search))
    for (const one of typeof value === 'string' ? [value] : (value ?? [])) query.append(name, one);
  return query;
}

/** Reads the sort ids of a URL, stopping at the cap (never splitting a huge `?sort=` whole). */
function readSort(text: string, sorts: (id: string) => boolean): TableUrlState['sorting'] {
  const sorting: TableUrlState['sorting'] = [];
  let from = 0;
  while (from <= text.length && sorting.length < MAX_SORT) {
    const comma = text.indexOf(',', from);
    const part = text.slice(from, comma < 0 ? undefined : comma);
    from = comma < 0 ? text.length + 1 : comma + 1;
    if (part.length > 65) continue;
    const id = part.startsWith('-') ? part.slice(1) : part;
    if (!sorts(id)) continue;
    if (!sorting.some((s) => s.id === id)) sorting.push({ id, desc: part.startsWith('-') });
  }
  return sorting;
}

/**
 * A table's state, defined once: what may be sorted, filtered (and to which values), the page
 * sizes offered, and whether the state lives in the URL. `useTableState(definition)` keeps it on
 * the client, `pagedTableQueryOptions({ state: definition, search })` prefetches its page on a
 * server — both read a URL with the same rules: a page must be written as digits (`1e9`,
 * `0x10`, `" 7 "` are ignored), a size must be one offered, ids and values ones allowed, text capped.
 */
export function defineTableState(options: TableStateOptions = {}): TableStateDefinition {
  const prefix = typeof options.url === 'object' ? (options.url.prefix ?? '') : '';
  const filters = options.filterable ?? [];
  const filterIds: readonly string[] = Array.isArray(filters)
    ? (filters as readonly string[])
    : Object.keys(filters);
  const allowedValues = (id: string) =>
    Array.isArray(filters)
      ? null
      : ((filters as Record<string, readonly string[] | null>)[id] ?? null);
  const allows = (id: string, value: string) => {
    const values = allowedValues(id);
    return (
      filterIds.includes(id) && !RESERVED.has(id) && (values === null || values.includes(value))
    );
  };
  /** Whether a sort id may be kept: one a URL can hold, among `sortable` when given. */
  const sorts = (id: string) => ID.test(id) && (options.sortable?.includes(id) ?? true);
  const offers = (size: number) =>
    Number.isInteger(size) &&
    size >= 1 &&
    size <= 9999 &&
    (options.pageSizes?.includes(size) ?? true);
  const read = (search: SearchInput): TableUrlState => {
    const query = searchParamsOf(search);
    const get = (name: string) => query.get(prefix + name);
    const page = get('page');
    const size = get('size');
    const sizeNumber = size !== null && SIZE.test(size) ? Number(size) : undefined;
    const columnFilters: TableUrlState['columnFilters'] = [];
    for (const id of filterIds) {
      const value = get(id)?.slice(0, MAX_TEXT);
      if (value && allows(id, value)) columnFilters.push({ id, value });
    }
    const cursor = get('cursor');
    const cursorSize = get('cursorSize');
    return {
      pageIndex: page !== null && PAGE.test(page) ? Number(page) - 1 : 0,
      pageSize: sizeNumber !== undefined && offers(sizeNumber) ? sizeNumber : undefined,
      cursor: cursor !== null && cursor.length > 0 && cursor.length <= 2048 ? cursor : undefined,
      cursorPageSize: cursorSize !== null && SIZE.test(cursorSize) ? Number(cursorSize) : undefined,
      sorting: readSort(get('sort') ?? '', sorts),
      columnFilters,
      globalFilter: (get('q') ?? '').slice(0, MAX_TEXT),
    };
  };
  const write = (search: SearchInput, state: TableUrlState): string => {
    const query = searchParamsOf(search);
    const put = (name: string, value: string | undefined) => {
      if (value === undefined || value === '') query.delete(prefix + name);
      else query.set(prefix + name, value);
    };
    put('page', state.pageIndex > 0 ? String(state.pageIndex + 1) : undefined);
    put(
      'size',
      state.pageSize !== undefined && offers(state.pageSize) ? String(state.pageSize) : undefined,
    );
    // What is written reads back the same: a column not sortable is left out, as a filter is,
    // and at most the sorts a URL is read with.
    put(
      'sort',
      state.sorting
        .filter((s) => sorts(s.id))
        .slice(0, MAX_SORT)
        .map((s) => (s.desc ? `-${s.id}` : s.id))
        .join(','),
    );
    for (const id of filterIds) {
      const value = state.columnFilters.find((f) => f.id === id)?.value;
      // Capped as a URL is read: what is written reads back the same.
      const text = typeof value === 'string' ? value.slice(0, MAX_TEXT) : undefined;
      put(id, text !== undefined && allows(id, text) ? text : undefined);
    }
    put('q', state.globalFilter.slice(0, MAX_TEXT));
    const cursor = state.pageIndex > 0 ? state.cursor : undefined;
    put('cursor', cursor);
    const size = cursor ? String(state.cursorPageSize ?? '') : '';
    put('cursorSize', SIZE.test(size) ? size : undefined);
    const text = query.toString();
    return text ? `?${text}` : '';
  };
  return {
    options,
    read,
    write,
    allows,
    offers,
    page: tablePageOf,
    pageOf: (search) => tablePageOf(read(search)),
    correct(search, fetched) {
      const state = read(search);
      const last = lastPageIndex(fetched);
      const past = last !== undefined && state.pageIndex > last;
      const fixed = write(search, past ? { ...state, pageIndex: last, cursor: undefined } : state);
      return pairs(fixed) === pairs(searchParamsOf(search)) ? undefined : fixed;
    },
  };
}

/** The last page's index from a fetched page's totals (page 0 when there are no rows), if told. */
function lastPageIndex(fetched: PageTotals | undefined): number | undefined {
  const count =
    fetched?.pageCount ??
    (fetched?.total !== undefined && fetched.size > 0
      ? Math.ceil(fetched.total / fetched.size)
      : undefined);
  return count === undefined || !Number.isFinite(count) ? undefined : Math.max(0, count - 1);
}

/** A query's parameters, however encoded or ordered (`,` and `%2C` alike), as one text. */
const pairs = (query: string | URLSearchParams) =>
  JSON.stringify([...new URLSearchParams(query)].sort());

/**
 * The page a state asks for. The source's parameters are its sort, filters and (applied)
 * search, trimmed; the link is where the page starts when a URL says (a cursor source's page past the first).
 */
function tablePageOf(state: TableUrlState): TablePage {
  const { pageIndex, cursor } = state;
  return {
    params: {
      sort: state.sorting,
      filters: Object.fromEntries(state.columnFilters.map((f) => [f.id, f.value])),
      // What was typed, without the blanks around it: "  " searches for nothing.
      search: state.globalFilter.trim(),
    },
    pageIndex,
    pageSize: state.pageSize,
    link:
      cursor !== undefined && pageIndex > 0
        ? {
            index: pageIndex,
            cursor,
            ...(state.cursorPageSize === undefined ? {} : { pageSize: state.cursorPageSize }),
          }
        : undefined,
  };
}
