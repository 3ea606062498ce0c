import type { FetchedPage } from '../runner/runner-types.js';
import type { Cursor } from '../types.js';

/**
 * Splits one stretched request (`span` pages' worth of items from one cursor) into the pages it
 * covers, each with the cursor it starts at and its `next`, as if each had been fetched alone.
 * Only for sources whose cursor is an item position (`cursorAfter`): page j+1 starts right after
 * the last item of page j. Pages past the items returned do not exist: the one before them is
 * the last.
 */
export function splitStretchedPage<T>(
  page: FetchedPage<T>,
  size: number,
  span: number,
  cursorAfter: (item: T) => Cursor | undefined,
): FetchedPage<T>[] {
  const pages: FetchedPage<T>[] = [];
  let cursor = page.cursor;
  for (let j = 0; j < span; j++) {
    const items = page.items.slice(j * size, (j + 1) * size);
    if (j > 0 && items.length === 0) break;
    const more = page.items.length > (j + 1) * size;
    const last = items[items.length - 1];
    const after = more && last !== undefined ? cursorAfter(last) : undefined;
    const next = more ? (after ?? null) : j === span - 1 ? page.next : null;
    pages.push({
      items,
      next,
      cursor,
      direction: 'after',
      size,
      ...(page.total === undefined
        ? {}
        : { total: page.total, pageCount: Math.ceil(page.total / size) }),
    });
    if (next === null) break;
    cursor = next;
  }
  return pages;
}
