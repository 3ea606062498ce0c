import type { PaginationError } from '../pagination-error.js';
import type { ListData } from './list-page.js';
import type { ListQuery } from './list-query.js';

/** Which fetch of a list: its next page, its previous page, or the whole list (the first page, a refetch). */
export type ListFetch = 'next' | 'previous' | 'all';

/** What a list cache holds for the list it observes. */
export interface ListSnapshot<T> {
  data: ListData<T> | undefined;
  error: PaginationError | null;
  /** The fetch that failed, with `error`. */
  failed: ListFetch | undefined;
  /** The fetch in flight. */
  fetching: ListFetch | undefined;
  /**
   * The fetch is held until the browser is online (TanStack Query's `paused`): it goes once the
   * connection is back. `fetching` is set too (`'all'` where the cache cannot tell which edge).
   * @defaultValue false
   */
  paused?: boolean | undefined;
  /** The data shown is the previous list's, while this one's first page loads. */
  isPlaceholderData: boolean;
  /** The pages held are older than `staleTime` (a cache that keeps time; else false). */
  stale: boolean;
}

/** How the list is kept: fetched when stale, dropped at the far end past `maxPages`. */
export interface ListCacheOptions {
  enabled: boolean;
  maxPages: number | undefined;
  staleTime: number;
}

/**
 * Where an infinite list keeps its pages. A binding implements it over its cache (TanStack
 * Query's infinite queries in `@pagewise/react`); `memoryListCache()` is a plain one.
 */
export interface ListCache<T> {
  /** Observes a list (a new query is a new list; the old one's data shows until it lands). */
  observe(query: ListQuery<T>, options: ListCacheOptions): void;
  read(): ListSnapshot<T>;
  subscribe(listener: () => void): () => void;
  fetchNext(): Promise<void>;
  fetchPrevious(): Promise<void>;
  /** Fetches the pages held again, from the first. */
  refetch(): Promise<void>;
  /** Writes the pages held (an edge refresh merged in); `change` gets what is held when it runs. */
  update(change: (data: ListData<T>) => ListData<T>): void;
  /** Drops the pages held: the list opens again at its first page. */
  reset(): void;
}
