import { DEFAULTS } from './defaults.js';
import { PaginationError } from './pagination-error.js';

/** When a walk that makes no progress stops. */
export interface ProgressLimits {
  /** Empty pages in a row that still point further. @defaultValue 20 */
  maxEmptyPages?: number | undefined;
  /** Pages in a row that bring no new item. @defaultValue 3 */
  maxRepeatedPages?: number | undefined;
}

/**
 * One guard against vendors that never end, for `paginate()`, infinite lists and tables alike.
 * Progress is a page that brings an item not seen before; an empty page that still points
 * further, and a page that only repeats items (under a new cursor, or with the page parameter
 * ignored), count toward two limits that only progress resets — so a vendor alternating the two
 * is caught too. A cursor handed out again is a cycle, caught at once (`cycle`).
 */
export interface ProgressGuard {
  /** Counts a page: how many of its items are new, how many it has. The error when the walk must stop. */
  count(fresh: number, items: number): PaginationError | undefined;
  /** Pages that may repeat without counting (a walk restarted reads again what it handed out). */
  allowRepeats(pages: number): void;
}

export function createProgressGuard(provider: string, limits: ProgressLimits = {}): ProgressGuard {
  const maxEmpty = limits.maxEmptyPages ?? DEFAULTS.maxEmptyPages;
  const maxRepeated = limits.maxRepeatedPages ?? DEFAULTS.maxRepeatedPages;
  let empty = 0;
  let repeated = 0;
  let allowance = 0;
  return {
    count(fresh, items) {
      if (fresh > 0) {
        empty = 0;
        repeated = 0;
      } else if (items === 0) empty++;
      else if (allowance > 0) allowance--;
      else repeated++;
      if (empty >= maxEmpty)
        return stalled(provider, empty, 'empty pages that still point further');
      if (repeated >= maxRepeated)
        return stalled(
          provider,
          repeated,
          'pages that bring no new item (the vendor repeats itself)',
        );
      return undefined;
    },
    allowRepeats(pages) {
      allowance = pages;
      repeated = 0;
    },
  };
}

function stalled(provider: string, pages: number, what: string): PaginationError {
  return new PaginationError(
    'CURSOR_LOOP',
    `${pages} ${what} in a row; stopping instead of fetching forever`,
    { provider },
  );
}

/**
 * A cursor the vendor handed out again: the walk stops instead of looping. The cursor is not in
 * the message: a link cursor may carry a credential.
 */
export function cursorCycle(provider: string): PaginationError {
  return new PaginationError(
    'CURSOR_LOOP',
    'the vendor handed out a cursor it handed out before; stopping instead of looping',
    { provider },
  );
}
