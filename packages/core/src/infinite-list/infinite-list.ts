import { DEFAULTS } from '../defaults.js';
import { asPaginationError, isPaginationError, type PaginationError } from '../pagination-error.js';
import { createBatcher } from '../shared/batcher.js';
import { createChurnWatch } from '../shared/churn-watch.js';
import { changedAny, stableText } from '../shared/stable-text.js';
import type { Source } from '../types.js';
import { fetchWaits } from './fetch-waits.js';
import { FailureHold } from './held-failure.js';
import type {
  InfiniteListController,
  InfiniteListOptions,
  InfiniteListState,
} from './infinite-list.types.js';
import type { ListCache, ListCacheOptions } from './list-cache.js';
import { type ListQuery, listKey, listQuery } from './list-query.js';
import { canFetch, deriveListState, listChanged, slidAway } from './list-state.js';
import type { PollOutcome } from './live-edge.js';

type Config<T, P> = Omit<InfiniteListOptions<T, P>, 'cache'>;

/**
 * An infinite list over any source, framework-free: one list query (key, memory, progress guard)
 * in a `ListCache`; guarded commands (never two fetches at once, none after the end, none after a
 * failure until `retry()`); errors merged, `retry()` routed to what failed; items prepended
 * counted; given a `liveEdge()`, its newest edge refreshed within a `maxPages` window, on a clock
 * while someone reads it. Commands are bound: pass them as handlers as they are.
 */
export function createInfiniteList<T, P = unknown>(
  options: InfiniteListOptions<T, P>,
): InfiniteListController<T, P> {
  return new InfiniteList(options);
}

class InfiniteList<T, P> implements InfiniteListController<T, P> {
  #config: Config<T, P>;
  #cache: ListCache<T>;
  #query: ListQuery<T>;
  #keyText: string;
  #state: InfiniteListState<T> | undefined;
  #listeners = new Set<() => void>();
  #stopCache: (() => void) | undefined;
  #stopLive: (() => void) | undefined;
  #edge = { refreshing: false, error: null as PaginationError | null };
  #hold = new FailureHold(); // a failure, kept through a live refresh's write
  #batcher = createBatcher(() => this.#refresh());
  #waits = fetchWaits(this.#batcher.run, () => this.#keyText); // `retrying`, for its own fetches
  #churn = process.env.NODE_ENV !== 'production' ? createChurnWatch('infinite list') : undefined;

  constructor(options: InfiniteListOptions<T, P>) {
    const { cache, ...config } = options;
    this.#cache = cache;
    this.#config = config;
    this.#query = this.#makeQuery();
    this.#keyText = stableText(this.#query.key);
    cache.observe(this.#query, this.#cacheOptions());
  }

  #source = () => this.#config.source as Source<T>;
  #makeQuery() {
    return listQuery<T, P>(this.#config as InfiniteListOptions<T, P>, () => ({
      source: this.#config.source,
      runner: this.#waits.watch(this.#config.runner),
    }));
  }
  #cacheOptions = (): ListCacheOptions => {
    const { enabled, maxPages, staleTime = DEFAULTS.staleTime } = this.#config;
    return { enabled: enabled !== false, maxPages, staleTime };
  };
  #derive() {
    const { refreshing, error: edgeError } = this.#edge;
    const { nextParam, previousParam } = this.#query;
    const { around: at, aroundKey } = this.#config; // a cursor (`around`) wins over a key
    const [key, around] = [this.itemKey, at === undefined ? aroundKey : undefined];
    const [retrying, snapshot] = [this.#waits.wait, this.#read()];
    const facts = { key, nextParam, previousParam, refreshing, edgeError, around, retrying };
    return deriveListState({ ...facts, snapshot }, this.#state);
  }
  #read = () => this.#hold.apply(this.#cache.read());
  #refresh() {
    const next = this.#derive();
    if (this.#state && !listChanged(this.#state, next)) return;
    this.#state = next;
    for (const listener of [...this.#listeners]) listener();
  }
  #startLive() {
    this.#stopLive?.();
    this.#stopLive = this.#config.live?.run.start(this.#config.live, () => this.#refreshEdge());
  }

  itemKey = (item: T) => this.#config.source.key(item);
  /** The state; while nobody subscribes (a script, a render before mount) read afresh each time. */
  getState = () => {
    if (this.#state && this.#listeners.size > 0) return this.#state;
    const next = this.#derive();
    if (!this.#state || listChanged(this.#state, next)) this.#state = next;
    return this.#state;
  };
  subscribe = (listener: () => void) => {
    this.#listeners.add(listener);
    this.#stopCache ??= this.#cache.subscribe(this.#batcher.run);
    if (this.#listeners.size === 1) {
      this.#reopenIfSlid();
      this.#startLive();
    }
    this.#batcher.run();
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size > 0) return;
      for (const stop of [this.#stopCache, this.#stopLive]) stop?.();
      this.#stopCache = this.#stopLive = undefined;
    };
  };

  setOptions = (next: Partial<Config<T, P>>) => {
    const before = this.#config;
    this.#config = { ...before, ...next };
    const [was, now] = [before.live, this.#config.live];
    // A live edge is compared by what runs it: an environment of functions has no text.
    const relive = was?.interval !== now?.interval || was?.environment !== now?.environment;
    if (!changedAny(next, before) && !relive) return;
    const rekeyed =
      stableText(listKey(this.#config as InfiniteListOptions<T, P>)) !== this.#keyText;
    if (rekeyed) {
      this.#query = this.#makeQuery();
      this.#keyText = stableText(this.#query.key);
      this.#churn?.(this.#keyText);
      this.#edge = { refreshing: false, error: null };
      this.#hold.clear();
    }
    this.#cache.observe(this.#query, this.#cacheOptions());
    // Only a list come back to (its parameters again) may reopen: not one given a new maxPages.
    if (rekeyed && this.#listeners.size > 0) this.#reopenIfSlid();
    if ((relive || rekeyed) && this.#listeners.size > 0) this.#startLive(); // no backoff carried over
    this.#batcher.run();
  };

  // `enabled: false` fetches nothing, whichever command asks.
  #can = (edge: 'next' | 'previous') =>
    this.#config.enabled !== false && canFetch(this.#read(), this.#query, edge);
  fetchNextPage = async () => {
    if (this.#can('next')) await this.#cache.fetchNext();
  };
  fetchPreviousPage = async () => {
    if (this.#can('previous')) await this.#cache.fetchPrevious();
  };
  refetch = async () => {
    if (this.#config.enabled === false) return;
    this.#hold.clear();
    await this.#cache.refetch();
  };
  retry = () => {
    if (this.#config.enabled === false) return;
    const { failed, error } = this.#read();
    const edge = this.#edge.error;
    this.#hold.clear();
    this.#edge.error = null; // a refresh tried again is said again, however it fails
    if (failed === 'next') void this.#cache.fetchNext();
    else if (failed === 'previous') void this.#cache.fetchPrevious();
    else if (!error && edge) void this.refreshNewest();
    else void this.#cache.refetch();
  };

  refreshNewest = async () => {
    // The app's own refresh (or Retry) that works ends a backoff of the polls.
    if ((await this.#refreshEdge()) === null && this.#stopLive) this.#startLive();
  };
  /** The newest edge brought up to date, with the runner's retries: a blip is not the reader's. */
  async #refreshEdge(): Promise<PollOutcome> {
    const data = this.#cache.read().data;
    const { live, enabled, params, pageSize, maxPages } = this.#config;
    if (!live) return enabled === false ? undefined : void (await this.#cache.refetch());
    const planned = data && live.run.request(this.#source(), data, live, this.#query);
    if (!planned || enabled === false || this.#cache.read().fetching || this.#edge.refreshing)
      return;
    const list = this.#keyText;
    this.#setEdge(true, this.#edge.error);
    const size = pageSize ?? this.#source().limits.default;
    const fetched = await this.#config.runner
      .fetchPage(this.#source(), { ...planned.param, size, params })
      .catch((error: unknown) => asPaginationError(error, this.#source().provider));
    // Another list now (new parameters): what arrived belongs to the old one.
    if (this.#keyText !== list) return;
    this.#hold.keep(this.#cache.read());
    const failed = isPaginationError(fetched) ? fetched : null;
    if (!isPaginationError(fetched))
      this.#cache.update(
        (old) => live.run.merge(old, planned, fetched, this.itemKey, { ...live, maxPages }) ?? old,
      );
    this.#setEdge(false, failed);
    return failed;
  }
  #reopenIfSlid() {
    if (slidAway(this.#cache.read(), this.#query.initialPageParam)) this.#cache.reset();
  }
  #setEdge(refreshing: boolean, error: PaginationError | null) {
    this.#edge = { refreshing, error };
    this.#batcher.run();
  }
}
