import { isPaginationError } from '../pagination-error.js';
import type { FetchedPage } from '../runner/runner-types.js';
import type { Cursor, Source } from '../types.js';

/** What a table knows of one page index: where it starts and, once fetched, what came back. */
export interface BookEntry {
  cursor: Cursor | null;
  direction: 'after' | 'before';
  /** The start came from a link (a URL), not from the vendor's pages: it may be refused. */
  link?: true | undefined;
  /** Set once the page was fetched. */
  seen?: {
    items: number;
    next: Cursor | null;
    prev: Cursor | null | undefined;
    /** The page object read from a cache (to notice when the cache holds a newer one). */
    from?: unknown | undefined;
    /**
     * Where a drift-repaired read of the page after it starts (see `readAnchoredPage`), for the
     * rows it was taken after (`resumeAfterRows` checks them).
     */
    resume?: string | undefined;
  };
}

/**
 * A table's page → cursor book for one scope and page size: page 0 starts at the beginning,
 * page i+1 at page i's `next` (cursor sources learn it; page-number sources know every page),
 * and page i−1 at page i's `prev` when the table was opened at page i from a link. Totals from
 * the vendor give the page count; a page seen to be the last gives it too.
 */
export interface PageBook {
  readonly kind: 'cursor' | 'page';
  readonly firstPage: number;
  readonly pageSize: number;
  entries: Map<number, BookEntry>;
  /** Total pages as the vendor last said (from `pageCount`, or `total` / size). */
  vendorPageCount?: number | undefined;
  /** Total rows as the vendor last said. */
  rowCount?: number | undefined;
  /** Set when the vendor handed out a cursor the book already holds: the page before it is the last reachable one. */
  loopAt?: number | undefined;
  /** The furthest page this book has had on screen (not one only fetched ahead). */
  shownUpTo?: number | undefined;
}

export function createPageBook(
  source: Pick<Source<unknown>, 'kind'> & { firstPage?: number },
  pageSize: number,
  anchor?: { index: number; cursor: Cursor; pageSize?: number | undefined },
): PageBook {
  const entries = new Map<number, BookEntry>([[0, { cursor: null, direction: 'after' }]]);
  // A page number is where its page starts: a link's cursor says nothing more (and an edited one
  // would put another page's rows under this number). A cursor handed out at another page size
  // starts another page: the page is walked to (`learnLink`).
  const book: PageBook = { kind: source.kind, firstPage: source.firstPage ?? 1, pageSize, entries };
  learnLink(book, anchor);
  return book;
}

/** Where page `index` starts, or `undefined` while the book does not know. */
export function bookEntry(book: PageBook, index: number): BookEntry | undefined {
  if (book.kind === 'page') {
    const known = book.entries.get(index);
    return known ?? { cursor: String(book.firstPage + index), direction: 'after' };
  }
  return book.entries.get(index);
}

/**
 * The cursor page `index` is read forward from (what a link holds), when known: not the `prev`
 * of the page after it, which reads backwards (a page reached by Previous from a link's page).
 */
export function linkCursor(book: PageBook, index: number): Cursor | null | undefined {
  const entry = bookEntry(book, index);
  return entry?.direction === 'after' ? entry.cursor : undefined;
}

/** The nearest index at or below `index` whose start the book knows (a walk starts there). */
export function knownBelow(book: PageBook, index: number): number {
  if (book.entries.has(index)) return index;
  // The book holds few pages: looking through them is not linear in the index (page 999,999).
  let found = 0;
  for (const i of book.entries.keys()) if (i <= index && i > found) found = i;
  return found;
}

/**
 * Learns what a fetched page says: its facts, the start of the page after it (and of the one
 * before it, when it was reached backwards), and the vendor's totals. A `next` that differs from
 * what the book held (the data changed) replaces everything after this page. A cursor the book
 * already holds for another page marks a loop: the walk ends there.
 */
export function learnPage(book: PageBook, index: number, page: FetchedPage<unknown>): void {
  const entry = book.entries.get(index) ?? { cursor: page.cursor, direction: 'after' as const };
  // Where a drift-repaired read goes on is kept: it is checked against the rows when used.
  const resume = entry.seen?.resume;
  entry.seen = { items: page.items.length, next: page.next, prev: page.prev, resume };
  book.entries.set(index, entry);
  if (page.pageCount !== undefined) book.vendorPageCount = page.pageCount;
  else if (page.total !== undefined) book.vendorPageCount = Math.ceil(page.total / book.pageSize);
  if (page.total !== undefined) book.rowCount = page.total;
  if (book.kind === 'page') return;
  if (page.next === null) forgetFrom(book, index + 1);
  else learnNext(book, index, page.next);
  if (index > 1 && page.prev && !book.entries.has(index - 1)) {
    book.entries.set(index - 1, { cursor: page.prev, direction: 'before' });
  }
}

/**
 * Learns where the page after `index` starts. A next that differs from what the book held (the
 * data changed) replaces everything after the page; a cursor the book already holds for a page
 * before marks a loop. Past a gap — a link's page further on, the page after this one unknown —
 * what the book knows stays, unless a page there claims this next (a stale link).
 */
function learnNext(book: PageBook, index: number, next: Cursor): void {
  const following = book.entries.get(index + 1);
  if (following?.cursor === next) return;
  const same = [...book.entries].filter(([, e]) => e.direction === 'after' && e.cursor === next);
  const repeated = same.some(([i]) => (following ? i !== index + 1 : i <= index));
  const stale = Math.min(...same.map(([i]) => i).filter((i) => i > index + 1));
  forgetFrom(book, following || repeated ? index + 1 : stale);
  if (repeated) book.loopAt = index;
  else {
    book.entries.set(index + 1, { cursor: next, direction: 'after' });
    if (book.loopAt !== undefined && book.loopAt >= index) book.loopAt = undefined;
  }
}

/** Forgets the pages from `index` on, and that the table was on any of them. */
function forgetFrom(book: PageBook, index: number): void {
  for (const i of [...book.entries.keys()]) if (i >= index) book.entries.delete(i);
  if (book.shownUpTo !== undefined && book.shownUpTo >= index) book.shownUpTo = index - 1;
}

/**
 * The last page index, when known: the vendor's page count, a page without `next`, an empty page
 * after a full one (Mews' cursor on the last page), or the page before a repeated cursor.
 */
export function lastIndexOf(book: PageBook): number | undefined {
  let last = book.vendorPageCount === undefined ? undefined : Math.max(0, book.vendorPageCount - 1);
  const consider = (i: number) => {
    if (last === undefined || i < last) last = i;
  };
  for (const [i, e] of book.entries) {
    if (!e.seen) continue;
    if (e.seen.next === null) consider(i);
    if (e.seen.items === 0) consider(Math.max(0, i - 1));
    else if (book.kind === 'page' && e.seen.items < book.pageSize) consider(i);
  }
  if (book.loopAt !== undefined) consider(book.loopAt);
  return last;
}

/**
 * The pages the table has been to: every page up to the furthest one it had on screen, as far as
 * the book still knows where they start (read, announced by the page before, or named by a
 * link). Pages only fetched ahead do not count: a prefetch landing changes nothing on screen.
 */
export function knownPagesOf(book: PageBook): number {
  let known = 0;
  for (const i of book.entries.keys()) known = Math.max(known, i + 1);
  return Math.min(known, (book.shownUpTo ?? 0) + 1);
}

/**
 * The rows of the whole list once the table has seen it to the end: the items of every page up to
 * the last, when the book saw each of them (a walk to the last page of a cursor source does);
 * `undefined` while the end or a page before it is not known.
 */
export function rowsToEnd(book: PageBook): number | undefined {
  const last = lastIndexOf(book);
  if (last === undefined) return undefined;
  let rows = 0;
  for (let i = 0; i <= last; i++) {
    const seen = book.entries.get(i)?.seen;
    if (!seen) return undefined;
    rows += seen.items;
  }
  return rows;
}

/**
 * Learns the pages a cache holds that the book has not read yet (hydrated from a server,
 * refetched, stored by someone else): on a cursor book every page whose cursor it knows,
 * following each `next` it learns; on page numbers the requested page and the one after it.
 */
export function learnCachedPages(
  book: PageBook,
  requested: number,
  pageAt: (index: number) => FetchedPage<unknown> | undefined,
): void {
  const cursors = book.kind === 'cursor';
  const indexes = cursors
    ? [...book.entries.keys()].sort((a, b) => a - b)
    : [requested, requested + 1];
  for (let n = 0; n < indexes.length; n++) {
    const i = indexes[n]!;
    const page = pageAt(i);
    if (!page || book.entries.get(i)?.seen?.from === page) continue;
    learnPage(book, i, page);
    const learned = book.entries.get(i);
    if (learned?.seen) learned.seen.from = page;
    if (cursors && book.entries.has(i + 1) && !indexes.includes(i + 1)) indexes.push(i + 1);
  }
}

/** A link (a URL restored by Back) names where a page starts: a cursor book learns it. */
export function learnLink(
  book: PageBook,
  link: { index: number; cursor: Cursor; pageSize?: number | undefined } | undefined,
): void {
  if (
    link &&
    link.index > 0 &&
    !book.entries.has(link.index) &&
    book.kind === 'cursor' &&
    (link.pageSize === undefined || link.pageSize === book.pageSize)
  )
    book.entries.set(link.index, { cursor: link.cursor, direction: 'after', link: true });
}

/**
 * A link's cursor the vendor refused (`INVALID_CURSOR`: a stale or edited URL) is forgotten, so
 * that its page is reached as any page the book does not know; true when it was one.
 */
export function forgetRefusedLink(
  book: PageBook,
  index: number,
  cursor: Cursor | null,
  error: unknown,
): boolean {
  const entry = book.entries.get(index);
  const refused = isPaginationError(error) && error.code === 'INVALID_CURSOR';
  if (!refused || !entry?.link || entry.cursor !== cursor) return false;
  book.entries.delete(index);
  return true;
}
