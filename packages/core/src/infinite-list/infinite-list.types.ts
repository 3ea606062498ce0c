import type { PaginationError } from '../pagination-error.js';
import type { RetryWait } from '../runner/runner-types.js';
import type { ListCache } from './list-cache.js';
import type { ListPage } from './list-page.js';
import type { ListQueryInput } from './list-query.js';
import type { LiveEdge } from './live-edge.js';

export interface InfiniteListOptions<T, P = unknown> extends ListQueryInput<T, P> {
  /**
   * Where pages are kept: `memoryListCache()`, or a binding's (TanStack Query's in
   * `@pagewise/react`). The item type comes from `source`, not from here.
   */
  cache: NoInfer<ListCache<T>>;
  /**
   * Keep at most this many pages; the list then drops pages at the far end, in both directions.
   * @defaultValue none — every page is kept
   */
  maxPages?: number | undefined;
  /** `false` fetches nothing. @defaultValue true */
  enabled?: boolean | undefined;
  /** How long fetched pages count as fresh, in ms. @defaultValue 30000 */
  staleTime?: number | undefined;
  /**
   * The newest edge kept up to date (`liveEdge({ interval, newest })`): `refreshNewest()` then
   * brings only what is new, with one request, and `interval` polls it.
   * @defaultValue none — `refreshNewest()` reads the list again, and nothing polls
   */
  live?: LiveEdge | undefined;
}

/** A snapshot of an infinite list: what to render. */
export interface InfiniteListState<T> {
  /** Every loaded item, in list order, each key once. */
  items: T[];
  pages: ListPage<T>[];
  /** More can be loaded after the last item (false at the end, and once the vendor looped). */
  hasNextPage: boolean;
  /** More can be loaded before the first item. */
  hasPreviousPage: boolean;
  /**
   * How many items the last change added at the top — negative when a `maxPages` window dropped
   * items from the top. A virtualized list shifts its scroll offset by this many rows to keep the
   * visible item in place; 0 when the list grew at the bottom.
   */
  prependedCount: number;
  /** Nothing to show yet: the first page is loading. */
  isLoading: boolean;
  /** A page is loading (an edge refresh runs in the background and is not counted). */
  isFetching: boolean;
  isFetchingNextPage: boolean;
  isFetchingPreviousPage: boolean;
  /** The next page failed: `fetchNextPage` waits for `retry()` (a Load more button retries). */
  isFetchNextPageError: boolean;
  /** The previous page failed: `fetchPreviousPage` waits for `retry()`. */
  isFetchPreviousPageError: boolean;
  /** A `refreshNewest` is in flight. */
  isRefreshingNewest: boolean;
  /** The items shown are the previous parameters' while the new list's first page loads. */
  isPlaceholderData: boolean;
  /**
   * The `aroundKey` the items shown were opened around (`undefined`: at the start, or placed by
   * an `around` cursor). A placeholder keeps the previous list's, so a jump was taken and its
   * page landed once this is the key asked and neither `isPlaceholderData` nor `isFetching` is
   * true — whether or not the list holds that item.
   */
  aroundKey?: string | undefined;
  /** The last failure, or `CURSOR_LOOP` when the vendor looped or stopped making progress. */
  error: PaginationError | null;
  /**
   * While a fetch of the list (its first page, the next or previous page, the list read again —
   * not a live edge's background refresh) waits to be tried again — a 429 and its `Retry-After`, a 5xx, a network failure: why, and when the
   * next attempt goes (`until`, for a countdown). `undefined` when nothing waits.
   */
  retrying: RetryWait | undefined;
  /**
   * A fetch of the list is held until the browser is online — TanStack Query holds fetches
   * offline — and goes once the connection is back (`isFetching` is true meanwhile). `useFeed`
   * says "Waiting for the connection".
   */
  offline: boolean;
}

export interface InfiniteListController<T, P = unknown> {
  getState(): InfiniteListState<T>;
  /** Calls `listener` after every change of state; the first listener starts the live edge. */
  subscribe(listener: () => void): () => void;
  /** Updates options: new parameters, size or position are a new list (the old items show until it lands). */
  setOptions(options: Partial<Omit<InfiniteListOptions<T, P>, 'cache'>>): void;
  /** Loads the next page; nothing while a page loads, at the end, or after a failed next page (`retry()`). */
  fetchNextPage(): Promise<void>;
  /** Loads the previous page; nothing while a page loads, at the start, or after a failed previous page. */
  fetchPreviousPage(): Promise<void>;
  /**
   * Brings the newest edge up to date. With `live: liveEdge()`, one request: where the source can
   * page from an item, only what is newer than the newest item held; elsewhere the edge page read
   * again and merged by key. Nothing while the list does not hold its newest edge (after a jump,
   * or a `maxPages` window that slid away: what lies beyond is history, loaded as a page). Without
   * `live`, the list is read again (as `refetch()`). A failure shows in `error` (the promise does
   * not reject).
   */
  refreshNewest(): Promise<void>;
  /** Tries the failed request again (the page, or the edge refresh); loaded items stay. */
  retry(): void;
  /** Fetches the loaded pages again (after a mutation); the items shown stay meanwhile. */
  refetch(): Promise<void>;
  /** The key of an item (the source's). */
  itemKey(item: T): string;
}
