import { isCount, need } from '../option-check.js';
import type { PaginationError } from '../pagination-error.js';
import type { PageCache, PageEntry, PageLoader } from './page-cache.js';
import { type PageKey, pageKeyText, scopeText, type WantedPage } from './page-key.js';

interface Held<T> extends PageEntry<T> {
  key: PageKey;
}
type Running = AbortController & { ahead?: boolean | undefined };

export interface MemoryPageCacheOptions {
  /**
   * Pages kept: past it, the pages least recently wanted go (a page a table wants now, or one on
   * its way, always stays; one that went is fetched again if it is wanted again). `Infinity`
   * keeps every page until `clear()`. @defaultValue 100
   */
  maxPages?: number | undefined;
}

/**
 * A cache in memory that fetches what its controllers want: for Node, tests and frameworks
 * without a query cache of their own. Several tables may share it (each keeps what it wants).
 * It keeps the `maxPages` pages most recently wanted (a long session paging through a large
 * table does not hold every page it saw); there is no `staleTime`: `refetch()` on the table
 * fetches its pages again, `clear()` forgets every page.
 */
export function memoryPageCache<T = never>(
  options: MemoryPageCacheOptions = {},
): PageCache<T> & { clear(): void } {
  need(
    isCount(options.maxPages, 1),
    'memoryPageCache',
    'maxPages',
    options.maxPages,
    'a whole number ≥ 1 (or Infinity)',
  );
  const maxPages = options.maxPages ?? 100;
  const entries = new Map<string, Held<T>>();
  const running = new Map<string, Running>();
  const listeners = new Set<() => void>();
  /** What each table (by its loader) wants now. */
  const tables = new Map<PageLoader<T>, readonly WantedPage[]>();
  const wantedFor = (text: string) => {
    for (const [load, wanted] of tables) {
      const w = wanted.find((one) => pageKeyText(one.key) === text);
      if (w) return { w, load };
    }
    return undefined;
  };
  const notify = () => {
    for (const listener of [...listeners]) listener();
  };
  /** Sets an entry as the most recently wanted (a Map keeps its keys in the order they came). */
  const set = (key: PageKey, entry: PageEntry<T>) => {
    const text = pageKeyText(key);
    entries.delete(text);
    entries.set(text, { ...entry, key });
  };
  /** Lets the least recently wanted pages go, past `maxPages`: never one wanted now or on its way. */
  const evict = () => {
    if (entries.size <= maxPages) return;
    const keep = wantedNow();
    for (const text of entries.keys()) {
      if (entries.size <= maxPages) return;
      if (!keep.has(text) && !running.has(text)) entries.delete(text);
    }
  };
  const wantedNow = () => {
    const keep = new Set<string>();
    for (const pages of tables.values()) for (const w of pages) keep.add(pageKeyText(w.key));
    return keep;
  };
  const settle = (text: string, controller: Running, entry: Partial<PageEntry<T>>) => {
    if (running.get(text) !== controller) return;
    running.delete(text);
    const held = entries.get(text);
    if (held) entries.set(text, { ...held, ...entry, fetching: false });
    evict();
    notify();
  };
  const start = (wanted: WantedPage, load: PageLoader<T>) => {
    const text = pageKeyText(wanted.key);
    const controller: Running = new AbortController();
    controller.ahead = wanted.ahead;
    running.set(text, controller);
    set(wanted.key, { ...entries.get(text), fetching: true });
    load(wanted, controller.signal).then(
      (page) => settle(text, controller, { page, error: null, stale: false }),
      (error: PaginationError) => settle(text, controller, { error }),
    );
  };
  /** Stops what is no longer wanted (a page fetched ahead is let finish). */
  const abortUnwanted = (keep: Set<string>) => {
    for (const [text, controller] of running) {
      if (keep.has(text) || controller.ahead) continue;
      controller.abort();
      running.delete(text);
      const held = entries.get(text);
      if (held) entries.set(text, { ...held, fetching: false });
    }
  };
  return {
    get: (key) => entries.get(pageKeyText(key)),
    put(key, page) {
      // Not evicted here: the parts of a wide request are put before a table says it wants them.
      set(key, { page, error: null, fetching: false });
      notify();
    },
    refetch(key) {
      const text = pageKeyText(key);
      const held = entries.get(text);
      // Forget the error: the next sync (or this one, when the key is wanted now) fetches again.
      if (held?.error) entries.set(text, { ...held, error: null });
      const found = wantedFor(text);
      if (found && !running.has(text)) {
        start(found.w, found.load);
        notify();
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    sync(wanted, load) {
      if (wanted.length === 0) tables.delete(load);
      else tables.set(load, wanted);
      abortUnwanted(wantedNow());
      let started = false;
      for (const w of wanted) {
        const text = pageKeyText(w.key);
        const held = entries.get(text);
        // Wanted again: the most recently wanted now.
        if (held) set(w.key, held);
        if (running.has(text) || held?.page || held?.error) continue;
        start(w, load);
        started = true;
      }
      evict();
      if (started) notify();
    },
    invalidate(scope) {
      const text = scopeText(scope);
      for (const [k, held] of entries)
        if (scopeText(held.key.scope) === text && !running.has(k))
          entries.set(k, { ...held, error: null, stale: true });
      for (const [load, wanted] of tables)
        for (const w of wanted) {
          const key = pageKeyText(w.key);
          if (entries.get(key)?.stale && !running.has(key)) start(w, load);
        }
      notify();
    },
    clear() {
      for (const controller of running.values()) controller.abort();
      running.clear();
      entries.clear();
      // What is wanted is fetched again.
      for (const [load, wanted] of tables) for (const w of wanted) start(w, load);
      notify();
    },
  };
}
