import { resolvePageSize } from '../page-size.js';
import type { PaginationError } from '../pagination-error.js';
import type { FetchedPage } from '../runner/runner-types.js';
import { sourceIdentity } from '../source-identity.js';
import type { Cursor } from '../types.js';
import {
  bookEntry,
  createPageBook,
  knownBelow,
  lastIndexOf,
  learnPage,
  type PageBook,
} from './page-book.js';
import { type PageKey, pageKeyText, type WantedPage } from './page-cache.js';
import { type ReachOptions, unreachableReason } from './page-reachability.js';
import type {
  PagedTableController,
  PagedTableOptions,
  PagedTableState,
} from './paged-table.types.js';
import { prefetchPace } from './prefetch-pace.js';
import { splitStretchedPage } from './stretched-page.js';

interface Shown<T> {
  index: number;
  key: PageKey;
  page: FetchedPage<T>;
}

/**
 * The state of a paged table over any source, framework-free: the page → cursor book, the page
 * count (known or not), which pages are reachable and why not, the walk to a page never visited
 * (one stretched request where the source allows it), the pages to prefetch, and the page shown
 * versus the page requested. It reads pages from a `PageCache` and says which pages it wants;
 * a binding (or `memoryPageCache`) fetches them with `load`.
 */
export function createPagedTable<T>(options: PagedTableOptions<T>): PagedTableController<T> {
  const { cache } = options;
  let config = { ...options };
  let source = config.source;
  const now = () => (config.now ?? Date.now)();
  const pace = prefetchPace(typeof config.prefetch === 'number' ? config.prefetch : 3);
  const scopeOf = (): readonly unknown[] => {
    const base = config.scope ?? ['pagewise', source.provider, sourceIdentity(source)];
    return config.params === undefined ? base : [...base, config.params];
  };
  let scopeText = stableText(scopeOf());
  let pageSize = resolvePageSize(source.provider, source.limits, config.pageSize);
  let book: PageBook = createPageBook(source, pageSize, config.link);
  let requested = whole(config.pageIndex ?? 0);
  let shown: Shown<T> | undefined;
  /** Stretched requests asked for (toward a page, or ahead of it), until they are split. */
  let stretches: WantedPage[] = [];
  const intents = new Set<number>();
  const listeners = new Set<() => void>();
  let unsubscribeCache: (() => void) | undefined;
  let state: PagedTableState<T>;
  let refreshing = false;
  let dirty = false;
  /** While a stretched request's pages are stored, the cache's notices wait. */
  let muted = 0;

  const keyOf = (cursor: Cursor | null, direction: 'after' | 'before', span = 1): PageKey => ({
    scope: scopeOf(),
    cursor,
    direction,
    size: pageSize * span,
  });
  const entryKey = (index: number): PageKey | undefined => {
    const entry = bookEntry(book, index);
    return entry && keyOf(entry.cursor, entry.direction);
  };
  const stretch = () =>
    source.kind === 'cursor' && source.cursorAfter
      ? Math.max(1, Math.floor(source.limits.max / pageSize))
      : 1;
  const reach = (): ReachOptions => ({
    provider: source.provider,
    forwardJumps: config.forwardJumps ?? 'walk',
    maxWalk: config.maxWalk ?? 10,
    stretch: stretch(),
  });
  /** Why a page cannot be reached; the page after the one requested is a step, as Next is. */
  const reason = (index: number, step = false) =>
    unreachableReason(book, index, reach(), step || (index === requested + 1 && !!shown));
  const cachedPage = (key: PageKey | undefined) => (key ? cache.get(key)?.page : undefined);

  /** Pages the cache holds that the book has not read yet (hydrated from a server, refetched). */
  const readCache = () => {
    const indexes =
      source.kind === 'page'
        ? [requested, requested + 1]
        : [...book.entries.keys()].sort((a, b) => a - b);
    for (let n = 0; n < indexes.length; n++) {
      const i = indexes[n]!;
      const entry = bookEntry(book, i);
      const page = cachedPage(entry && keyOf(entry.cursor, entry.direction));
      if (!page || entry?.seen?.from === page) continue;
      learnPage(book, i, page);
      const learned = book.entries.get(i);
      if (learned?.seen) learned.seen.from = page;
      if (source.kind === 'cursor' && book.entries.has(i + 1) && !indexes.includes(i + 1))
        indexes.push(i + 1);
    }
  };

  /**
   * A stretched request's page, once in the cache (whoever fetched it: the same request serves a
   * larger page size too), is split into the pages it covers: the book learns each, and the
   * cache gets each under its own key.
   */
  const splitStretched = (wanted: WantedPage) => {
    const page = wanted.span > 1 ? cachedPage(wanted.key) : undefined;
    if (!page || source.kind !== 'cursor' || !source.cursorAfter || listeners.size === 0) return;
    const parts = splitStretchedPage(page, pageSize, wanted.span, source.cursorAfter);
    muted++;
    try {
      parts.forEach((part, j) => {
        learnPage(book, wanted.index + j, part);
        cache.put(keyOf(part.cursor, 'after'), part);
      });
    } finally {
      muted--;
    }
  };

  /** Remembers a stretched request, to split it once it lands (and not to send it twice). */
  const stretched = (wanted: WantedPage): WantedPage => {
    const text = pageKeyText(wanted.key);
    if (!stretches.some((s) => pageKeyText(s.key) === text))
      stretches = [...stretches.slice(-7), wanted];
    return wanted;
  };
  /** A stretched request on its way that will bring page `index`. */
  const stretchOnItsWay = (index: number): WantedPage | undefined =>
    stretches.find(
      (s) =>
        index >= s.index &&
        index < s.index + s.span &&
        !cachedPage(entryKey(index)) &&
        cache.get(s.key)?.fetching,
    );
  /** Splits the stretched requests that landed; forgets those that failed or are out of scope. */
  const settleStretches = () => {
    stretches = stretches.filter((s) => {
      if (s.key.size !== pageSize * s.span || stableText(s.key.scope) !== scopeText) return false;
      if (cachedPage(s.key)) {
        if (listeners.size === 0) return true; // split when someone reads the table again
        splitStretched(s);
        return false;
      }
      return !cache.get(s.key)?.error;
    });
  };

  /** The request that brings the requested page (or the next page on the way to it). */
  const stepToward = (target: number): WantedPage => {
    // A stretched request on its way that covers the target is waited for: a page landing
    // meanwhile may teach the target's cursor, but asking for it again would fetch it twice.
    const onItsWay = stretchOnItsWay(target);
    if (onItsWay) return onItsWay;
    const key = entryKey(target);
    if (key) return { index: target, key, span: 1 };
    const from = knownBelow(book, target);
    const start = bookEntry(book, from)!;
    // A stretched request reads forward from its cursor: never from a page reached by `prev`.
    const span = start.direction === 'after' ? Math.min(stretch(), target - from + 1) : 1;
    const step = { index: from, key: keyOf(start.cursor, start.direction, span), span };
    return span > 1 ? stretched(step) : step;
  };

  /**
   * The pages ahead of the requested one to keep fetched, `depth` of them, never past the end.
   * Over a cursor source the cursor of a page is known only once the page before it came back,
   * so one page at a time would take one latency each: where the source allows it, a page ahead
   * whose cursor is known is fetched with the `depth - 1` pages after it as one stretched
   * request, which keeps the next pages coming as fast as the user turns.
   */
  const ahead = (depth: number): WantedPage[] => {
    const pages: WantedPage[] = [];
    const last = lastIndexOf(book);
    const end = requested + depth;
    for (let i = requested + 1; i <= end && (last === undefined || i <= last); i++) {
      const onItsWay = stretchOnItsWay(i);
      if (onItsWay) {
        pages.push({ ...onItsWay, ahead: true });
        i = onItsWay.index + onItsWay.span - 1;
        continue;
      }
      const key = entryKey(i);
      if (!key) break;
      const single = cachedPage(key) || cache.get(key)?.fetching || key.direction !== 'after';
      const span = single
        ? 1
        : Math.min(stretch(), depth, last === undefined ? depth : last - i + 1);
      if (span <= 1) {
        pages.push({ index: i, key, span: 1, ahead: true });
        continue;
      }
      pages.push(
        stretched({ index: i, key: { ...key, size: pageSize * span }, span, ahead: true }),
      );
      i += span - 1;
    }
    return pages;
  };

  /** The pages to keep fetched: the one shown, the request toward the target, prefetches, intents. */
  const plan = (target: WantedPage, landed: boolean): WantedPage[] => {
    if (config.enabled === false) return [];
    const wanted: WantedPage[] = [];
    const add = (w: WantedPage | undefined) => {
      if (w && !wanted.some((o) => pageKeyText(o.key) === pageKeyText(w.key))) wanted.push(w);
    };
    if (shown && stableText(shown.key.scope) === scopeText && shown.key.size === pageSize)
      add({ index: shown.index, key: shown.key, span: 1 });
    add(target);
    if (landed && config.prefetch !== false) for (const w of ahead(pace.depth())) add(w);
    for (const i of intents) if (reason(i) === undefined) add({ ...stepToward(i), ahead: true });
    return wanted;
  };

  const compute = (): PagedTableState<T> => {
    readCache();
    // A stretched request that landed is split into its pages, whoever still points at it.
    settleStretches();
    splitStretched(stepToward(requested));
    const target = stepToward(requested);
    const landed =
      target.span === 1 && target.index === requested ? cachedPage(target.key) : undefined;
    if (landed) {
      shown = { index: requested, key: target.key, page: landed };
      pace.landed(now());
    } else if (shown) {
      const fresh = cachedPage(shown.key);
      if (fresh) shown = { ...shown, page: fresh };
    }
    const wanted = plan(target, !!landed);
    const step = landed ? undefined : cache.get(target.key);
    const error = (step && !step.fetching && step.error) || null;
    const last = lastIndexOf(book);
    const vendorCount = book.vendorPageCount;
    const pageCount =
      last === undefined
        ? (vendorCount ?? -1)
        : Math.min(vendorCount ?? Number.POSITIVE_INFINITY, last + 1);
    const isPlaceholderData = !!shown && !landed;
    return {
      rows: shown?.page.items ?? [],
      page: shown?.page,
      pageIndex: requested,
      shownPageIndex: shown?.index ?? requested,
      pageSize,
      pageCount,
      rowCount: book.rowCount,
      canPreviousPage: requested > 0 && reason(requested - 1) === undefined,
      canNextPage: !!shown && reason(requested + 1, true) === undefined,
      canLastPage:
        pageCount > 0 && requested < pageCount - 1 && reason(pageCount - 1) === undefined,
      isLoading: !shown && !error,
      isFetching: !!step?.fetching,
      isPlaceholderData,
      isWalking: !landed && (target.index !== requested || target.span > 1) && !error,
      error: error as PaginationError | null,
      wanted,
    };
  };

  const refresh = () => {
    if (refreshing || muted > 0) {
      dirty = true;
      return;
    }
    refreshing = true;
    try {
      do {
        dirty = false;
        let next = compute();
        // A page requested past the end (a stale link, data that shrank): the last page instead.
        const last = lastIndexOf(book);
        if (last !== undefined && requested > last) {
          requested = last;
          config.onPageIndexChange?.(last, bookEntry(book, last)?.cursor);
          retryFailedStep();
          next = compute();
        }
        // A cache that fetches by itself (`sync`) is handed what is wanted below: a change of
        // only the pages wanted is no news to the listeners (a binding would render for nothing).
        const news = !state || shownChanged(state, next);
        const wants = !news && wantedChanged(state, next);
        if (news || wants) state = next;
        if (news || (wants && !cache.sync)) for (const listener of [...listeners]) listener();
        if (listeners.size > 0) cache.sync?.(state.wanted, load);
      } while (dirty);
    } finally {
      refreshing = false;
    }
  };

  async function load(wanted: WantedPage, signal?: AbortSignal): Promise<FetchedPage<T>> {
    const started = now();
    const { cursor, direction, size } = wanted.key;
    const page = await config.runner.fetchPage(
      source,
      { cursor, direction, size, params: config.params },
      { signal },
    );
    pace.loaded(now() - started);
    // Only pages of the current scope and size teach the book (a stretched page is split when read).
    // A stretched answer of an older, smaller size can have the size of a page now: its index
    // is the old one, so only single-page answers are learned here.
    if (stableText(wanted.key.scope) === scopeText && size === pageSize && wanted.span === 1)
      learnPage(book, wanted.index, page);
    return page;
  }

  /** A page whose earlier fetch failed (a prefetch) is tried again when the user goes to it. */
  const retryFailedStep = () => {
    const step = stepToward(requested);
    if (cache.get(step.key)?.error) cache.refetch(step.key);
  };
  const move = (index: number) => {
    if (index === requested) return;
    requested = index;
    intents.clear();
    pace.turned(now());
    config.onPageIndexChange?.(index, bookEntry(book, index)?.cursor);
    retryFailedStep();
    refresh();
  };
  const goTo = (index: number) => {
    if (reason(index) === undefined) move(index);
  };
  /** A fresh book on the first page (or, silently, on a page the caller names: a restored URL). */
  const startOver = (at?: number) => {
    book = createPageBook(source, pageSize, config.link);
    stretches = [];
    intents.clear();
    if (at !== undefined) requested = whole(at);
    else if (requested !== 0) {
      requested = 0;
      config.onPageIndexChange?.(0, null);
    }
  };

  state = compute();

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      if (!unsubscribeCache) unsubscribeCache = cache.subscribe(refresh);
      if (listeners.size === 1) queueMicrotask(refresh);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          unsubscribeCache?.();
          unsubscribeCache = undefined;
          cache.sync?.([], load);
        }
      };
    },
    setOptions(next) {
      const before = config;
      const previousScope = scopeText;
      config = { ...config, ...next };
      if (next.source && next.source !== source) source = next.source;
      scopeText = stableText(scopeOf());
      const size = resolvePageSize(source.provider, source.limits, config.pageSize);
      if (size !== pageSize || scopeText !== previousScope) {
        pageSize = size;
        startOver(next.pageIndex);
      } else if (next.pageIndex !== undefined && whole(next.pageIndex) !== requested) {
        requested = whole(next.pageIndex);
        intents.clear();
      }
      // A link (a URL restored by Back) names where a page starts: the book learns it.
      const link = next.link;
      if (link && link.index > 0 && !book.entries.has(link.index) && book.kind === 'cursor')
        book.entries.set(link.index, { cursor: link.cursor, direction: 'after' });
      const affects = [
        'forwardJumps',
        'maxWalk',
        'prefetch',
        'enabled',
        'pageIndex',
        'runner',
      ] as const;
      if (
        size !== state.pageSize ||
        scopeText !== previousScope ||
        (link !== undefined && link?.cursor !== before.link?.cursor) ||
        affects.some((k) => next[k] !== undefined && next[k] !== before[k])
      )
        refresh();
    },
    goTo,
    next() {
      if (state.canNextPage) move(requested + 1);
    },
    previous() {
      if (state.canPreviousPage) move(requested - 1);
    },
    first: () => goTo(0),
    last() {
      if (state.canLastPage) move(state.pageCount - 1);
    },
    setPageSize(size) {
      const clamped = resolvePageSize(source.provider, source.limits, size);
      if (clamped === pageSize) return;
      config = { ...config, pageSize: clamped };
      pageSize = clamped;
      startOver();
      refresh();
    },
    retry() {
      const step = state.wanted.find((w) => cache.get(w.key)?.error);
      if (step) cache.refetch(step.key);
    },
    refetch: () => cache.invalidate(scopeOf()),
    intent(index) {
      if (index === requested || intents.has(index) || reason(index) !== undefined) return;
      intents.add(index);
      refresh();
    },
    pageDisabledReason: (index) => reason(index),
    cursorAt: (index) => bookEntry(book, index)?.cursor,
    load,
  };
}

/** JSON with object keys sorted: equal parameters give equal text, however they were written. */
function stableText(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : v,
  );
}

/** A page index from anything: whole, never negative. */
function whole(value: number): number {
  return Number.isFinite(value) ? Math.max(0, Math.floor(value)) : 0;
}

/** Whether what a table shows differs (everything but the pages wanted). */
function shownChanged<T>(a: PagedTableState<T>, b: PagedTableState<T>): boolean {
  for (const k of Object.keys(b) as Array<keyof PagedTableState<T>>)
    if (k !== 'wanted' && a[k] !== b[k]) return true;
  return false;
}

function wantedChanged<T>(a: PagedTableState<T>, b: PagedTableState<T>): boolean {
  const text = (s: PagedTableState<T>) => s.wanted.map((w) => pageKeyText(w.key)).join();
  return text(a) !== text(b);
}
