import { DEFAULTS } from './defaults.js';
import { resolvePageSize } from './page-size.js';
import { checkPaginateArguments } from './paginate-options.js';
import { isPaginationError } from './pagination-error.js';
import { createProgressGuard, cursorCycle } from './progress-guard.js';
import type { FetchedPage, RequestRunner } from './runner/runner-types.js';
import { KeySet } from './shared/key-set.js';
import type { DriftReport } from './sources/drift-repair.js';
import { MAX_STEP_REQUESTS } from './sources/drift-repair.js';
import { isRepairedPosition, repairsByDefault } from './sources/repair-default.js';
import type { Cursor, Source } from './types.js';

export interface PaginateOptions<P = unknown> {
  runner: RequestRunner;
  /** Page size (clamped to the source's limits). @defaultValue the source's default size */
  size?: number | undefined;
  /**
   * The list's parameters (filters, a time window…), handed to the source with every request.
   * @defaultValue none — requests carry no parameters
   */
  params?: P | undefined;
  /**
   * Resume from a saved cursor (a page's `next`); `null` starts at the beginning.
   * @defaultValue null
   */
  from?: Cursor | null | undefined;
  /**
   * `after` follows `next`; `before` follows `prev` for sources that page both ways.
   * @defaultValue 'after'
   */
  direction?: 'after' | 'before' | undefined;
  /**
   * Cancels the walk and its request in flight.
   * @defaultValue none — the walk cannot be cancelled
   */
  signal?: AbortSignal | undefined;
  /** Skip items whose key was already yielded. @defaultValue true */
  dedupe?: boolean | undefined;
  /** Stop after this many pages. @defaultValue none — the walk runs to the vendor's end of data */
  maxPages?: number | undefined;
  /**
   * When the vendor rejects a cursor: restart from the first page (skipping items already yielded)
   * or fail.
   * @defaultValue the source's `onInvalidCursor`, else 'fail'
   */
  onInvalidCursor?: 'restart' | 'fail' | undefined;
  /** Restarts allowed in one walk. @defaultValue 3 */
  maxRestarts?: number | undefined;
  /** Empty pages in a row that still point further before the walk is declared stuck. @defaultValue 20 */
  maxEmptyPages?: number | undefined;
  /**
   * Pages in a row that bring no new item (a vendor that repeats a page under new cursors, or
   * ignores the page parameter) before the walk is declared stuck. @defaultValue 3
   */
  maxRepeatedPages?: number | undefined;
  /**
   * For page-number sources that report a page count: pages fetched at once (drift is then not
   * repaired, and pages are asked out of order — not for a vendor that asks for them in order,
   * as DingTalk does). Rounded down; below 1 is 1. A `from` saved by a drift-repaired walk
   * resumes one page at a time (a development warning says so). @defaultValue 1
   */
  concurrency?: number | undefined;
  /**
   * Page-number and offset sources: read each page with a few items already read before it, and
   * go on right after the last item read — so rows inserted or deleted meanwhile lose and repeat
   * nothing (`progress.repairs` counts what it met), for no more requests where the page size
   * leaves room below the vendor's maximum. `false` reads page after page by number.
   * @defaultValue true where the size is at most 85 % of the source's maximum (with `concurrency` 1),
   * except on sources that read pages in order (`readsInOrder`: DingTalk) unless `from` is a
   * position a repaired walk handed out
   */
  repairDrift?: boolean | undefined;
  /**
   * Called with the walk's progress once the loop is done with a page and asks for the next (a
   * checkpoint saved there never skips a page it did not finish): a loop that breaks out is not
   * called for the page it broke on. @defaultValue none
   */
  onProgress?(progress: PaginateProgress): void;
}

export interface PaginateProgress {
  pages: number;
  items: number;
  duplicates: number;
  restarts: number;
  /** Where to resume from: the cursor of the next page, `null` when done. */
  next: Cursor | null;
  total?: number | undefined;
  /**
   * Set when the vendor's total (items or pages) changed during the walk: rows were inserted or
   * deleted meanwhile. On offset and page-number sources that means rows may have been skipped or
   * repeated (repeats are removed by `dedupe`); the drift is reported here, never hidden.
   */
  drift?: { from: number; to: number; of: 'items' | 'pages' } | undefined;
  /**
   * Page-number sources read with drift repair: pages found shifted and re-aligned
   * on the last item read, and pages where none of the last items read was left (items may have
   * been skipped there).
   */
  repairs?: DriftReport | undefined;
  done: boolean;
}

/** A page as `paginate` yields it: `items` holds only items not yielded before. */
export interface WalkPage<T> extends FetchedPage<T> {
  index: number;
  /** Items of this page left out because their key was already yielded. */
  duplicates: number;
}

export interface PageWalk<T> extends AsyncIterable<WalkPage<T>> {
  /** The items, page after page. */
  items(): AsyncIterable<T>;
  /** Every item (mind the memory on large walks). */
  toArray(): Promise<T[]>;
}

/**
 * Walks a source page by page for sync jobs: stops at the vendor's end of data, resumes from a
 * saved cursor, reports progress, cancels by `AbortSignal`, de-duplicates by key, and raises
 * `CURSOR_LOOP` instead of spinning when a vendor repeats a cursor.
 */
export function paginate<T, P = unknown>(
  source: Source<T, P>,
  options: PaginateOptions<P>,
): PageWalk<T> {
  checkPaginateArguments(source, options);
  const walk = async function* (): AsyncGenerator<WalkPage<T>> {
    const { runner, signal } = options;
    const direction = options.direction ?? 'after';
    const dedupe = options.dedupe ?? true;
    const restartPolicy = options.onInvalidCursor ?? source.onInvalidCursor ?? 'fail';
    const maxRestarts = options.maxRestarts ?? DEFAULTS.maxRestarts;
    const guard = createProgressGuard(source.provider, options);
    const recent: string[] = [];
    // A repaired walk's position resumes one page at a time: only a repaired walk reads it.
    const concurrency =
      source.kind === 'page' && !isRepairedPosition(options.from)
        ? Math.max(1, Math.floor(options.concurrency ?? 1)) || 1
        : 1;
    const repaired =
      source.kind === 'page' &&
      concurrency === 1 &&
      (options.repairDrift ??
        repairsByDefault(
          source,
          resolvePageSize(source.provider, source.limits, options.size),
          options.from,
        ))
        ? source.repairDrift?.()
        : undefined;
    const walked: Source<T> = repaired ?? source;
    let lost = 0;
    const keys = new KeySet();
    let requested = new Set<string>();
    let cursor: Cursor | null = options.from ?? null;
    const progress: PaginateProgress = {
      pages: 0,
      items: 0,
      duplicates: 0,
      restarts: 0,
      next: cursor,
      done: false,
    };
    let firstTotal: { value: number; of: 'items' | 'pages' } | undefined;
    // Pages fetched ahead (concurrency), by cursor; cancelled when the walk ends before them.
    const ahead = new Map<string, Promise<FetchedPage<T>>>();
    let aheadStop = new AbortController();
    const stopAhead = () => aheadStop.abort(signal?.reason);
    if (concurrency > 1) signal?.addEventListener('abort', stopAhead, { once: true });

    const fetchAt = (at: Cursor | null) => {
      const key = at ?? '';
      const pending = ahead.get(key);
      if (pending) {
        ahead.delete(key);
        return pending;
      }
      return runner.fetchPage(
        walked,
        { cursor: at, direction, size: options.size, params: options.params },
        { signal },
      );
    };

    try {
      while (options.maxPages === undefined || progress.pages < options.maxPages) {
        let page: FetchedPage<T>;
        try {
          page = await fetchAt(cursor);
        } catch (error) {
          if (
            isPaginationError(error, 'INVALID_CURSOR') &&
            cursor !== null &&
            restartPolicy === 'restart' &&
            progress.restarts < maxRestarts
          ) {
            // DingTalk's advice: fall back to the initial request; items already yielded are skipped.
            progress.restarts++;
            // The walk reads again what it already handed out: that many repeats are due.
            guard.allowRepeats(progress.pages);
            cursor = null;
            requested = new Set();
            stopAhead();
            aheadStop = new AbortController();
            ahead.clear();
            continue;
          }
          throw error;
        }
        requested.add(cursor ?? '');
        const fresh = dedupe ? (keys.addAll(page.items, source.key) ?? page.items) : page.items;
        const duplicates = page.items.length - fresh.length;
        const next = direction === 'before' ? (page.prev ?? null) : page.next;

        progress.pages++;
        progress.items += fresh.length;
        progress.duplicates += duplicates;
        progress.next = next;
        progress.done = next === null;
        const reported =
          page.total !== undefined
            ? { value: page.total, of: 'items' as const }
            : page.pageCount !== undefined
              ? { value: page.pageCount, of: 'pages' as const }
              : undefined;
        if (reported) {
          if (firstTotal === undefined) firstTotal = reported;
          else if (reported.of === firstTotal.of && reported.value !== firstTotal.value)
            progress.drift = { from: firstTotal.value, to: reported.value, of: reported.of };
        }
        if (page.total !== undefined) progress.total = page.total;
        yield { ...page, items: fresh, index: progress.pages - 1, duplicates };
        if (repaired) progress.repairs = { ...repaired.report };
        options.onProgress?.({ ...progress });
        if (next === null) return;

        if (requested.has(next)) throw cursorCycle(source.provider);
        // Without de-duplication, a page brings something new unless a page of the same length,
        // first and last keys came in one of the last 16 (its keys are not all computed).
        let news = fresh.length;
        if (!dedupe) {
          const signature = pageSignature(page.items, source.key);
          if (recent.includes(signature)) news = 0;
          recent.push(signature);
          if (recent.length > 16) recent.shift();
        }
        // Drift repair lost its place and went on from further back: it reads again what it
        // handed out — at most the windows one step reads back (a walk that loses its place
        // again and again, going round, is stopped as any walk that repeats itself).
        if (repaired && repaired.report.unanchored > lost) {
          lost = repaired.report.unanchored;
          guard.allowRepeats(MAX_STEP_REQUESTS);
        }
        const stalled = guard.count(news, page.items.length);
        if (stalled) throw stalled;
        // Page-number sources with a known page count: keep the following pages in flight (a sliding window).
        if (concurrency > 1 && page.pageCount !== undefined) {
          const current = Number(next);
          const last = source.kind === 'page' ? source.firstPage + page.pageCount - 1 : current;
          // Never past maxPages: page current + k is the walk's page progress.pages + 1 + k.
          const room = (options.maxPages ?? Number.POSITIVE_INFINITY) - progress.pages - 1;
          for (
            let p = current + 1;
            p < current + concurrency && p <= last && p - current <= room;
            p++
          ) {
            const at = String(p);
            if (ahead.has(at)) continue;
            const pending = runner.fetchPage(
              source,
              { cursor: at, direction, size: options.size, params: options.params },
              { signal: aheadStop.signal },
            );
            pending.catch(() => {}); // reported when its turn comes
            ahead.set(at, pending);
          }
        }
        cursor = next;
      }
    } finally {
      keys.release();
      signal?.removeEventListener('abort', stopAhead);
      if (ahead.size > 0) stopAhead();
    }
  };

  return {
    [Symbol.asyncIterator]: () => walk(),
    async *items() {
      for await (const page of walk()) yield* page.items;
    },
    async toArray() {
      const all: T[] = [];
      for await (const page of walk()) all.push(...page.items);
      return all;
    },
  };
}

/** A page told apart by its first and last keys and its length: a repeated page has the same. */
function pageSignature<T>(items: T[], key: (item: T) => string): string {
  const [first, last] = [items[0], items[items.length - 1]];
  return first === undefined || last === undefined
    ? ''
    : `${items.length}\n${key(first)}\n${key(last)}`;
}
