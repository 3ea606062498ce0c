import { warnOnce } from '../shared/is-development.js';
import type { Source } from '../types.js';

/** An estimate of a table's size, to show as one: "Page 7 of about 60". */
export interface TotalEstimate {
  rows: number;
  pages: number;
  /** The pages known to exist: reached, or announced by a page's next. */
  known: number;
}

export interface EstimateInput<T> {
  source: Source<T>;
  params: unknown;
  pageSize: number;
  /** The page on screen: its index and rows (the rows before it are `index` full pages). */
  shown: { index: number; items: readonly T[] } | undefined;
  /** Whether a page follows the one shown. */
  hasNext: boolean;
  /**
   * The rows the table has seen exist, wherever it has been (a jump far ahead, then back to the
   * first page): the estimate is never below them. @defaultValue what the page shown says
   */
  seen?: number | undefined;
}

/**
 * The source's estimate of the whole list (`estimateTotal`), read from the page on screen: never
 * fewer rows than seen (and one more when a page follows), never fewer pages than reached. A value
 * that is not a finite number of at least 0 is no estimate (with a development warning).
 */
export function estimateTotal<T>(input: EstimateInput<T>): TotalEstimate | undefined {
  const { source, shown, pageSize, hasNext } = input;
  const last = shown?.items[shown.items.length - 1];
  if (!source.estimateTotal || !shown || last === undefined) return undefined;
  const items = shown.index * pageSize + shown.items.length;
  let value: unknown;
  let thrown: { error: unknown } | undefined;
  try {
    value = source.estimateTotal({ items, last, params: input.params });
  } catch (error) {
    thrown = { error };
    value = Number.NaN;
  }
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    if (process.env.NODE_ENV !== 'production') {
      const { error } = thrown ?? {};
      const gave =
        typeof value === 'string' ? `the string ${JSON.stringify(value)}` : String(value);
      warnOnce(
        `${source.provider}: estimateTotal ${thrown ? `threw (${error instanceof Error ? error.message : String(error)})` : `gave ${gave}, not a finite number of at least 0`}; no estimate is shown`,
      );
    }
    return undefined;
  }
  const seen = Math.max(items + (hasNext ? 1 : 0), input.seen ?? 0);
  const known = Math.max(Math.ceil(seen / pageSize), shown.index + 1 + (hasNext ? 1 : 0));
  const rows = Math.max(Math.round(value), seen);
  return { rows, pages: Math.max(Math.ceil(rows / pageSize), known), known };
}
