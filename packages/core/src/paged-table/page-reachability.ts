import { knownBelow, lastIndexOf, type PageBook } from './page-book.js';
import { ENGLISH_TABLE, type TableMessages } from './table-messages.js';

export interface ReachOptions {
  provider: string;
  /** `walk` (default): a page never visited is reached by fetching the pages between. */
  forwardJumps: 'walk' | 'disabled';
  /** At most this many requests for one walk. */
  maxWalk: number;
  /** Pages one request can cover from a known cursor (a stretched request), 1 when it cannot. */
  stretch: number;
  /** The words of the reasons. @defaultValue English */
  messages?: TableMessages | undefined;
}

/**
 * Why page `index` cannot be reached now, or `undefined` when it can. `asNext`: it is reached as
 * Next from the requested page, through the page before, so it is never refused as a jump.
 */
export function unreachableReason(
  book: PageBook,
  index: number,
  options: ReachOptions,
  asNext = false,
): string | undefined {
  const say = options.messages ?? ENGLISH_TABLE;
  if (!Number.isInteger(index) || index < 0) return say.notAPage;
  const last = lastIndexOf(book);
  if (last !== undefined && index > last) return say.pastEnd(index + 1, last + 1);
  if (book.kind === 'page' || book.entries.has(index) || asNext) return undefined;
  const from = knownBelow(book, index);
  const linked = [...book.entries.keys()].some((i) => i > index);
  if (options.forwardJumps === 'disabled' && !linked)
    return say.noJump(options.provider, index + 1);
  const requests = Math.ceil((index - from) / Math.max(1, options.stretch));
  if (requests <= options.maxWalk) return undefined;
  const distance = index - from;
  // The pages a walk covers: `maxWalk` requests, each as many pages as one request can cover.
  const max = options.maxWalk * Math.max(1, options.stretch);
  return linked
    ? say.noBackwards(options.provider, index + 1, distance, from + 1, max)
    : say.tooFar(index + 1, distance, max);
}

/**
 * The page to open instead of `index` when it cannot be reached (a page from a URL, say): the
 * last page when it is past a known end, else the furthest page a walk may reach from the
 * nearest known page below it, else that known page. Never linear in the index.
 */
export function nearestReachable(book: PageBook, index: number, options: ReachOptions): number {
  if (unreachableReason(book, index, options) === undefined) return index;
  const last = lastIndexOf(book);
  if (last !== undefined && index > last)
    return unreachableReason(book, last, options) === undefined ? last : knownBelow(book, last);
  const from = knownBelow(book, index);
  const walked = Math.min(index, from + options.maxWalk * Math.max(1, options.stretch));
  return unreachableReason(book, walked, options) === undefined ? walked : from;
}
