import { type PaginateOptions, paginate, type Source } from '@pagewise/core';

/**
 * Walks like a sync job: each page is handled, then dropped. The hand-written loops drop theirs
 * too; keeping all 100,000 items alive (as `toArray()` does) would time the garbage collector.
 */
export async function syncWalk(source: Source<unknown>, options: PaginateOptions): Promise<number> {
  let n = 0;
  for await (const page of paginate(source, options)) n += page.items.length;
  return n;
}
