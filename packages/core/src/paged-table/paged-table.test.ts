import { MEWS_CREDENTIALS } from '@pagewise/testkit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pageRange } from '../page-range/page-range.js';
import { createRequestRunner } from '../runner/request-runner.js';
import { definePageNumberSource, pageNumberLinks } from '../sources/define-source.js';
import { offsetLimitSource } from '../sources/offset-limit.js';
import { simulatedTable } from '../test-support/simulated-table.js';
import { mewsGetAll } from '../vendors/mews.js';
import { memoryPageCache } from './memory-page-cache.js';
import { createPagedTable } from './paged-table.js';
import { announceTable } from './table-announcement.js';

afterEach(() => vi.restoreAllMocks());

describe('paged table over a page-number source (DingTalk pageNumber)', () => {
  it('knows the page count from the vendor total and reaches any page in one request', async () => {
    const t = simulatedTable(
      'dingtalk',
      'adjustments',
      { dingtalk: { sizes: { adjustments: 1000 } } },
      { pageSize: 20, prefetch: false },
    );
    // Busy from the first state on: the first page is on its way (aria-busy over the table).
    expect(t.table.getState()).toMatchObject({ isLoading: true, isFetching: true, rows: [] });
    let state = await t.settle();
    expect(state.pageCount).toBe(50);
    expect(state.isFetching).toBe(false);
    expect(state.rows).toHaveLength(20);
    expect(state.canLastPage).toBe(true);
    t.table.setPageIndex(30);
    state = await t.settle();
    expect(state.shownPageIndex).toBe(30);
    expect(state.page?.cursor).toBe('31');
    t.table.lastPage();
    state = await t.settle();
    expect(state.page?.cursor).toBe('50');
    expect(state.canNextPage).toBe(false);
    expect(t.requests().map((e) => e.params.pageNumber)).toEqual(['1', '31', '50']);
  });

  it('says a page past the end is past the end', async () => {
    const t = simulatedTable(
      'dingtalk',
      'adjustments',
      { dingtalk: { sizes: { adjustments: 45 } } },
      { pageSize: 20 },
    );
    await t.settle();
    expect(t.table.pageDisabledReason(3)).toBe('page 4 is past the end (3 pages)');
    expect(t.table.pageDisabledReason(-1)).toBe('not a page');
    expect(t.table.pageDisabledReason(1.5)).toBe('not a page');
  });
});

describe('paged table over a page-number source given a link', () => {
  /** DingTalk adjustments, 20 a page, and what the table tells the app's URL. */
  const open = (more: { pageIndex?: number; link?: { index: number; cursor: string } } = {}) => {
    const told: Array<[number, string | null | undefined, boolean]> = [];
    const t = simulatedTable(
      'dingtalk',
      'adjustments',
      { dingtalk: { sizes: { adjustments: 200 } } },
      {
        pageSize: 20,
        prefetch: false,
        ...more,
        onPageIndexChange: (index, cursor, how) => told.push([index, cursor, how.replace]),
      },
    );
    return { ...t, told };
  };

  it('tells each page turn once: a page number is no cursor to drop afterwards', async () => {
    const t = open();
    const { told } = t;
    await t.settle();
    t.table.nextPage();
    await t.settle();
    t.table.nextPage();
    await t.settle();
    expect(told).toEqual([
      [1, '2', false],
      [2, '3', false],
    ]);
  });

  it('a cursor added to the same page’s URL is dropped too', async () => {
    const t = open({ pageIndex: 2 });
    const { told } = t;
    await t.settle();
    expect(told).toEqual([]);
    t.table.setOptions({ pageIndex: 2, link: { index: 2, cursor: 'x' } });
    await t.settle();
    expect(told).toEqual([[2, null, true]]);
  });

  it('ignores the link’s cursor: page 5 is page 5, whatever a URL edited by hand says', async () => {
    const t = open({ pageIndex: 4, link: { index: 4, cursor: '9' } });
    const { told } = t;
    const state = await t.settle();
    expect(state.shownPageIndex).toBe(4);
    expect(t.requests().map((r) => r.cursorIn)).toEqual(['5']);
    // The URL's cursor is dropped in place: a page number is all the URL needs to say.
    expect(told).toEqual([[4, null, true]]);
    t.table.setOptions({ pageIndex: 2, link: { index: 2, cursor: '8' } });
    await t.settle();
    expect(t.requests().map((r) => r.cursorIn)).toEqual(['5', '3']);
    expect(told).toEqual([
      [4, null, true],
      [2, null, true],
    ]);
    // Without a cursor in the URL there is nothing to drop.
    t.table.setOptions({ pageIndex: 3, link: undefined });
    await t.settle();
    expect(told).toHaveLength(2);
  });
});

describe('paged table over a page-number source opened past its end', () => {
  it('shows the last page, never the empty page past the end: loading until it lands, then no page turn to announce', async () => {
    const told: number[] = [];
    const t = simulatedTable(
      'dingtalk',
      'adjustments',
      { dingtalk: { sizes: { adjustments: 200 } } },
      { pageSize: 20, prefetch: false, pageIndex: 998, onPageIndexChange: (i) => told.push(i) },
    );
    const seen: Array<{ pageIndex: number; shown: number; rows: number; loading: boolean }> = [];
    t.table.subscribe(() => {
      const s = t.table.getState();
      seen.push({
        pageIndex: s.pageIndex,
        shown: s.shownPageIndex,
        rows: s.rows.length,
        loading: s.isLoading,
      });
    });
    const state = await t.settle();
    expect(state).toMatchObject({ pageIndex: 9, shownPageIndex: 9, pageCount: 10 });
    expect(state.rows).toHaveLength(20);
    expect(told).toEqual([9]);
    // No state showed page 999 (its empty answer): loading until page 10's rows came.
    expect(seen.filter((s) => !s.loading && s.rows === 0)).toEqual([]);
    expect(t.requests().map((e) => e.params.pageNumber)).toEqual(['999', '10']);
  });
});

describe('paged table over a page-number source while rows move (repairDrift)', () => {
  const path = '/v1.0/attendance/adjustments';
  const open = (repairDrift: boolean) =>
    simulatedTable(
      'dingtalk',
      'adjustments',
      { dingtalk: { sizes: { adjustments: 200 } } },
      { pageSize: 20, prefetch: false, repairDrift },
    );
  const ids = (from: number, to: number) =>
    Array.from({ length: to - from }, (_, i) => String(500_000 + from + i));

  it.each([
    ['3 rows deleted above', (t: ReturnType<typeof open>) => t.sim.deleteItems(path, 3, 'start')],
    ['2 rows inserted above', (t: ReturnType<typeof open>) => t.sim.insertItems(path, 2, 'start')],
  ])('with it, Next after %s shows the 20 rows right after the last one seen', async (_, move) => {
    const t = open(true);
    let state = await t.settle();
    expect(state.rows.map((r) => t.table.itemKey(r))).toEqual(ids(0, 20));
    move(t);
    t.table.nextPage();
    state = await t.settle();
    expect(state.shownPageIndex).toBe(1);
    expect(state.rows.map((r) => t.table.itemKey(r))).toEqual(ids(20, 40));
    expect(state.canNextPage).toBe(true);
  });

  it.each([
    ['5 rows deleted above before each Next', -5],
    ['4 rows inserted above before each Next', 4],
  ])(
    'with it, %s: 20 pages in a row skip and repeat nothing, at most two requests a page',
    async (_, moved) => {
      const t = simulatedTable(
        'dingtalk',
        'adjustments',
        { dingtalk: { sizes: { adjustments: 1000 } } },
        { pageSize: 20, prefetch: false, repairDrift: true },
      );
      let state = await t.settle();
      const seen = state.rows.map((r) => t.table.itemKey(r));
      for (let i = 1; i < 20; i++) {
        if (moved < 0) t.sim.deleteItems(path, -moved, 'start');
        else t.sim.insertItems(path, moved, 'start');
        t.table.nextPage();
        state = await t.settle();
        expect(state.shownPageIndex).toBe(i);
        seen.push(...state.rows.map((r) => t.table.itemKey(r)));
      }
      // The first 400 rows as they were, each once, in order (the deleted ones among them too).
      expect(seen).toEqual(ids(0, 400));
      expect(t.requests().length).toBeLessThanOrEqual(1 + 19 * 2);
    },
  );

  it.each([
    // The rows an admin deletes: the last ones on the page in view (the ones Next read on from).
    [
      'the last 5 rows of the page shown deleted',
      (t: ReturnType<typeof open>) => t.sim.deleteItems(path, 5, 55),
      ids(60, 80),
    ],
    // More than the overlap and a page: every row seen is pushed on past the first window read.
    [
      '30 rows inserted above',
      (t: ReturnType<typeof open>) => t.sim.insertItems(path, 30, 'start'),
      ids(60, 80),
    ],
  ])(
    'with it, Next after %s shows the rows right after the last one still there, never rows seen',
    async (_, move, expected) => {
      const t = open(true);
      await t.settle();
      t.table.setPageIndex(1);
      await t.settle();
      t.table.nextPage();
      let state = await t.settle();
      expect(state.rows.map((r) => t.table.itemKey(r))).toEqual(ids(40, 60));
      move(t);
      t.table.nextPage();
      state = await t.settle();
      expect(state.shownPageIndex).toBe(3);
      expect(state.rows.map((r) => t.table.itemKey(r))).toEqual(expected);
    },
  );

  /** A drift-repaired table over 1,000 adjustments at `size` a page, on page 3 (from page 2), and the keys it shows. */
  async function onThirdPage(size: number) {
    const t = simulatedTable(
      'dingtalk',
      'adjustments',
      { dingtalk: { sizes: { adjustments: 1000 } } },
      { pageSize: size, prefetch: false, repairDrift: true },
    );
    await t.settle();
    t.table.setPageIndex(1);
    await t.settle();
    t.table.nextPage();
    const shown = (await t.settle()).rows.map((r) => t.table.itemKey(r));
    return { t, shown };
  }

  it.each([20, 50])(
    'with it, at %i a page, every row of the page shown deleted: Next shows the rows that followed them, and the table goes on',
    async (size) => {
      const { t } = await onThirdPage(size);
      t.sim.deleteItems(path, size, 2 * size);
      t.table.nextPage();
      let state = await t.settle();
      expect(state.shownPageIndex).toBe(3);
      expect(state.rows.map((r) => t.table.itemKey(r))).toEqual(ids(3 * size, 4 * size));
      expect(state.canNextPage).toBe(true);
      t.table.nextPage();
      state = await t.settle();
      expect(state.rows.map((r) => t.table.itemKey(r))).toEqual(ids(4 * size, 5 * size));
    },
  );

  it.each([
    // Two pages pushed on: the window read finds the page before's rows, the page shown's after it.
    [
      'two pages of rows inserted above',
      30,
      (t: ReturnType<typeof open>) => t.sim.insertItems(path, 60, 'start'),
    ],
    // The page's last 20 rows: what is left of it must not come again.
    [
      'its last 20 rows deleted',
      50,
      (t: ReturnType<typeof open>) => t.sim.deleteItems(path, 20, 130),
    ],
    [
      'its last 45 rows deleted',
      50,
      (t: ReturnType<typeof open>) => t.sim.deleteItems(path, 45, 105),
    ],
  ])(
    'with it, at %s (%i a page), Next shows the rows after the page shown, none of it again',
    async (_, size, move) => {
      const { t, shown } = await onThirdPage(size);
      expect(shown).toEqual(ids(2 * size, 3 * size));
      move(t as never);
      t.table.nextPage();
      const state = await t.settle();
      expect(state.rows.map((r) => t.table.itemKey(r))).toEqual(ids(3 * size, 4 * size));
    },
  );

  it('with it, rows inserted among the rows of the page shown: Next shows the rows after it, none of it again', async () => {
    const t = simulatedTable(
      'dingtalk',
      'adjustments',
      { dingtalk: { sizes: { adjustments: 200 } } },
      { pageSize: 10, prefetch: false, repairDrift: true },
    );
    await t.settle();
    t.table.nextPage();
    expect((await t.settle()).rows.map((r) => t.table.itemKey(r))).toEqual(ids(10, 20));
    // A row after every other row from the fourth on: the page's last rows pushed past a window.
    for (let at = 3; at <= 31; at += 2) t.sim.insertItems(path, 1, at);
    t.table.nextPage();
    const state = await t.settle();
    const keys = state.rows.map((r) => t.table.itemKey(r));
    expect(keys.filter((k) => ids(0, 20).includes(k))).toEqual([]);
    expect(state.canNextPage).toBe(true);
  });

  it.each(Array.from({ length: 30 }, (_, i) => i + 1))(
    'with it, rows inserted and deleted above the reader between its requests: never a row twice on a page (seed %i)',
    async (start) => {
      // An offset API whose rows change before each request (rows inserted or deleted at random
      // above what was read: pushed on, then pulled back), seeded: a replay of what a review found.
      const rows = Array.from({ length: 120 }, (_, i) => `r${i}`);
      let seed = start * 131 + 5;
      const random = () => {
        seed ^= seed << 13;
        seed >>>= 0;
        seed ^= seed >>> 17;
        seed ^= seed << 5;
        seed >>>= 0;
        return seed / 2 ** 32;
      };
      let made = 0;
      let read = 5;
      const fetch = async (input: RequestInfo | URL) => {
        if (random() < 0.5) {
          const count = 1 + Math.floor(random() * 8);
          const at = Math.floor(random() * Math.min(read, rows.length));
          if (random() < 0.5)
            rows.splice(at, 0, ...Array.from({ length: count }, () => `n${made++}`));
          else rows.splice(at, count);
        }
        const url = new URL(String(input));
        const [offset, limit] = ['offset', 'limit'].map((p) => Number(url.searchParams.get(p)));
        return Response.json({ items: rows.slice(offset, offset! + limit!).map((id) => ({ id })) });
      };
      const runner = createRequestRunner({
        baseUrl: 'https://api.example',
        fetch,
        retry: { retries: 0 },
      });
      const source = offsetLimitSource<{ id: string }>({ path: '/items', key: (row) => row.id });
      const cache = memoryPageCache<{ id: string }>();
      const table = createPagedTable({ source, runner, cache, pageSize: 5, repairDrift: true });
      const stop = table.subscribe(() => {});
      const settle = async () => {
        for (let i = 0; i < 2000; i++) {
          await new Promise((resolve) => setTimeout(resolve, 0));
          const state = table.getState();
          if (!state.wanted.some((w) => !cache.get(w.key) || cache.get(w.key)?.fetching))
            return state;
        }
        throw new Error('the table did not settle');
      };
      await settle();
      for (let page = 1; page < 40 && table.getState().canNextPage; page++) {
        table.nextPage();
        const keys = (await settle()).rows.map((r) => r.id);
        read += keys.length;
        expect(new Set(keys).size, `page ${page + 1}: ${keys}`).toBe(keys.length);
      }
      stop();
    },
  );

  it('with it, every row of the first page deleted: Next shows the rows that followed, from the start', async () => {
    const t = open(true);
    await t.settle();
    t.sim.deleteItems(path, 20, 0);
    t.table.nextPage();
    const state = await t.settle();
    expect(state.rows.map((r) => t.table.itemKey(r))).toEqual(ids(20, 40));
  });

  it('with it, over a source that counts its rows, rows deleted above do not end the table before its last rows', async () => {
    const t = simulatedTable(
      'generic',
      'orders',
      { generic: { orders: 100 } },
      { pageSize: 10, prefetch: false, repairDrift: true },
    );
    await t.settle();
    t.table.setPageIndex(7);
    await t.settle();
    t.table.nextPage();
    expect((await t.settle()).rows.map((r) => t.table.itemKey(r))[0]).toBe('81');
    t.sim.deleteItems('/orders', 10, 'start');
    t.table.nextPage();
    const state = await t.settle();
    expect(state.rows.map((r) => t.table.itemKey(r))).toEqual(
      Array.from({ length: 10 }, (_, i) => String(91 + i)),
    );
    expect(state.shownPageIndex).toBe(9);
  });

  it('with it, when it cannot find its place (two pages deleted above), Next shows the page as it is now — a full page, and the table goes on', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { t } = await onThirdPage(50);
    // Pages 2 and 3 gone: no row the table stands on is left.
    t.sim.deleteItems(path, 100, 50);
    t.table.nextPage();
    let state = await t.settle();
    expect(state.shownPageIndex).toBe(3);
    // Page 4 as the API serves it now (rows 250–299: those in between moved up past it).
    expect(state.rows.map((r) => t.table.itemKey(r))).toEqual(ids(250, 300));
    expect(state.canNextPage).toBe(true);
    expect(state.pageCount).toBe(18);
    t.table.nextPage();
    state = await t.settle();
    expect(state.shownPageIndex).toBe(4);
    expect(state.rows).toHaveLength(50);
    // A table has no report to read: development builds say it in the console.
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/drift repair lost its place reading page 4/),
    );
    warn.mockRestore();
  });

  it('without it (the default), Next shows page 2 as it is now: rows that moved up onto page 1 are skipped', async () => {
    const t = open(false);
    await t.settle();
    t.sim.deleteItems(path, 3, 'start');
    t.table.nextPage();
    const state = await t.settle();
    expect(state.rows.map((r) => t.table.itemKey(r))).toEqual(ids(23, 43));
  });
});

describe('paged table over a cursor source', () => {
  it('learns page → cursor from each next, reuses cursors going back, and knows the end once seen', async () => {
    const t = simulatedTable(
      'lineworks',
      'users',
      { lineworks: { sizes: { users: 45 } } },
      { pageSize: 20 },
    );
    let state = await t.settle();
    expect(state.pageCount).toBe(-1);
    expect(t.table.cursorAt(1)).toBeTypeOf('string'); // page 2 was prefetched
    t.table.nextPage();
    state = await t.settle();
    expect(state.shownPageIndex).toBe(1);
    expect(state.pageCount).toBe(3); // page 3 was prefetched: it has no nextCursor
    t.table.nextPage();
    state = await t.settle();
    expect(state.rows).toHaveLength(5);
    expect(state.canNextPage).toBe(false);
    const before = t.requests().length;
    t.table.firstPage();
    state = await t.settle();
    expect(state.shownPageIndex).toBe(0);
    expect(t.requests()).toHaveLength(before);
  });

  it('while the count is unknown, the pages known to exist stay offered: walked to page 8, back to page 2', async () => {
    const t = simulatedTable(
      'lineworks',
      'users',
      { lineworks: { sizes: { users: 500 } } },
      { pageSize: 20, prefetch: 0 },
    );
    let state = await t.settle();
    expect(state.knownPageCount).toBe(1); // page 2 is known too (its cursor), but not been to
    for (let i = 0; i < 7; i++) {
      t.table.nextPage();
      state = await t.settle();
    }
    expect(state.shownPageIndex).toBe(7);
    expect(state.knownPageCount).toBe(8);
    t.table.setPageIndex(1);
    state = await t.settle();
    expect(state.pageCount).toBe(-1);
    expect(state.knownPageCount).toBe(8);
    const row = pageRange({
      pageIndex: 1,
      pageCount: -1,
      hasMore: state.canNextPage,
      knownCount: state.knownPageCount,
    });
    expect(row.map((i) => (i.type === 'page' ? i.index + 1 : i.position))).toEqual([
      1,
      2,
      3,
      4,
      5,
      'end',
      8,
      'beyond',
    ]);
    // Page 8 is a press away, from what the table already knows: one request at most.
    const before = t.requests().length;
    t.table.setPageIndex(7);
    state = await t.settle();
    expect(state.shownPageIndex).toBe(7);
    expect(t.requests().length - before).toBeLessThanOrEqual(1);
  });

  it('opened at page 13 from a link, then page 1: page 13 is still offered, and prefetches landing change nothing', async () => {
    const users = { lineworks: { sizes: { users: 2000 } } };
    const probe = simulatedTable('lineworks', 'users', users, { pageSize: 20, prefetch: 0 });
    await probe.settle();
    for (let i = 0; i < 12; i++) {
      probe.table.nextPage();
      await probe.settle();
    }
    const cursor = probe.table.cursorAt(12)!;
    const t = simulatedTable('lineworks', 'users', users, {
      pageSize: 20,
      prefetch: 0,
      pageIndex: 12,
      link: { index: 12, cursor },
    });
    await t.settle();
    t.table.firstPage();
    let state = await t.settle();
    // Learning page 1's next does not drop what lies past the gap: the link's page 13.
    expect(state.knownPageCount).toBe(13);
    expect(t.table.cursorAt(12)).toBe(cursor);
    const seen: Array<number | undefined> = [];
    const stop = t.table.subscribe(() => seen.push(t.table.getState().knownPageCount));
    seen.length = 0;
    t.table.setOptions({ prefetch: 4 });
    for (let i = 0; i < 6; i++) await t.settle();
    stop();
    expect(seen.every((known) => known === 13)).toBe(true);
    const before = t.requests().length;
    t.table.setPageIndex(12);
    state = await t.settle();
    expect(state.shownPageIndex).toBe(12);
    expect(t.requests().length - before).toBeLessThanOrEqual(1);
  });

  it('walks forward to a page never visited, fetching the pages between, at most maxWalk', async () => {
    const t = simulatedTable(
      'lineworks',
      'users',
      { lineworks: { sizes: { users: 500 } } },
      { pageSize: 20, prefetch: false },
    );
    await t.settle();
    expect(t.table.pageDisabledReason(4)).toBeUndefined();
    expect(t.table.pageDisabledReason(40)).toBe(
      'page 41 is too far ahead to open at once: open a page nearer to it first',
    );
    t.table.setPageIndex(4);
    expect(t.table.getState()).toMatchObject({
      pageIndex: 4,
      isWalking: true,
      isPlaceholderData: true,
    });
    const state = await t.settle();
    expect(state).toMatchObject({ shownPageIndex: 4, isWalking: false, isPlaceholderData: false });
    expect(t.requests()).toHaveLength(5);
    expect(new Set(state.rows.map((u) => (u as { userId: string }).userId)).size).toBe(20);
  });

  it('refuses forward jumps when asked, with the reason, while Next still steps through', async () => {
    const t = simulatedTable(
      'mews',
      'customers',
      { mews: { sizes: { customers: 500 } } },
      { pageSize: 20, forwardJumps: 'disabled' },
    );
    await t.settle();
    expect(t.table.pageDisabledReason(1)).toBeUndefined();
    expect(t.table.pageDisabledReason(3)).toBe(
      'page 4 can only be reached through the pages before it',
    );
    t.table.nextPage();
    t.table.nextPage();
    const state = await t.settle();
    expect(state.shownPageIndex).toBe(2);
    // Going to the page after the one requested is a step too (a page button, a URL +1).
    t.table.setPageIndex(3);
    expect(t.table.pageDisabledReason(4)).toBeUndefined(); // the page button agrees with goTo
    t.table.setPageIndex(4);
    expect(t.table.getState().pageIndex).toBe(4);
    expect((await t.settle()).shownPageIndex).toBe(4);
  });

  it('never offers Next into the empty page after a full last page (Mews)', async () => {
    const t = simulatedTable(
      'mews',
      'customers',
      { mews: { sizes: { customers: 40 } } },
      { pageSize: 20 },
    );
    await t.settle();
    t.table.nextPage();
    const state = await t.settle();
    expect(state.shownPageIndex).toBe(1);
    expect(state.canNextPage).toBe(false);
    expect(state.pageCount).toBe(2);
  });

  it('jumps on Mews with one stretched request and learns the cursors of the pages between', async () => {
    const t = simulatedTable(
      'mews',
      'customers',
      { mews: { sizes: { customers: 500 } } },
      { pageSize: 20, prefetch: false },
    );
    await t.settle();
    t.table.setPageIndex(5);
    const state = await t.settle();
    expect(state.shownPageIndex).toBe(5);
    const [first, jump] = t.requests();
    expect(t.requests()).toHaveLength(2);
    expect(first!.size).toBe(20);
    expect(jump!.size).toBe(100); // pages 2–6 in one request, from page 2's cursor
    const all = await t.v.runners.mews.fetchPage(t.v.sources.customers, {
      cursor: null,
      size: 120,
    });
    expect(state.rows).toEqual(all.items.slice(100, 120));
    t.table.setPageIndex(2);
    expect((await t.settle()).rows).toEqual(all.items.slice(40, 60));
    expect(t.requests()).toHaveLength(3); // the fetchPage above; page 3 came from the stretched request
  });

  it('opens at a page from a link in one request; Previous walks from the start within maxWalk, or says why not', async () => {
    const whole = simulatedTable(
      'lineworks',
      'users',
      { lineworks: { sizes: { users: 300 } } },
      { pageSize: 20, prefetch: false },
    );
    await whole.settle();
    whole.table.setPageIndex(3);
    await whole.settle();
    const cursor = whole.table.cursorAt(3)!;
    const t = simulatedTable(
      'lineworks',
      'users',
      { lineworks: { sizes: { users: 300 } } },
      { pageSize: 20, prefetch: false, pageIndex: 3, link: { index: 3, cursor } },
    );
    const state = await t.settle();
    expect(state.shownPageIndex).toBe(3);
    expect(t.requests()).toHaveLength(1);
    expect(state.rows).toEqual(whole.table.getState().rows);
    const far = simulatedTable(
      'lineworks',
      'users',
      { lineworks: { sizes: { users: 300 } } },
      { pageSize: 20, pageIndex: 12, link: { index: 12, cursor } },
    );
    await far.settle();
    expect(far.table.getState().canPreviousPage).toBe(false);
    expect(far.table.pageDisabledReason(11)).toBe(
      'page 12 can only be reached by going forward from page 1',
    );
  });
});

describe('paged table: a link the vendor refuses (a stale or edited URL)', () => {
  const open = (link: { index: number; cursor: string; pageSize?: number }, more = {}) => {
    const told: Array<[number, string | null | undefined, boolean]> = [];
    const t = simulatedTable(
      'lineworks',
      'users',
      { lineworks: { sizes: { users: 300 } } },
      {
        pageSize: 20,
        prefetch: false,
        pageIndex: link.index,
        link,
        onPageIndexChange: (index, cursor, how) => told.push([index, cursor, how.replace]),
        ...more,
      },
    );
    return { ...t, told };
  };
  const rowsOf = async (t: ReturnType<typeof open>, index: number) => {
    let cursor: string | null = null;
    for (let i = 0; i < index; i++)
      cursor = (await t.v.runners.lineworks.fetchPage(t.v.sources.users, { cursor, size: 20 }))
        .next;
    const page = await t.v.runners.lineworks.fetchPage(t.v.sources.users, { cursor, size: 20 });
    return { rows: page.items, cursor };
  };

  it('walks to the page from the first one, and writes the page’s own cursor in place', async () => {
    const t = open({ index: 3, cursor: 'garbage' });
    const state = await t.settle();
    const expected = await rowsOf(t, 3);
    expect(state).toMatchObject({ pageIndex: 3, shownPageIndex: 3, error: null });
    expect(state.rows).toEqual(expected.rows);
    // The URL gets the cursor the walk learned, in place of the refused one (no new entry).
    expect(t.told.at(-1)).toEqual([3, expected.cursor, true]);
  });

  it('a link whose cursor is the page’s own but written at another size is written again with this size', async () => {
    // The cursor of page 4 at 20 a page, in a URL that says 50: walked to (the size differs),
    // the walk finds the same cursor — told again with its size, or every reload walks again.
    const probe = open({ index: 3, cursor: 'garbage' });
    const { cursor } = await rowsOf(probe, 3);
    const t = open({ index: 3, cursor: cursor!, pageSize: 50 });
    const state = await t.settle();
    expect(state.shownPageIndex).toBe(3);
    expect(t.requests()).toHaveLength(4); // walked: pages 1 to 4
    expect(t.told).toEqual([[3, cursor, true]]);
    // Given back as written, nothing more is told: a reload opens it in one request.
    t.table.setOptions({ pageIndex: 3, link: { index: 3, cursor: cursor!, pageSize: 20 } });
    await t.settle();
    expect(t.told).toHaveLength(1);
    const reload = open({ index: 3, cursor: cursor!, pageSize: 20 });
    await reload.settle();
    expect(reload.requests()).toHaveLength(1);
    expect(reload.told).toEqual([]);
  });

  it('beyond maxWalk, opens the furthest page it can reach, as a URL past reach does', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const t = open({ index: 12, cursor: 'garbage' }, { maxWalk: 5 });
    const state = await t.settle();
    expect(state.error).toBeNull();
    expect(state.pageIndex).toBe(5); // maxWalk requests from the first page
    expect(state.shownPageIndex).toBe(state.pageIndex);
    expect(state.rows).toEqual((await rowsOf(t, state.pageIndex)).rows);
    expect(t.told.at(-1)?.[0]).toBe(state.pageIndex);
    expect(t.told.at(-1)?.[2]).toBe(true);
  });

  it('Previous from a page opened by a link tells a cursor that opens that page, once it has one', async () => {
    const options = { dashly: { sizes: { conversations: 300 } } };
    const first = simulatedTable('dashly', 'conversations', options, {
      pageSize: 20,
      prefetch: false,
    });
    const t0 = await first.settle();
    expect(t0.rows).toHaveLength(20);
    let link: { index: number; cursor: string } | undefined;
    const pages: unknown[][] = [];
    for (let i = 0; i < 5; i++) {
      first.table.nextPage();
      const s = await first.settle();
      pages[s.shownPageIndex] = s.rows;
      link = { index: s.shownPageIndex, cursor: first.table.cursorAt(s.shownPageIndex)! };
    }
    // A new table opened at page 6 from its link, then Previous.
    const told: Array<[number, string | null | undefined]> = [];
    const t = simulatedTable('dashly', 'conversations', options, {
      pageSize: 20,
      prefetch: false,
      pageIndex: link!.index,
      link: link!,
      onPageIndexChange: (index, cursor) => told.push([index, cursor]),
    });
    await t.settle();
    t.table.previousPage();
    const back = await t.settle();
    expect(back.shownPageIndex).toBe(4);
    expect(back.rows).toEqual(pages[4]);
    // Whatever it told for page 5 (a cursor or none) opens page 5's rows.
    const [index, cursor] = told.at(-1)!;
    expect(index).toBe(4);
    const reopened = simulatedTable('dashly', 'conversations', options, {
      pageSize: 20,
      prefetch: false,
      pageIndex: 4,
      ...(cursor ? { link: { index: 4, cursor } } : {}),
    });
    expect((await reopened.settle()).rows).toEqual(pages[4]);
  });

  it('a page reached by a walk from a URL without a cursor gets its cursor in the URL', async () => {
    const told: Array<[number, string | null | undefined]> = [];
    const t = simulatedTable(
      'lineworks',
      'users',
      { lineworks: { sizes: { users: 300 } } },
      {
        pageSize: 20,
        prefetch: false,
        pageIndex: 4,
        onPageIndexChange: (index, cursor) => told.push([index, cursor]),
      },
    );
    const state = await t.settle();
    expect(state.shownPageIndex).toBe(4);
    expect(told.at(-1)).toEqual([4, state.page?.cursor]);
    expect(state.page?.cursor).toBeTruthy();
  });
});

describe('paged table: page size', () => {
  it('uses the size the runner sends: a size beyond the limit is clamped before the page count is computed', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const t = simulatedTable(
      'lineworks',
      'users',
      { lineworks: { sizes: { users: 250 } } },
      { pageSize: 500 },
    );
    const state = await t.settle();
    expect(state.pageSize).toBe(100);
    expect(t.requests()[0]!.params.count).toBe('100');
    expect(state.rows).toHaveLength(100);
    t.table.nextPage();
    t.table.nextPage();
    expect((await t.settle()).pageCount).toBe(3);
  });

  it('starts over on the first page with fresh cursors when the size changes', async () => {
    const t = simulatedTable(
      'lineworks',
      'users',
      { lineworks: { sizes: { users: 300 } } },
      { pageSize: 20 },
    );
    await t.settle();
    t.table.nextPage();
    await t.settle();
    t.table.setPageSize(50);
    expect(t.table.getState()).toMatchObject({
      pageIndex: 0,
      isPlaceholderData: true,
      pageSize: 50,
    });
    const state = await t.settle();
    expect(state.rows).toHaveLength(50);
    expect(t.requests().find((e) => e.size === 50)!.cursorIn).toBeNull();
  });
  it('a walk whose stretched request was already made at the old size (same cursor, same count) is read from the cache', async () => {
    const t = simulatedTable(
      'dashly',
      'conversations',
      { dashly: { sizes: { conversations: 100 } } },
      // A clock that stands still: one page kept ahead.
      { pageSize: 20, now: () => 0 },
    );
    const first = await t.settle();
    // At size 5 the first page fails: the walk to page 3 starts from the beginning, pages 1–3
    // and the one after them in one request of 20 from no cursor — the request page 1 at size
    // 20 made.
    t.sim.injectOnce({ kind: 'malformed', malformed: 'html' });
    t.table.setPageSize(5);
    await t.settle();
    const sent = t.requests().length;
    t.table.setPageIndex(2);
    const state = await t.settle();
    expect(state).toMatchObject({ pageIndex: 2, shownPageIndex: 2, isPlaceholderData: false });
    expect(state.rows).toEqual(first.rows.slice(10, 15));
    expect(t.requests()).toHaveLength(sent);
  });
});

describe('paged table: the page shown and the page requested', () => {
  it('keeps the rows of the page shown while the requested page loads, and after it failed; retry recovers', async () => {
    const t = simulatedTable(
      'dingtalk',
      'adjustments',
      { dingtalk: { sizes: { adjustments: 100 } } },
      { pageSize: 20, prefetch: false },
    );
    const first = await t.settle();
    t.sim.injectOnce({ kind: 'malformed', malformed: 'html' });
    t.table.setPageIndex(4);
    const failed = await t.settle();
    expect(failed).toMatchObject({ pageIndex: 4, shownPageIndex: 0, isPlaceholderData: true });
    expect(failed.rows).toBe(first.rows);
    expect(failed.error?.code).toBe('BAD_RESPONSE');
    t.table.retry();
    const recovered = await t.settle();
    expect(recovered).toMatchObject({ shownPageIndex: 4, error: null, isPlaceholderData: false });
  });

  it('keeps every Next click: three clicks while pages load move the request three pages', async () => {
    const t = simulatedTable(
      'lineworks',
      'users',
      { lineworks: { sizes: { users: 300 }, faults: { latencyMs: 20 } } },
      { pageSize: 20 },
    );
    await t.settle();
    t.table.nextPage();
    t.table.nextPage();
    t.table.nextPage();
    expect(t.table.getState().pageIndex).toBe(3);
    const state = await t.settle();
    expect(state.shownPageIndex).toBe(3);
    const cursors = t.requests().map((e) => e.cursorIn);
    expect(new Set(cursors).size).toBe(cursors.length); // no page fetched twice
  });

  it('keeps every Next click on Mews too: a burst past the pages known fetches each page once', async () => {
    const t = simulatedTable(
      'mews',
      'customers',
      { mews: { sizes: { customers: 500 }, faults: { latencyMs: 20 } } },
      { pageSize: 20 },
    );
    await t.settle();
    const before = t.requests().length;
    t.table.nextPage();
    t.table.nextPage();
    t.table.nextPage();
    expect(t.table.getState().pageIndex).toBe(3);
    const state = await t.settle();
    expect(state.shownPageIndex).toBe(3);
    const all = await t.v.runners.mews.fetchPage(t.v.sources.customers, {
      cursor: null,
      size: 80,
    });
    expect(state.rows).toEqual(all.items.slice(60, 80));
    // Page 3 came in a stretched request from an earlier page's cursor, never alone (fetching
    // it again once a page before it taught its cursor was the bug).
    const burst = t.requests().slice(before, -1);
    expect(burst.some((e) => (e.size ?? 0) > 20)).toBe(true);
    const third = t.table.cursorAt(3);
    expect(burst.filter((e) => e.cursorIn === third && e.size === 20)).toEqual([]);
  });

  it('starts over on the first page of a new scope, the old rows shown as its placeholder until it lands', async () => {
    const t = simulatedTable(
      'dingtalk',
      'adjustments',
      { dingtalk: { sizes: { adjustments: 100 } } },
      { pageSize: 20 },
    );
    await t.settle();
    t.table.setPageIndex(3);
    const old = await t.settle();
    t.table.setOptions({ queryKey: ['pagewise', 'dingtalk', 'filtered'] });
    // Page 4's rows of the old scope are no page of the new one: they stand in for its page 1.
    expect(t.table.getState()).toMatchObject({
      pageIndex: 0,
      shownPageIndex: 0,
      isPlaceholderData: true,
    });
    expect(t.table.getState().rows).toBe(old.rows);
    const state = await t.settle();
    expect(state).toMatchObject({ shownPageIndex: 0, isPlaceholderData: false });
  });

  /** A table on page `index` whose next request fails (an HTML error page). */
  async function onPageNextFails(index: number) {
    const t = simulatedTable(
      'dingtalk',
      'adjustments',
      { dingtalk: { sizes: { adjustments: 100 } } },
      { pageSize: 20, prefetch: false },
    );
    await t.settle();
    t.table.setPageIndex(index);
    await t.settle();
    t.sim.injectOnce({ kind: 'malformed', malformed: 'html' });
    return t;
  }

  it('a new scope whose first page fails shows the error, not the old rows (they contradict the filter); retry loads it', async () => {
    const t = await onPageNextFails(3);
    t.table.setOptions({ queryKey: ['pagewise', 'dingtalk', 'filtered'] });
    const failed = await t.settle();
    expect(failed).toMatchObject({
      pageIndex: 0,
      shownPageIndex: 0,
      page: undefined,
      isLoading: false,
      isPlaceholderData: false,
    });
    expect(failed.rows).toEqual([]);
    expect(failed.error?.code).toBe('BAD_RESPONSE');
    t.table.retry();
    expect(t.table.getState()).toMatchObject({ rows: [], isLoading: true, error: null });
    const recovered = await t.settle();
    expect(recovered).toMatchObject({ shownPageIndex: 0, error: null });
    expect(recovered.rows).toHaveLength(20);
  });

  it('a new page size whose first page fails shows the error, not the old rows (their page number and size no longer hold)', async () => {
    const t = await onPageNextFails(2);
    t.table.setOptions({ pageSize: 50 });
    const failed = await t.settle();
    expect(failed).toMatchObject({ pageIndex: 0, shownPageIndex: 0, page: undefined });
    expect(failed.rows).toEqual([]);
    expect(failed.error?.code).toBe('BAD_RESPONSE');
    t.table.retry();
    const recovered = await t.settle();
    expect(recovered).toMatchObject({ shownPageIndex: 0, error: null });
    expect(recovered.rows).toHaveLength(50);
  });

  it('parameters whose page failed, visited again: tried again, the rows shown kept while it loads', async () => {
    const t = simulatedTable(
      'dingtalk',
      'adjustments',
      { dingtalk: { sizes: { adjustments: 100 } } },
      { pageSize: 20, prefetch: false },
    );
    const [a, b] = [
      ['pagewise', 'a'],
      ['pagewise', 'b'],
    ];
    t.table.setOptions({ queryKey: a });
    await t.settle();
    t.sim.injectOnce({ kind: 'malformed', malformed: 'html' });
    t.table.setOptions({ queryKey: b });
    expect((await t.settle()).error?.code).toBe('BAD_RESPONSE');
    t.table.setOptions({ queryKey: a });
    const back = await t.settle();
    expect(back).toMatchObject({ error: null, isPlaceholderData: false });
    const sent = t.requests().length;
    t.table.setOptions({ queryKey: b });
    expect(t.table.getState()).toMatchObject({ isPlaceholderData: true, error: null });
    expect(t.table.getState().rows).toBe(back.rows);
    const again = await t.settle();
    expect(t.requests().length).toBe(sent + 1);
    expect(again).toMatchObject({ error: null, isPlaceholderData: false });
    expect(again.rows).toHaveLength(20);
  });
});

describe('paged table: prefetch', () => {
  it('keeps more pages ahead when the user turns pages faster than the API answers, never past the end', async () => {
    let clock = 0;
    const t = simulatedTable(
      'dingtalk',
      'adjustments',
      { dingtalk: { sizes: { adjustments: 200 } } },
      { pageSize: 20, now: () => clock },
    );
    await t.settle();
    const fetched = () => t.requests().map((e) => Number(e.params.pageNumber));
    expect(fetched()).toEqual([1, 2]); // depth 1 before anything is known
    // The API takes 300 ms; the user turns a page every 100 ms.
    for (let turn = 1; turn <= 4; turn++) {
      clock += 100;
      t.table.nextPage();
      await t.settle();
    }
    const ahead = Math.max(...fetched()) - (t.table.getState().pageIndex + 1);
    expect(ahead).toBeGreaterThanOrEqual(1);
    expect(ahead).toBeLessThanOrEqual(3);
    t.table.setPageIndex(9);
    await t.settle();
    expect(Math.max(...fetched())).toBe(10); // page 10 is the last: nothing past it
  });

  it('fetches a page early on a sign of intent', async () => {
    const t = simulatedTable(
      'dingtalk',
      'adjustments',
      { dingtalk: { sizes: { adjustments: 1000 } } },
      { pageSize: 20, prefetch: false },
    );
    await t.settle();
    t.table.prefetchPage(7);
    await t.settle();
    expect(t.requests().map((e) => e.params.pageNumber)).toEqual(['1', '8']);
    t.table.setPageIndex(7);
    expect(t.table.getState()).toMatchObject({ shownPageIndex: 7, isPlaceholderData: false });
  });
});

describe('paged table: a fast reader (fake timers, a 300 ms API, 100 ms on each page)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** Presses Next 12 times, each 100 ms after the rows landed: how long each press waited. */
  const fastReader = async (t: ReturnType<typeof simulatedTable>) => {
    const rowsOf = async (turn: number) => {
      let waited = 0;
      while (!t.table.getState().page || t.table.getState().shownPageIndex !== turn) {
        if (waited > 5000) throw new Error(`page ${turn} never landed`);
        await vi.advanceTimersByTimeAsync(10);
        waited += 10;
      }
      return waited;
    };
    await rowsOf(0);
    const waits: number[] = [];
    for (let turn = 1; turn <= 12; turn++) {
      await vi.advanceTimersByTimeAsync(100);
      t.table.nextPage();
      waits.push(await rowsOf(turn));
    }
    await vi.advanceTimersByTimeAsync(2000);
    return waits;
  };

  it('keeps three pages ahead once the pace is known, never past the end', async () => {
    const t = simulatedTable(
      'dingtalk',
      'adjustments',
      { dingtalk: { sizes: { adjustments: 280 }, faults: { latencyMs: 300 } } },
      { pageSize: 20 },
    );
    const waits = await fastReader(t);
    expect(waits.slice(4)).toEqual(Array(8).fill(0));
    const fetched = t.requests().map((e) => Number(e.params.pageNumber));
    expect(new Set(fetched).size).toBe(fetched.length);
    expect(Math.max(...fetched)).toBe(14); // 280 rows: page 14 is the last
  });

  it('keeps up over Mews with stretched requests, each page fetched once', async () => {
    const t = simulatedTable(
      'mews',
      'customers',
      { mews: { sizes: { customers: 1000 }, faults: { latencyMs: 300 } } },
      { pageSize: 20 },
    );
    const waits = await fastReader(t);
    const runner = t.v.runners.mews;
    const reading = runner.fetchPage(t.v.sources.customers, { cursor: null, size: 260 });
    await vi.advanceTimersByTimeAsync(400);
    const all = await reading;
    expect(t.table.getState().rows).toEqual(all.items.slice(240, 260));
    // Once the pace is known, the rows are there at every press...
    expect(waits.slice(4)).toEqual(Array(8).fill(0));
    // ...from a few larger requests: no page twice, nothing past 5 pages ahead.
    const sizes = t
      .requests()
      .slice(0, -1)
      .map((e) => e.size ?? 0);
    expect(sizes.some((size) => size > 20)).toBe(true);
    expect(sizes.length).toBeLessThan(13);
    const pages = sizes.reduce((sum, size) => sum + size / 20, 0);
    expect(pages).toBeGreaterThanOrEqual(13);
    expect(pages).toBeLessThanOrEqual(13 + 5);
  });

  it('a stretched prefetch of the old page size, landing after a size change, teaches nothing', async () => {
    const t = simulatedTable(
      'mews',
      'customers',
      { mews: { sizes: { customers: 300 }, faults: { latencyMs: 300 } } },
      { pageSize: 30 },
    );
    const until = async (check: () => boolean) => {
      for (let i = 0; i < 500 && !check(); i++) await vi.advanceTimersByTimeAsync(10);
      if (!check()) throw new Error('never');
    };
    const shownAt = (n: number) => () => {
      const state = t.table.getState();
      return state.shownPageIndex === n && !state.isPlaceholderData && !!state.page;
    };
    // Pages 1–6 of 20 and of 30 rows read slowly (they are in the cache).
    for (const size of [20, 30]) {
      t.table.setPageSize(size);
      await until(shownAt(0));
      for (let turn = 1; turn <= 5; turn++) {
        await vi.advanceTimersByTimeAsync(3000);
        t.table.nextPage();
        await until(shownAt(turn));
      }
      await vi.advanceTimersByTimeAsync(3000);
    }
    // 10 rows a page turned quickly: a stretched prefetch of 3 × 10 rows goes out (those that
    // start where a page of 30 rows starts, up to row 180, are answered by the cache)...
    t.table.setPageSize(10);
    await until(shownAt(0));
    const inFlight = () =>
      t.table.getState().wanted.find((w) => w.span > 1 && t.cache.get(w.key)?.fetching);
    for (let turn = 1; turn <= 24 && !inFlight(); turn++) {
      await vi.advanceTimersByTimeAsync(100);
      t.table.nextPage();
      await until(shownAt(turn));
    }
    const stray = inFlight();
    expect(stray?.key.size).toBe(30);
    // ...and the user picks 30 rows a page while it is on its way: its answer, 30 rows, is not
    // page stray.index of 30 rows.
    t.table.setPageSize(30);
    await vi.advanceTimersByTimeAsync(3000);
    t.table.setPageIndex(stray!.index);
    await vi.advanceTimersByTimeAsync(3000);
    // 300 rows are 10 pages of 30: the walk finds the end, and page 10 shows the last rows.
    const state = t.table.getState();
    expect(state).toMatchObject({ pageCount: 10, shownPageIndex: 9, isPlaceholderData: false });
    const reading = t.v.runners.mews.fetchPage(t.v.sources.customers, { cursor: null, size: 300 });
    await vi.advanceTimersByTimeAsync(400);
    const all = await reading;
    expect(state.rows).toEqual(all.items.slice(270, 300));
  });
});

describe('paged table: options given again and again (review of the controller)', () => {
  it('another source without an id starts over on it', async () => {
    const t = simulatedTable('generic', 'orders', { generic: { orders: 50 } }, { prefetch: false });
    await t.settle();
    const items = definePageNumberSource<{ id: number }>({
      provider: 'orders',
      limits: { min: 1, max: 100, default: 20 },
      key: (i) => String(i.id),
      request: ({ page, size }) => ({
        method: 'GET',
        path: '/items',
        query: { offset: String((page - 1) * size), limit: String(size) },
      }),
      parse: (body, { page, size }) => {
        const list = (body as { items: Array<{ id: number }> }).items;
        return { items: list, ...pageNumberLinks(page, 1, size, list.length, undefined) };
      },
    });
    t.table.setOptions({ source: items as never });
    await t.settle();
    expect(t.requests().at(-1)!.path).toBe('/items');
    expect(t.table.getState().isPlaceholderData).toBe(false);
  });

  it('a page index given with its link opens the linked page in one request', async () => {
    const t = simulatedTable(
      'lineworks',
      'users',
      { lineworks: { sizes: { users: 500 } } },
      { pageSize: 20, prefetch: false },
    );
    await t.settle();
    const source = t.v.sources.users;
    let at: string | null = null;
    for (let i = 0; i < 40; i++)
      at = (await t.v.runners.lineworks.fetchPage(source, { cursor: at, size: 20 })).next;
    const before = t.requests().length;
    t.table.setOptions({ pageIndex: 40, link: { index: 40, cursor: at! } });
    const state = await t.settle();
    expect(state.shownPageIndex).toBe(40);
    expect(t.requests().length - before).toBe(1);
  });

  it('a link given before a size change is not a cursor of the new size', async () => {
    const options = { lineworks: { sizes: { users: 300 } } };
    const t = simulatedTable('lineworks', 'users', options, { pageSize: 20, prefetch: false });
    const source = t.v.sources.users;
    let at: string | null = null;
    for (let i = 0; i < 3; i++)
      at = (await t.v.runners.lineworks.fetchPage(source, { cursor: at, size: 20 })).next;
    const all = await t.v.runners.lineworks.fetchPage(source, { cursor: null, size: 100 });
    t.table.setOptions({ pageIndex: 3, link: { index: 3, cursor: at! } });
    expect((await t.settle()).rows).toEqual(all.items.slice(60, 80));
    const told: Array<string | undefined> = [];
    t.table.setOptions({ onPageIndexChange: (_i, cursor) => told.push(cursor ?? undefined) });
    t.table.setPageSize(10);
    // Page 4 at size 10 is rows 30–39: reached from the start, not at the old link's row 60.
    t.table.setPageIndex(3);
    const state = await t.settle();
    expect(state).toMatchObject({ pageIndex: 3, shownPageIndex: 3, pageSize: 10 });
    expect(state.rows).toEqual(all.items.slice(30, 40));
    expect(told).not.toContain(at);
  });

  it('a URL restored with another size opens its page at its link, in one request', async () => {
    const options = { lineworks: { sizes: { users: 300 } } };
    const t = simulatedTable('lineworks', 'users', options, { pageSize: 20, prefetch: false });
    const source = t.v.sources.users;
    const cursorOf = async (size: number) => {
      let at: string | null = null;
      for (let i = 0; i < 3; i++)
        at = (await t.v.runners.lineworks.fetchPage(source, { cursor: at, size })).next;
      return at!;
    };
    const all = await t.v.runners.lineworks.fetchPage(source, { cursor: null, size: 100 });
    t.table.setOptions({
      pageIndex: 3,
      pageSize: 20,
      link: { index: 3, cursor: await cursorOf(20) },
    });
    expect((await t.settle()).rows).toEqual(all.items.slice(60, 80));
    const told: number[] = [];
    t.table.setOptions({ onPageIndexChange: (i) => told.push(i) });
    const sent = t.requests().length;
    // Back to a URL of the same page at size 10: the page index is the same, the link is not.
    t.table.setOptions({
      pageIndex: 3,
      pageSize: 10,
      link: { index: 3, cursor: await cursorOf(10) },
    });
    const state = await t.settle();
    expect(state).toMatchObject({ pageIndex: 3, shownPageIndex: 3, pageSize: 10 });
    expect(state.rows).toEqual(all.items.slice(30, 40));
    expect(t.requests().length - sent).toBe(4); // three to learn the link above, one for the page
    expect(told).not.toContain(0);
  });

  it('coming back to a page whose stretched walk failed tries it again', async () => {
    const options = { mews: { sizes: { customers: 300 } } };
    const t = simulatedTable('mews', 'customers', options, { pageSize: 20, now: () => 0 });
    await t.settle();
    t.sim.injectOnce({ kind: 'malformed', malformed: 'html' });
    t.table.setPageIndex(5);
    expect((await t.settle()).error).not.toBeNull();
    t.table.setPageIndex(0);
    await t.settle();
    t.table.setPageIndex(5);
    const state = await t.settle();
    expect(state).toMatchObject({ pageIndex: 5, shownPageIndex: 5, error: null });
  });

  it('a new prefetch depth is taken at once', async () => {
    const t = simulatedTable(
      'generic',
      'offsetItems',
      { generic: { size: 200 } },
      { pageSize: 20, prefetch: 0 },
    );
    expect((await t.settle()).wanted).toHaveLength(1);
    t.table.setOptions({ prefetch: 2 });
    const state = await t.settle();
    // One page ahead until the pace is known (up to two once it is).
    expect(state.wanted.map((w) => w.index)).toEqual([0, 1]);
    expect(t.requests()).toHaveLength(2);
  });

  it('a page it cannot reach opens the nearest one, told to the app as a replacement', async () => {
    const told: Array<[number, boolean]> = [];
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const t = simulatedTable(
      'lineworks',
      'users',
      { lineworks: { sizes: { users: 500 } } },
      {
        pageSize: 20,
        prefetch: false,
        forwardJumps: 'disabled',
        pageIndex: 7,
        onPageIndexChange: (i, _cursor, how) => told.push([i, how.replace]),
      },
    );
    await t.settle();
    expect(t.table.getState().pageIndex).toBe(0);
    expect(told).toEqual([[0, true]]);
    // The page asked for and why it was not opened, for the app to show.
    expect(t.table.getState().notOpened).toEqual({
      pageIndex: 7,
      reason: 'page 8 can only be reached through the pages before it',
    });
    // Page 2's cursor is known now (page 1 said it): the furthest page reachable without a jump.
    t.table.setOptions({ pageIndex: 9 });
    expect(told).toEqual([
      [0, true],
      [1, true],
    ]);
    expect(t.table.getState().notOpened?.pageIndex).toBe(9);
    // The user moves: the page asked for before is no longer asked for.
    t.table.nextPage();
    await t.settle();
    expect(t.table.getState()).toMatchObject({ pageIndex: 2, notOpened: undefined });
  });

  it('a link past a walk opens the furthest page a walk reaches, and says which page was asked for and why', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const t = simulatedTable(
      'lineworks',
      'users',
      { lineworks: { sizes: { users: 2000 } } },
      { pageSize: 20, prefetch: false, pageIndex: 49 },
    );
    const seen = announceTable(t.table.getState(), null).seen;
    const state = await t.settle();
    expect(state).toMatchObject({
      pageIndex: 10,
      shownPageIndex: 10,
      notOpened: {
        pageIndex: 49,
        reason: 'page 50 is too far ahead to open at once: open a page nearer to it first',
      },
    });
    // Said with the page opened in its place, though it is the first page shown — also where
    // that page is on screen from the start (a cache that held it).
    const said =
      'Page 50 could not be opened (page 50 is too far ahead to open at once: open a page nearer to it first). Page 11 loaded, 20 rows';
    expect(announceTable(state, seen).say).toBe(said);
    expect(announceTable(state, null).say).toBe(said);
  });

  it('a link past a walk on a short list: the page asked for stays the one said, past the end', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const t = simulatedTable(
      'lineworks',
      'users',
      { lineworks: { sizes: { users: 100 } } },
      { pageSize: 20, prefetch: false, pageIndex: 49 },
    );
    // Page 11 opened in its place, then found past the end: the last page, page 50 still named.
    expect(await t.settle()).toMatchObject({
      pageIndex: 4,
      notOpened: { pageIndex: 49, reason: 'page 50 is past the end (5 pages)' },
    });
  });

  it('a page asked for past the end while the last page is shown: said at once; rows that shrank under the page shown are no page refused', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const t = simulatedTable('generic', 'orders', { generic: { orders: 60 } }, {
      pageSize: 20,
      prefetch: false,
    } as never);
    t.table.setPageIndex(2);
    let seen = announceTable(await t.settle(), null).seen;
    t.table.setOptions({ pageIndex: 9 });
    const state = await t.settle();
    expect(state).toMatchObject({ pageIndex: 2, notOpened: { pageIndex: 9 } });
    const { say, seen: after } = announceTable(state, seen);
    expect(say).toBe('Page 10 could not be opened (page 10 is past the end (3 pages)).');
    // Said once.
    expect(announceTable(state, after).say).toBeUndefined();
    // The user moves, then rows are deleted under the page shown: the table moves, untold.
    t.table.previousPage();
    t.table.nextPage();
    seen = announceTable(await t.settle(), null).seen;
    t.sim.deleteItems('/orders', 20, 'start');
    t.table.refetch();
    const shrunk = await t.settle();
    expect(shrunk).toMatchObject({ pageIndex: 1, notOpened: undefined });
  });

  it('a link past the end opens the last page, and says which page was asked for', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const t = simulatedTable('generic', 'orders', { generic: { orders: 60 } }, {
      pageSize: 20,
      prefetch: false,
      pageIndex: 9,
    } as never);
    const state = await t.settle();
    expect(state).toMatchObject({
      pageIndex: 2,
      notOpened: { pageIndex: 9, reason: 'page 10 is past the end (3 pages)' },
    });
  });
});

describe('memory page cache', () => {
  it('serves two tables at once, each its own pages', async () => {
    const cache = memoryPageCache<unknown>();
    const a = simulatedTable('generic', 'orders', { generic: { orders: 60 } }, {
      cache,
      prefetch: false,
    } as never);
    const b = simulatedTable(
      'dingtalk',
      'adjustments',
      { dingtalk: { sizes: { adjustments: 60 } } },
      { cache, prefetch: false } as never,
    );
    // What each vendor holds, read past the tables: each table must show its own rows.
    const [orders, adjustments] = await Promise.all([
      a.v.runners.generic.fetchPage(a.v.sources.orders, { cursor: null, size: 60 }),
      b.v.runners.dingtalk.fetchPage(b.v.sources.adjustments, { cursor: '1', size: 60 }),
    ]);
    const [sa, sb] = await Promise.all([a.settle(), b.settle()]);
    expect(sa.rows).toEqual(orders.items.slice(0, 20));
    expect(sb.rows).toEqual(adjustments.items.slice(0, 20));
    a.table.nextPage();
    b.table.nextPage();
    const [na, nb] = [await a.settle(), await b.settle()];
    expect([na.shownPageIndex, nb.shownPageIndex]).toEqual([1, 1]);
    expect(na.rows).toEqual(orders.items.slice(20, 40));
    expect(nb.rows).toEqual(adjustments.items.slice(20, 40));
    // Each vendor was asked for its own pages only, each once.
    expect(a.requests().filter((e) => e.size === 20)).toHaveLength(2);
    expect(b.requests().filter((e) => e.size === 20)).toHaveLength(2);
  });

  it('a refetch asked twice fetches each page once; clear() fetches what is wanted again', async () => {
    const t = simulatedTable('generic', 'orders', { generic: { orders: 60 } }, { prefetch: false });
    await t.settle();
    const before = t.requests().length;
    t.table.refetch();
    t.table.refetch();
    await t.settle();
    expect(t.requests().length - before).toBe(1);
    t.cache.clear();
    const state = await t.settle();
    expect(state.rows.length).toBeGreaterThan(0);
    expect(t.requests().length - before).toBe(2);
  });
});

describe('the memory page cache keeps the pages most recently wanted', () => {
  it('past maxPages the least recently wanted go: fetched again when wanted again, the page shown never', async () => {
    const cache = memoryPageCache<unknown>({ maxPages: 3 });
    const t = simulatedTable(
      'generic',
      'orders',
      { generic: { orders: 200 } },
      { pageSize: 10, prefetch: false, cache },
    );
    await t.settle();
    for (let page = 1; page <= 5; page++) {
      t.table.setPageIndex(page);
      await t.settle();
    }
    // Pages 0–5 were fetched; pages 3, 4 and 5 are kept.
    expect(t.requests()).toHaveLength(6);
    t.table.setPageIndex(3);
    expect((await t.settle()).rows).toHaveLength(10);
    expect(t.requests()).toHaveLength(6);
    // Page 0 went: wanted again, it is fetched again (and shown).
    t.table.setPageIndex(0);
    const state = await t.settle();
    expect(state.shownPageIndex).toBe(0);
    expect(state.rows).toHaveLength(10);
    expect(t.requests()).toHaveLength(7);
    // Of 4, 5, 3 (wanted again) and 0, page 4 was wanted least recently: it went, 5 stayed.
    t.table.setPageIndex(5);
    await t.settle();
    expect(t.requests()).toHaveLength(7);
    t.table.setPageIndex(4);
    expect((await t.settle()).rows).toHaveLength(10);
    expect(t.requests()).toHaveLength(8);
  });

  it('a maxPages that is not a whole number ≥ 1 is a typed error', () => {
    for (const maxPages of [0, -1, 1.5, Number.NaN])
      expect(() => memoryPageCache({ maxPages })).toThrow(
        expect.objectContaining({ code: 'INVALID_OPTION' }),
      );
    expect(() => memoryPageCache({ maxPages: Number.POSITIVE_INFINITY })).not.toThrow();
  });
});

describe('a jump over a cursorAfter source (Mews with a maximum of 100)', () => {
  const customers = mewsGetAll<{ Id: string }>({
    entity: 'customers',
    items: 'Customers',
    credentials: MEWS_CREDENTIALS,
    limits: { min: 1, max: 100, default: 20 },
  });

  it('page 1 → 6 is one request of 100: the pages on the way, the page asked for and the one after it', async () => {
    const t = simulatedTable(
      'mews',
      'customers',
      { mews: { sizes: { customers: 500 } } },
      {
        pageSize: 20,
        source: customers,
      },
    );
    await t.settle();
    const before = t.requests().length;
    t.table.setPageIndex(5);
    const state = await t.settle();
    expect(state.shownPageIndex).toBe(5);
    const jump = t.requests().slice(before);
    expect(jump[0]!.size).toBe(100);
    // Pages 2–7 are known and cached: going back or on is no request.
    t.table.previousPage();
    t.table.previousPage();
    expect((await t.settle()).shownPageIndex).toBe(3);
    expect(t.table.cursorAt(6)).toBeTypeOf('string');
  });
});
