import type { PageEntry } from './page-cache.js';
import { type PageKey, pageKeyText, type WantedPage } from './page-key.js';

/** How many stretched requests are remembered at once (older ones are forgotten). */
const KEPT = 8;

/**
 * The stretched requests a table asked for (one request covering `span` pages from a known
 * cursor, toward a page or ahead of it), remembered until they are split into their pages: so
 * a page they will bring is waited for instead of fetched twice, and each lands once.
 */
export interface StretchedRequests {
  /** Remembers a stretched request (once per key); hands it back. */
  remember(wanted: WantedPage): WantedPage;
  /**
   * The stretched request on its way that will bring page `index`: it covers the page, is
   * fetching, and the page is not in the cache by itself yet.
   */
  bringing(index: number, read: CacheRead): WantedPage | undefined;
  /**
   * Sorts what is remembered: requests of another scope or size, or that failed, are forgotten;
   * those that landed are handed back to be split (and forgotten), unless `keep` is set.
   */
  settle(current: (wanted: WantedPage) => boolean, read: CacheRead, keep: boolean): WantedPage[];
  clear(): void;
}

/** What a stretched-request book reads of a cache: an entry by key, and a page's own key. */
export interface CacheRead {
  entry(key: PageKey): PageEntry<unknown> | undefined;
  /** The key of page `index` when its cursor is known. */
  keyAt(index: number): PageKey | undefined;
}

export function createStretchedRequests(): StretchedRequests {
  let kept: WantedPage[] = [];
  return {
    remember(wanted) {
      const text = pageKeyText(wanted.key);
      if (!kept.some((s) => pageKeyText(s.key) === text)) kept = [...kept.slice(1 - KEPT), wanted];
      return wanted;
    },
    bringing(index, read) {
      return kept.find((s) => {
        if (index < s.index || index >= s.index + s.span) return false;
        const own = read.keyAt(index);
        return !(own && read.entry(own)?.page) && !!read.entry(s.key)?.fetching;
      });
    },
    settle(current, read, keep) {
      const landed: WantedPage[] = [];
      kept = kept.filter((s) => {
        if (!current(s)) return false;
        const entry = read.entry(s.key);
        if (entry?.page) {
          if (keep) return true;
          landed.push(s);
          return false;
        }
        return !entry?.error;
      });
      return landed;
    },
    clear() {
      kept = [];
    },
  };
}
