import type { PaginationError } from '../pagination-error.js';
import type { RetryWait } from '../runner/runner-types.js';
import type { InfiniteListState } from './infinite-list.types.js';
import type { ListSnapshot } from './list-cache.js';
import { listItems, prependedCount } from './list-items.js';
import type { ListPage, ListPageParam } from './list-page.js';

/** One empty array for lists with nothing: an empty list is always equal to itself. */
const NONE: never[] = [];

export interface ListFacts<T> {
  snapshot: ListSnapshot<T>;
  key(item: T): string;
  nextParam(last: ListPage<T>): ListPageParam | undefined;
  previousParam(first: ListPage<T>): ListPageParam | undefined;
  /** The edge refresh: in flight, and its failure. */
  refreshing: boolean;
  edgeError: PaginationError | null;
  /** The `aroundKey` the list's own pages are read around. */
  around: string | undefined;
  /** The wait before a fetch of the list (not a live edge's refresh) is tried again, while it waits. */
  retrying?: RetryWait | undefined;
}

/**
 * What an infinite list renders, from what its cache holds. `previous` is the last state: its
 * items are kept when the pages are the same, and the prepended count is measured from them.
 */
export function deriveListState<T>(
  facts: ListFacts<T>,
  previous: InfiniteListState<T> | undefined,
): InfiniteListState<T> {
  const { snapshot } = facts;
  const pages = snapshot.data?.pages ?? NONE;
  const same = previous !== undefined && previous.pages === pages;
  const items = same ? previous.items : pages.length === 0 ? NONE : listItems(pages, facts.key);
  const first = pages[0];
  const last = pages[pages.length - 1];
  const stop = pages.find((p) => p.stop)?.stop ?? null;
  // A placeholder (the last list's pages, shown until the new list lands) has no pages to follow.
  const own = !snapshot.isPlaceholderData;
  return {
    items,
    pages,
    hasNextPage: own && !!last && facts.nextParam(last) !== undefined,
    hasPreviousPage: own && !!first && facts.previousParam(first) !== undefined,
    prependedCount:
      same || !previous
        ? (previous?.prependedCount ?? 0)
        : prependedCount(previous.items, items, facts.key),
    isLoading: !snapshot.data && snapshot.fetching !== undefined,
    isFetching: snapshot.fetching !== undefined,
    isFetchingNextPage: snapshot.fetching === 'next',
    isFetchingPreviousPage: snapshot.fetching === 'previous',
    isFetchNextPageError: snapshot.failed === 'next',
    isFetchPreviousPageError: snapshot.failed === 'previous',
    isRefreshingNewest: facts.refreshing,
    isPlaceholderData: snapshot.isPlaceholderData,
    aroundKey: own ? facts.around : previous?.aroundKey,
    error: snapshot.error ?? stop ?? facts.edgeError,
    // A wait belongs to a fetch in flight: none is left once nothing is.
    retrying: snapshot.fetching !== undefined ? facts.retrying : undefined,
    offline: !!snapshot.paused,
  };
}

/**
 * Whether the list may fetch at an edge now, read from the cache as it is this moment (a state
 * a listener has not heard of yet does not count): it holds its own pages, nothing is in
 * flight, that edge did not fail, and its end page points further.
 */
export function canFetch<T>(
  snapshot: ListSnapshot<T>,
  facts: Pick<ListFacts<T>, 'nextParam' | 'previousParam'>,
  edge: 'next' | 'previous',
): boolean {
  const pages = snapshot.data?.pages;
  if (!pages?.length || snapshot.isPlaceholderData || snapshot.fetching || snapshot.failed === edge)
    return false;
  return edge === 'next'
    ? facts.nextParam(pages[pages.length - 1]!) !== undefined
    : facts.previousParam(pages[0]!) !== undefined;
}

/** Whether two states differ in anything a list shows. */
export function listChanged<T>(a: InfiniteListState<T>, b: InfiniteListState<T>): boolean {
  for (const k of Object.keys(b) as Array<keyof InfiniteListState<T>>)
    if (a[k] !== b[k]) return true;
  return false;
}

/**
 * A list come back to whose window slid from where it opens (older pages loaded, the newest
 * dropped by `maxPages`), its pages stale: it opens at its first page again, not the old window.
 */
export function slidAway<T>(
  { data, stale }: Pick<ListSnapshot<T>, 'data' | 'stale'>,
  opens: ListPageParam,
): boolean {
  const held = data?.pageParams[0];
  return !!held && stale && (held.cursor !== opens.cursor || held.direction !== opens.direction);
}
