import { describe, expect, it, vi } from 'vitest';
import { connectPageRange } from '../page-range/connect-page-range.js';
import { paginate } from '../paginate.js';
import { estimateFromPosition } from '../sources/estimate-from-position.js';
import { simulatedTable } from '../test-support/simulated-table.js';
import type { Source } from '../types.js';

const t0 = Date.UTC(2026, 10, 1);
/** The last day of reservations (the simulator creates one every 0–2 minutes, going back from t0). */
const lastDay = {
  created: {
    from: new Date(t0 - 86_400_000).toISOString(),
    to: new Date(t0 + 60_000).toISOString(),
  },
};
const path = '/api/connector/v1/reservations/getAll/2023-06-06';

async function walkTable(burst = 0) {
  const t = simulatedTable(
    'mews',
    'reservations',
    { mews: { sizes: { reservations: 2000 } } },
    { pageSize: 50, params: lastDay, prefetch: false },
  );
  if (burst > 0) t.sim.insertItems(path, burst, 'start');
  const source = t.v.sources.reservations as Source<unknown>;
  const truth = (await paginate(source, { runner: t.v.runners.mews, params: lastDay }).toArray())
    .length;
  const seen: Array<{ page: number; estimate: number | undefined; rowCount: number | undefined }> =
    [];
  let state = await t.settle();
  for (;;) {
    if (state.pageCount < 0)
      seen.push({
        page: state.shownPageIndex,
        estimate: state.estimatedRowCount,
        rowCount: state.rowCount,
      });
    if (!state.canNextPage) break;
    t.table.nextPage();
    state = await t.settle();
  }
  const error = (e: number | undefined) =>
    e === undefined ? Number.NaN : Math.abs(e - truth) / truth;
  return { t, truth, seen, state, errors: seen.map((s) => error(s.estimate)) };
}

describe('estimated totals for a cursor table (Mews reservations created within a day)', () => {
  it('on uniform data: "of about" within 10 % from the third page, replaced by the truth at the end', async () => {
    const { truth, seen, state, errors } = await walkTable();
    expect(truth).toBeGreaterThan(500);
    expect(seen.length).toBeGreaterThan(5);
    for (const e of errors.slice(2)) expect(e).toBeLessThan(0.1);
    // TanStack Table gets no row count while it is an estimate.
    for (const s of seen) expect(s.rowCount).toBeUndefined();
    expect(state.pageCount).toBe(Math.ceil(truth / 50));
    expect(state.estimatedPageCount).toBeUndefined();
    expect(state.estimatedRowCount).toBeUndefined();
    // At the end the rows are counted, not estimated: "about 2,010 rows" becomes the real number.
    expect(state.rowCount).toBe(truth);
  });

  it('on skewed data (a burst of 300 new reservations at the top): far off at first, closing in as the table reads on', async () => {
    const { truth, errors, state } = await walkTable(300);
    const late = errors.slice(-3);
    expect(Math.max(...errors.slice(0, 8))).toBeGreaterThan(0.5);
    for (const e of late) expect(e).toBeLessThan(0.1);
    // Past the burst, every page is closer than the one before.
    const past = errors.slice(8).filter((e) => !Number.isNaN(e));
    for (let i = 1; i < past.length; i++) expect(past[i]!).toBeLessThanOrEqual(past[i - 1]! + 1e-9);
    expect(state.pageCount).toBe(Math.ceil(truth / 50));
  });

  it('while new parameters load, no estimate from the rows of the old ones standing in', async () => {
    const t = simulatedTable(
      'mews',
      'reservations',
      { mews: { sizes: { reservations: 2000 } } },
      { pageSize: 50, params: lastDay, prefetch: false },
    );
    await t.settle();
    t.table.nextPage();
    t.table.nextPage();
    expect((await t.settle()).estimatedPageCount).toBeGreaterThan(3);
    // The last hour: the day's rows on screen (positions within the day, not within the hour).
    const lastHour = {
      created: { from: new Date(t0 - 3_600_000).toISOString(), to: lastDay.created.to },
    };
    t.table.setOptions({ params: lastHour });
    const loading = t.table.getState();
    expect(loading.isPlaceholderData).toBe(true);
    expect(loading.estimatedPageCount).toBeUndefined();
    expect(loading.estimatedRowCount).toBeUndefined();
    const landed = await t.settle();
    expect(landed.isPlaceholderData).toBe(false);
    expect(landed.estimatedRowCount ?? landed.rowCount).toBeLessThan(100);
  });

  /** A table of 500 Mews customers, 20 a page, whose source estimates its total with `estimateTotal`. */
  function customersWith(estimateTotal: Source<unknown>['estimateTotal']) {
    const t = simulatedTable(
      'mews',
      'customers',
      { mews: { sizes: { customers: 500 } } },
      { pageSize: 20, prefetch: false },
    );
    t.table.setOptions({
      source: { ...(t.v.sources.customers as Source<unknown>), estimateTotal },
    });
    return t;
  }

  it('never claims fewer pages than reached, and ignores an estimate that is not a count (with a warning)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const [value, pages] of [
      [0, 2],
      [Number.NaN, undefined],
      [-5, undefined],
      [Number.POSITIVE_INFINITY, undefined],
    ] as const) {
      const t = customersWith(() => value);
      const state = await t.settle();
      expect(state.pageCount).toBe(-1);
      expect(state.estimatedPageCount).toBe(pages);
    }
    expect(warn.mock.calls.filter(([m]) => String(m).includes('estimateTotal'))).toHaveLength(3);
    warn.mockRestore();
  });

  it('says what was wrong with an estimate: a throw with its message, a string as a string, a position out of range', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const estimates = [
      () => {
        throw new Error('no interval in the filter');
      },
      () => '1000' as unknown as number,
      estimateFromPosition(() => 1.5),
    ];
    for (const estimateTotal of estimates) {
      expect((await customersWith(estimateTotal).settle()).estimatedPageCount).toBeUndefined();
    }
    const said = warn.mock.calls.map(([m]) => String(m)).join('\n');
    expect(said).toContain('estimateTotal threw (no interval in the filter)');
    expect(said).toContain('estimateTotal gave the string "1000"');
    expect(said).toContain("the last item's position is 1.5, not a number from 0 to 1");
    warn.mockRestore();
  });

  /** A Mews table of 20 a page, with this estimate, read to page 10 and back to page 1. */
  async function backFromPage10(estimateTotal: (seen: { items: number }) => number) {
    const t = customersWith(estimateTotal);
    await t.settle();
    for (let i = 0; i < 9; i++) {
      t.table.nextPage();
      await t.settle();
    }
    t.table.firstPage();
    const state = await t.settle();
    expect(state.shownPageIndex).toBe(0);
    return { state, range: connectPageRange({ ...state, ...t.table }) };
  }

  it('back on the first page after reading far ahead, the estimate is the furthest page’s', async () => {
    // Twice the rows seen: 40 from page 1, 400 from page 10 — the table keeps page 10's word.
    const { state, range } = await backFromPage10(({ items }) => items * 2);
    expect(state.estimatedRowCount).toBe(400);
    expect(state.estimatedPageCount).toBe(20);
    expect(range.status).toBe('Page 1 of about 20');
  });

  it('back on the first page after reading far ahead, the estimate is never below the pages reached', async () => {
    // An estimate too low for what was read (30 rows): the pages reached stand instead.
    const { state, range } = await backFromPage10(() => 30);
    // Page 10 was read and had a page after it: at least 11 pages, 201 rows.
    expect(state.estimatedPageCount).toBe(11);
    expect(state.estimatedRowCount).toBe(201);
    // The pages read are known, not estimated: the range labels them as pages, and, the estimate
    // saying no more than them, says that more may follow.
    expect(state.knownPageCount).toBe(11);
    expect(range.items).toEqual([
      ...[0, 1, 2, 3, 4].map((index) => ({ type: 'page', index, current: index === 0 })),
      { type: 'ellipsis', position: 'end' },
      { type: 'page', index: 10, current: false },
      { type: 'ellipsis', position: 'beyond' },
    ]);
    expect(range.page(10).label).toBe('Page 11');
    expect(range.status).toBe('Page 1 of about 11');
  });
});
