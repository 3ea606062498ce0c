import { warnOnce } from '../shared/is-development.js';
import type { Page } from '../types.js';

/** A count is a whole number of at least 0 (a JSON number a vendor wrote, read as such). */
const isCount = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0;

/**
 * A page with its counts (`total`, `pageCount`) kept only where each is a whole number of at
 * least 0: a source's own `parse` that hands on what a vendor wrote (`-1`, `"12"`, `NaN`, `1.5`)
 * would have a table show "Page 1 of Infinity" or "No rows" beside its rows. A count dropped is
 * said in development; the rows stay.
 */
export function withCheckedCounts<T>(provider: string, page: Page<T>): Page<T> {
  const { total, pageCount } = page;
  const badTotal = total !== undefined && !isCount(total);
  const badPages = pageCount !== undefined && !isCount(pageCount);
  if (!badTotal && !badPages) return page;
  if (process.env.NODE_ENV !== 'production')
    warnOnce(
      `${provider}: the source's parse gave ${badTotal ? `total ${String(total)}` : `pageCount ${String(pageCount)}`} (${typeof (badTotal ? total : pageCount)}), not a whole number of at least 0; it is left out (the count is unknown).`,
    );
  const { total: _t, pageCount: _p, ...rest } = page;
  return {
    ...rest,
    ...(badTotal ? {} : { total }),
    ...(badPages ? {} : { pageCount }),
  };
}
