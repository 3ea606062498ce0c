import { PaginationError } from '../pagination-error.js';
import { redactText } from '../redact.js';
import type { FetchedPage } from '../runner/runner-types.js';
import type { Cursor, Source } from '../types.js';
import type { ListPage, ListPageParam } from './list-page.js';

/** Pages in a row that repeat items already loaded, and empty pages in a row, before a list stops growing. */
const REPEATED_LIMIT = 3;
const EMPTY_LIMIT = 20;

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
  /** Pages in a row, per direction, that repeated loaded items only, or were empty. */
  const repeated = { after: 0, before: 0, around: 0 };
  const empty = { after: 0, before: 0, around: 0 };

  const loop = (message: string) =>
    new PaginationError('CURSOR_LOOP', message, { provider: source.provider });

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
      repeated[direction] = fresh > 0 ? 0 : repeated[direction] + (page.items.length > 0 ? 1 : 0);
      empty[direction] = fresh > 0 ? 0 : empty[direction] + (page.items.length === 0 ? 1 : 0);
      let stop: PaginationError | undefined;
      if (onward != null && direction !== 'around' && walked.has(onward)) {
        stop = loop(
          redactText(
            `the vendor handed out cursor "${onward}" again; the list stops here instead of looping`,
            [],
          ),
        );
      } else if (
        onward != null &&
        (repeated[direction] >= REPEATED_LIMIT || empty[direction] >= EMPTY_LIMIT)
      ) {
        stop = loop(
          `${repeated[direction] + empty[direction]} pages in a row brought no new item; the list stops here instead of fetching forever`,
        );
      }
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
