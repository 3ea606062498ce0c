import type { PaginationError } from '../pagination-error.js';
import { createProgressGuard, cursorCycle, type ProgressGuard } from '../progress-guard.js';
import type { FetchedPage } from '../runner/runner-types.js';
import type { Cursor, Source } from '../types.js';
import type { ListPage, ListPageParam } from './list-page.js';

/**
 * What an infinite list remembers beyond the pages it holds: the position each page was fetched
 * at, so a forward-only source (Mews, LINE WORKS, DingTalk nextToken) can slide a `maxPages`
 * window back up; and enough to notice a vendor that loops (a cursor handed out again, A → B → A)
 * or repeats pages without new items, so the list stops growing instead of fetching forever.
 */
export interface ListMemory<T> {
  /** Takes a fetched page: remembers where it came from and marks it `stop` when the list must end there. */
  record(
    param: ListPageParam,
    page: FetchedPage<T>,
    loaded: ReadonlyArray<ListPage<T>>,
  ): ListPage<T>;
  nextParam(last: ListPage<T>): ListPageParam | undefined;
  previousParam(first: ListPage<T>): ListPageParam | undefined;
}

export function createListMemory<T>(source: Source<T>): ListMemory<T> {
  const pagesBackward = source.kind === 'page' || source.directions.includes('before');
  /** For each page's `next`: the position of the page it came from. */
  const predecessors = new Map<Cursor, ListPageParam>();
  /** Progress, per direction: a list stops growing where its vendor stops bringing new items. */
  const guards: Partial<Record<ListPageParam['direction'], ProgressGuard>> = {};

  return {
    record(param, page, loaded) {
      const direction = param.direction;
      // Pages this memory did not fetch (hydrated from a server, restored from a cache) still
      // say where they were fetched: their successors' predecessors are learned from them.
      for (const p of loaded)
        if (p.next !== null && !predecessors.has(p.next))
          predecessors.set(p.next, { cursor: p.cursor, direction: p.direction });
      const onward = direction === 'before' ? page.prev : page.next;
      // The positions walked to reach this page, following predecessors back to the start.
      const walked = new Set<Cursor | null>([param.cursor]);
      for (let at = param.cursor; at !== null; ) {
        const before = predecessors.get(at);
        if (!before || walked.has(before.cursor)) break;
        walked.add(before.cursor);
        at = before.cursor;
      }
      if (page.next !== null && !predecessors.has(page.next)) predecessors.set(page.next, param);
      const keys = new Set<string>();
      for (const p of loaded) for (const item of p.items) keys.add(source.key(item));
      const fresh = page.items.filter((item) => !keys.has(source.key(item))).length;
      const guard = guards[direction] ?? createProgressGuard(source.provider);
      guards[direction] = guard;
      let stop: PaginationError | undefined = guard.count(fresh, page.items.length);
      if (onward != null && direction !== 'around' && walked.has(onward))
        stop = cursorCycle(source.provider);
      else if (onward == null) stop = undefined;
      return stop ? { ...page, stop } : page;
    },
    nextParam: (last) =>
      last.next === null || (last.stop && last.direction !== 'before')
        ? undefined
        : { cursor: last.next, direction: 'after' },
    previousParam(first) {
      if (first.stop && first.direction === 'before') return undefined;
      if (pagesBackward)
        return first.prev == null ? undefined : { cursor: first.prev, direction: 'before' };
      return first.cursor === null ? undefined : predecessors.get(first.cursor);
    },
  };
}
