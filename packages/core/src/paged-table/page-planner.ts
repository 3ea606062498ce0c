import type { Cursor } from '../types.js';
import { bookEntry, knownBelow, lastIndexOf, type PageBook } from './page-book.js';
import { type PageKey, pageKeyText, type WantedPage } from './page-key.js';
import type { CacheRead, StretchedRequests } from './stretched-requests.js';

/** What the planner reads of a table at one moment; it changes nothing. */
export interface TableView {
  book: PageBook;
  /** The page requested. */
  requested: number;
  /** Pages one request can cover from a known cursor (a stretched request); 1 when it cannot. */
  stretch: number;
  keyOf(cursor: Cursor | null, direction: 'after' | 'before', span?: number): PageKey;
  read: CacheRead;
  stretched: Pick<StretchedRequests, 'bringing'>;
}

/**
 * The request that brings page `target`, or the next page on the way to it: a stretched request
 * on its way that covers it (waited for, not sent twice); else the page's own key when its cursor
 * is known; else a step from the nearest page below whose cursor is known — one stretched
 * request reading forward where the source allows it, which also brings the `ahead` pages after
 * the target when the vendor's maximum leaves room (a jump and its prefetch in one request).
 */
export function stepToward(view: TableView, target: number, ahead = 0): WantedPage {
  const onItsWay = view.stretched.bringing(target, view.read);
  if (onItsWay) return onItsWay;
  const key = view.read.keyAt(target);
  if (key) return { index: target, key, span: 1 };
  const from = knownBelow(view.book, target);
  const start = bookEntry(view.book, from)!;
  // A stretched request reads forward from its cursor: never from a page reached by `prev`.
  const last = lastIndexOf(view.book) ?? Number.POSITIVE_INFINITY;
  const reach = Math.max(target, Math.min(target + ahead, last)) - from + 1;
  const span = start.direction === 'after' ? Math.min(view.stretch, reach) : 1;
  return { index: from, key: view.keyOf(start.cursor, start.direction, span), span };
}

/**
 * The pages ahead of the requested one to keep fetched, `depth` of them, never past the end.
 * Over a cursor source a page's cursor is known only once the page before it came back, so one
 * page at a time would take one latency each: where the source allows it, a page ahead whose
 * cursor is known is fetched with the pages after it as one stretched request.
 */
export function pagesAhead(view: TableView, depth: number): WantedPage[] {
  const pages: WantedPage[] = [];
  const last = lastIndexOf(view.book);
  const end = Math.min(view.requested + depth, last ?? Number.POSITIVE_INFINITY);
  for (let i = view.requested + 1; i <= end; i++) {
    const onItsWay = view.stretched.bringing(i, view.read);
    if (onItsWay) {
      pages.push({ ...onItsWay, ahead: true });
      i = onItsWay.index + onItsWay.span - 1;
      continue;
    }
    const key = view.read.keyAt(i);
    if (!key) break;
    const entry = view.read.entry(key);
    const single = entry?.page || entry?.fetching || key.direction !== 'after';
    // A stretched request ahead covers `depth` pages from its cursor, never past a known end.
    const span = single
      ? 1
      : Math.min(view.stretch, depth, (last ?? Number.POSITIVE_INFINITY) - i + 1);
    pages.push({
      index: i,
      key: span > 1 ? view.keyOf(key.cursor, 'after', span) : key,
      span,
      ahead: true,
    });
    i += span - 1;
  }
  return pages;
}

export interface PlanInput {
  /** The page on screen (kept fetched), when it belongs to this scope and size. */
  shown: WantedPage | undefined;
  /** The step toward the requested page. */
  step: WantedPage;
  /** Pages to fetch ahead (0 until the requested page landed, or with prefetching off). */
  depth: number;
  /** Pages the user showed intent for, that can be reached. */
  intents: Iterable<number>;
}

/** The pages to keep fetched: the one shown, the step toward the requested page, pages ahead, intents. */
export function planWanted(view: TableView, input: PlanInput): WantedPage[] {
  const wanted: WantedPage[] = [];
  const texts = new Set<string>();
  const add = (w: WantedPage | undefined) => {
    const text = w && pageKeyText(w.key);
    if (!w || texts.has(text!)) return;
    texts.add(text!);
    wanted.push(w);
  };
  add(input.shown);
  add(input.step);
  if (input.depth > 0) for (const w of pagesAhead(view, input.depth)) add(w);
  for (const i of input.intents) add({ ...stepToward(view, i), ahead: true });
  return wanted;
}
