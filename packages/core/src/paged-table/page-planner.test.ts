import { describe, expect, it } from 'vitest';
import type { FetchedPage } from '../runner/runner-types.js';
import type { Cursor } from '../types.js';
import { bookEntry, createPageBook, learnPage, type PageBook } from './page-book.js';
import type { PageEntry } from './page-cache.js';
import { type PageKey, pageKeyText } from './page-key.js';
import { pagesAhead, planWanted, stepToward, type TableView } from './page-planner.js';
import { createStretchedRequests } from './stretched-requests.js';

const full = (cursor: Cursor | null, next: Cursor | null): FetchedPage<number> => ({
  items: Array.from({ length: 20 }, (_, i) => i),
  next,
  cursor,
  direction: 'after',
  size: 20,
});

/** A table's view over a book and a cache of entries by key text. */
function viewOf(
  book: PageBook,
  requested: number,
  stretch = 1,
  entries: Record<string, PageEntry<unknown>> = {},
) {
  const keyOf = (cursor: Cursor | null, direction: 'after' | 'before', span = 1): PageKey => ({
    scope: ['s'],
    cursor,
    direction,
    size: 20 * span,
  });
  const stretched = createStretchedRequests();
  const view: TableView = {
    book,
    requested,
    stretch,
    keyOf,
    stretched,
    read: {
      entry: (key) => entries[pageKeyText(key)],
      keyAt: (i) => {
        const e = bookEntry(book, i);
        return e && keyOf(e.cursor, e.direction);
      },
    },
  };
  return { view, keyOf, stretched, entries };
}
/** A cursor book that knows pages 0..known (each one's next). */
function cursorBook(known: number) {
  const book = createPageBook({ kind: 'cursor' }, 20);
  for (let i = 0; i < known; i++) learnPage(book, i, full(i === 0 ? null : `c${i}`, `c${i + 1}`));
  return book;
}

describe('planner: the step toward a page', () => {
  it('is the page itself when its cursor is known', () => {
    const { view, keyOf } = viewOf(cursorBook(3), 0);
    expect(stepToward(view, 3)).toEqual({ index: 3, key: keyOf('c3', 'after'), span: 1 });
  });

  it('walks from the nearest known page; one stretched request where the source allows it', () => {
    expect(stepToward(viewOf(cursorBook(2), 0).view, 6)).toMatchObject({ index: 2, span: 1 });
    const stretched = stepToward(viewOf(cursorBook(2), 0, 5).view, 6);
    expect(stretched).toMatchObject({ index: 2, span: 5, key: { cursor: 'c2', size: 100 } });
  });

  it('never stretches from a page reached backwards', () => {
    const book = createPageBook({ kind: 'cursor' }, 20, { index: 8, cursor: 'L' });
    learnPage(book, 8, { ...full('L', 'M'), prev: 'K' });
    const step = stepToward(viewOf(book, 8, 5).view, 7);
    expect(step).toMatchObject({ index: 7, span: 1, key: { direction: 'before', cursor: 'K' } });
  });

  it('waits for a stretched request on its way that covers the page', () => {
    const { view, keyOf, stretched, entries } = viewOf(cursorBook(2), 0, 5);
    const onItsWay = stretched.remember({ index: 2, key: keyOf('c2', 'after', 5), span: 5 });
    entries[pageKeyText(onItsWay.key)] = { fetching: true };
    expect(stepToward(view, 4)).toBe(onItsWay);
  });
});

describe('planner: pages ahead', () => {
  it('keeps `depth` pages ahead whose cursors are known, never past the end', () => {
    const book = createPageBook({ kind: 'page', firstPage: 1 }, 20);
    learnPage(book, 0, { ...full('1', '2'), total: 60 });
    const ahead = pagesAhead(viewOf(book, 0).view, 5);
    expect(ahead.map((w) => w.index)).toEqual([1, 2]);
    expect(ahead.every((w) => w.ahead)).toBe(true);
  });

  it('stops at the first page whose cursor is unknown; a stretched request covers the pages after a known one', () => {
    expect(pagesAhead(viewOf(cursorBook(2), 0).view, 3).map((w) => w.index)).toEqual([1, 2]);
    const [stretched] = pagesAhead(viewOf(cursorBook(1), 0, 5).view, 3);
    expect(stretched).toMatchObject({ index: 1, span: 3, ahead: true, key: { size: 60 } });
  });

  it('fetches a page alone when it is cached or fetching already', () => {
    const { view, keyOf, entries } = viewOf(cursorBook(1), 0, 5);
    entries[pageKeyText(keyOf('c1', 'after'))] = { fetching: true };
    expect(pagesAhead(view, 3)).toEqual([
      { index: 1, key: keyOf('c1', 'after'), span: 1, ahead: true },
    ]);
  });
});

describe('planner: what a table wants', () => {
  it('the page shown, the step toward the requested page, pages ahead and intents, each key once', () => {
    const { view, keyOf } = viewOf(cursorBook(4), 1);
    const shown = { index: 1, key: keyOf('c1', 'after'), span: 1 };
    const step = { index: 2, key: keyOf('c2', 'after'), span: 1 };
    const wanted = planWanted(view, { shown, step, depth: 2, intents: [2, 3] });
    expect(wanted.map((w) => [w.index, !!w.ahead])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
    expect(planWanted(view, { shown: undefined, step, depth: 0, intents: [] })).toEqual([step]);
  });
});
