import type { PaginationError } from '../pagination-error.js';
import type { FetchedPage, RequestRunner } from '../runner/runner-types.js';
import type { Cursor, Source } from '../types.js';
import type { PageCache } from './page-cache.js';
import type { WantedPage } from './page-key.js';

export interface PagedTableOptions<T> {
  source: Source<T>;
  runner: RequestRunner;
  /** Where pages are kept: `memoryPageCache()`, or a binding's cache (TanStack Query's in `@pagewise/react`). */
  cache: PageCache<T>;
  /**
   * The cache scope of the source. @default ['pagewise', provider, sourceIdentity(source)]
   */
  scope?: readonly unknown[] | undefined;
  /**
   * The list's parameters (filters, sort, search), handed to the source with every request and
   * part of the cache scope: new parameters start over on the first page with a fresh book,
   * the old rows shown until the new first page lands.
   * @defaultValue none — requests carry no parameters
   */
  params?: unknown | undefined;
  /**
   * Page size at the start, clamped to the source's limits.
   * @defaultValue the source's default size
   */
  pageSize?: number | undefined;
  /** Page index at the start (or, controlled, the one to show). @default 0 */
  pageIndex?: number | undefined;
  /**
   * Open a cursor source at a page known from a link: page `index` starts at `cursor`.
   * @defaultValue none — a cursor source reaches later pages from page 0
   */
  link?: { index: number; cursor: Cursor } | undefined;
  /**
   * Cursor sources reach a page never visited through the pages before it: `'walk'` fetches the
   * pages between (at most `maxWalk` requests), `'disabled'` refuses the jump (Next still works).
   * @default 'walk'
   */
  forwardJumps?: 'walk' | 'disabled' | undefined;
  /** The most requests one jump may take on a cursor source. @default 10 */
  maxWalk?: number | undefined;
  /**
   * Pages fetched ahead of the one shown: `true` adapts to how fast the user turns pages and how
   * long the API takes (1 to 3 pages); a number sets the most; `false` fetches none. @default true
   */
  prefetch?: boolean | number | undefined;
  /** `false` fetches nothing. @default true */
  enabled?: boolean | undefined;
  /**
   * Called when the requested page changes by a command (for a page index kept in the URL), with
   * the cursor that page starts at when known (a link to it can carry it: see `link`).
   * @defaultValue none
   */
  onPageIndexChange?(pageIndex: number, cursor: Cursor | null | undefined): void;
  /** Clock (ms), for tests. @default Date.now */
  now?(): number;
}

/** A snapshot of a table: what to render. */
export interface PagedTableState<T> {
  /** The rows on screen: the shown page's (the previous page's while the requested one loads). */
  rows: T[];
  /** The page on screen, as fetched. */
  page: FetchedPage<T> | undefined;
  /** The page requested (by Next, a page button, the URL); the rows follow when it lands. */
  pageIndex: number;
  /** The page whose rows are on screen; differs from `pageIndex` while it loads or after it failed. */
  shownPageIndex: number;
  /** The page size actually sent (the source's limits applied). */
  pageSize: number;
  /** Total pages, or `-1` while unknown. */
  pageCount: number;
  /** Total rows, when the vendor tells it. */
  rowCount: number | undefined;
  canPreviousPage: boolean;
  /** False once the requested page is known to be the last (an empty prefetched page counts). */
  canNextPage: boolean;
  /** True only when the last page is known and reachable. */
  canLastPage: boolean;
  /** Nothing to show yet. */
  isLoading: boolean;
  /** The requested page (or a page on the way to it) is being fetched. */
  isFetching: boolean;
  /** The rows shown are not the requested page's. */
  isPlaceholderData: boolean;
  /** A jump on a cursor source is fetching the pages between. */
  isWalking: boolean;
  /** Why the requested page could not be fetched; the rows shown stay. */
  error: PaginationError | null;
  /** The pages to keep fetched and observed, for a binding that fetches declaratively. */
  wanted: readonly WantedPage[];
}

export interface PagedTableController<T> {
  getState(): PagedTableState<T>;
  /** Calls `listener` after every change of state; the first listener starts fetching. */
  subscribe(listener: () => void): () => void;
  /**
   * Updates options: a new `scope` (another source, other parameters) or `pageSize` starts over
   * on the first page with a fresh book; `pageIndex` moves silently (a controlled index).
   */
  setOptions(options: Partial<Omit<PagedTableOptions<T>, 'cache'>>): void;
  goTo(pageIndex: number): void;
  next(): void;
  previous(): void;
  first(): void;
  last(): void;
  /** Back to the first page with a fresh cursor book, at the new size (clamped). */
  setPageSize(pageSize: number): void;
  /** Fetches the failed page again; the rows shown stay. */
  retry(): void;
  /** Fetches the pages of this table again (after a mutation); the rows shown stay meanwhile. */
  refetch(): void;
  /** A sign the user is about to go to a page (pointer over or focus on its control): fetch early. */
  intent(pageIndex: number): void;
  /** Why a page cannot be reached now, or `undefined`. */
  pageDisabledReason(pageIndex: number): string | undefined;
  /** The cursor page `pageIndex` starts at, when known (`null` for the first page). */
  cursorAt(pageIndex: number): Cursor | null | undefined;
  /** Fetches a wanted page (a binding's query function). */
  load(wanted: WantedPage, signal?: AbortSignal): Promise<FetchedPage<T>>;
}
