import { describe, expect, it } from 'vitest';
import type { FetchedPage } from '../runner/runner-types.js';
import { splitStretchedPage } from './stretched-page.js';

const items = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => ({ id: `r${from + i}` }));
const stretched = (count: number, next: string | null, total?: number) =>
  ({
    items: items(0, count),
    next,
    cursor: 'c0',
    direction: 'after',
    size: 60,
    ...(total === undefined ? {} : { total }),
  }) as FetchedPage<{ id: string }>;
const after = (item: { id: string }) => item.id;

describe('splitting a stretched request', () => {
  it('gives each page its items, the cursor it starts at and its next, as if fetched alone', () => {
    const pages = splitStretchedPage(stretched(60, 'vendor-next'), 20, 3, after);
    expect(pages.map((p) => [p.cursor, p.items.length, p.next])).toEqual([
      ['c0', 20, 'r19'],
      ['r19', 20, 'r39'],
      ['r39', 20, 'vendor-next'],
    ]);
    expect(pages.every((p) => p.size === 20 && p.direction === 'after')).toBe(true);
  });

  it('stops where the items stop: the page before the missing ones is the last', () => {
    const pages = splitStretchedPage(stretched(25, 'ignored'), 20, 3, after);
    expect(pages.map((p) => [p.items.length, p.next])).toEqual([
      [20, 'r19'],
      [5, null],
    ]);
    expect(splitStretchedPage(stretched(40, null), 20, 3, after).at(-1)?.next).toBeNull();
  });

  it('carries the vendor total as each page’s count at the page size', () => {
    const pages = splitStretchedPage(stretched(60, 'n', 95), 20, 3, after);
    expect(pages.map((p) => p.pageCount)).toEqual([5, 5, 5]);
  });
});
