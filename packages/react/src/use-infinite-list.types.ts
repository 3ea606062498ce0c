import type { Cursor, FetchedPage, PaginationError, RequestRunner, Source } from '@pagewise/core';
import type { ListPageParam } from '@pagewise/core/controllers';
import type { QueryKey } from '@tanstack/react-query';

export type { ListPageParam };

export interface UseInfiniteListOptions<T, P = unknown> {
  source: Source<T, P>;
  /** The runner. @default the nearest `PagewiseProvider`'s */
  runner?: RequestRunner | undefined;
  /**
   * The list's parameters (filters, a time window, search), handed to the source with every
   * request and compared by value: new parameters restart the list from its first page, abort
   * what is in flight and keep the old items on screen (`isPlaceholderData`) until it lands.
   * @defaultValue none
   */
  params?: P | undefined;
  /** Base query key. @default sourceQueryKey(source) */
  queryKey?: QueryKey | undefined;
  /** Items per request, clamped to the source's limits. @default the source's default */
  pageSize?: number | undefined;
  /**
   * Keep at most this many pages; the list then drops pages at the far end, in both directions.
   * @defaultValue none — every page is kept
   */
  maxPages?: number | undefined;
  /**
   * Open the list around a cursor (`source.cursorOf(item)`, or one saved earlier) and grow both
   * ways.
   * @defaultValue none — `aroundKey`, else the start
   */
  around?: Cursor | undefined;
  /**
   * Open the list around the item with this key, for sources that can position by key
   * (`source.cursorForKey`); `around` wins.
   * @defaultValue none — the list opens at the start
   */
  aroundKey?: string | undefined;
  /** @default true */
  enabled?: boolean | undefined;
  /** How long fetched pages count as fresh, in ms. @default the provider's, else 30000 */
  staleTime?: number | undefined;
  /**
   * Which end of the list holds the newest items, for `refreshNewest` and `live`: the start
   * for newest-first APIs (Dashly's default order, Mews, most feeds), the end for lists in
   * ascending order (a chat API that lists oldest first).
   * @defaultValue 'start'
   */
  newest?: 'start' | 'end' | undefined;
  /**
   * Keep the newest edge up to date: `refreshNewest()` every `interval` ms while the page is
   * visible and the browser online (and at once when it becomes visible or online again).
   * @defaultValue none — the list refreshes only when asked
   */
  live?: { interval: number } | undefined;
}

export interface InfiniteList<T> {
  /** Every loaded item, in list order, de-duplicated by key. */
  items: T[];
  pages: FetchedPage<T>[];
  /** More can be loaded below (false after the end, and once the vendor looped). */
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  /** Loads the next page; does nothing while a page is loading, after the end, or after a failed next page (call `retry()`). */
  fetchNextPage(): Promise<void>;
  /** Loads the previous page; does nothing while a page is loading, at the start, or after a failed previous page. */
  fetchPreviousPage(): Promise<void>;
  /** Fetches only the first page again and merges it by key (new items appear at the top). */
  refreshHead(): Promise<void>;
  /**
   * Brings the newest edge (see `newest`) up to date with one request: where the source can page
   * from an item (Dashly positions, Mews ids at the end), only what is newer than the newest item
   * held, added as a page of its own; elsewhere the edge page read again and merged by key. New
   * items appear at that edge wherever it sits on screen; older pages are not fetched again. A
   * failure shows in `error` (the promise does not reject).
   */
  refreshNewest(): Promise<void>;
  /** A `refreshNewest` (or `refreshHead`) is in flight. */
  isRefreshingNewest: boolean;
  /**
   * How many items the last change added at the top — negative when a `maxPages` window dropped
   * items from the top. A virtualized list shifts its scroll offset by this many rows to keep the
   * visible item in place; 0 when the list grew at the bottom.
   */
  prependedCount: number;
  isLoading: boolean;
  /** A page is loading (an edge refresh, `isRefreshingNewest`, runs in the background and is not counted). */
  isFetching: boolean;
  isFetchingNextPage: boolean;
  isFetchingPreviousPage: boolean;
  isRefreshingHead: boolean;
  /** The items shown are the previous parameters' while the new list's first page loads. */
  isPlaceholderData: boolean;
  /** The last failure, or `CURSOR_LOOP` when the vendor looped or stopped making progress (the list stops growing). */
  error: PaginationError | null;
  /** Tries the failed page again; loaded items stay. */
  retry(): void;
  /** Fetches the loaded pages again (after a mutation); the items shown stay meanwhile. */
  refetch(): Promise<void>;
}
