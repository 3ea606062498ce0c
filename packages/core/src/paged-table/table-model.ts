import { watchRetries } from '../runner/retry-watch.js';
import type { FetchedPage, RetryWait } from '../runner/runner-types.js';
import { warnOnce } from '../shared/is-development.js';
import type { Cursor } from '../types.js';
import { readAnchoredPage, resumeAfterRows } from './anchored-page.js';
import {
  bookEntry,
  createPageBook,
  forgetRefusedLink,
  lastIndexOf,
  learnCachedPages,
  learnPage,
  linkCursor,
  type PageBook,
} from './page-book.js';
import type { PageCache, PageEntry } from './page-cache.js';
import { type PageKey, pageKeyText, scopeText, type WantedPage } from './page-key.js';
import { planWanted, stepToward, type TableView } from './page-planner.js';
import { nearestReachable, unreachableReason } from './page-reachability.js';
import type { NotOpened, PagedTableOptions, PagedTableState } from './paged-table.types.js';
import type { PrefetchPace } from './prefetch-pace.js';
import { splitStretchedPage } from './stretched-page.js';
import {
  type CacheRead,
  createStretchedRequests,
  type StretchedRequests,
} from './stretched-requests.js';
import { pageSizeOf, reachOf, scopeOf, stretchOf } from './table-config.js';
import { deriveTableState } from './table-state.js';
import { estimateTotal } from './total-estimate.js';

export type TableConfig<T> = Omit<PagedTableOptions<T>, 'cache'>;

/** What a table knows at one moment: the controller's data, read and written by the functions below. */
export interface TableModel<T> {
  book: PageBook;
  requested: number;
  pageSize: number;
  /** The text of the cache scope. */
  scope: string;
  /** The page on screen, and the page size it was read at. */
  shown: { index: number; key: PageKey; page: FetchedPage<T>; size: number } | undefined;
  stretched: StretchedRequests;
  /** Pages the user showed intent for. */
  intents: Set<number>;
  /**
   * The page and cursor the app was last told (its URL), and the page size the cursor was written
   * at, to tell it a cursor learned since.
   */
  told: { index: number; cursor: Cursor | null | undefined; pageSize?: number | undefined };
  /** A link was refused and forgotten: the requested page is opened again (a walk, or nearer). */
  relink: boolean;
  /** Pages whose request waits for another attempt (a 429, a 5xx), by page key text. */
  waits: Map<string, RetryWait>;
  /** The page asked for (a URL's) that could not be opened, and why, until the user moves. */
  notOpened?: NotOpened | undefined;
}

export function createTableModel<T>(config: TableConfig<T>): TableModel<T> {
  const pageSize = pageSizeOf(config);
  return {
    book: createPageBook(config.source, pageSize, config.link),
    requested: 0,
    pageSize,
    scope: scopeText(scopeOf(config)),
    shown: undefined,
    stretched: createStretchedRequests(),
    intents: new Set(),
    told: toldBy(config),
    relink: false,
    waits: new Map(),
  };
}

/**
 * A fresh book for the model's scope and size: nothing learned, no stretched request, no intent;
 * a link given with the change names where its page starts.
 */
export function resetBook<T>(
  model: TableModel<T>,
  config: TableConfig<T>,
  link: TableConfig<T>['link'],
): void {
  model.book = createPageBook(config.source, model.pageSize, link);
  model.stretched.clear();
  model.intents.clear();
  model.notOpened = undefined;
}

/** Where page keys and cache reads come from, for the model's scope and size. */
export function tableView<T>(
  model: TableModel<T>,
  config: TableConfig<T>,
  cache: PageCache<T>,
): TableView {
  const keyOf = (cursor: Cursor | null, direction: 'after' | 'before', span = 1): PageKey => ({
    scope: scopeOf(config),
    cursor,
    direction,
    size: model.pageSize * span,
  });
  const read: CacheRead = {
    entry: (key) => cache.get(key),
    keyAt: (index) => {
      const entry = bookEntry(model.book, index);
      return entry && keyOf(entry.cursor, entry.direction);
    },
  };
  const stretch = stretchOf(config, model.pageSize);
  return {
    book: model.book,
    requested: model.requested,
    stretch,
    keyOf,
    read,
    stretched: model.stretched,
  };
}

/** Why a page cannot be reached now; the page after the one requested is reached as Next is. */
export function reasonOf<T>(
  model: TableModel<T>,
  config: TableConfig<T>,
  index: number,
  asNext = false,
) {
  const next = index === model.requested + 1 && !!model.shown;
  return unreachableReason(model.book, index, reachOf(config, model.pageSize), asNext || next);
}

/** A page to open (from a URL, a controlled index): the page, or the nearest one the table can reach, with a development warning. */
export function openingIndex<T>(
  model: TableModel<T>,
  config: TableConfig<T>,
  index: number,
): number {
  const wanted = Number.isFinite(index) ? Math.max(0, Math.floor(index)) : 0;
  const open = nearestReachable(model.book, wanted, reachOf(config, model.pageSize));
  const reason = open !== wanted ? reasonOf(model, config, wanted) : undefined;
  model.notOpened = reason === undefined ? undefined : { pageIndex: wanted, reason };
  if (process.env.NODE_ENV !== 'production' && reason !== undefined)
    warnOnce(
      `${config.source.provider}: page ${wanted + 1} cannot be opened (${reason}); opening page ${open + 1}, or the last page where the list ends before it (the state's notOpened says so).`,
    );
  return open;
}

/** Tells the app the page requested (its URL: the page and its cursor), and remembers it. */
export function tellPage<T>(
  model: TableModel<T>,
  config: TableConfig<T>,
  index: number,
  cursor: Cursor | null | undefined,
  replace: boolean,
): void {
  // A move of the user's own: the page asked for before and not opened is no longer asked for.
  if (!replace) model.notOpened = undefined;
  // A page number is all a page-number table's URL says: its page's number is no cursor to keep.
  model.told = {
    index,
    cursor: model.book.kind === 'page' ? undefined : cursor,
    pageSize: model.pageSize,
  };
  config.onPageIndexChange?.(index, cursor, { replace, pageSize: model.pageSize });
}

/**
 * The app changed its URL (`changed`: a page given, or a link alone — a cursor added to the same
 * page's URL): what it holds now (`given`: the page and link last given).
 */
export function noteGiven<T>(
  model: TableModel<T>,
  changed: Partial<TableConfig<T>>,
  given: Partial<TableConfig<T>>,
): void {
  if (changed.pageIndex !== undefined || 'link' in changed)
    model.told = toldBy({ pageIndex: given.pageIndex ?? model.told.index, link: given.link });
}

/** What the app's URL holds: the page, its link's cursor and the size it was written at. */
const toldBy = <T>(given: Partial<TableConfig<T>>): TableModel<T>['told'] => ({
  index: given.pageIndex ?? 0,
  cursor: given.link?.cursor,
  pageSize: given.link?.pageSize,
});

/**
 * After a computation, where the requested page must move, told in place of it: the last page
 * when it lies past a known end (a stale link, data that shrank); the nearest reachable page when
 * a refused link was forgotten and the page lies beyond a walk. When it stays, a cursor learned
 * for it since the app was told the page is told in place (see `untoldCursor`).
 */
export function relocation<T>(model: TableModel<T>, config: TableConfig<T>): number | undefined {
  const last = lastIndexOf(model.book);
  // The page asked for stays the one said (not the page opened in its place, moved again).
  const asked = model.notOpened?.pageIndex;
  const refused = (index: number) => {
    const reason = reasonOf(model, config, index) ?? model.notOpened?.reason;
    model.notOpened = reason === undefined ? undefined : { pageIndex: index, reason };
  };
  if (last !== undefined && model.requested > last) {
    // A page past the end never shown (a link's); not the page shown, when the rows shrank.
    if (asked !== undefined || model.shown?.index !== model.requested)
      refused(asked ?? model.requested);
    return last;
  }
  const open = model.relink ? openingIndex(model, config, model.requested) : model.requested;
  if (model.relink && asked !== undefined) refused(asked);
  model.relink = false;
  if (open !== model.requested) return open;
  const cursor = untoldCursor(model);
  if (cursor !== undefined) tellPage(model, config, model.requested, cursor, true);
  return undefined;
}

/**
 * The requested page's cursor, when the book learned it after the app was told the page without
 * it, with another, or at another size (a walk from a URL without a cursor, a refused link, a
 * link written at another page size): the app writes it in
 * place, so a reload opens the page in one request. `null` on a page-number source whose URL
 * holds a cursor: the app drops it.
 */
function untoldCursor<T>(model: TableModel<T>): Cursor | null | undefined {
  const { index, cursor, pageSize } = model.told;
  // A page number is where its page starts: a cursor a URL gave it is dropped from the URL.
  if (model.book.kind === 'page') return index === model.requested && cursor ? null : undefined;
  const at = linkCursor(model.book, model.requested);
  if (at === undefined || at === null) return undefined;
  // The same cursor written at another size (a walk at this size led to it): told again with
  // this size, or every reload would walk again.
  const sized = pageSize === undefined || pageSize === model.pageSize;
  return index === model.requested && cursor === at && sized ? undefined : at;
}

/**
 * Fetches a wanted page (the binding's query function) and learns from it: only single pages of
 * the current scope and size teach the book (a stretched one is split when read: an old
 * stretched answer can have the size of a page now, at its old index).
 */
export async function loadPage<T>(
  model: TableModel<T>,
  config: TableConfig<T>,
  wanted: WantedPage,
  signal: AbortSignal | undefined,
  ctx: Pick<ComputeContext<T>, 'cache' | 'pace' | 'now' | 'run'>,
): Promise<FetchedPage<T>> {
  // A wait for another attempt is the table's news while this page is what it waits for.
  const text = pageKeyText(wanted.key);
  const watched = {
    ...config,
    runner: watchRetries(config.runner, (wait) => {
      model.waits.set(text, wait);
      ctx.run();
    }),
  };
  try {
    return await readPage(model, watched, wanted, signal, ctx);
  } finally {
    // Said no more once its request ends (a cache that drops an aborted fetch tells nothing);
    // refreshed after the request's own turn, so a listener's throw cannot fail the page.
    if (model.waits.delete(text)) queueMicrotask(ctx.run);
  }
}

async function readPage<T>(
  model: TableModel<T>,
  config: TableConfig<T>,
  wanted: WantedPage,
  signal: AbortSignal | undefined,
  ctx: Pick<ComputeContext<T>, 'cache' | 'pace' | 'now'>,
): Promise<FetchedPage<T>> {
  const { pace, now } = ctx;
  const started = now();
  const { source, runner, params } = config;
  const before = heldBefore(model, config, ctx.cache, wanted);
  const walk = before && source.kind === 'page' ? source.repairDrift?.() : undefined;
  const { index, key } = wanted;
  const read =
    before && walk && source.kind === 'page'
      ? await readAnchoredPage(
          source,
          walk,
          runner,
          { index, size: key.size, params, ...before },
          signal,
        )
      : { page: await fetchPlain(model, config, wanted, signal), resume: undefined };
  pace.loaded(now() - started);
  if (isCurrent(model, wanted) && wanted.span === 1) {
    learnPage(model.book, index, read.page);
    // The page as learned (so the cache's copy of it teaches nothing new), and where it ended.
    const seen = model.book.entries.get(index)?.seen;
    if (seen) Object.assign(seen, { from: read.page, resume: read.resume });
  }
  return read.page;
}

/** A page as the source serves it; a link's cursor the vendor refuses is forgotten (see `relocation`). */
function fetchPlain<T>(
  model: TableModel<T>,
  config: TableConfig<T>,
  wanted: WantedPage,
  signal: AbortSignal | undefined,
): Promise<FetchedPage<T>> {
  const { cursor, direction, size } = wanted.key;
  const { source, runner, params } = config;
  return runner
    .fetchPage(source, { cursor, direction, size, params }, { signal })
    .catch((error: unknown) => {
      if (isCurrent(model, wanted) && forgetRefusedLink(model.book, wanted.index, cursor, error))
        model.relink = true;
      throw error;
    });
}

/**
 * The rows of the page before a wanted page-number page, where the table holds them and repairs
 * drift (`repairDrift: true`), and where that page ended when read: the wanted page is then read
 * on from them (see `readAnchoredPage`).
 */
function heldBefore<T>(
  model: TableModel<T>,
  config: TableConfig<T>,
  cache: PageCache<T>,
  wanted: WantedPage,
): { before: readonly T[]; earlier?: readonly T[]; resume: string | undefined } | undefined {
  if (config.source.kind !== 'page' || config.repairDrift !== true) return undefined;
  if (wanted.span !== 1 || wanted.index < 1 || !isCurrent(model, wanted)) return undefined;
  const { read } = tableView(model, config, cache);
  const held = (index: number) => {
    const key = index >= 0 && read.keyAt(index);
    const page = key && cache.get(key)?.page;
    return page && page.items.length === model.pageSize ? page.items : undefined;
  };
  const before = held(wanted.index - 1);
  if (!before) return undefined;
  const resume = model.book.entries.get(wanted.index - 1)?.seen?.resume;
  const earlier = held(wanted.index - 2);
  return { before, earlier, resume: resumeAfterRows(config.source, resume, before) };
}

/** Whether a wanted page belongs to the model's scope and size (an old one teaches nothing). */
export const isCurrent = <T>(model: TableModel<T>, wanted: WantedPage): boolean =>
  wanted.key.size === model.pageSize * wanted.span && scopeText(wanted.key.scope) === model.scope;

/** A stretched request that landed, split into its pages: the book learns each, the cache holds each. */
function split<T>(
  model: TableModel<T>,
  config: TableConfig<T>,
  view: TableView,
  cache: PageCache<T>,
  wanted: WantedPage,
) {
  const page = cache.get(wanted.key)?.page;
  const { source } = config;
  if (!page || wanted.span <= 1 || source.kind !== 'cursor' || !source.cursorAfter) return;
  const parts = splitStretchedPage(page, model.pageSize, wanted.span, source.cursorAfter);
  parts.forEach((part, j) => {
    learnPage(model.book, wanted.index + j, part);
    cache.put(view.keyOf(part.cursor, 'after'), part);
  });
}

export interface ComputeContext<T> {
  cache: PageCache<T>;
  pace: PrefetchPace;
  now(): number;
  /** Someone reads the table: what landed is split now (else it waits for a reader). */
  listening(): boolean;
  /** Runs a change whose cache notices must wait until the computation ends. */
  hold(change: () => void): void;
  /** Refreshes the table (after what runs now): something it shows changed outside the cache. */
  run(): void;
}

/** Pages a step toward the requested page brings beyond it (a jump and its prefetch in one request). */
export const aheadOf = <T>(config: TableConfig<T>, pace: PrefetchPace): number =>
  config.prefetch === false || config.enabled === false ? 0 : pace.depth();

/** Fetches again the step toward page `index` when its fetch failed (a page or scope revisited). */
export function retryFailedStep<T>(
  model: TableModel<T>,
  config: TableConfig<T>,
  ctx: Pick<ComputeContext<T>, 'cache' | 'pace'>,
  index: number,
): void {
  const step = stepToward(tableView(model, config, ctx.cache), index, aheadOf(config, ctx.pace));
  if (ctx.cache.get(step.key)?.error) ctx.cache.refetch(step.key);
}

/** Reads the cache into the model and derives what the table renders and wants. */
export function computeTable<T>(
  model: TableModel<T>,
  config: TableConfig<T>,
  ctx: ComputeContext<T>,
): PagedTableState<T> {
  const { cache } = ctx;
  const view = tableView(model, config, cache);
  const ahead = aheadOf(config, ctx.pace);
  readCache(model, config, view, ctx, ahead);
  const step = stepToward(view, model.requested, ahead);
  const page =
    step.span === 1 && step.index === model.requested ? cache.get(step.key)?.page : undefined;
  showPage(model, step, page, ctx);
  const depth = page ? ctx.pace.depth() : 0;
  const wanted = config.enabled === false ? [] : planFor(model, config, view, step, depth);
  for (const w of [step, ...wanted]) if (w.span > 1) model.stretched.remember(w);
  const reason = (index: number, asNext?: boolean) => reasonOf(model, config, index, asNext);
  const stepEntry = cache.get(step.key);
  const onScreen = !!page;
  if (!onScreen) leaveFailedScope(model, stepEntry);
  const { book, requested, pageSize, shown } = model;
  return deriveTableState({
    book,
    requested,
    pageSize,
    // Rows read with other parameters or at another page size are no page of this table: they
    // stand in for the page requested while it loads (as TanStack Query's `keepPreviousData`),
    // not as "page 4" of a sort the table no longer shows.
    shown: shown && !shownIsOwn(model) ? { index: requested, page: shown.page } : shown,
    onScreen,
    step,
    stepEntry,
    wanted,
    reason,
    estimate: estimateFor(model, config),
    // A page on screen refreshed in the background waits for no reader.
    retrying: onScreen ? undefined : model.waits.get(pageKeyText(step.key)),
    notOpened: model.notOpened,
  });
}

/** The page on screen: the requested one once the cache holds it, else the one shown (its newest copy). */
function showPage<T>(
  model: TableModel<T>,
  step: WantedPage,
  page: FetchedPage<T> | undefined,
  ctx: Pick<ComputeContext<T>, 'cache' | 'pace' | 'now'>,
): void {
  // A page past the end (a link to page 999 of 10) is not shown: the table moves to the last
  // page and shows that one, as the first page it shows (no turn from an empty page 999).
  const last = lastIndexOf(model.book);
  if (page && !(last !== undefined && model.requested > last)) {
    model.shown = { index: model.requested, key: step.key, page, size: model.pageSize };
    model.book.shownUpTo = Math.max(model.book.shownUpTo ?? 0, model.requested);
    ctx.pace.landed(ctx.now());
  } else if (model.shown) {
    const { key, page: held } = model.shown;
    model.shown = { ...model.shown, page: ctx.cache.get(key)?.page ?? held };
  }
}

/** The rows the book has seen exist: up to its furthest page read, and one more when it had a `next`. */
function rowsSeen(book: PageBook): number {
  let rows = 0;
  // A link's index is the URL's claim, not a page the table walked to.
  for (const [i, e] of book.entries)
    if (e.seen && !e.link)
      rows = Math.max(rows, i * book.pageSize + e.seen.items + (e.seen.next ? 1 : 0));
  return rows;
}

/**
 * The source's estimate of the whole list, read from the furthest page the table read (back on
 * page 1 after page 13, page 13 still knows best), else the page on screen.
 */
const estimateFor =
  <T>(model: TableModel<T>, config: TableConfig<T>) =>
  (hasNext: boolean) => {
    if (!config.source.estimateTotal) return undefined;
    // Rows of other parameters standing in while these load say nothing of this list.
    let shown =
      model.shown && shownIsOwn(model)
        ? { index: model.shown.index, items: model.shown.page.items }
        : undefined;
    for (const [index, e] of model.book.entries) {
      const page = e.seen?.from as FetchedPage<T> | undefined;
      if (page?.items.length && !e.link && index > (shown?.index ?? -1)) {
        shown = { index, items: page.items };
        hasNext = e.seen!.next !== null;
      }
    }
    return estimateTotal({
      source: config.source,
      params: config.params,
      pageSize: model.pageSize,
      shown,
      hasNext,
      seen: rowsSeen(model.book),
    });
  };

/**
 * Reads what the cache learned into the model: pages the book has not read, stretched requests
 * that landed — and the step toward the requested page when the cache already holds it (a
 * request of that size from that cursor made before, e.g. a page at another page size), which
 * no fetch will announce.
 */
function readCache<T>(
  model: TableModel<T>,
  config: TableConfig<T>,
  view: TableView,
  ctx: ComputeContext<T>,
  ahead: number,
) {
  const { cache } = ctx;
  learnCachedPages(model.book, model.requested, (i) => {
    const key = view.read.keyAt(i);
    return key && cache.get(key)?.page;
  });
  const settled = model.stretched.settle((w) => isCurrent(model, w), view.read, !ctx.listening());
  ctx.hold(() => {
    for (const w of settled) split(model, config, view, cache, w);
    if (ctx.listening())
      split(model, config, view, cache, stepToward(view, model.requested, ahead));
  });
}

function planFor<T>(
  model: TableModel<T>,
  config: TableConfig<T>,
  view: TableView,
  step: WantedPage,
  depth: number,
) {
  const { shown } = model;
  return planWanted(view, {
    shown: shownIsOwn(model) ? { index: shown!.index, key: shown!.key, span: 1 } : undefined,
    step,
    depth: config.prefetch === false ? 0 : depth,
    intents: [...model.intents].filter((i) => reasonOf(model, config, i) === undefined),
  });
}

/**
 * A page read with other parameters or another page size stays on screen while the new first
 * page loads, not once it failed: its rows would contradict the filter, sort or search the table
 * now shows, or the page number and size it now says.
 */
function leaveFailedScope<T>(model: TableModel<T>, entry: PageEntry<T> | undefined) {
  if (entry?.error && !entry.fetching && !shownIsOwn(model)) model.shown = undefined;
}

/** Whether the page on screen was read with the table's parameters (its scope) and page size. */
const shownIsOwn = <T>(model: TableModel<T>): boolean =>
  !!model.shown &&
  model.shown.size === model.pageSize &&
  scopeText(model.shown.key.scope) === model.scope;

/** Takes the scope and size of new options: whether either changed (the table then starts over). */
export function rescope<T>(model: TableModel<T>, config: TableConfig<T>): boolean {
  const scope = scopeText(scopeOf(config));
  const size = pageSizeOf(config);
  const changed = scope !== model.scope || size !== model.pageSize;
  model.scope = scope;
  model.pageSize = size;
  return changed;
}
