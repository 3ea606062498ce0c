import type { FetchedPage, RequestRunner } from '../runner/runner-types.js';
import type { DriftRepairedSource } from '../sources/drift-repair.js';
import type { PageNumberSource } from '../types.js';

/** Requests one page may take: a window, and a window or two back when its rows moved further. */
const MAX_REQUESTS = 4;

export interface AnchoredPageInput<T> {
  /** The page wanted, counted from 0. */
  index: number;
  size: number;
  params: unknown;
  /** The rows of the page before it, as the table holds them. */
  before: readonly T[];
}

/**
 * Page `index` of a page-number table, read on from the last rows of the page before it (drift
 * repair): the rows that follow them now, whatever rows were inserted or deleted above since —
 * so Next neither skips a row that moved up onto the page just read nor repeats one pushed down.
 * Its page number and `next` stay the grid's, so the table pages on by number as before.
 */
export async function readAnchoredPage<T>(
  source: PageNumberSource<T, unknown>,
  walk: DriftRepairedSource<T, unknown>,
  runner: RequestRunner,
  at: AnchoredPageInput<T>,
  signal: AbortSignal | undefined,
): Promise<FetchedPage<T>> {
  const anchors = at.before.slice(-3).map((item) => source.key(item));
  let cursor: string | null = JSON.stringify({ o: at.index * at.size, a: anchors });
  const rows: T[] = [];
  let last: FetchedPage<T> | undefined;
  for (let i = 0; i < MAX_REQUESTS && cursor !== null && rows.length < at.size; i++) {
    last = await runner.fetchPage(walk, { cursor, size: at.size, params: at.params }, { signal });
    rows.push(...last.items);
    cursor = last.next;
  }
  const page = source.firstPage + at.index;
  const more = rows.length > at.size || cursor !== null;
  return {
    items: rows.slice(0, at.size),
    next: more ? String(page + 1) : null,
    prev: at.index > 0 ? String(page - 1) : null,
    total: last?.total,
    pageCount: last?.pageCount,
    cursor: String(page),
    direction: 'after',
    size: at.size,
  };
}
