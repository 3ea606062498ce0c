import type { Cursor, TableQuery } from '@pagewise/core';

/** What a table keeps in the URL. */
export interface TableUrlState {
  /** Zero-based. */
  pageIndex: number;
  pageSize: number | undefined;
  /** The cursor the page starts at (cursor sources), so a shared link opens it in one request. */
  cursor: Cursor | undefined;
  sorting: Array<{ id: string; desc: boolean }>;
  columnFilters: Array<{ id: string; value: string }>;
  globalFilter: string;
}

export interface TableUrlOptions {
  /** Prefix of the parameter names, for several tables on one page. @default '' */
  prefix?: string | undefined;
  /**
   * Column ids that may be sorted; a URL naming another is ignored.
   * @defaultValue none — any column id
   */
  sortable?: readonly string[] | undefined;
  /**
   * Column ids that may be filtered, each a parameter of its own name.
   * @defaultValue none — no column filter is read or written
   */
  filterable?: readonly string[] | undefined;
  /**
   * Page sizes offered; a size outside them is ignored.
   * @defaultValue none — any size from 1 to 9999
   */
  pageSizes?: readonly number[] | undefined;
}

const PAGE = /^[1-9]\d{0,5}$/;
const SIZE = /^[1-9]\d{0,3}$/;
const ID = /^[A-Za-z_][\w.-]{0,63}$/;
const RESERVED = new Set(['page', 'size', 'sort', 'q', 'cursor']);

/**
 * Reads a table's state from a URL query, refusing what is not a value the table could have set:
 * a page must be written as digits (`1e9`, `0x10`, `" 7 "`, `1e21` are ignored, not page
 * indexes), a size must be one offered, sort and filter ids must be ones allowed, text is capped.
 */
export function readTableUrl(search: string, options: TableUrlOptions = {}): TableUrlState {
  const p = options.prefix ?? '';
  const query = new URLSearchParams(search);
  const get = (name: string) => query.get(p + name);
  const page = get('page');
  const size = get('size');
  const sizeNumber = size !== null && SIZE.test(size) ? Number(size) : undefined;
  const sorting: TableUrlState['sorting'] = [];
  for (const part of (get('sort') ?? '').split(',')) {
    const id = part.replace(/^-/, '');
    if (!ID.test(id) || (options.sortable && !options.sortable.includes(id))) continue;
    if (!sorting.some((s) => s.id === id)) sorting.push({ id, desc: part.startsWith('-') });
  }
  const columnFilters: TableUrlState['columnFilters'] = [];
  for (const id of options.filterable ?? []) {
    const value = get(id);
    if (value !== null && value !== '' && !RESERVED.has(id))
      columnFilters.push({ id, value: value.slice(0, 200) });
  }
  const cursor = get('cursor');
  return {
    pageIndex: page !== null && PAGE.test(page) ? Number(page) - 1 : 0,
    pageSize:
      sizeNumber !== undefined && (!options.pageSizes || options.pageSizes.includes(sizeNumber))
        ? sizeNumber
        : undefined,
    cursor: cursor !== null && cursor.length > 0 && cursor.length <= 2048 ? cursor : undefined,
    sorting: sorting.slice(0, 4),
    columnFilters,
    globalFilter: (get('q') ?? '').slice(0, 200),
  };
}

/** Writes a table's state into a URL query (`?page=3&size=50&sort=-total&status=paid&q=…`), keeping other parameters. */
export function writeTableUrl(
  search: string,
  state: TableUrlState,
  options: TableUrlOptions = {},
): string {
  const p = options.prefix ?? '';
  const query = new URLSearchParams(search);
  const put = (name: string, value: string | undefined) => {
    if (value === undefined || value === '') query.delete(p + name);
    else query.set(p + name, value);
  };
  put('page', state.pageIndex > 0 ? String(state.pageIndex + 1) : undefined);
  put('size', state.pageSize === undefined ? undefined : String(state.pageSize));
  put('sort', state.sorting.map((s) => (s.desc ? `-${s.id}` : s.id)).join(','));
  for (const id of options.filterable ?? [])
    put(id, state.columnFilters.find((f) => f.id === id)?.value);
  put('q', state.globalFilter);
  put('cursor', state.pageIndex > 0 ? state.cursor : undefined);
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** The source's parameters for a table state: sort, filters and the (applied) search. */
export function tableQueryOf(state: TableUrlState): TableQuery {
  return {
    sort: state.sorting,
    filters: Object.fromEntries(state.columnFilters.map((f) => [f.id, f.value])),
    search: state.globalFilter,
  };
}

/** Where a table's requested page starts, when a link says (a cursor source's page past the first). */
export function tableLinkOf(state: TableUrlState): { index: number; cursor: Cursor } | undefined {
  return state.cursor !== undefined && state.pageIndex > 0
    ? { index: state.pageIndex, cursor: state.cursor }
    : undefined;
}

/**
 * The page a `useTableState({ url })` table opens on for a URL query, as `pagedTableQueryOptions`
 * takes it: a server component spreads it in to prefetch exactly that page (same parameters,
 * page, size and link, so the same query key) —
 * `pagedTableQueryOptions({ source, runner, ...tablePageFromUrl(search, options) })`.
 */
export function tablePageFromUrl(
  search: string,
  options: TableUrlOptions = {},
): {
  params: TableQuery;
  pageIndex: number;
  pageSize: number | undefined;
  link: { index: number; cursor: Cursor } | undefined;
} {
  const state = readTableUrl(search, options);
  return {
    params: tableQueryOf(state),
    pageIndex: state.pageIndex,
    pageSize: state.pageSize,
    link: tableLinkOf(state),
  };
}
