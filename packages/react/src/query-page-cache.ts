import type { FetchedPage, PaginationError } from '@pagewise/core';
import {
  type PageCache,
  type PageKey,
  type PageLoader,
  pageKeyText,
  type WantedPage,
} from '@pagewise/core/controllers';
import { hashKey, QueriesObserver, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { sharedRequest } from './shared-request.js';

/** Where a table page lives in TanStack Query's cache. */
export const tableQueryKey = (key: PageKey): QueryKey => [
  ...key.scope,
  'table',
  key.size,
  key.direction,
  key.cursor,
];

/**
 * A table controller's page cache over TanStack Query's QueryCache: pages are queries, so they
 * share the app's cache, its devtools, `staleTime`, garbage collection and invalidation. The
 * pages the table wants are observed by one `QueriesObserver` (what `useQueries` runs on) kept
 * outside React: a page starting to fetch or landing changes the table's state only when the
 * table shows it, so a page turn renders once.
 */
export function queryPageCache<T>(client: QueryClient): PageCache<T> {
  const queries = client.getQueryCache();
  let staleTime = 30_000;
  let observer: QueriesObserver | undefined;
  let stopObserving: (() => void) | undefined;
  /** The pages observed, as text (to do nothing when nothing changed) and as key texts. */
  let observed = '';
  let observedKeys = new Set<string>();
  /** Set when the observed queries must be given their options again (a new `staleTime`, a query removed). */
  let renew = false;
  /** The pages last wanted, observed in full once the pages fetched ahead are due. */
  let latest: { wanted: readonly WantedPage[]; load: PageLoader<T> } | undefined;
  let later: ReturnType<typeof setTimeout> | undefined;
  /** The scopes this table reads (its own, and the one before new parameters): only their pages are news. */
  const scopes = new Set<string>();
  const ours = (queryKey: QueryKey) =>
    queryKey[queryKey.length - 4] === 'table' && scopes.has(hashKey(queryKey.slice(0, -4)));
  const query = (wanted: WantedPage, load: PageLoader<T>) => {
    const queryKey = tableQueryKey(wanted.key);
    return {
      queryKey,
      // A page fetched ahead is let finish when no longer wanted (its signal is not read, so
      // TanStack Query lets it land); a step toward the requested page is aborted when a later
      // click supersedes it.
      queryFn: (context: { signal: AbortSignal }): Promise<FetchedPage<T>> =>
        sharedRequest(
          client,
          hashKey(queryKey),
          wanted.ahead ? undefined : context.signal,
          (shared) => load(wanted, shared),
        ),
      staleTime,
      retry: false,
    };
  };
  /** Observes exactly these pages (a no-op when they are what is observed). */
  const observe = (wanted: readonly WantedPage[], load: PageLoader<T>) => {
    if (wanted.length === 0) {
      stopObserving?.();
      stopObserving = undefined;
      observer = undefined;
      observed = '';
      observedKeys = new Set();
      return;
    }
    const text = wanted.map((w) => (w.ahead ? '+' : '') + pageKeyText(w.key)).join('|');
    if (text === observed && !renew) return;
    observed = text;
    observedKeys = new Set(wanted.map((w) => pageKeyText(w.key)));
    renew = false;
    // Each observer is given its options again: one whose query was removed builds it anew.
    const options = wanted.map((w) => query(w, load));
    if (observer) observer.setQueries(options);
    else {
      observer = new QueriesObserver(client, options);
      // Observed as `useQueries` observes: the pages are active queries (fetched when stale,
      // refetched on focus and reconnect, never garbage collected while wanted).
      stopObserving = observer.subscribe(() => {});
    }
  };
  return {
    configure(options) {
      if (options.staleTime === staleTime) return;
      staleTime = options.staleTime;
      renew = true;
      if (observer && latest) observe(latest.wanted, latest.load);
    },
    get(key) {
      const scope = hashKey(key.scope as QueryKey);
      if (!scopes.has(scope)) {
        if (scopes.size >= 4) scopes.clear();
        scopes.add(scope);
      }
      // One hash and a map lookup (`find` would hash the key once per query in the cache).
      const { queryHash } = client.defaultQueryOptions({ queryKey: tableQueryKey(key) });
      const state = queryHash === undefined ? undefined : queries.get(queryHash)?.state;
      if (!state) return undefined;
      return {
        page: state.data as FetchedPage<T> | undefined,
        error: state.error as PaginationError | null,
        // Held while the browser is offline (TanStack Query's `paused`): on its way all the same.
        fetching: state.fetchStatus !== 'idle',
        paused: state.fetchStatus === 'paused',
      };
    },
    put: (key, page) => void client.setQueryData(tableQueryKey(key), page),
    refetch: (key) => void client.refetchQueries({ queryKey: tableQueryKey(key), exact: true }),
    invalidate(scope) {
      const queryKey = [...scope, 'table'];
      // A page fetched ahead that nobody observes would land after the invalidation and count
      // as fresh: it is cancelled first (it is fetched again when wanted).
      void client.cancelQueries({ queryKey, type: 'inactive' });
      void client.invalidateQueries({ queryKey });
    },
    subscribe: (listener) =>
      queries.subscribe((event) => {
        if (event.type !== 'added' && event.type !== 'removed' && event.type !== 'updated') return;
        // A query of another table, list or screen is no news to this table.
        if (!ours(event.query.queryKey)) return;
        // A page removed from the cache (`removeQueries`, `clear`) while observed is fetched again.
        if (event.type === 'removed' && observer?.getQueries().includes(event.query)) renew = true;
        listener();
      }),
    sync(wanted, load) {
      latest = { wanted, load };
      if (wanted.length === 0) {
        clearTimeout(later);
        later = undefined;
      }
      // Pages newly wanted ahead of the user start in the next task: the page the user asked for
      // renders first, what is fetched ahead follows.
      const now = wanted.filter((w) => !w.ahead || observedKeys.has(pageKeyText(w.key)));
      observe(now, load);
      if (now.length < wanted.length && later === undefined)
        later = setTimeout(() => {
          later = undefined;
          if (latest) observe(latest.wanted, latest.load);
        }, 0);
    },
  };
}
