import { isCount, need } from '../option-check.js';
import type { PaginationError } from '../pagination-error.js';
import { stableText } from '../shared/stable-text.js';
import type { ListCache, ListCacheOptions, ListFetch, ListSnapshot } from './list-cache.js';
import type { ListData, ListPage, ListPageParam } from './list-page.js';
import type { ListQuery } from './list-query.js';

const IDLE = { error: null, failed: undefined, fetching: undefined } as const;

export interface MemoryListCacheOptions {
  /**
   * Lists kept, one per set of parameters (a search, a filter) with its pages: past it, the ones
   * least recently shown go (fetched again if they are shown again). The list shown now always
   * stays. `Infinity` keeps every one until `clear()`. @defaultValue 10
   */
  maxLists?: number | undefined;
}

/**
 * A list cache in memory that fetches by itself: for Node, tests and frameworks without a query
 * cache of their own. It serves one list controller (create one per list); it keeps the pages of
 * the `maxLists` parameter sets most recently shown, and a new key shows the previous one's pages
 * (`isPlaceholderData`) until its first page lands. The first page is fetched once someone
 * subscribes. There is no `staleTime`: `refetch()` reads the pages again, `clear()` forgets them.
 */
export function memoryListCache<T = never>(
  cacheOptions: MemoryListCacheOptions = {},
): ListCache<T> & { clear(): void } {
  const maxLists = cacheOptions.maxLists ?? 10;
  need(
    isCount(maxLists, 1),
    'memoryListCache',
    'maxLists',
    maxLists,
    'a whole number ≥ 1 (or Infinity)',
  );
  const lists = new Map<string, ListData<T>>();
  /** Keeps `data` as the list of `key`, the most recently shown; the least recently shown go past `maxLists`. */
  const keep = (key: string, data: ListData<T>) => {
    lists.delete(key);
    lists.set(key, data);
    for (const old of lists.keys()) {
      if (lists.size <= maxLists) break;
      if (old !== text) lists.delete(old);
    }
  };
  const listeners = new Set<() => void>();
  let query: ListQuery<T> | undefined;
  let options: ListCacheOptions = { enabled: true, maxPages: undefined, staleTime: 0 };
  let text = '';
  let shown: ListData<T> | undefined;
  let status: Omit<ListSnapshot<T>, 'data' | 'isPlaceholderData' | 'stale'> = IDLE;
  let running: Promise<void> | undefined;
  let controller: AbortController | undefined;
  /** The first page waits for a reader (as a query observer does). */
  const startIfWanted = () => {
    if (query && options.enabled && listeners.size > 0 && !held() && !running && !status.error)
      void run('all', first);
  };
  const notify = () => {
    for (const listener of [...listeners]) listener();
  };
  const held = () => lists.get(text);

  /** Runs one fetch at a time for the list observed now; a new list aborts it. */
  function run(
    kind: ListFetch,
    fetch: (q: ListQuery<T>, signal: AbortSignal) => Promise<ListData<T>>,
  ) {
    const q = query;
    if (!q || running) return running ?? Promise.resolve();
    const mine = new AbortController();
    controller = mine;
    const key = text;
    status = { error: null, failed: undefined, fetching: kind };
    notify();
    running = fetch(q, mine.signal).then(
      (data) => {
        if (mine.signal.aborted) return;
        keep(key, data);
        shown = data;
        status = IDLE;
      },
      (error: PaginationError) => {
        if (mine.signal.aborted) return;
        status = { error, failed: kind, fetching: undefined };
      },
    );
    return running.finally(() => {
      if (controller === mine) running = undefined;
      notify();
    });
  }
  const trim = (pages: ListPage<T>[], params: ListPageParam[], keepEnd: boolean): ListData<T> => {
    const over = options.maxPages === undefined ? 0 : pages.length - options.maxPages;
    if (over <= 0) return { pages, pageParams: params };
    return keepEnd
      ? { pages: pages.slice(over), pageParams: params.slice(over) }
      : { pages: pages.slice(0, -over), pageParams: params.slice(0, -over) };
  };
  const first = (q: ListQuery<T>, signal: AbortSignal) =>
    q.load(q.initialPageParam, signal, []).then((page) => ({
      pages: [page],
      pageParams: [q.initialPageParam],
    }));

  return {
    observe(next, nextOptions) {
      options = nextOptions;
      const nextText = stableText(next.key);
      query = next;
      if (nextText !== text) {
        text = nextText;
        controller?.abort();
        running = undefined;
        status = IDLE;
        const again = held();
        if (again) {
          keep(text, again);
          shown = again;
        }
      }
      startIfWanted();
    },
    read() {
      const data = held();
      return { ...status, data: data ?? shown, isPlaceholderData: !data && !!shown, stale: false };
    },
    subscribe(listener) {
      listeners.add(listener);
      startIfWanted();
      return () => {
        listeners.delete(listener);
        // Nobody reads the list any more: what is on its way is not waited for (as a table's).
        if (listeners.size > 0 || !running) return;
        controller?.abort();
        running = undefined;
        status = IDLE;
      };
    },
    fetchNext: () =>
      run('next', async (q, signal) => {
        const data = held()!;
        const param = q.nextParam(data.pages[data.pages.length - 1]!)!;
        const page = await q.load(param, signal, data.pages);
        return trim([...data.pages, page], [...data.pageParams, param], true);
      }),
    fetchPrevious: () =>
      run('previous', async (q, signal) => {
        const data = held()!;
        const param = q.previousParam(data.pages[0]!)!;
        const page = await q.load(param, signal, data.pages);
        return trim([page, ...data.pages], [param, ...data.pageParams], false);
      }),
    refetch: () =>
      run('all', async (q, signal) => {
        const old = held();
        if (!old) return first(q, signal);
        const pages: ListPage<T>[] = [];
        let param: ListPageParam | undefined = old.pageParams[0]!;
        const params: ListPageParam[] = [];
        for (let i = 0; i < old.pages.length && param; i++) {
          pages.push(await q.load(param, signal, pages));
          params.push(param);
          param = q.nextParam(pages[pages.length - 1]!);
        }
        return { pages, pageParams: params };
      }),
    update(change) {
      const data = held();
      if (!data) return;
      const next = change(data);
      if (next === data) return;
      keep(text, next);
      shown = next;
      notify();
    },
    reset() {
      controller?.abort();
      running = undefined;
      status = IDLE;
      lists.delete(text);
      notify();
      startIfWanted();
    },
    clear() {
      controller?.abort();
      running = undefined;
      status = IDLE;
      lists.clear();
      shown = undefined;
      notify();
      startIfWanted();
    },
  };
}
