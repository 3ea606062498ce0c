import { DEFAULTS } from '../defaults.js';
import { resolvePageSize } from '../page-size.js';
import { createBatcher } from '../shared/batcher.js';
import { createChurnWatch } from '../shared/churn-watch.js';
import { sameValue } from '../shared/stable-text.js';
import { bookEntry, lastIndexOf, learnLink, learnPage } from './page-book.js';
import type { PageCache } from './page-cache.js';
import type { WantedPage } from './page-key.js';
import { stepToward } from './page-planner.js';
import type {
  PagedTableController,
  PagedTableOptions,
  PagedTableState,
} from './paged-table.types.js';
import { prefetchPace } from './prefetch-pace.js';
import { controlledChanges, prefetchDepthOf, scopeOf } from './table-config.js';
import {
  computeTable,
  createTableModel,
  isCurrent,
  openingIndex,
  reasonOf,
  rescope,
  resetBook,
  type TableConfig,
  tableView,
} from './table-model.js';
import { shownChanged, wantedChanged } from './table-state.js';

/**
 * A paged table over any source, framework-free. What it knows is a `TableModel` computed from a
 * `PageCache` by `computeTable`; the controller holds options and listeners, runs the (bound)
 * commands and says which pages it wants: a binding (or `memoryPageCache`) fetches them with `load`.
 */
export function createPagedTable<T>(options: PagedTableOptions<T>): PagedTableController<T> {
  return new PagedTable(options);
}

class PagedTable<T> implements PagedTableController<T> {
  #config: TableConfig<T>;
  #cache: PageCache<T>;
  #pace;
  #model;
  #listeners = new Set<() => void>();
  #stopCache: (() => void) | undefined;
  /** The page, size and link last given: each moves the table only when it changes. */
  #given: Partial<TableConfig<T>>;
  #state: PagedTableState<T>;
  #batcher = createBatcher(() => this.#refresh());
  #churn = createChurnWatch('paged table');

  constructor(options: PagedTableOptions<T>) {
    const { cache, ...config } = options;
    this.#cache = cache;
    this.#config = config;
    this.#pace = prefetchPace(prefetchDepthOf(config));
    this.#model = createTableModel<T>(config);
    cache.configure?.({ staleTime: config.staleTime ?? DEFAULTS.staleTime });
    this.#given = { pageIndex: config.pageIndex, pageSize: config.pageSize, link: config.link };
    this.#model.requested = openingIndex(this.#model, config, config.pageIndex ?? 0);
    this.#state = this.#compute();
  }

  #now = () => (this.#config.now ?? Date.now)();
  #compute = () =>
    computeTable(this.#model, this.#config, {
      cache: this.#cache,
      pace: this.#pace,
      now: this.#now(),
      listening: this.#listeners.size > 0,
      hold: this.#batcher.hold,
    });

  #refresh() {
    let next = this.#compute();
    // A page requested past the end (a stale link, data that shrank): the last page instead.
    const last = lastIndexOf(this.#model.book);
    if (last !== undefined && this.#model.requested > last) {
      this.#moved(last);
      next = this.#compute();
    }
    // A cache that fetches by itself (`sync`) is handed what is wanted below: a change of only
    // the pages wanted is no news to the listeners (a binding would render for nothing).
    const [state, cache] = [this.#state, this.#cache];
    const news = shownChanged(state, next);
    const wants = !news && wantedChanged(state, next);
    if (news || wants) this.#state = next;
    if (news || (wants && !cache.sync)) for (const listener of [...this.#listeners]) listener();
    if (this.#listeners.size > 0) cache.sync?.(this.#state.wanted, this.load);
  }

  /** The requested page is now `index` (told to the app); a page whose fetch failed is tried again. */
  #moved(index: number) {
    const [model, config, cache] = [this.#model, this.#config, this.#cache];
    model.requested = index;
    model.intents.clear();
    config.onPageIndexChange?.(index, bookEntry(model.book, index)?.cursor);
    const step = stepToward(tableView(model, config, cache), index);
    if (cache.get(step.key)?.error) cache.refetch(step.key);
  }
  #move(index: number) {
    if (index === this.#model.requested) return;
    this.#pace.turned(this.#now());
    this.#moved(index);
    this.#batcher.run();
  }
  /** A fresh book on the first page, or on a page the caller names (a restored URL). */
  #startOver(at: number | undefined) {
    resetBook(this.#model, this.#config);
    if (at !== undefined) this.#model.requested = openingIndex(this.#model, this.#config, at);
    else if (this.#model.requested !== 0) this.#moved(0);
  }

  load = async (wanted: WantedPage, signal?: AbortSignal) => {
    const [config, model] = [this.#config, this.#model];
    const started = this.#now();
    const { cursor, direction, size } = wanted.key;
    const position = { cursor, direction, size, params: config.params };
    const page = await config.runner.fetchPage(config.source, position, { signal });
    this.#pace.loaded(this.#now() - started);
    // Only single pages of the current scope and size teach the book (a stretched one is split
    // when read: an old stretched answer can have the size of a page now, at its old index).
    if (isCurrent(model, wanted) && wanted.span === 1) learnPage(model.book, wanted.index, page);
    return page;
  };

  getState = () => this.#state;
  subscribe = (listener: () => void) => {
    this.#listeners.add(listener);
    this.#stopCache ??= this.#cache.subscribe(this.#batcher.run);
    if (this.#listeners.size === 1) queueMicrotask(this.#batcher.run);
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size > 0) return;
      this.#stopCache?.();
      this.#stopCache = undefined;
      this.#cache.sync?.([], this.load);
    };
  };

  setOptions = (options: Partial<TableConfig<T>>) => {
    const [next, given] = controlledChanges(this.#given, options);
    this.#given = given;
    this.#apply(next);
  };
  /** New options: another scope or size starts over, a new page index moves there silently. */
  #apply(next: Partial<TableConfig<T>>) {
    const model = this.#model;
    const before = this.#config;
    const config = { ...before, ...next };
    this.#config = config;
    if (next.staleTime !== undefined) this.#cache.configure?.({ staleTime: next.staleTime });
    if (rescope(model, config)) {
      this.#churn(model.scope);
      this.#startOver(next.pageIndex);
    } else if (next.pageIndex !== undefined && Math.floor(next.pageIndex) !== model.requested) {
      model.intents.clear();
      model.requested = openingIndex(model, config, next.pageIndex);
    }
    learnLink(model.book, next.link);
    // Any value that changed is news (functions are read when they are called).
    const keys = Object.keys(next) as Array<keyof typeof next>;
    if (keys.some((k) => typeof next[k] !== 'function' && !sameValue(next[k], before[k])))
      this.#batcher.run();
  }

  setPageIndex = (index: number) => {
    if (this.pageDisabledReason(index) === undefined) this.#move(index);
  };
  nextPage = () => {
    if (this.#state.canNextPage) this.#move(this.#model.requested + 1);
  };
  previousPage = () => {
    if (this.#state.canPreviousPage) this.#move(this.#model.requested - 1);
  };
  firstPage = () => this.setPageIndex(0);
  lastPage = () => {
    if (this.#state.canLastPage) this.#move(this.#state.pageCount - 1);
  };
  /** Back to the first page with a fresh book, at the new size (clamped). */
  setPageSize = (size: number) => {
    const { source } = this.#config;
    this.#apply({ pageSize: resolvePageSize(source.provider, source.limits, size) });
  };
  retry = () => {
    const step = this.#state.wanted.find((w) => this.#cache.get(w.key)?.error);
    if (step) this.#cache.refetch(step.key);
  };
  refetch = () => this.#cache.invalidate(scopeOf(this.#config));
  prefetchPage = (index: number) => {
    const { intents, requested } = this.#model;
    if (index === requested || intents.has(index) || this.pageDisabledReason(index) !== undefined)
      return;
    intents.add(index);
    this.#batcher.run();
  };
  pageDisabledReason = (index: number) => reasonOf(this.#model, this.#config, index);
  cursorAt = (index: number) => bookEntry(this.#model.book, index)?.cursor;
  itemKey = (row: T) => this.#config.source.key(row);
}
