import type { PaginationError } from '../pagination-error.js';
import type { FetchedPage } from '../runner/runner-types.js';
import type { PageKey, WantedPage } from './page-key.js';

/** What a cache holds for one key. */
export interface PageEntry<T> {
  page?: FetchedPage<T> | undefined;
  error?: PaginationError | null | undefined;
  fetching: boolean;
  /**
   * The fetch is held until the browser is online (TanStack Query's `paused`): it goes once the
   * connection is back. `fetching` is true too.
   */
  paused?: boolean | undefined;
  /** The page is there but should be fetched again. */
  stale?: boolean | undefined;
}

export type PageLoader<T> = (wanted: WantedPage, signal: AbortSignal) => Promise<FetchedPage<T>>;

/**
 * The cache a controller reads pages from. A binding implements it over its cache (TanStack
 * Query's QueryCache in `@pagewise/react`); `memoryPageCache()` is a plain one that also fetches.
 */
export interface PageCache<T> {
  get(key: PageKey): PageEntry<T> | undefined;
  /** Stores a page learned without its own request (a stretched request's pages). */
  put(key: PageKey, page: FetchedPage<T>): void;
  /** Fetches a key again (after an error). */
  refetch(key: PageKey): void;
  /** Marks every page of a scope stale: what is wanted is fetched again. */
  invalidate(scope: readonly unknown[]): void;
  /** Calls `listener` when an entry this controller may read changes. */
  subscribe(listener: () => void): () => void;
  /**
   * Keeps exactly the `wanted` pages fetched, starting what is missing with `load` and aborting
   * what is no longer wanted (a page fetched `ahead` is let finish). The controller calls it
   * whenever what it wants may have changed, and with `[]` when nobody reads the table any more.
   * (A cache without it leaves the fetching to its binding.)
   */
  sync?(wanted: readonly WantedPage[], load: PageLoader<T>): void;
  /** How long a page counts as fresh, for a cache that keeps time (the controller's `staleTime`). */
  configure?(options: { staleTime: number }): void;
}
