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
 * divides where the window ends. It prefers `size` new items, then the counts nearest to it (from
 * 1 to twice `size`), and the smallest window for a count. With nothing read yet, or where no
 * window fits, the grid page of `size` that holds `end` (no overlap).
 */
export function pageWindow(end: number, size: number, max: number, overlap: number): PageWindow {
  if (end > 0 && overlap > 0) {
    const most = Math.min(2 * size, max - overlap);
    const counts: number[] = [];
    for (let d = 0; size - d >= 1 || size + d <= most; d++) {
      if (d > 0 && size + d <= most) counts.push(size + d);
      if (size - d >= 1 && size - d <= most) counts.push(size - d);
    }
    // First windows at most a page wider than the new items, then any the vendor allows.
    for (const slack of [size, max])
      for (const fresh of counts) {
        const stop = end + fresh;
        const widest = Math.min(max, stop, fresh + overlap + slack);
        for (let width = fresh + overlap; width <= widest; width++)
          if (stop % width === 0)
            return { page: stop / width - 1, size: width, start: stop - width };
      }
  }
  const page = Math.floor(end / size);
  return { page, size, start: page * size };
}
