import type { PaginationError } from '../pagination-error.js';
import type { PageCache, PageEntry, PageLoader } from './page-cache.js';
import { type PageKey, pageKeyText, scopeText, type WantedPage } from './page-key.js';

interface Held<T> extends PageEntry<T> {
  key: PageKey;
}
type Running = AbortController & { ahead?: boolean | undefined };

/**
 * A cache in memory that fetches what its controllers want: for Node, tests and frameworks
 * without a query cache of their own. Several tables may share it (each keeps what it wants);
 * pages stay until `clear()` — there is no `staleTime` or garbage collection: `refetch()` on the
 * table fetches its pages again.
 */
export function memoryPageCache<T = never>(): PageCache<T> & { clear(): void } {
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
  const set = (key: PageKey, entry: PageEntry<T>) =>
    entries.set(pageKeyText(key), { ...entry, key });
  const settle = (text: string, controller: Running, entry: Partial<PageEntry<T>>) => {
    if (running.get(text) !== controller) return;
    running.delete(text);
    const held = entries.get(text);
    if (held) entries.set(text, { ...held, ...entry, fetching: false });
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
      const keep = new Set<string>();
      for (const pages of tables.values()) for (const w of pages) keep.add(pageKeyText(w.key));
      abortUnwanted(keep);
      let started = false;
      for (const w of wanted) {
        const held = entries.get(pageKeyText(w.key));
        if (running.has(pageKeyText(w.key)) || held?.page || held?.error) continue;
        start(w, load);
        started = true;
      }
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
