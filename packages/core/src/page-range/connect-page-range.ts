import { type EllipsisPosition, type PageRangeItem, pageRange } from './page-range.js';
import { ENGLISH_PAGE_RANGE, type PageRangeMessages } from './page-range-messages.js';

/**
 * What a page range needs of a pager: a paged table's state and commands (`usePagedTable`'s
 * result is one), or plain values for a pager outside the kit.
 */
export interface Pager {
  /** The page requested (the one the controls move from). */
  pageIndex: number;
  /** The page whose rows are on screen, when it differs from the one requested. @defaultValue pageIndex */
  shownPageIndex?: number | undefined;
  /** Total pages; `-1` while unknown. */
  pageCount: number;
  /**
   * While the count is unknown, the pages estimated (a paged table's, from its source's
   * `estimateTotal`): the range offers the estimated last pages, marked as estimates, and the
   * status says "about". @defaultValue none
   */
  estimatedPageCount?: number | undefined;
  /**
   * While the count is unknown: the pages known to exist (been to, read before), which the row
   * runs to and, with `estimatedPageCount`, does not mark as estimates. @defaultValue up to the
   * page after this one
   */
  knownPageCount?: number | undefined;
  /** @defaultValue `pageIndex > 0` */
  canPreviousPage?: boolean | undefined;
  /** @defaultValue `pageIndex < pageCount - 1` (false while the count is unknown) */
  canNextPage?: boolean | undefined;
  /** Why a page cannot be reached now (a cursor table cannot jump everywhere). @defaultValue every page within the count */
  pageDisabledReason?(pageIndex: number): string | undefined;
  setPageIndex(pageIndex: number): void;
  /** A sign the user may go to a page: fetch it early. @defaultValue none */
  prefetchPage?(pageIndex: number): void;
  /**
   * The first page is loading, nothing is shown yet: Next is not known yet (rather than "the
   * last page"), and no page is current. A paged table says so. The same holds while the page
   * requested has failed with nothing shown (`error`, and `shownPageIndex` given equal to
   * `pageIndex`: a paged table's, whose rows stay on screen only as another page's). @defaultValue false
   */
  isLoading?: boolean | undefined;
  /**
   * The rows on screen stand in for the page requested while it loads (a paged table's, after a
   * new sort or filter): that page is current and busy. @defaultValue false
   */
  isPlaceholderData?: boolean | undefined;
  /** Why the page requested failed to load: it is then not busy. @defaultValue none */
  error?: unknown;
  /** Fetches the failed page again: pressing the page requested after it failed does. @defaultValue none */
  retry?(): void;
}

export interface PageRangeOptions {
  /** Pages shown on each side of the current one. @defaultValue 1 */
  siblings?: number | undefined;
  /** Pages always shown at each end. @defaultValue 1 */
  boundaries?: number | undefined;
  /** The navigation's accessible name (`Orders pages`). @defaultValue `messages.navigation` ('Pagination') */
  label?: string | undefined;
  /** Every word the range says. @defaultValue English */
  messages?: Partial<PageRangeMessages> | undefined;
}

/** Which control: first, previous, next, last, or a page by index. */
export type PageControlId = 'first' | 'previous' | 'next' | 'last' | number;

/** One control of a range, framework-free: a binding turns it into a button's props. */
export interface PageControl {
  id: PageControlId;
  /** The page it goes to. */
  target: number;
  label: string;
  /** Why it is disabled (its accessible description), or `undefined` when it is enabled. */
  reason: string | undefined;
  /** The page on screen (`aria-current="page"`). */
  current: boolean;
  /** The page requested while it loads (`aria-busy`). */
  busy: boolean;
  /** Goes to its page (a click, Enter). */
  press(): void;
  /** A sign the user may go there (focus, a pointer that moved onto it, a press starting). */
  intend(): void;
}

export interface PageRangeConnect {
  items: PageRangeItem[];
  /** Where the table is, in words: "Page 7 of 60", "Page 7 of about 60" (an estimate), "Page 7". */
  status: string;
  /** The navigation's accessible name. */
  label: string;
  page(pageIndex: number): PageControl;
  first(): PageControl;
  previous(): PageControl;
  next(): PageControl;
  last(): PageControl;
  /** An ellipsis' name (the pages it skips), or `undefined` where there is none. */
  ellipsis(position: EllipsisPosition): string | undefined;
  /**
   * The page a key goes to from any control (Home: the first; End: the last, or while the count
   * is not known the estimated last page the row offers — or, where that is beyond a walk, the
   * furthest page toward it a walk reaches), when it can be reached.
   */
  keyTarget(key: string): number | undefined;
  /** Where focus goes when the focused control is disabled or gone, in order of preference. */
  focusOrder(wanted: PageControlId | null): PageControlId[];
  pageDisabledReason(pageIndex: number): string | undefined;
}

/**
 * Page buttons with ellipses as framework-free controls (the Zag "connect" shape): the page on
 * screen is current, the one loading busy, pages the pager cannot reach are disabled with its
 * reason, ellipses name the pages they skip, Home/End go to the ends, and focus lost to a
 * disabled or vanished control goes to the page requested or the nearest enabled control.
 */
export function connectPageRange(pager: Pager, options: PageRangeOptions = {}): PageRangeConnect {
  const say = { ...ENGLISH_PAGE_RANGE, ...options.messages };
  const { pageIndex, pageCount } = pager;
  const shown = pager.shownPageIndex ?? pageIndex;
  // Nothing on screen: the first page loading, or the page requested failed with no other page's
  // rows shown in its place (a table shows a failed page's rows only while they are another's).
  const blank = !!pager.isLoading || (!!pager.error && pager.shownPageIndex === pageIndex);
  const lastIndex = pageCount > 0 ? pageCount - 1 : undefined;
  // The page requested failed with another page's rows on screen: the row and its controls are
  // about the page shown — not centred on, nor counted from, a page that never came.
  const away = !!pager.error && !blank && shown !== pageIndex;
  const base = away ? shown : pageIndex;
  // No rows at all (a search that found nothing): not a count still unknown.
  const noRows = pageCount === 0 && !blank ? (say.noRows ?? ENGLISH_PAGE_RANGE.noRows) : undefined;
  const hasMore = pager.canNextPage ?? (lastIndex !== undefined && pageIndex < lastIndex);
  const estimatedCount = lastIndex === undefined ? pager.estimatedPageCount : undefined;
  const items = pageRange({
    ...options,
    pageIndex: base,
    pageCount,
    hasMore,
    estimatedCount,
    knownCount: pager.knownPageCount,
  });
  const estimated = new Set(
    items.flatMap((i) => (i.type === 'page' && i.estimated ? [i.index] : [])),
  );
  const reason = (i: number): string | undefined => {
    if (i < 0) return say.atFirst;
    if (lastIndex !== undefined && i > lastIndex) return say.atLast;
    return pager.pageDisabledReason?.(i);
  };
  const control = (
    id: PageControlId,
    target: number,
    label: string,
    why: string | undefined,
  ): PageControl => ({
    id,
    target,
    label,
    reason: why,
    // Nothing on screen (a link to page 4 loading, or failed): no page is current; the one asked
    // is busy while it loads.
    current: id === shown && typeof id === 'number' && !blank,
    busy:
      id === pageIndex &&
      (id !== shown || !!pager.isLoading || !!pager.isPlaceholderData) &&
      typeof id === 'number' &&
      !pager.error,
    press: () => {
      if (why !== undefined) return;
      if (target !== pageIndex) pager.setPageIndex(target);
      else if (pager.error) pager.retry?.();
    },
    intend: () => {
      if (why === undefined && target !== pageIndex) pager.prefetchPage?.(target);
    },
  });
  const atEnd = lastIndex !== undefined ? pageIndex >= lastIndex : !hasMore && !blank;
  const nextReason = away
    ? reason(shown + 1)
    : hasMore && !atEnd
      ? undefined
      : (noRows ?? (atEnd ? say.atLast : (reason(pageIndex + 1) ?? say.nextUnknown)));
  // A page past the end (a stale link, rendered before the table moved it): back is the last page.
  const pastEnd = lastIndex !== undefined && pageIndex > lastIndex;
  const previousReason =
    base <= 0
      ? say.atFirst
      : away
        ? reason(base - 1)
        : pager.canPreviousPage === false && !pastEnd
          ? (reason(pageIndex - 1) ?? say.unreachable)
          : undefined;
  const lastReason =
    lastIndex === undefined
      ? (noRows ?? say.countUnknown)
      : base >= lastIndex
        ? say.atLast
        : reason(lastIndex);
  const pageReason = (i: number) => (i === shown || i === pageIndex ? undefined : reason(i));
  return {
    items,
    label: options.label ?? say.navigation ?? 'Pagination',
    status: say.status(
      shown + 1,
      lastIndex !== undefined ? pageCount : noRows ? 0 : estimatedCount,
      lastIndex === undefined && estimatedCount !== undefined,
    ),
    page: (i) =>
      control(i, i, estimated.has(i) ? say.estimatedPage(i + 1) : say.page(i + 1), pageReason(i)),
    first: () => control('first', 0, say.first, base > 0 ? reason(0) : say.atFirst),
    previous: () =>
      control('previous', pastEnd && !away ? lastIndex : base - 1, say.previous, previousReason),
    next: () => control('next', base + 1, say.next, nextReason),
    last: () => control('last', lastIndex ?? pageIndex, say.last, lastReason),
    ellipsis: (position) => ellipsisLabel(items, position, say),
    keyTarget(key) {
      // End, with the count not known: the estimated last page the row offers, as its button.
      const end = lastIndex ?? (estimated.size > 0 ? Math.max(...estimated) : undefined);
      const to = key === 'Home' ? 0 : key === 'End' ? end : undefined;
      if (to === undefined || reason(to) === undefined) return to;
      // Out of reach (a walk that long): End goes as far toward it as a walk goes, as a link does
      // — from the known page nearest below it (a link's, say), found stepping down from it.
      let [low, high] = [pageIndex, to];
      for (let step = 1; key === 'End' && high - step > low; step *= 2) {
        if (reason(high - step) === undefined) {
          low = high - step;
          break;
        }
        high -= step;
      }
      while (key === 'End' && high - low > 1) {
        const mid = Math.floor((low + high) / 2);
        if (reason(mid) === undefined) low = mid;
        else high = mid;
      }
      return low > pageIndex ? low : undefined;
    },
    focusOrder: (wanted) => [
      ...(wanted !== null ? [wanted] : []),
      pageIndex,
      shown,
      'next',
      'previous',
      'first',
      'last',
    ],
    pageDisabledReason: pageReason,
  };
}

function ellipsisLabel(items: PageRangeItem[], position: EllipsisPosition, say: PageRangeMessages) {
  const at = items.findIndex((item) => item.type === 'ellipsis' && item.position === position);
  const before = items[at - 1];
  const after = items[at + 1];
  if (at < 0 || before?.type !== 'page') return undefined;
  if (after?.type !== 'page') return say.more(before.index + 1);
  return say.skipped(before.index + 2, after.index, after.estimated === true);
}
