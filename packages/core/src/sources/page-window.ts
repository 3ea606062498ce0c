/**
 * A window over a page-number API: the page number and page size whose page covers the items
 * `[start, start + size)`. A page-number API serves any window whose start is a multiple of its
 * size; choosing the size lets a walk read a few items it already holds before the new ones —
 * an overlap that shows where the list moved while it was read.
 */
export interface PageWindow {
  /** The page, counted from 0 (add the source's `firstPage`). */
  page: number;
  size: number;
  /** Offset of the window's first item. */
  start: number;
}

/**
 * The window that reads on from offset `end` (the first item not read yet) with at least
 * `overlap` items already read before it, within `max` items per request: a page size that
 * divides where the window ends. Of the windows bringing 1 to 1¼ × `size` new items, the one that
 * costs least per new item, a request counting as much as `size` items carried. With nothing
 * read yet, or where no window fits, the grid page of `size` that holds `end` (no overlap).
 */
export function pageWindow(end: number, size: number, max: number, overlap: number): PageWindow {
  let best: PageWindow | undefined;
  let cost = Number.POSITIVE_INFINITY;
  if (end > 0 && overlap > 0)
    for (let fresh = Math.min(size + Math.floor(size / 4), max - overlap); fresh >= 1; fresh--) {
      // No window with fewer new items can cost less than the best so far.
      if ((size + fresh + overlap) / fresh >= cost) break;
      const stop = end + fresh;
      for (let width = fresh + overlap; width <= Math.min(max, stop); width++)
        if (stop % width === 0) {
          const c = (size + width) / fresh;
          if (c < cost)
            [best, cost] = [{ page: stop / width - 1, size: width, start: stop - width }, c];
          break;
        }
    }
  if (best) return best;
  const page = Math.floor(end / size);
  return { page, size, start: page * size };
}
