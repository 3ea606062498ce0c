import { describe, expect, it } from 'vitest';
import type { FetchedPage } from '../runner/runner-types.js';
import type { PageNumberSource } from '../types.js';
import { resumeAfterRows } from './anchored-page.js';
import {
  bookEntry,
  createPageBook,
  knownBelow,
  knownPagesOf,
  lastIndexOf,
  learnCachedPages,
  learnLink,
  learnPage,
  rowsToEnd,
} from './page-book.js';

const page = (
  cursor: string | null,
  next: string | null,
  items = 20,
  extra: Partial<FetchedPage<number>> = {},
): FetchedPage<number> => ({
  items: Array.from({ length: items }, (_, i) => i),
  next,
  cursor,
  direction: 'after',
  size: 20,
  ...extra,
});

describe('page book: cursor sources', () => {
  it('starts at page 0, learns each next, and knows where a walk starts', () => {
    const book = createPageBook({ kind: 'cursor' }, 20);
    expect(bookEntry(book, 0)).toEqual({ cursor: null, direction: 'after' });
    expect(bookEntry(book, 1)).toBeUndefined();
    learnPage(book, 0, page(null, 'A'));
    learnPage(book, 1, page('A', 'B'));
    expect(bookEntry(book, 2)?.cursor).toBe('B');
    expect(knownBelow(book, 7)).toBe(2);
    expect(knownBelow(book, 2)).toBe(2);
  });

  it('follows a link only at the page size its cursor was handed out at', () => {
    expect(bookEntry(createPageBook({ kind: 'cursor' }, 20, { index: 3, cursor: 'C' }), 3)).toEqual(
      { cursor: 'C', direction: 'after', link: true },
    );
    const sized = { index: 3, cursor: 'C', pageSize: 20 };
    expect(bookEntry(createPageBook({ kind: 'cursor' }, 20, sized), 3)?.cursor).toBe('C');
    // Page 4 of 50 rows starts where page 4 of 20 does not: walked to, not opened at 'C'.
    const other = createPageBook({ kind: 'cursor' }, 50, sized);
    expect(bookEntry(other, 3)).toBeUndefined();
    learnLink(other, sized);
    expect(bookEntry(other, 3)).toBeUndefined();
    learnLink(other, { ...sized, pageSize: 50 });
    expect(bookEntry(other, 3)?.cursor).toBe('C');
  });

  it('finds the nearest known page without walking every index below (page 999,999)', () => {
    const book = createPageBook({ kind: 'cursor' }, 20, { index: 12, cursor: 'L' });
    let lookups = 0;
    const entries = book.entries;
    book.entries = new (class extends Map<
      number,
      typeof entries extends Map<number, infer E> ? E : never
    > {
      override has(key: number) {
        lookups++;
        return super.has(key);
      }
      override get(key: number) {
        lookups++;
        return super.get(key);
      }
    })(entries);
    expect(knownBelow(book, 999_999)).toBe(12);
    expect(lookups).toBeLessThan(5);
  });

  it('a next that changed (the data changed) forgets everything after the page', () => {
    const book = createPageBook({ kind: 'cursor' }, 20);
    learnPage(book, 0, page(null, 'A'));
    learnPage(book, 1, page('A', 'B'));
    learnPage(book, 2, page('B', 'C'));
    book.shownUpTo = 2;
    expect(knownPagesOf(book)).toBe(3);
    learnPage(book, 0, page(null, 'A2'));
    expect(bookEntry(book, 1)?.cursor).toBe('A2');
    expect(bookEntry(book, 2)).toBeUndefined();
    // The pages the table had been to are gone with them.
    expect(book.shownUpTo).toBe(0);
    expect(knownPagesOf(book)).toBe(1);
  });

  it('past a gap (a link’s page further on) keeps what it knows, unless a page there claims the next', () => {
    const book = createPageBook({ kind: 'cursor' }, 20, { index: 5, cursor: 'F' });
    learnPage(book, 5, page('F', 'G'));
    book.shownUpTo = 5;
    learnPage(book, 0, page(null, 'A'));
    expect([...book.entries.keys()].sort()).toEqual([0, 1, 5, 6]);
    expect(knownPagesOf(book)).toBe(6);
    expect(lastIndexOf(book)).toBeUndefined();
    // A stale link: its cursor starts the page after page 1, not page 6.
    learnPage(book, 1, page('A', 'F'));
    expect(bookEntry(book, 2)?.cursor).toBe('F');
    expect([...book.entries.keys()].sort()).toEqual([0, 1, 2]);
    expect(book.loopAt).toBeUndefined();
  });

  it('knows the last page: no next, an empty page after a full one, a repeated cursor', () => {
    const ends = createPageBook({ kind: 'cursor' }, 20);
    learnPage(ends, 0, page(null, 'A'));
    expect(lastIndexOf(ends)).toBeUndefined();
    learnPage(ends, 1, page('A', null, 5));
    expect(lastIndexOf(ends)).toBe(1);

    const mews = createPageBook({ kind: 'cursor' }, 20);
    learnPage(mews, 0, page(null, 'A'));
    learnPage(mews, 1, page('A', 'B', 0));
    expect(lastIndexOf(mews)).toBe(0);

    const loop = createPageBook({ kind: 'cursor' }, 20);
    learnPage(loop, 0, page(null, 'A'));
    learnPage(loop, 1, page('A', 'A'));
    expect(lastIndexOf(loop)).toBe(1);
  });

  it('counts the rows once every page to the last was seen, and not before', () => {
    const book = createPageBook({ kind: 'cursor' }, 20);
    learnPage(book, 0, page(null, 'A'));
    learnPage(book, 1, page('A', 'B', 18)); // a vendor may send a short page before the end
    expect(rowsToEnd(book)).toBeUndefined(); // the end is not known
    learnPage(book, 2, page('B', null, 7));
    expect(rowsToEnd(book)).toBe(45);

    const linked = createPageBook({ kind: 'cursor' }, 20, { index: 5, cursor: 'F' });
    learnPage(linked, 5, page('F', null, 3));
    expect(lastIndexOf(linked)).toBe(5);
    expect(rowsToEnd(linked)).toBeUndefined(); // pages 0–4 never seen: no count

    const mews = createPageBook({ kind: 'cursor' }, 20);
    learnPage(mews, 0, page(null, 'A'));
    learnPage(mews, 1, page('A', 'B', 0)); // the empty page after a full last one
    expect(rowsToEnd(mews)).toBe(20);
  });

  it('a page reached backwards from a link teaches the page before it', () => {
    const book = createPageBook({ kind: 'cursor' }, 20, { index: 5, cursor: 'E' });
    learnPage(book, 5, page('E', 'F', 20, { prev: 'D' }));
    expect(bookEntry(book, 4)).toEqual({ cursor: 'D', direction: 'before' });
  });
});

describe('page book: page-number sources and totals', () => {
  it('knows every page, and the count from the vendor total or a short page', () => {
    const book = createPageBook({ kind: 'page', firstPage: 1 }, 20);
    expect(bookEntry(book, 41)?.cursor).toBe('42');
    learnPage(book, 0, page('1', '2', 20, { total: 95 }));
    expect(book.vendorPageCount).toBe(5);
    expect(book.rowCount).toBe(95);
    expect(lastIndexOf(book)).toBe(4);
    learnPage(book, 2, page('3', null, 7));
    expect(lastIndexOf(book)).toBe(2);
  });

  it('learns the pages a cache holds, once each, following the cursors it learns', () => {
    const book = createPageBook({ kind: 'cursor' }, 20);
    const cached = new Map([
      [0, page(null, 'A')],
      [1, page('A', 'B')],
      [2, page('B', null, 3)],
    ]);
    const reads: number[] = [];
    const pageAt = (i: number) => {
      reads.push(i);
      return cached.get(i);
    };
    learnCachedPages(book, 0, pageAt);
    expect(lastIndexOf(book)).toBe(2);
    const seen = book.entries.get(1)?.seen;
    learnCachedPages(book, 0, pageAt);
    expect(book.entries.get(1)?.seen).toBe(seen); // the same page is not learned twice
  });
});

describe('page book: where a drift-repaired read goes on', () => {
  it('a page learned again (the cache hands back its own copy) keeps it; the rows decide whether it still holds', () => {
    const book = createPageBook({ kind: 'page', firstPage: 1 }, 20);
    learnPage(book, 3, page('4', '5'));
    // Anchored on the page's last rows (here all 20 of them).
    const resume = JSON.stringify({ o: 80, a: Array.from({ length: 20 }, (_, i) => String(i)) });
    book.entries.get(3)!.seen!.resume = resume;
    learnPage(book, 3, page('4', '5'));
    expect(book.entries.get(3)?.seen?.resume).toBe(resume);
    const source = { key: (n: number) => String(n) } as PageNumberSource<number, unknown>;
    const rows = page('4', '5').items;
    expect(resumeAfterRows(source, resume, rows)).toBe(resume);
    // Other last rows (the page changed since): the read goes on from the grid instead.
    expect(resumeAfterRows(source, resume, rows.slice(0, 19))).toBeUndefined();
    expect(resumeAfterRows(source, undefined, rows)).toBeUndefined();
  });
});
