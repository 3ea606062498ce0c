import { PaginationError } from '../pagination-error.js';
import type { FetchedPage, PagePosition, RequestRunner } from '../runner/runner-types.js';
import { warnOnce } from '../shared/is-development.js';
import type { CursorSource, Page, PageNumberSource } from '../types.js';
import { pageWindow } from './page-window.js';

/**
 * Items of the last page a repaired walk remembers, to find where it left off: as many as a
 * page of 50, so rows deleted at the end of the page just read (the rows an admin deletes)
 * leave one of them to stand on.
 */
export const ANCHORS = 50;
/** Items read again before the new ones: a shift of up to `OVERLAP - 1` is repaired in place. */
const OVERLAP = 3;
/** Windows read further back, looking for the anchors (rows deleted before them), before the walk reads ahead. */
const MAX_BACK = 2;
/** Windows read further ahead, looking for the anchors (rows inserted before them), before the walk gives up on them. */
const MAX_AHEAD = 2;
/** Requests one step of a repaired walk may take: its window, read-backs, read-aheads, a restart. */
export const MAX_STEP_REQUESTS = MAX_BACK + MAX_AHEAD + 2;
/**
 * Windows of rows already held a list reads on through after the walk lost its place (rows that
 * inserts above pushed on come again): the repeats it passes before new rows, in the same load.
 */
const MAX_REPEATS_AFTER_LOST = 10;
/** The smallest vendor cap a walk learns (see `readWindow`). */
const MIN_CAP = 11;
/** The anchors' keys in all, in characters: a position stays far below the 16 KB a cursor may have. */
const MAX_ANCHOR_TEXT = 2048;

/** What a drift-repaired walk met. */
export interface DriftReport {
  /** Pages found shifted (rows inserted or deleted before them) and re-aligned on the last item read. */
  realigned: number;
  /**
   * Pages where none of the last items read was found, two windows back or ahead (deleted, or
   * moved further: the list re-ordered, many rows inserted or deleted before them): the walk went
   * on unanchored from the furthest window it read back (a list: from where it stood); what
   * comes again is a repeat, which de-duplication removes, and rows deleted before it beyond
   * that may have moved back past it unseen.
   */
  unanchored: number;
  /**
   * Pages where rows not read stood among the last rows read: rows inserted among them — or
   * rows that a row read passed as it moved on (its sort key changed; rows of equal sort keys
   * served in another order), which a window cannot tell apart. The walk went on after the most
   * recent row read, as after inserts above the reader: where a row had moved, the rows it passed
   * were skipped. A sort on a unique key that does not change while the list is read has none.
   */
  reordered: number;
}

/** Where a repaired walk stands: the offset of the first item not read, and the last keys read. */
interface Position {
  o: number;
  a: string[];
  /** Windows read back so far, looking for `a` (each a page further back). */
  b?: number;
  /** Windows read ahead so far, after reading back, looking for `a` (each a page further on). */
  f?: number;
  /**
   * Reading on after anchor `a[r]`, whose later ones were missing from its window, found at `k`
   * (the offset right after it): a later one found goes on from there; none, from `k`.
   */
  r?: number;
  k?: number;
  /** Back at `k` after none later came: the later anchors are looked for, not read ahead for again. */
  d?: 1;
  /**
   * Just read back and found in place: where no window of the vendor's widths holds the last row
   * read (a small maximum, an offset all of them divide), the grid page is read on unchecked.
   */
  v?: 1;
  /**
   * The most items the vendor served for a window it was asked more of, and that was not its
   * end (a vendor that caps its page size below its stated maximum): windows are kept within it.
   */
  m?: number;
  /**
   * Checking an end in doubt: a window brought fewer rows than asked (`c` of them) where the
   * vendor's count says more. The walk reads on from `o` in windows of at most the page size
   * (or `MIN_CAP`): one that comes back short is the end, as it is page after page.
   */
  c?: number;
  /**
   * A cap just learned: the next window must bring rows past those read, or the short window was
   * the end after all (rows inserted at the head fill a tail read again, and a count too high
   * says more).
   */
  t?: 1;
  /** Pages read: no two positions of a walk are the same text (the walk's cycle check). */
  n?: number;
  /**
   * How far the last items read had moved back when last found (rows deleted before them): the
   * next window reads that much further back, so a steady drift costs no read-back.
   */
  s?: number;
}

export type DriftRepairedSource<T, P> = CursorSource<T, P> & {
  readonly report: DriftReport;
  /**
   * A page for a list: a step that read back or ahead for rows that moved — an empty one, or a
   * window of rows the list holds already — goes on at once, up to `MAX_STEP_REQUESTS` requests
   * in all (and up to 10 windows of rows held after it lost its place), so that one load brings
   * rows. Its cursor stays the one asked for.
   */
  readOn(
    runner: RequestRunner,
    position: PagePosition & { params?: unknown },
    signal: AbortSignal | undefined,
    loaded: ReadonlyArray<{ items: readonly T[] }>,
  ): Promise<FetchedPage<T>>;
};

/**
 * A page-number (or offset) source read so that rows inserted or deleted while it is read lose
 * nothing: each page is read as a window that starts a few items before the new ones (a page
 * size that divides where the window ends), the last items already read are found in it, and
 * the walk goes on right after them — wherever inserts and deletes before it moved them. When
 * they moved further back than the overlap, the walk reads back a window or two; when none of
 * them is left (deleted, or the list re-ordered), it hands on the whole window it stands at —
 * repeats rather than gaps — goes on after it, and counts it in `report`.
 * Its cursor is the position (`{"o":…,"a":[…]}`); a page number as cursor starts there unanchored.
 * It costs no extra request unless a page moved beyond the overlap; each request carries a few
 * more items.
 */
export function repairDrift<T, P>(source: PageNumberSource<T, P>): DriftRepairedSource<T, P> {
  const report: DriftReport = { realigned: 0, unanchored: 0, reordered: 0 };
  // A window reaching `s` further back after a drift, where the vendor's sizes have one that
  // still reads back before the new rows; else the usual overlap.
  const windowOf = (at: Position, size: number) => {
    const end = at.f ? at.o + size * at.f : Math.max(0, at.o - size * (at.b ?? 0));
    const overlap = at.a.length > 0 ? OVERLAP : 0;
    // Within what the vendor served; checking an end in doubt, within the page size (`MIN_CAP`
    // at least: fewer widths leave offsets where no window reads on).
    const max = Math.min(
      source.limits.max,
      at.m ?? Number.POSITIVE_INFINITY,
      at.c === undefined ? Number.POSITIVE_INFINITY : Math.max(size, MIN_CAP),
    );
    const wide = at.s && overlap ? pageWindow(end, size, max, overlap + at.s) : undefined;
    return wide && end - wide.start >= overlap + at.s! ? wide : pageWindow(end, size, max, overlap);
  };
  // A list reads on from where it stood when lost (see `readWindow`); a walk from further back.
  let list = false;
  const made: DriftRepairedSource<T, P> = {
    kind: 'cursor',
    directions: ['after'],
    provider: source.provider,
    id: `${source.id ?? source.provider}:drift-repaired`,
    limits: source.limits,
    key: source.key,
    auth: source.auth,
    decode: source.decode,
    readError: source.readError,
    onInvalidCursor: source.onInvalidCursor,
    report,
    async readOn(runner, position, signal, loaded) {
      list = true;
      const held = new Set(loaded.flatMap((p) => p.items.map(source.key)));
      const lost = report.unanchored;
      let page = await runner.fetchPage(made, position, { signal });
      for (let i = 1; ; i++) {
        // Lost, it went on from further back: rows before the last one held there were inserted
        // above the reader — not appended below it.
        if (report.unanchored > lost)
          page = { ...page, items: afterHeld(page.items, held, source.key) };
        if (page.next === null || page.items.some((item) => !held.has(source.key(item)))) break;
        // A step, and the windows it reads on through when one ends on a row it stands on.
        const budget =
          MAX_STEP_REQUESTS + 2 + (report.unanchored > lost ? MAX_REPEATS_AFTER_LOST : 0);
        if (i >= budget) break;
        page = await runner.fetchPage(made, { ...position, cursor: page.next }, { signal });
      }
      if (process.env.NODE_ENV !== 'production' && report.unanchored > lost)
        warnLost(source.provider, `after row ${loaded.reduce((n, p) => n + p.items.length, 0)}`);
      return { ...page, cursor: position.cursor };
    },
    request({ cursor, size, params }) {
      const w = windowOf(positionOf(source, cursor, size), size);
      return source.request({ page: source.firstPage + w.page, size: w.size, params });
    },
    parse(body, context) {
      const at = positionOf(source, context.cursor, context.size);
      const w = windowOf(at, context.size);
      const page = source.parse(body, {
        ...context,
        page: source.firstPage + w.page,
        size: w.size,
      });
      if (page.items.length > w.size)
        throw new PaginationError(
          'BAD_RESPONSE',
          `${page.items.length} items came back for a page of ${w.size}`,
          { provider: source.provider },
        );
      // Lost, a walk goes on with the whole page of the grid that holds the furthest window it
      // read back: rows it holds already come again (repeats, not gaps).
      const back = windowOf({ o: at.o, a: at.a, b: at.b ?? 0 }, context.size).start;
      const lostAt = list ? at.o : back - (back % context.size);
      return readWindow(source, page, at, w, context.size, report, lostAt);
    },
  };
  return made;
}

/** The items of a window that come after the last items read, and where the walk goes next. */
function readWindow<T>(
  source: PageNumberSource<T, unknown>,
  page: Page<T>,
  at: Position,
  w: { start: number; size: number },
  size: number,
  report: DriftReport,
  lostAt: number,
): Page<T> {
  const keys = page.items.map(source.key);
  const end = w.start + page.items.length;
  // Fewer rows than a window wider than the page asked for: the end, or a vendor that serves
  // fewer than asked (it caps its page size below its stated maximum), or one that ignores the
  // paging parameters. Rows past those read, `MIN_CAP` or more served, and a count that says more
  // make it a cap, held if the next window brings more (`t`): windows are kept within it (no cap
  // under `MIN_CAP` is learned: so few widths leave offsets where no window reads on). Where the
  // count says more, the walk reads on from the position in windows of at most the page size
  // (`c`): one that comes back short is the end; rows there prove a cap. So a count a row or two
  // too high, or a vendor that ignores the paging parameters, is told apart from a cap. Only a
  // count tells a cap from the end: without one, a short window is the end (a list that grows at
  // the head would look capped at its end for ever).
  const served = page.items.length;
  const short = page.next === null && served < w.size && w.size > size;
  const more = (o: number) => page.total !== undefined && o < page.total;
  // A cap is learned where none is yet, or lowered (a vendor that sheds load serves fewer) — never
  // raised: rows pushed on by inserts at the head would make a tail look capped again and again.
  const learning = at.m === undefined || served < at.m;
  // Rows past the last one read (past the anchors, not only past the offset: rows inserted at the
  // head push those read on to where the walk reads next, which is no proof of a cap).
  const fresh = () => {
    if (at.a.length === 0) return end > at.o;
    const found = lastAnchor(keys, at.a);
    return found !== undefined && found.index + 1 < served;
  };
  const capped = learning && short && served >= MIN_CAP && more(end) && fresh();
  const proven = at.c !== undefined && at.a.length > 0 && fresh() ? Math.max(at.c, served) : 0;
  const m = capped ? served : proven >= MIN_CAP ? proven : at.m;
  const last = page.next === null && !capped;
  if (last && short && learning && !at.t && at.c === undefined && more(Math.max(end, at.o)))
    return {
      items: [],
      next: JSON.stringify({
        o: at.o,
        a: at.a,
        c: served,
        n: (at.n ?? 0) + 1,
        m,
      }),
    };
  const n = (at.n ?? 0) + 1;
  let s = 0;
  let tentative = false;
  const onward = (o: number): string | null =>
    last
      ? null
      : JSON.stringify({
          o,
          a: anchorsOf(keys),
          n,
          // Fields left undefined are left out of the text.
          s: s || undefined,
          v: b > 0 ? 1 : undefined,
          m,
          t: m !== at.m || tentative ? 1 : undefined,
        } satisfies Position);
  // A page count is one at the window's size: it holds for the walk's only on a grid page.
  const totals =
    page.total !== undefined
      ? { total: page.total, pageCount: Math.ceil(page.total / size) }
      : w.size === size && page.pageCount !== undefined
        ? { pageCount: page.pageCount }
        : {};
  let from = at.o - w.start;
  const b = at.b ?? 0;
  const f = at.f ?? 0;
  // The walk ends here, nothing handed on (a cap just learned that proved to be the end).
  const ended: Page<T> = { items: [], next: null, ...totals };
  // Another window for the same step: no item handed on, the walk reads there next.
  const step = (next: Position): Page<T> => ({
    items: [],
    next: JSON.stringify({ ...next, m, c: at.c, t: at.t }),
    ...totals,
  });
  const readBack = () => step({ o: at.o, a: at.a, b: b + 1, n });
  // No window of the vendor's sizes reads back before the new rows here: rather than hand them
  // on unchecked, read further back (a window read back always starts before the position).
  if (at.a.length > 0 && !f && !at.v && w.start >= at.o && b < MAX_BACK && at.o > 0)
    return readBack();
  if (at.a.length > 0 && (w.start < at.o || f > 0)) {
    const found = lastAnchor(keys, at.a);
    const j = found ? at.a.length - 1 - found.behind : -1;
    if (found && found.behind > 0 && at.r === undefined && !at.d && !last) {
      // Later anchors missing: deleted, or pushed past the window by rows inserted among them.
      // Read the next window to tell, remembering the one found (`r`) and where it ends (`k`).
      return step({ o: end, a: at.a, r: j, k: w.start + found.index + 1, n });
    }
    if (at.r !== undefined && at.k !== undefined && j <= at.r) {
      // None later came: deleted, or pulled back before it (rows deleted above since). Go on
      // right after the one found, still looking for them there: none is handed on twice.
      // A cap just learned, and the rows read moved on past the next window: no proof of it (see
      // `t`). Where the count says a window more or further, the walk cannot go on (a vendor that
      // ignores the paging parameters, or rows inserted above faster than it reads): said, not a
      // silent end.
      if (at.t && more(end + w.size - 1))
        throw new PaginationError(
          'CURSOR_LOOP',
          'rows read came back where the count says more: paging ignored, or inserts outpace the walk',
          { provider: source.provider },
        );
      if (at.t) return ended;
      return step({ o: at.k, a: at.a, d: 1, n });
    }
    if (found) {
      from = found.index + 1;
      if (found.among) report.reordered++;
      const moved = at.o - 1 - found.behind - (w.start + found.index);
      if (moved !== 0) report.realigned++;
      // How far back to read next: this move, or the last one kept while the rows hold still
      // (a read on after a read-back finds them in place, yet the drift goes on).
      s = Math.min(moved > 0 ? moved : (at.s ?? 0), Math.floor(size / 2));
    } else if (!f && b < MAX_BACK && w.start > 0) {
      // The anchors moved back past the overlap (rows deleted before them): read further back.
      return readBack();
    } else if (f < MAX_AHEAD && !last) {
      // Not behind either: rows inserted before them pushed them on past the window.
      return step({ o: at.o, a: at.a, b: b || undefined, f: f + 1, n });
    } else {
      // None of them is found (deleted, the list re-ordered, more rows moved than it looks): the
      // walk goes on unanchored from `lostAt` — a walk from the furthest window it read back, so
      // that rows deletes above pulled back are not skipped (what comes again is a repeat, which
      // de-duplication removes); a list, which shows what it loads in order, from where it stood,
      // so that rows inserted above are not appended below the reader.
      report.unanchored++;
      // A cap just learned and not confirmed yet: the short window where it was learned may have
      // been the end (a count too high, rows pushed on by inserts at the head); the place lost
      // proves nothing, and the walk ends there as it did on that window (reported).
      if (at.t) return ended;
      return step({ o: lostAt, a: [], n });
    }
  }
  const items = page.items.slice(from);
  // A cap just learned, and no row past those read: where the vendor ran out, the end; where the
  // window was full, it reached no further than them (rows inserted above): the next one tells.
  if (at.t && items.length === 0) {
    if (served < w.size) return ended;
    tentative = true;
  }
  return { items, next: onward(end), counted: Math.min(items.length, size), ...totals };
}

/**
 * Says in development that a list or a table (which have no `progress.repairs`) went on without
 * its place: rows may repeat, or be skipped. Call it behind `process.env.NODE_ENV !== 'production'`.
 */
export function warnLost(provider: string, where: string): void {
  warnOnce(
    `${provider}: drift repair lost its place ${where} — none of the last rows read was found two windows back or ahead (deleted, the list re-ordered, or more rows moved above); it went on without it (or ended there, where it had just learned that the API serves fewer rows than asked): rows may repeat and, where many were deleted above, be skipped. Refresh to read the list again.`,
  );
}

/** The items after the last one `held` (all of them when none is). */
function afterHeld<T>(items: T[], held: Set<string>, key: (item: T) => string): T[] {
  let i = items.length - 1;
  while (i >= 0 && !held.has(key(items[i]!))) i--;
  return i < 0 ? items : items.slice(i + 1);
}

/** The keys a walk stands on: the last `ANCHORS` read, fewer where long keys would make the position long. */
export function anchorsOf(keys: readonly string[]): string[] {
  const anchors: string[] = [];
  let text = 0;
  for (let i = keys.length - 1; i >= 0 && anchors.length < ANCHORS; i--) {
    text += keys[i]!.length;
    if (text > MAX_ANCHOR_TEXT && anchors.length > 0) break;
    anchors.unshift(keys[i]!);
  }
  return anchors;
}

/**
 * The most recent anchor in the window: its index, how many anchors came after it (deleted), and
 * whether rows not read stand among the anchors before it (`among`: inserted there, or passed by
 * a row read that moved on — which the window cannot tell apart).
 */
function lastAnchor(keys: string[], anchors: string[]) {
  for (let j = anchors.length - 1; j >= 0; j--) {
    const index = keys.lastIndexOf(anchors[j]!);
    if (index < 0) continue;
    const read = new Set(anchors);
    const among = keys
      .slice(
        keys.findIndex((key) => read.has(key)),
        index,
      )
      .some((key) => !read.has(key));
    return { index, behind: anchors.length - 1 - j, among };
  }
  return undefined;
}

/** A cursor as a position: a repaired walk's own, or a page number (a walk resumed from one). */
function positionOf<T, P>(
  source: PageNumberSource<T, P>,
  cursor: string | null,
  size: number,
): Position {
  if (cursor === null) return { o: 0, a: [] };
  let at: unknown;
  try {
    // A page number (below the first page it is no position) or a position this walk handed out.
    at = /^\d{1,15}$/.test(cursor)
      ? { o: (Number(cursor) - source.firstPage) * size, a: [] }
      : JSON.parse(cursor);
  } catch {
    at = undefined;
  }
  const p = at as Position | undefined;
  const max = source.limits.max;
  // Each field left out, or a whole number from `min` to `most`.
  const within = (v: unknown, min: number, most = Number.MAX_SAFE_INTEGER) =>
    v === undefined || (Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= most);
  if (
    !p ||
    !within(p.o, 0) ||
    p.o === undefined ||
    !Array.isArray(p.a) ||
    p.a.length > ANCHORS ||
    !p.a.every((k) => typeof k === 'string') ||
    !within(p.b, 0, MAX_BACK) ||
    !within(p.f, 0, MAX_AHEAD) ||
    !within(p.r, 0, p.a.length - 1) ||
    !within(p.k, 0) ||
    !within(p.d, 1, 1) ||
    !within(p.v, 1, 1) ||
    !within(p.t, 1, 1) ||
    !within(p.c, 0, max) ||
    !within(p.m, 1, max) ||
    !within(p.n, 0) ||
    !within(p.s, 0, max) ||
    // Reading back or ahead looks for anchors: without any, it would skip rows.
    ((p.b || p.f) && p.a.length === 0)
  )
    throw new PaginationError('INVALID_CURSOR', 'not a position of this walk', {
      provider: source.provider,
    });
  return p;
}
