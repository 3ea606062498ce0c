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
 * `overlap` items already read before it, within `max` items per request: of a page-number API's
 * windows of each width, the one that holds item `end - 1` (a window's start is a multiple of its
 * width). Of those, the one that costs least per new item — a request counting as much as `size`
 * items carried, new items past 1¼ × `size` counting as none — among those that overlap by
 * `overlap`; where none does, among those that overlap by fewer (at least the last item read, so
 * the walk still sees whether the list moved: small pages far in). With nothing read yet (or no
 * overlap asked, or a maximum of 1), the grid page of `size` that holds `end`.
 */
export function pageWindow(end: number, size: number, max: number, overlap: number): PageWindow {
  const page = Math.floor(end / size);
  let best: PageWindow = { page, size, start: page * size };
  let rank = Number.POSITIVE_INFINITY;
  const most = Math.max(1, size + Math.floor(size / 4));
  if (end > 0 && overlap > 0)
    for (let width = 2; width <= max; width++) {
      const held = ((end - 1) % width) + 1; // items of the window read already
      const fresh = width - held;
      if (fresh < 1) continue;
      // New items past 1¼ × `size` count for nothing; of windows that cost the same, the one
      // bringing more.
      const r = (held < overlap ? 1e6 : 0) + (size + width) / Math.min(fresh, most) - fresh * 1e-9;
      if (r < rank) {
        rank = r;
        best = { page: (end - held) / width, size: width, start: end - held };
      }
    }
  return best;
}
