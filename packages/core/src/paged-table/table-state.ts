import type { PaginationError } from '../pagination-error.js';
import type { FetchedPage, RetryWait } from '../runner/runner-types.js';
import { knownPagesOf, lastIndexOf, type PageBook, rowsToEnd } from './page-book.js';
import type { PageEntry } from './page-cache.js';
import { pageKeyText, type WantedPage } from './page-key.js';
import type { NotOpened, PagedTableState } from './paged-table.types.js';
import type { TotalEstimate } from './total-estimate.js';

/** The rows of a table with nothing to show: one array, so an empty table is always equal to itself. */
const NO_ROWS: never[] = [];

export interface TableFacts<T> {
  book: PageBook;
  requested: number;
  pageSize: number;
  /** The page on screen. */
  shown: { index: number; page: FetchedPage<T> } | undefined;
  /** Whether the requested page is the one on screen. */
  onScreen: boolean;
  /** The step toward the requested page (see `stepToward`), and what the cache holds for it. */
  step: WantedPage;
  stepEntry: PageEntry<T> | undefined;
  wanted: readonly WantedPage[];
  /** Why a page cannot be reached (`asNext`: as Next from the requested page). */
  reason(index: number, asNext?: boolean): string | undefined;
  /** The source's estimate of the whole list, from the page shown (see `estimateTotal`). */
  estimate(hasNext: boolean): TotalEstimate | undefined;
  /** The wait before the step toward the requested page is tried again, if it waits. */
  retrying?: RetryWait | undefined;
  /** The page asked for that could not be opened, and why. */
  notOpened?: NotOpened | undefined;
}

/** The page count: the vendor's, or the last page seen to be the last; `-1` while unknown. */
export function pageCountOf(book: PageBook): number {
  const last = lastIndexOf(book);
  const vendor = book.vendorPageCount;
  if (last === undefined) return vendor ?? -1;
  return Math.min(vendor ?? Number.POSITIVE_INFINITY, last + 1);
}

/** What a table renders, derived from what it knows. */
export function deriveTableState<T>(facts: TableFacts<T>): PagedTableState<T> {
  const { requested, shown, onScreen, step, reason } = facts;
  const entry = onScreen ? undefined : facts.stepEntry;
  const error = ((entry && !entry.fetching && entry.error) || null) as PaginationError | null;
  const pageCount = pageCountOf(facts.book);
  const canNextPage = !!shown && reason(requested + 1, true) === undefined;
  const estimate = pageCount < 0 ? facts.estimate(canNextPage) : undefined;
  return {
    rows: shown?.page.items ?? NO_ROWS,
    page: shown?.page,
    pageIndex: requested,
    shownPageIndex: shown?.index ?? requested,
    pageSize: facts.pageSize,
    pageCount,
    rowCount: facts.book.rowCount ?? rowsToEnd(facts.book),
    estimatedPageCount: estimate?.pages,
    estimatedRowCount: estimate?.rows,
    knownPageCount: pageCount < 0 ? (estimate?.known ?? knownPagesOf(facts.book)) : undefined,
    canPreviousPage: requested > 0 && reason(requested - 1) === undefined,
    canNextPage,
    canLastPage: pageCount > 0 && requested < pageCount - 1 && reason(pageCount - 1) === undefined,
    // Nothing shown and nothing wanted (`enabled: false`) is not loading: nothing will come.
    isLoading: !shown && !error && facts.wanted.length > 0,
    // Nothing shown yet and a page wanted: it is being fetched, from the first render on (as
    // TanStack Query's optimistic result says), not only once the request has left.
    isFetching: !!entry?.fetching || (!shown && !error && facts.wanted.length > 0),
    isPlaceholderData: !!shown && !onScreen,
    isWalking: !onScreen && (step.index !== requested || step.span > 1) && !error,
    error,
    retrying: facts.retrying,
    offline: !!entry?.paused,
    notOpened: facts.notOpened,
    wanted: facts.wanted,
  };
}

/** Whether what a table shows differs (everything but the pages wanted). */
export function shownChanged<T>(a: PagedTableState<T>, b: PagedTableState<T>): boolean {
  for (const k of Object.keys(b) as Array<keyof PagedTableState<T>>)
    if (k !== 'wanted' && a[k] !== b[k]) return true;
  return false;
}

/** Whether the pages a table wants differ (by key). */
export function wantedChanged<T>(a: PagedTableState<T>, b: PagedTableState<T>): boolean {
  const text = (s: PagedTableState<T>) => s.wanted.map((w) => pageKeyText(w.key)).join();
  return text(a) !== text(b);
}
