import type { FetchedPage, RequestRunner } from '../runner/runner-types.js';
import {
  ANCHORS,
  anchorsOf as anchorKeys,
  type DriftRepairedSource,
  MAX_STEP_REQUESTS,
  warnLost,
} from '../sources/drift-repair.js';
import type { PageNumberSource } from '../types.js';

/** Requests one page may take: a step of the repaired walk, and one more to fill the page. */
const MAX_REQUESTS = MAX_STEP_REQUESTS + 1;

export interface AnchoredPageInput<T> {
  /** The page wanted, counted from 0. */
  index: number;
  size: number;
  params: unknown;
  /** The rows of the page before it, as the table holds them. */
  before: readonly T[];
  /**
   * The rows of the page before that one, where the table holds them: the read goes on from its
   * last rows when none of `before` is left (the page shown, emptied by an admin). @defaultValue none
   */
  earlier?: readonly T[] | undefined;
  /**
   * Where the page before it ended when it was read (its `resume`, when it was itself read on from
   * its own page before): the read starts there, not at the grid's offset, so drift does not add
   * up page after page. @defaultValue the grid's offset, `index × size`
   */
  resume?: string | undefined;
}

/** A page read on from the page before it, and where the page after it reads on from. */
export interface AnchoredPage<T> {
  page: FetchedPage<T>;
  /** The repaired walk's position right after the page's last row; `undefined` at the end. */
  resume: string | undefined;
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
): Promise<AnchoredPage<T>> {
  const page = source.firstPage + at.index;
  const after = (o: number, rows: readonly T[]) =>
    JSON.stringify({ o, a: anchorsOf(source, rows) });
  const start = at.resume ?? after(at.index * at.size, at.before);
  // The rows of the page shown never come again on the next (rows inserted among them).
  const shown = new Set(at.before.map(source.key));
  let read = await readRows(source, walk, runner, at, start, shown, signal);
  // None of the rows it stood on is left (the page shown, emptied by an admin): read on from the
  // page before it (from the start, after the first page), leaving out what is left of it.
  if (read.lost && (at.earlier?.length || at.index === 1)) {
    const from = at.earlier?.length
      ? after((at.index - 1) * at.size, at.earlier)
      : JSON.stringify({ o: 0, a: [] });
    read = await readRows(source, walk, runner, at, from, shown, signal);
  }
  // Lost, or short of a page with more to come: the page as the API serves it now, as a table
  // shows it without drift repair — not a page read on from a guess.
  const { rows, cursor, last } = read;
  if (process.env.NODE_ENV !== 'production' && read.lost)
    warnLost(source.provider, `reading page ${page}`);
  if (read.lost || (rows.length < at.size && cursor !== null)) {
    const position = { cursor: String(page), size: at.size, params: at.params };
    return { page: await runner.fetchPage(source, position, { signal }), resume: undefined };
  }
  const more = rows.length > at.size || cursor !== null;
  const items = rows.slice(0, at.size);
  return {
    page: {
      items,
      next: more ? String(page + 1) : null,
      prev: at.index > 0 ? String(page - 1) : null,
      total: last?.total,
      // Rows deleted above put the grid's count behind the pages read on: the walk says where
      // the end is.
      pageCount:
        last?.pageCount === undefined
          ? undefined
          : more
            ? Math.max(last.pageCount, at.index + 2)
            : at.index + 1,
      cursor: String(page),
      direction: 'after',
      size: at.size,
    },
    resume: resumeAfter(source, cursor, rows.length - items.length, items),
  };
}

/** Rows read on from `cursor` up to a page (less those in `skip`), and whether the walk lost its place. */
async function readRows<T>(
  source: PageNumberSource<T, unknown>,
  walk: DriftRepairedSource<T, unknown>,
  runner: RequestRunner,
  at: AnchoredPageInput<T>,
  from: string,
  skip: Set<string>,
  signal: AbortSignal | undefined,
) {
  const lost = walk.report.unanchored;
  const rows: T[] = [];
  const held = new Set(skip); // and the rows kept so far: a row pushed on and pulled back comes once
  let cursor: string | null = from;
  let last: FetchedPage<T> | undefined;
  for (let i = 0; i < MAX_REQUESTS && cursor !== null && rows.length < at.size; i++) {
    last = await runner.fetchPage(walk, { cursor, size: at.size, params: at.params }, { signal });
    for (const item of last.items) {
      const key = source.key(item);
      if (!held.has(key)) rows.push(item);
      held.add(key);
    }
    cursor = last.next;
    if (walk.report.unanchored > lost) break;
  }
  return { rows, cursor, last, lost: walk.report.unanchored > lost };
}

/**
 * The walk's position right after the rows kept: its `next` (after the last window read), moved
 * back over the rows read beyond the page (they are the next page's), anchored on the page's last
 * rows. `undefined` at the end, or when the page holds no row to anchor on.
 */
function resumeAfter<T>(
  source: PageNumberSource<T, unknown>,
  next: string | null,
  surplus: number,
  items: readonly T[],
): string | undefined {
  if (next === null || items.length === 0) return undefined;
  const at = JSON.parse(next) as { o: number };
  return JSON.stringify({ ...at, o: at.o - surplus, a: anchorsOf(source, items) });
}

/**
 * `resume`, when it was taken right after these rows (the same last rows): a cache's copy of the
 * page read — TanStack Query hands back an equal page it already held — still has it.
 */
export function resumeAfterRows<T>(
  source: PageNumberSource<T, unknown>,
  resume: string | undefined,
  rows: readonly T[],
): string | undefined {
  const anchors = resume && (JSON.parse(resume) as { a?: unknown }).a;
  return JSON.stringify(anchors) === JSON.stringify(anchorsOf(source, rows)) ? resume : undefined;
}

/** The keys a repaired walk finds its place by: the last rows read. */
const anchorsOf = <T>(source: PageNumberSource<T, unknown>, rows: readonly T[]) =>
  anchorKeys(rows.slice(-ANCHORS).map((item) => source.key(item)));
