import type { PaginationError } from '../pagination-error.js';
import type { FetchedPage, RequestRunner, RetryWait } from '../runner/runner-types.js';
import type { Cursor, Source } from '../types.js';
import type { PageCache } from './page-cache.js';
import type { WantedPage } from './page-key.js';
import type { TableMessages } from './table-messages.js';

/** Where a cursor table's page starts, known from a link (`?page=5&cursor=…`). */
export interface PageLink {
  /** The page index (zero-based). */
  index: number;
  cursor: Cursor;
  /**
   * The page size the cursor was handed out at: at another size the cursor starts another page
   * (page 3 of 20 rows is not where page 3 of 100 starts), so the table walks to the page instead.
   * @defaultValue unknown — the cursor is followed at any size
   */
  pageSize?: number | undefined;
}

export interface PagedTableOptions<T, P = unknown> {
  source: Source<T, P>;
  runner: RequestRunner;
  /**
   * Where pages are kept: `memoryPageCache()`, or a binding's cache (TanStack Query's in
   * `@pagewise/react`). The row type comes from `source`, not from here.
   */
  cache: NoInfer<PageCache<T>>;
  /**
   * The base of the table's cache keys.
   * @defaultValue `['pagewise', provider, identity]` — the source's identity, from how it was built
   */
  queryKey?: readonly unknown[] | undefined;
  /**
   * The list's parameters (filters, sort, search), handed to the source with every request and
   * part of the cache key: new parameters start over on the first page with a fresh book, the
   * old rows shown until the new first page lands.
   * @defaultValue none — requests carry no parameters
   */
  params?: P | undefined;
  /**
   * The page size, clamped to the source's limits. A new size starts over on the first page.
   * @defaultValue the source's default size
   */
  pageSize?: number | undefined;
  /**
   * The page to show. Read at the start, and again whenever it changes (a page index kept in the
   * URL); a page the table cannot reach opens the nearest one it can, with a development warning.
   * @defaultValue 0
   */
  pageIndex?: number | undefined;
  /**
   * Open a cursor source at a page known from a link: page `index` starts at `cursor`. A
   * page-number source ignores it (a page number is where its page starts).
   * @defaultValue none — a cursor source reaches later pages from page 0
   */
  link?: PageLink | undefined;
  /**
   * Cursor sources reach a page never visited through the pages before it: `'walk'` fetches the
   * pages between (at most `maxWalk` of them), `'disabled'` refuses the jump (Next still works).
   * @defaultValue 'walk'
   */
  forwardJumps?: 'walk' | 'disabled' | undefined;
  /**
   * The most pages one jump on a cursor source walks through before the page it opens (which
   * takes one request more: from page 1, page 11 in 11 requests). @defaultValue 10
   */
  maxWalk?: number | undefined;
  /**
   * Pages fetched ahead of the one shown: `true` adapts to how fast the user turns pages and how
   * long the API takes (1 to 3 pages); a number sets the most; `false` fetches none.
   * @defaultValue true
   */
  prefetch?: boolean | number | undefined;
  /**
   * Page-number and offset sources: the page after one the table holds is read on from its last
   * rows — a window starting a few rows back — so Next neither skips a row that moved up (a row
   * deleted above) nor repeats one pushed down (a row inserted above). Pages fetched ahead are
   * read on from the page before only when it is held, so it helps most with `prefetch: false`.
   * @defaultValue false — each page is read by its number alone, as page N is now
   */
  repairDrift?: boolean | undefined;
  /** `false` fetches nothing. @defaultValue true */
  enabled?: boolean | undefined;
  /** How long a fetched page counts as fresh, in ms (for a cache that keeps time). @defaultValue 30000 */
  staleTime?: number | undefined;
  /** Why a page cannot be reached, in the app's words. @defaultValue English */
  messages?: Partial<TableMessages> | undefined;
  /**
   * Called when the requested page changes by a command (for a page index kept in the URL), with
   * the cursor that page starts at when known (a link to a cursor source's page can carry it:
   * see `link`; a page-number source's is its page number). `replace`
   * is set when the table corrects a page it was given (past the end, out of reach) or its link: a
   * URL then replaces its entry, so Back does not return to what was corrected. A cursor learned
   * since, or the same one at another size, comes in place; `null` on a page-number source whose
   * link held a cursor: drop it. `pageSize` is the size the page is read at: a link keeps it with
   * the cursor (`PageLink.pageSize`).
   * @defaultValue none
   */
  onPageIndexChange?(
    pageIndex: number,
    cursor: Cursor | null | undefined,
    how: { replace: boolean; pageSize: number },
  ): void;
  /** Clock (ms), for tests. @defaultValue Date.now */
  now?(): number;
}

/** A snapshot of a table: what to render. */
/** A page asked for that a table could not open (see `PagedTableState.notOpened`). */
export interface NotOpened {
  /** The page asked for, counted from 0. */
  pageIndex: number;
  /** Why it could not be opened, in the table's `messages` (`tooFar`, `pastEnd`…). */
  reason: string;
}

export interface PagedTableState<T> {
  /** The rows on screen: the shown page's (the previous page's while the requested one loads). */
  rows: T[];
  /** The page on screen, as fetched. */
  page: FetchedPage<T> | undefined;
  /** The page requested (by Next, a page button, the URL); the rows follow when it lands. */
  pageIndex: number;
  /**
   * The page whose rows are on screen; differs from `pageIndex` while it loads or after it failed.
   * Rows read with other parameters or at another page size, kept on screen while the new first
   * page loads, are no page of the table: `pageIndex` then (with `isPlaceholderData`).
   */
  shownPageIndex: number;
  /** The page size actually sent (the source's limits applied). */
  pageSize: number;
  /** Total pages, or `-1` while unknown. */
  pageCount: number;
  /** Total rows (TanStack Table's `rowCount`), when the vendor tells it or the table has counted every page to the end. */
  rowCount: number | undefined;
  /**
   * While the page count is unknown: the pages the source estimates (its `estimateTotal`), to
   * show as an estimate — "Page 7 of about 60". Never fewer than the pages reached; `undefined`
   * once the count is known, and for a source that cannot estimate.
   */
  estimatedPageCount: number | undefined;
  /** The rows the source estimates, with `estimatedPageCount`. */
  estimatedRowCount: number | undefined;
  /**
   * While the page count is unknown: the pages known to exist — up to the furthest page shown (a
   * walk far ahead, then back); with an estimate, every page read and the one a next announces.
   * A page range runs to the last of them (and the page after the current one), and does not mark
   * them as estimates. `undefined` once the count is known.
   */
  knownPageCount: number | undefined;
  canPreviousPage: boolean;
  /** False once the requested page is known to be the last (an empty prefetched page counts). */
  canNextPage: boolean;
  /** True only when the last page is known and reachable. */
  canLastPage: boolean;
  /** Nothing to show yet, and a page is wanted (so false with `enabled: false`). */
  isLoading: boolean;
  /** The requested page (or a page on the way to it) is being fetched. */
  isFetching: boolean;
  /** The rows shown are not the requested page's. */
  isPlaceholderData: boolean;
  /** A jump on a cursor source is fetching the pages between. */
  isWalking: boolean;
  /** Why the requested page could not be fetched; the rows shown stay. */
  error: PaginationError | null;
  /**
   * While the requested page (or the step toward it) waits to be tried again — a 429 and its
   * `Retry-After`, a 5xx, a network failure: why, and when the next attempt goes (`until`, for a
   * countdown: "Rate limited — trying again in 20 s"). `undefined` when nothing waits.
   */
  retrying: RetryWait | undefined;
  /**
   * The requested page (or the step toward it) is held until the browser is online — TanStack
   * Query holds fetches offline — and goes once the connection is back (`isFetching` is true
   * meanwhile). Say so: "Page 5 waits for the connection".
   */
  offline: boolean;
  /**
   * The page asked for — a URL's, a controlled `pageIndex` — when the table could not open it
   * and opened `pageIndex` instead (the nearest it can reach: a link past a walk, past the end),
   * and why, in the table's `messages`. Show it: the user asked for another page. `undefined`
   * once the user moves.
   */
  notOpened: NotOpened | undefined;
  /** The pages to keep fetched and observed, for a binding that fetches declaratively. */
  wanted: readonly WantedPage[];
}

/** What a table does: its commands, bound (pass them as handlers as they are). */
export interface PagedTableCommands<T> {
  /** Goes to a page, when it can be reached (`pageDisabledReason` says why not). */
  setPageIndex(pageIndex: number): void;
  nextPage(): void;
  previousPage(): void;
  firstPage(): void;
  lastPage(): void;
  /** A new page size (clamped): back to the first page with a fresh cursor book. */
  setPageSize(pageSize: number): void;
  /** A sign the user may go to a page (focus, a pointer that moved onto its button): fetch it early. */
  prefetchPage(pageIndex: number): void;
  /** Fetches the failed page again; the rows shown stay. */
  retry(): void;
  /** Fetches the pages of this table again (after a mutation); the rows shown stay meanwhile. */
  refetch(): void;
  /** Why a page cannot be reached now, or `undefined`. */
  pageDisabledReason(pageIndex: number): string | undefined;
  /**
   * The cursor page `pageIndex` starts at, read forward — what a link to it holds — when known
   * (`null` for the first page; `undefined` for a page reached backwards until its own is known).
   */
  cursorAt(pageIndex: number): Cursor | null | undefined;
  /** The key of a row (the source's): TanStack Table's `getRowId`. */
  itemKey(row: T): string;
}

export interface PagedTableController<T> extends PagedTableCommands<T> {
  getState(): PagedTableState<T>;
  /** Calls `listener` after every change of state; the first listener starts fetching. */
  subscribe(listener: () => void): () => void;
  /**
   * Updates options; only values that changed do anything: another source, other parameters or
   * another `pageSize` start over on the first page with a fresh book; a new `pageIndex` moves
   * there silently (a controlled index).
   */
  setOptions(options: Partial<Omit<PagedTableOptions<T>, 'cache'>>): void;
  /** Fetches a wanted page (a binding's query function). */
  load(wanted: WantedPage, signal?: AbortSignal): Promise<FetchedPage<T>>;
}
