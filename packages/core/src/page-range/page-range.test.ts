import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PageRangeItem, pageRange } from './page-range.js';

const show = (items: PageRangeItem[]) =>
  items
    .map((i) =>
      i.type === 'ellipsis' ? '…' : i.current ? `[${i.index + 1}]` : String(i.index + 1),
    )
    .join(' ');

describe('pageRange', () => {
  it('shows every page when they fit', () => {
    expect(show(pageRange({ pageIndex: 2, pageCount: 5 }))).toBe('1 2 [3] 4 5');
    expect(pageRange({ pageIndex: 0, pageCount: 0 })).toEqual([]);
  });

  it('puts ellipses where pages are hidden', () => {
    expect(show(pageRange({ pageIndex: 0, pageCount: 20 }))).toBe('[1] 2 3 4 5 … 20');
    expect(show(pageRange({ pageIndex: 9, pageCount: 20 }))).toBe('1 … 9 [10] 11 … 20');
    expect(show(pageRange({ pageIndex: 19, pageCount: 20 }))).toBe('1 … 16 17 18 19 [20]');
    expect(show(pageRange({ pageIndex: 9, pageCount: 20, siblings: 2, boundaries: 2 }))).toBe(
      '1 2 … 8 9 [10] 11 12 … 19 20',
    );
  });

  it('runs to the next page and an ellipsis when the count is unknown', () => {
    expect(show(pageRange({ pageIndex: 2, pageCount: -1, hasMore: true }))).toBe('1 2 [3] 4 …');
    expect(show(pageRange({ pageIndex: 2, pageCount: -1, hasMore: false }))).toBe('1 2 [3]');
    expect(pageRange({ pageIndex: 0, pageCount: -1, hasMore: true }).at(-1)).toEqual({
      type: 'ellipsis',
      position: 'beyond',
    });
  });

  it('runs to the last page known to exist when the count is unknown (walked far, then back)', () => {
    const back = (pageIndex: number, knownCount: number) =>
      show(pageRange({ pageIndex, pageCount: -1, hasMore: true, knownCount }));
    expect(back(2, 10)).toBe('1 2 [3] 4 5 … 10 …');
    expect(back(0, 4)).toBe('[1] 2 3 4 …');
    expect(back(8, 10)).toBe('1 … 6 7 8 [9] 10 …');
    // Known no further than the page after the current one: as without knownCount.
    expect(back(2, 4)).toBe('1 2 [3] 4 …');
    expect(back(2, 1)).toBe('1 2 [3] 4 …');
    // Without boundaries: one ellipsis at the end, for all that follows the pages shown.
    const bare = pageRange({
      pageIndex: 4,
      pageCount: -1,
      hasMore: true,
      knownCount: 10,
      boundaries: 0,
    });
    expect(bare.map((i) => (i.type === 'page' ? i.index + 1 : i.position))).toEqual([
      'start',
      4,
      5,
      6,
      'beyond',
    ]);
    const items = pageRange({ pageIndex: 2, pageCount: -1, hasMore: true, knownCount: 10 });
    expect(items.filter((i) => i.type === 'ellipsis').map((i) => i.position)).toEqual([
      'end',
      'beyond',
    ]);
  });

  it('always shows the first, last and current page, in order, with a stable length and no one-page ellipsis', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.nat(),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 3 }),
        (count, at, siblings, boundaries) => {
          const pageIndex = at % count;
          const items = pageRange({ pageIndex, pageCount: count, siblings, boundaries });
          const pages = items.flatMap((i) => (i.type === 'page' ? [i.index] : []));
          expect(pages).toContain(pageIndex);
          if (boundaries > 0) expect(pages).toContain(0);
          if (boundaries > 0) expect(pages).toContain(count - 1);
          for (let i = 1; i < pages.length; i++) expect(pages[i]!).toBeGreaterThan(pages[i - 1]!);
          expect(items.filter((i) => i.type === 'page' && i.current)).toHaveLength(1);
          const slots = 2 * boundaries + 2 * siblings + 3;
          expect(items.length).toBe(Math.min(count, slots));
          items.forEach((item, k) => {
            if (item.type !== 'ellipsis') return;
            const before = items[k - 1];
            const after = items[k + 1];
            if (before?.type === 'page' && after?.type === 'page')
              expect(after.index - before.index).toBeGreaterThan(2);
          });
        },
      ),
    );
  });
});
