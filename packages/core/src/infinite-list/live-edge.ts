import type { PaginationError } from '../pagination-error.js';
import type { FetchedPage } from '../runner/runner-types.js';
import type { Source } from '../types.js';
import type { ListData, ListEdge } from './list-page.js';
import {
  type EdgeFacts,
  holdsNewest,
  keepWindow,
  type LoadedPages,
  mergeNewestEdge,
  type NewestEdgeRequest,
  newestEdgeRequest,
} from './newest-edge.js';

/**
 * Where a live list runs: a clock, and whether the user can see it. A hidden tab or an offline
 * laptop sends no request; the list refreshes at once when it is seen again.
 */
export interface LiveEnvironment {
  /** Calls `tick` every `ms`; returns how to stop. */
  every(ms: number, tick: () => void): () => void;
  /** Whether a refresh is worth sending now (the page visible, the browser online). */
  active(): boolean;
  /** Calls `wake` when the page becomes visible or the browser comes back online; returns how to stop. */
  onWake(wake: () => void): () => void;
}

/** The browser's clock, page visibility and online state; on a server, the clock alone. */
export function browserLiveEnvironment(): LiveEnvironment {
  const doc = typeof document === 'undefined' ? undefined : document;
  const win = typeof window === 'undefined' ? undefined : window;
  return {
    every(ms, tick) {
      const timer = setInterval(tick, ms);
      return () => clearInterval(timer);
    },
    active: () =>
      doc?.visibilityState !== 'hidden' &&
      (typeof navigator === 'undefined' || navigator.onLine !== false),
    onWake(wake) {
      doc?.addEventListener('visibilitychange', wake);
      win?.addEventListener('online', wake);
      return () => {
        doc?.removeEventListener('visibilitychange', wake);
        win?.removeEventListener('online', wake);
      };
    },
  };
}

/**
 * What a poll came to: `null` when it refreshed the edge, the error when it failed, `undefined`
 * when it sent nothing (a refresh already running, the edge not held).
 */
export type PollOutcome = PaginationError | null | undefined;

/** The longest a failing edge waits between polls while it backs off. */
const MAX_BACKOFF_MS = 60_000;

/**
 * Keeps a list's newest edge live: `refresh` every `interval` ms while the environment is
 * active, and at once when it wakes. A poll that fails is tried again by a later poll, after a
 * backoff — 1, 3, 7… polls skipped after 1, 2, 3… failures in a row, up to a minute, and at
 * least the vendor's `Retry-After` — so an idle tab does not hammer a failing vendor; a poll that
 * works ends it; waking (the page seen again, the browser online) polls at once. Returns how to
 * stop; an interval that is not a positive number starts nothing.
 */
export function startLiveEdge(
  environment: LiveEnvironment,
  interval: number | undefined,
  refresh: () => Promise<PollOutcome> | undefined,
): () => void {
  if (interval === undefined || !(interval > 0)) return () => {};
  let [failures, skip] = [0, 0];
  const outcome = (result: PollOutcome) => {
    if (result === null) failures = 0;
    if (!result) return;
    failures++;
    const most = Math.max(0, Math.ceil(MAX_BACKOFF_MS / interval) - 1);
    const after = Math.ceil((result.retryAfterMs ?? 0) / interval) - 1;
    skip = Math.max(Math.min(2 ** failures - 1, most), after);
  };
  const poll = () => void Promise.resolve(refresh()).then((r) => outcome(r as PollOutcome));
  const tick = () => {
    if (!environment.active()) return;
    if (skip > 0) skip--;
    else poll();
  };
  // Seen again, or back online: at once, whatever the backoff (the failures may have been the
  // network's, and the time hidden counts).
  const wake = () => {
    if (!environment.active()) return;
    skip = 0;
    poll();
  };
  const stopClock = environment.every(interval, tick);
  const stopWake = environment.onWake(wake);
  return () => {
    stopClock();
    stopWake();
  };
}

export interface LiveEdgeOptions {
  /**
   * Refresh the newest edge every `interval` ms while the page is visible and the browser online
   * (and at once when it becomes visible or online again).
   * @defaultValue none — the edge is refreshed only when `refreshNewest()` is called
   */
  interval?: number | undefined;
  /**
   * Which end of the list holds the newest items: the start for newest-first APIs (Dashly's
   * default order, Mews, most feeds), the end for lists in ascending order (a chat API that lists
   * oldest first).
   * @defaultValue 'start'
   */
  newest?: ListEdge | undefined;
  /** The clock and visibility the interval follows; build it once. @defaultValue the browser's (a server's clock alone) */
  environment?: LiveEnvironment | undefined;
}

/** How a list's newest edge is brought up to date: made by `liveEdge()`, given as a list's `live`. */
export interface LiveEdge {
  readonly interval: number | undefined;
  readonly newest: ListEdge;
  readonly environment: LiveEnvironment | undefined;
  /** The code that plans, merges and polls: one object for every live edge. */
  readonly run: LiveEdgeRun;
}

export interface LiveEdgeRun {
  /** Polls `refresh` on the edge's clock, backing off while polls fail. */
  start(edge: LiveEdge, refresh: () => Promise<PollOutcome> | undefined): () => void;
  /**
   * The request that brings the newest edge up to date; none while the list does not hold that
   * edge (a jump into the history, a window that slid away, more arrived than a page held): what
   * lies beyond it is history, loaded as a page.
   */
  request<T>(
    source: Source<T>,
    loaded: LoadedPages<T>,
    edge: LiveEdge,
    facts: EdgeFacts<T>,
  ): NewestEdgeRequest | undefined;
  merge<T>(
    loaded: ListData<T>,
    request: NewestEdgeRequest,
    fetched: FetchedPage<T>,
    key: (item: T) => string,
    edge: LiveEdge & { maxPages: number | undefined },
  ): ListData<T> | undefined;
}

const run: LiveEdgeRun = {
  start: (edge, refresh) =>
    startLiveEdge(edge.environment ?? browserLiveEnvironment(), edge.interval, refresh),
  request: (source, loaded, edge, facts) =>
    holdsNewest(loaded, facts, edge.newest)
      ? newestEdgeRequest(source, loaded, edge.newest)
      : undefined,
  merge(loaded, request, fetched, key, edge) {
    const merged = mergeNewestEdge(loaded, request, fetched, key, edge.newest);
    if (merged.added === 0 && request.mode !== 'reread') return undefined;
    return keepWindow(merged, edge.maxPages, edge.newest);
  },
};

/**
 * A list's newest edge, kept up to date: given as `live`, `refreshNewest()` brings it up to date
 * with one request — where the source can page from an item, only what is newer than the newest
 * item held; elsewhere the edge page read again and merged by key — and `interval` calls it on a
 * clock. A list without it carries none of this code; its `refreshNewest()` reads the list again.
 *
 * @example
 * const list = useInfiniteList({ source, live: liveEdge({ interval: 5_000, newest: 'end' }) });
 */
export function liveEdge(options: LiveEdgeOptions = {}): LiveEdge {
  return {
    interval: options.interval,
    newest: options.newest ?? 'start',
    environment: options.environment,
    run,
  };
}
