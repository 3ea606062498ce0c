import { warnOnce } from '../shared/is-development.js';
import type { Page } from '../types.js';

/**
 * A page with its counts (`total`, `pageCount`) kept only where each is a whole number of at
 * least 0: a source's own `parse` that hands on what a vendor wrote (`-1`, `"12"`, `NaN`, `1.5`)
 * would have a table show "Page 1 of Infinity" or "No rows" beside its rows. A count left out
 * (`undefined`: unknown) is said in development; the rows stay.
 */
export function withCheckedCounts<T>(provider: string, page: Page<T>): Page<T> {
  for (const name of ['total', 'pageCount'] as const) {
    const count = page[name];
    if (count === undefined || (Number.isSafeInteger(count) && count >= 0)) continue;
    if (process.env.NODE_ENV !== 'production')
      warnOnce(
        `${provider}: the source's parse gave ${name} ${String(count)} (${typeof count}), not a whole number of at least 0; it is left out (the count is unknown).`,
      );
    page = { ...page, [name]: undefined };
  }
  return page;
}
