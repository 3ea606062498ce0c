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
 * costs least per new item, a request counting as much as `size` items carried. Where none
 * fits, one that overlaps by a single item (`narrowWindow`). With nothing read yet (or no
 * overlap asked), the grid page of `size` that holds `end`.
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
  if (end > 0 && overlap > 0) return narrowWindow(end, size, max) ?? gridPage(end, size);
  return gridPage(end, size);
}

/**
 * Where no window fits `overlap`: one that holds at least the last item read and the next one (a
 * small page far in, `end + 1` prime), so that the walk still sees whether the list moved. Of
 * those bringing at most 1¼ × `size` new items, the cheapest; else the one bringing fewest. There
 * is one unless `end` is a multiple of every width from 2 to `max`.
 */
function narrowWindow(end: number, size: number, max: number): PageWindow | undefined {
  const most = Math.max(1, size + Math.floor(size / 4));
  let best: PageWindow | undefined;
  let rank = Number.POSITIVE_INFINITY;
  for (let width = 2; width <= max; width++) {
    const start = end - 1 - ((end - 1) % width);
    const fresh = start + width - end;
    if (fresh < 1) continue;
    const r = fresh <= most ? (size + width) / fresh : 1e9 + fresh;
    if (r < rank) [best, rank] = [{ page: start / width, size: width, start }, r];
  }
  return best;
}

/** The grid page of `size` that holds `end`. */
function gridPage(end: number, size: number): PageWindow {
  const page = Math.floor(end / size);
  return { page, size, start: page * size };
}
