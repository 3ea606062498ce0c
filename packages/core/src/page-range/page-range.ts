/** One entry of a page-button row. */
export type PageRangeItem =
  | {
      type: 'page';
      index: number;
      current: boolean;
      /** A page beyond those known, offered from an estimated count (say so: "about"). */
      estimated?: boolean;
    }
  | {
      type: 'ellipsis';
      /**
       * `start` and `end` stand for pages skipped before and after the current one; `beyond`, at
       * the end of a row whose count is unknown, for the pages that may follow the last one known.
       */
      position: EllipsisPosition;
    };

/** Where an ellipsis stands in a page-button row (see `PageRangeItem`). */
export type EllipsisPosition = 'start' | 'end' | 'beyond';

export interface PageRangeOptions {
  /** Zero-based current page. */
  pageIndex: number;
  /** Total pages; `-1` when unknown. */
  pageCount: number;
  /** Pages shown on each side of the current one. @defaultValue 1 */
  siblings?: number | undefined;
  /** Pages always shown at each end. @defaultValue 1 */
  boundaries?: number | undefined;
  /**
   * With an unknown count: whether a page follows the current one (shown, then an ellipsis).
   * @defaultValue false
   */
  hasMore?: boolean | undefined;
  /**
   * With an unknown count: the pages estimated. The row then runs to the estimated last page,
   * the pages beyond the next one marked `estimated`.
   * @defaultValue none — the row ends after the next page, in an ellipsis
   */
  estimatedCount?: number | undefined;
  /**
   * With an unknown count: the pages known to exist (read, or announced by a page's next). The
   * row runs to the last of them — a cursor table walked to page 10 and back to page 3 still
   * offers page 10 — and, with an estimated count, those are not marked `estimated`.
   * @defaultValue the pages up to the one after the current one
   */
  knownCount?: number | undefined;
}

/**
 * Page buttons with ellipses: `1 … 4 5 [6] 7 8 … 20`. The row has a stable length for a given
 * count (an ellipsis never stands for a single page: that page is shown instead). With an unknown
 * count, it runs to the last page known to exist (at least the one after the current one) and
 * ends in a `beyond` ellipsis: `1 2 [3] 4 5 … 10 …`.
 */
export function pageRange(options: PageRangeOptions): PageRangeItem[] {
  const siblings = Math.max(0, options.siblings ?? 1);
  const boundaries = Math.max(0, options.boundaries ?? 1);
  const current = Math.max(0, options.pageIndex);
  if (options.pageCount < 0) {
    const last = current + (options.hasMore ? 1 : 0);
    const estimated = options.estimatedCount;
    if (options.hasMore && estimated !== undefined && estimated > last + 1) {
      const known = Math.max(last, (options.knownCount ?? 0) - 1);
      const items = knownRange(current, estimated, siblings, boundaries).map((item) =>
        item.type === 'page' && item.index > known ? { ...item, estimated: true } : item,
      );
      // An estimate no further than the pages known (too low: more came than it said) offers no
      // page of its own: the row still says that more may follow.
      return estimated - 1 > known ? items : [...items, { type: 'ellipsis', position: 'beyond' }];
    }
    const known = Math.max(last + 1, Math.floor(options.knownCount ?? 0));
    const items = knownRange(current, known, siblings, boundaries);
    if (!options.hasMore && known <= last + 1) return items;
    // Without boundaries the row may end in an ellipsis already: it then stands for all that follows.
    if (items.at(-1)?.type === 'ellipsis') items.pop();
    return [...items, { type: 'ellipsis', position: 'beyond' }];
  }
  return knownRange(current, options.pageCount, siblings, boundaries);
}

/** The row for a known count: boundaries, siblings and the current page, ellipses between. */
function knownRange(current: number, count: number, siblings: number, boundaries: number) {
  const range = (from: number, to: number): PageRangeItem[] =>
    Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => ({
      type: 'page',
      index: from + i,
      current: from + i === current,
    }));
  const start: PageRangeItem = { type: 'ellipsis', position: 'start' };
  const end: PageRangeItem = { type: 'ellipsis', position: 'end' };
  const slots = 2 * boundaries + 2 * siblings + 3; // boundaries, siblings, current, two ellipses
  if (count === 0) return [];
  if (count <= slots) return range(0, count - 1);
  const left = Math.max(current - siblings, boundaries);
  const right = Math.min(current + siblings, count - boundaries - 1);
  const head = range(0, boundaries - 1);
  const tail = range(count - boundaries, count - 1);
  if (left <= boundaries + 1) return [...range(0, slots - boundaries - 2), end, ...tail];
  if (right >= count - boundaries - 2)
    return [...head, start, ...range(count - (slots - boundaries - 1), count - 1)];
  return [...head, start, ...range(left, right), end, ...tail];
}
