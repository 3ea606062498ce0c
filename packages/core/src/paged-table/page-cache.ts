import type { PaginationError } from '../pagination-error.js';
import type { FetchedPage } from '../runner/runner-types.js';
import type { Cursor } from '../types.js';

/**
 * Where one page of a table lives in a cache: the table's scope (its source, parameters…), the
 * page size, the direction it was fetched in and its cursor.
 */
export interface PageKey {
  scope: readonly unknown[];
  cursor: Cursor | null;
  direction: 'after' | 'before';
  /** The page size sent (for a stretched request, the pages it covers times the page size). */
  size: number;
}

/** A page a controller wants fetched and kept: the page index it holds, and its key. */
export interface WantedPage {
  index: number;
  key: PageKey;
  /** Pages this one request covers: more than 1 for a stretched request (see `cursorAfter`). */
  span: number;
  /**
   * Fetched ahead of the user (a prefetch, a sign of intent): once started it is let finish even
   * when no longer wanted — the request is sent already, and the page may be wanted again soon.
   */
  ahead?: boolean | undefined;
}

/** What a cache holds for one key. */
export interface PageEntry<T> {
  page?: FetchedPage<T> | undefined;
  error?: PaginationError | null | undefined;
  fetching: boolean;
  /** The page is there but should be fetched again. */
  stale?: boolean | undefined;
}

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
  /** Calls `listener` when an entry of this cache changes. */
  subscribe(listener: () => void): () => void;
  /**
   * Keeps exactly the `wanted` pages fetched, starting what is missing with `load` and aborting
   * what is no longer wanted (a page fetched `ahead` is let finish). The controller calls it
   * whenever what it wants may have changed, and with `[]` when nobody reads the table any more.
   * (A cache without it leaves the fetching to its binding.)
   */
  sync?(wanted: readonly WantedPage[], load: PageLoader<T>): void;
}

export type PageLoader<T> = (wanted: WantedPage, signal: AbortSignal) => Promise<FetchedPage<T>>;

/** A stable text for a key, for maps. */
export const pageKeyText = (key: PageKey): string =>
  JSON.stringify([key.scope, key.size, key.direction, key.cursor]);

/**
 * A cache in memory that fetches what its controller wants: for Node, tests and frameworks
 * without a query cache of their own. Pages stay until `clear()`.
 */
export function memoryPageCache<T>(): PageCache<T> & { clear(): void } {
  const entries = new Map<string, PageEntry<T>>();
  const running = new Map<string, AbortController & { ahead?: boolean | undefined }>();
  const listeners = new Set<() => void>();
  let lastLoad: PageLoader<T> | undefined;
  let lastWanted: readonly WantedPage[] = [];
  const notify = () => {
    for (const listener of [...listeners]) listener();
  };
  const start = (wanted: WantedPage, load: PageLoader<T>) => {
    const text = pageKeyText(wanted.key);
    const controller: AbortController & { ahead?: boolean | undefined } = new AbortController();
    controller.ahead = wanted.ahead;
    running.set(text, controller);
    entries.set(text, { ...entries.get(text), fetching: true });
    load(wanted, controller.signal).then(
      (page) => {
        if (running.get(text) !== controller) return;
        running.delete(text);
        entries.set(text, { page, error: null, fetching: false });
        notify();
      },
      (error: PaginationError) => {
        if (running.get(text) !== controller) return;
        running.delete(text);
        entries.set(text, { ...entries.get(text), error, fetching: false });
        notify();
      },
    );
  };
  return {
    get: (key) => entries.get(pageKeyText(key)),
    put(key, page) {
      entries.set(pageKeyText(key), { page, error: null, fetching: false });
      notify();
    },
    refetch(key) {
      const text = pageKeyText(key);
      const entry = entries.get(text);
      // Forget the error: the next sync (or this one, when the key is wanted now) fetches again.
      if (entry?.error) entries.set(text, { ...entry, error: null });
      const wanted = lastWanted.find((w) => pageKeyText(w.key) === text);
      if (wanted && lastLoad && !running.has(text)) {
        start(wanted, lastLoad);
        notify();
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    sync(wanted, load) {
      lastWanted = wanted;
      lastLoad = load;
      const keep = new Set(wanted.map((w) => pageKeyText(w.key)));
      for (const [text, controller] of running) {
        if (keep.has(text) || controller.ahead) continue;
        controller.abort();
        running.delete(text);
        const entry = entries.get(text);
        if (entry) entries.set(text, { ...entry, fetching: false });
      }
      let started = false;
      for (const w of wanted) {
        const text = pageKeyText(w.key);
        const entry = entries.get(text);
        if (running.has(text) || entry?.page || entry?.error) continue;
        start(w, load);
        started = true;
      }
      if (started) notify();
    },
    invalidate(scope) {
      const prefix = `[${JSON.stringify(scope)},`;
      for (const [text, entry] of entries)
        if (text.startsWith(prefix) && !running.has(text))
          entries.set(text, { ...entry, error: null, stale: true });
      if (lastLoad)
        for (const w of lastWanted) if (entries.get(pageKeyText(w.key))?.stale) start(w, lastLoad);
      notify();
    },
    clear() {
      for (const controller of running.values()) controller.abort();
      running.clear();
      entries.clear();
    },
  };
}
