import { DEFAULTS } from '../defaults.js';
import { resolvePageSize } from '../page-size.js';
import { createBatcher } from '../shared/batcher.js';
import { createChurnWatch } from '../shared/churn-watch.js';
import { changedAny } from '../shared/stable-text.js';
import { learnLink, linkCursor } from './page-book.js';
import type { WantedPage } from './page-key.js';
import type {
  PagedTableController,
  PagedTableOptions,
  PagedTableState,
} from './paged-table.types.js';
import { prefetchPace } from './prefetch-pace.js';
import { controlledChanges, prefetchDepthOf, scopeOf } from './table-config.js';
import {
  type ComputeContext,
  computeTable,
  createTableModel,
  loadPage,
  noteGiven,
  openingIndex,
  reasonOf,
  relocation,
  rescope,
  resetBook,
  retryFailedStep,
  type TableConfig,
  tellPage,
} from './table-model.js';
import { shownChanged, wantedChanged } from './table-state.js';

/**
 * A paged table over any source, framework-free: a `TableModel` computed from a `PageCache`; it
 * runs the (bound) commands and names the pages it wants, which a binding fetches with `load`.
 */
export function createPagedTable<T, P = unknown>(
  options: PagedTableOptions<T, P>,
): PagedTableController<T> {
  return new PagedTable(options as PagedTableOptions<T>);
}

class PagedTable<T> implements PagedTableController<T> {
  #config: TableConfig<T>;
  #cache: PagedTableOptions<T>['cache'];
  #pace;
  #model;
  #listeners = new Set<() => void>();
  #stopCache: (() => void) | undefined;
  #given: Partial<TableConfig<T>>; // the page, size and link last given (see controlledChanges)
  #corrected: number | undefined; // a page opened in place of the one asked for, until told
  #state: PagedTableState<T>;
  #context: ComputeContext<T>;
  #batcher = createBatcher(() => this.#refresh());
  #churn = process.env.NODE_ENV !== 'production' ? createChurnWatch('paged table') : undefined;

  constructor(options: PagedTableOptions<T>) {
    const { cache, ...config } = options;
    this.#cache = cache;
    this.#config = config;
    this.#pace = prefetchPace(() => prefetchDepthOf(this.#config));
    this.#model = createTableModel<T>(config);
    const listening = () => this.#listeners.size > 0;
    this.#context = { cache, pace: this.#pace, now: this.#now, listening, ...this.#batcher };
    cache.configure?.({ staleTime: config.staleTime ?? DEFAULTS.staleTime });
    this.#given = { pageIndex: config.pageIndex, pageSize: config.pageSize, link: config.link };
    this.#open(config.pageIndex ?? 0);
    this.#state = this.#compute();
  }

  #now = () => (this.#config.now ?? Date.now)();
  #compute = () => computeTable(this.#model, this.#config, this.#context);
  #refresh() {
    let next = this.#compute();
    // A page requested past the end, or beyond reach once a refused link was forgotten.
    const moveTo = relocation(this.#model, this.#config);
    if (moveTo !== undefined) {
      this.#moved(moveTo, true);
      next = this.#compute();
    }
    // A cache that fetches by itself (`sync`) is handed what is wanted: no news to the listeners.
    const [state, cache] = [this.#state, this.#cache];
    const news = shownChanged(state, next);
    const wants = !news && wantedChanged(state, next);
    if (news || wants) this.#state = next;
    if (news || (wants && !cache.sync)) for (const listener of [...this.#listeners]) listener();
    if (this.#listeners.size > 0) cache.sync?.(this.#state.wanted, this.load);
  }

  /** The requested page is now `index` (told to the app); a page whose fetch failed is tried again. */
  #moved(index: number, replace = false) {
    const model = this.#model;
    model.requested = index;
    model.intents.clear();
    tellPage(model, this.#config, index, this.cursorAt(index), replace);
    retryFailedStep(model, this.#config, this.#context, index);
  }
  #move(index: number) {
    if (index === this.#model.requested) return;
    this.#pace.turned(this.#now());
    this.#moved(index);
    this.#batcher.run();
  }
  /** A fresh book on the first page, or on a page the caller names (a URL: its link, if new). */
  #startOver(at: number | undefined, link: TableConfig<T>['link']) {
    resetBook(this.#model, this.#config, link);
    if (at !== undefined) this.#open(at);
    else if (this.#model.requested !== 0) this.#moved(0);
    else retryFailedStep(this.#model, this.#config, this.#context, 0);
  }
  load = (wanted: WantedPage, signal?: AbortSignal) =>
    loadPage(this.#model, this.#config, wanted, signal, this.#context);
  getState = () => this.#state;
  subscribe = (listener: () => void) => {
    this.#listeners.add(listener);
    this.#report();
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
    noteGiven(this.#model, next, given);
    this.#apply(next);
  };
  /** New options: another scope or size starts over, a new page index moves there silently. */
  #apply(next: Partial<TableConfig<T>>) {
    const model = this.#model;
    const before = this.#config;
    const config = { ...before, ...next };
    this.#config = config;
    if (next.staleTime !== undefined) this.#cache.configure?.({ staleTime: next.staleTime });
    const rescoped = rescope(model, config);
    if (rescoped) {
      this.#churn?.(model.scope);
      this.#startOver(next.pageIndex ?? next.link?.index, next.link);
    } else {
      // A link (a URL restored by Back) names where the page starts: learned before it opens.
      learnLink(model.book, next.link);
      if (next.pageIndex !== undefined && Math.floor(next.pageIndex) !== model.requested) {
        model.intents.clear();
        this.#open(next.pageIndex);
      }
    }
    if (rescoped || changedAny(next, before)) this.#batcher.run();
  }
  /** Opens a page, or the nearest one it can reach, told to the app in place of the URL's. */
  #open(index: number) {
    const open = openingIndex(this.#model, this.#config, index);
    this.#model.requested = open;
    if (open !== Math.floor(index)) this.#corrected = open;
    if (this.#listeners.size > 0) this.#report();
  }
  /** Tells the app of a page it asked for that the table replaced (once someone reads it). */
  #report() {
    const at = this.#corrected;
    this.#corrected = undefined;
    if (at === this.#model.requested)
      tellPage(this.#model, this.#config, at, this.cursorAt(at), true);
  }

  setPageIndex = (index: number) => {
    if (this.pageDisabledReason(index) === undefined) this.#move(index);
  };
  nextPage = () => void (this.#state.canNextPage && this.#move(this.#model.requested + 1));
  previousPage = () => void (this.#state.canPreviousPage && this.#move(this.#model.requested - 1));
  firstPage = () => this.setPageIndex(0);
  lastPage = () => {
    if (this.#state.canLastPage) this.#move(this.#state.pageCount - 1);
  };
  /** Back to the first page with a fresh book, at the new size (clamped). */
  setPageSize = (size: number) => {
    const { source } = this.#config;
    this.#apply({ pageSize: resolvePageSize(source.provider, source.limits, size) });
  };
  /** Fetches the failed step toward the requested page again (else any failed page wanted). */
  retry = () => {
    const failed = this.#state.wanted.filter((w) => this.#cache.get(w.key)?.error);
    const step = failed.find((w) => !w.ahead && w.index !== this.#state.shownPageIndex);
    if (step ?? failed[0]) this.#cache.refetch((step ?? failed[0])!.key);
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
  cursorAt = (index: number) => linkCursor(this.#model.book, index);
  itemKey = (row: T) => this.#config.source.key(row);
}
