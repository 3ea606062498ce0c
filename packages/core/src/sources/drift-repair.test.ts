import { simulatedVendors } from '@pagewise/testkit';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { paginate } from '../paginate.js';
import { isPaginationError } from '../pagination-error.js';
import { createRequestRunner } from '../runner/request-runner.js';
import type { PageNumberSource, Source } from '../types.js';
import { repairDrift } from './drift-repair.js';
import { offsetLimitSource } from './offset-limit.js';
import { pageWindow } from './page-window.js';
import { repairsByDefault } from './repair-default.js';

type Vendors = ReturnType<typeof simulatedVendors>;
interface Case {
  name: string;
  vendor: 'dingtalk' | 'generic';
  source: 'adjustments' | 'offsetItems' | 'orders';
  /** The simulator's option that sets the collection's size. */
  sized: (n: number) => Record<string, unknown>;
}

const CASES: Case[] = [
  {
    name: 'DingTalk pageNumber (adjustments)',
    vendor: 'dingtalk',
    source: 'adjustments',
    sized: (n) => ({ sizes: { adjustments: n } }),
  },
  {
    name: 'offset/limit (items)',
    vendor: 'generic',
    source: 'offsetItems',
    sized: (n) => ({ size: n }),
  },
  {
    name: 'page/per_page (orders)',
    vendor: 'generic',
    source: 'orders',
    sized: (n) => ({ orders: n }),
  },
];

function vendorsFor(c: Case, n: number, faults: Record<string, unknown> = {}): Vendors {
  return simulatedVendors({ [c.vendor]: { ...c.sized(n), faults } } as never);
}

async function walk(v: Vendors, c: Case, size: number, repair = true) {
  const source = v.sources[c.source] as Source<unknown>;
  const keys: string[] = [];
  let repairs = { realigned: 0, unanchored: 0, reordered: 0 };
  const walked = paginate(source, {
    runner: v.runners[c.vendor],
    size,
    repairDrift: repair,
    onProgress: (p) => {
      if (p.repairs) repairs = p.repairs;
    },
  });
  for await (const page of walked) keys.push(...page.items.map((i) => source.key(i)));
  return { keys, repairs, requests: v.sims[c.vendor].log.entries.length };
}

describe('pageWindow', () => {
  it('reads on from where the walk stands, a few items back, within the page limit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 0, max: 400 }),
        (end, size, extra) => {
          const max = size + extra;
          const w = pageWindow(end, size, max, 3);
          expect(w.start).toBe(w.page * w.size);
          expect(w.size).toBeLessThanOrEqual(max);
          expect(w.start).toBeLessThanOrEqual(end);
          expect(w.start + w.size).toBeGreaterThan(end);
          // It holds the last item read (a window that does not would let the list move
          // unseen) wherever one exists: where some width from 2 to the maximum does not divide
          // `end` (at a maximum of 2, an even `end` has none). And it brings something new.
          const fits = Array.from({ length: Math.max(0, max - 1) }, (_, i) => i + 2).some(
            (width) => end % width !== 0,
          );
          if (fits) expect(w.start).toBeLessThan(end);
          if (end - w.start >= 3) expect(w.start + w.size - end).toBeGreaterThanOrEqual(1);
        },
      ),
    );
  });

  it('mostly finds an overlap at a page size of 20 (vendor maximum 200)', () => {
    let overlapped = 0;
    for (let end = 20; end <= 20_000; end += 20)
      if (end - pageWindow(end, 20, 200, 3).start >= 3) overlapped++;
    expect(overlapped).toBe(1000);
  });
});

describe('a repaired walk at the smallest page sizes, nothing changed', () => {
  // Far in, no window of 4 or more (an overlap of 3 and a new item) divides where it would end:
  // the walk overlaps by one item instead of reading back for ever.
  it.each([1, 2, 3])('reads every row once at %i a page', async (size) => {
    const c = CASES[1]!;
    const v = vendorsFor(c, 600);
    const { keys, repairs, requests } = await walk(v, c, size);
    expect(keys).toEqual((await walk(vendorsFor(c, 600), c, 100, false)).keys);
    expect(repairs).toEqual({ realigned: 0, unanchored: 0, reordered: 0 });
    // No more requests than page after page: a window brings up to 1¼ pages.
    expect(requests).toBeLessThanOrEqual(Math.ceil(600 / size));
  });

  it('a saved position resumes one page at a time, whatever the concurrency asked', async () => {
    for (const c of CASES.slice(1)) {
      const v = vendorsFor(c, 100);
      const source = v.sources[c.source] as Source<unknown>;
      const runner = v.runners[c.vendor];
      let saved: string | null = null;
      const first: string[] = [];
      for await (const page of paginate(source, { runner, size: 10, maxPages: 3 })) {
        first.push(...page.items.map((i) => source.key(i)));
        saved = page.next;
      }
      expect(saved).toMatch(/^\{/);
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const rest = await paginate(source, { runner, size: 10, from: saved, concurrency: 4 })
        .toArray()
        .finally(() => warn.mockRestore());
      const all = [...first, ...rest.map((i) => source.key(i))];
      expect(all, c.name).toEqual((await walk(vendorsFor(c, 100), c, 100, false)).keys);
    }
  });

  it('is on by default up to 85 % of the maximum', () => {
    const limits = { min: 1, max: 100, default: 20 };
    const on = [1, 2, 3, 4, 20, 85, 86, 100].filter((size) => repairsByDefault({ limits }, size));
    expect(on).toEqual([1, 2, 3, 4, 20, 85]);
    expect(repairsByDefault({ limits }, 2, '{"o":40,"a":["r39"]}')).toBe(true);
    expect(repairsByDefault({ limits, readsInOrder: true }, 20)).toBe(false);
  });
});

describe.each(CASES)('a walk over $name while rows are inserted and deleted', (c) => {
  it('yields every row present throughout exactly once, in order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 400 }),
        fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 60 })),
        fc.record({
          insertEvery: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
          deleteEvery: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
          mutationAt: fc.constantFrom('head' as const, 'random' as const),
          seed: fc.integer({ min: 1, max: 1_000_000 }),
        }),
        async (n, size, faults) => {
          const original = (await walk(vendorsFor(c, n), c, 100)).keys;
          const v = vendorsFor(c, n, faults);
          const { keys } = await walk(v, c, size);
          const deleted = new Set(v.sims[c.vendor].mutations.deleted);
          expect(new Set(keys).size).toBe(keys.length);
          const kept = original.filter((k) => !deleted.has(k));
          expect(keys.filter((k) => kept.includes(k))).toEqual(kept);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('drift repair on a DingTalk pageNumber walk', () => {
  const c = CASES[0]!;
  const faults = { insertEvery: 3, deleteEvery: 4, mutationAt: 'random', seed: 11 };

  it('loses rows without it, none with it, for about the same requests', async () => {
    const plainVendors = vendorsFor(c, 2_000, faults);
    const plain = await walk(plainVendors, c, 20, false);
    const repairedVendors = vendorsFor(c, 2_000, faults);
    const repaired = await walk(repairedVendors, c, 20);
    const present = (await walk(vendorsFor(c, 2_000), c, 200)).keys;
    expect(present).toHaveLength(2_000);
    const lostOf = (v: Vendors, keys: string[]) => {
      const deleted = new Set(v.sims.dingtalk.mutations.deleted);
      const got = new Set(keys);
      return present.filter((k) => !deleted.has(k) && !got.has(k)).length;
    };
    expect(lostOf(plainVendors, plain.keys)).toBeGreaterThan(0);
    expect(lostOf(repairedVendors, repaired.keys)).toBe(0);
    expect(repaired.repairs.realigned).toBeGreaterThan(0);
    expect(repaired.requests).toBeLessThanOrEqual(Math.ceil(plain.requests * 1.05));
  });

  it('resumes exactly from a saved position, and refuses a cursor that is not one', async () => {
    const v = vendorsFor(c, 300);
    const source = v.sources.adjustments as Source<unknown>;
    let saved: string | null = null;
    const first: string[] = [];
    for await (const page of paginate(source, {
      runner: v.runners.dingtalk,
      size: 20,
      repairDrift: true,
      maxPages: 4,
    })) {
      first.push(...page.items.map((i) => source.key(i)));
    }
    await paginate(source, {
      runner: v.runners.dingtalk,
      size: 20,
      repairDrift: true,
      maxPages: 4,
      onProgress: (p) => {
        saved = p.next;
      },
    }).toArray();
    v.sims.dingtalk.insertItems('/v1.0/attendance/adjustments', 5, 'start');
    const rest = await paginate(source, {
      runner: v.runners.dingtalk,
      size: 20,
      repairDrift: true,
      from: saved,
    }).toArray();
    const all = [...first, ...rest.map((i) => source.key(i))];
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(300);
    // A position saved by a repaired walk resumes repaired without being told (DingTalk reads
    // pages in order by default; a job saved before that default must not break).
    const resumed = await paginate(source, {
      runner: v.runners.dingtalk,
      size: 20,
      from: saved,
    }).toArray();
    expect(resumed.map((i) => source.key(i))).toEqual(rest.map((i) => source.key(i)));
    const before = v.sims.dingtalk.log.entries.length;
    // Reading back or ahead with no anchor to look for would skip rows.
    for (const from of ['{"o":-1,"a":[]}', '0', '{"o":20,"a":[7]}', '{"o":0,"a":[],"f":1}']) {
      const error = await paginate(source, { runner: v.runners.dingtalk, from, repairDrift: true })
        .toArray()
        .catch((e: unknown) => e);
      expect(isPaginationError(error, 'INVALID_CURSOR'), from).toBe(true);
    }
    expect(v.sims.dingtalk.log.entries.length).toBe(before); // refused before anything is sent
  });

  /** A walk of 20 a page over `n` rows, with `change` run once after `after` pages. */
  async function walkChanged(
    n: number,
    after: number,
    change: (v: Vendors, yielded: number) => void,
  ) {
    const v = vendorsFor(c, n);
    const source = v.sources.adjustments as Source<unknown>;
    const original = (await walk(vendorsFor(c, n), c, 100)).keys;
    const keys: string[] = [];
    let pages = 0;
    let repairs = { realigned: 0, unanchored: 0, reordered: 0 };
    let duplicates = 0;
    const walked = paginate(source, {
      runner: v.runners.dingtalk,
      size: 20,
      repairDrift: true,
      onProgress: (p) => {
        if (p.repairs) repairs = p.repairs;
        duplicates = p.duplicates;
      },
    });
    for await (const page of walked) {
      keys.push(...page.items.map((i) => source.key(i)));
      if (++pages === after) change(v, keys.length);
    }
    const deleted = new Set(v.sims.dingtalk.mutations.deleted);
    return { keys, kept: original.filter((k) => !deleted.has(k)), repairs, duplicates };
  }
  const adjustments = '/v1.0/attendance/adjustments';

  it('a burst of inserts above the reader, more than a page, reads nothing again and loses nothing', async () => {
    // 40 rows pushed every row read two pages on: the walk reads ahead for where it stood.
    const { keys, kept, repairs, duplicates } = await walkChanged(300, 5, (v) =>
      v.sims.dingtalk.insertItems(adjustments, 40, 'start'),
    );
    expect(keys.filter((k) => kept.includes(k))).toEqual(kept);
    expect(repairs.unanchored).toBe(0);
    expect(duplicates).toBe(0); // no row read again and held back
  });

  it('a burst further than it looks (100 rows, five pages) loses its place, says so, and goes on to the end: every row once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { keys, kept, repairs } = await walkChanged(400, 5, (v) =>
      v.sims.dingtalk.insertItems(adjustments, 100, 'start'),
    );
    // No CURSOR_LOOP: the rows it reads again (held back as repeats) do not stop the walk.
    expect(repairs.unanchored).toBe(1);
    expect(new Set(keys).size).toBe(keys.length);
    expect(kept.filter((k) => !keys.includes(k))).toEqual([]);
    warn.mockRestore();
  });

  it('rows deleted at the end of the page just read (the ones it stood on) lose no row after them', async () => {
    const { keys, kept, repairs } = await walkChanged(300, 3, (v, yielded) =>
      v.sims.dingtalk.deleteItems(adjustments, 5, yielded - 5),
    );
    expect(keys.filter((k) => kept.includes(k))).toEqual(kept);
    expect(repairs.unanchored).toBe(0);
  });

  it('says when none of the rows it stood on is left, and goes on', async () => {
    const v = vendorsFor(c, 200);
    const source = repairDrift(v.sources.adjustments as PageNumberSource<unknown>);
    const runner = v.runners.dingtalk;
    const one = await runner.fetchPage(source, { cursor: null, size: 20 });
    // Every row the walk read vanishes: nothing it holds is left to stand on.
    v.sims.dingtalk.deleteItems('/v1.0/attendance/adjustments', 20, 'start');
    let next = one.next;
    const after: string[] = [];
    while (next !== null) {
      const page = await runner.fetchPage(source, { cursor: next, size: 20 });
      after.push(...page.items.map((i) => source.key(i)));
      next = page.next;
    }
    expect(source.report.unanchored).toBe(1);
    expect(after).toHaveLength(180);
  });
});

/**
 * An offset/limit API over rows held in memory, as a vendor whose rows change between reads: a
 * row can move (its sort key changed), which the simulators' collections do not do.
 */
function movingRowsApi(
  n: number,
  limits?: { min: number; max: number; default: number },
  vendor: {
    cap?: number | ((request: number) => number);
    total?: boolean;
    ignoresOffset?: boolean;
    totalOver?: number;
  } = {},
) {
  const rows = Array.from({ length: n }, (_, i) => `r${i}`);
  let before: (request: number) => void = () => {};
  let requests = 0;
  const fetch = async (input: RequestInfo | URL) => {
    before(++requests);
    const url = new URL(String(input));
    const offset = vendor.ignoresOffset ? 0 : Number(url.searchParams.get('offset'));
    const cap = typeof vendor.cap === 'function' ? vendor.cap(requests) : vendor.cap;
    const limit = Math.min(Number(url.searchParams.get('limit')), cap ?? Infinity);
    const items = rows.slice(offset, offset + limit).map((id) => ({ id }));
    const total = rows.length + (vendor.totalOver ?? 0);
    return Response.json(vendor.total ? { items, total } : { items });
  };
  const runner = createRequestRunner({
    baseUrl: 'https://api.example',
    fetch,
    retry: { retries: 0 },
  });
  const source = offsetLimitSource<{ id: string }>({
    path: '/items',
    key: (row) => row.id,
    ...(limits ? { limits } : {}),
    ...(vendor.total ? { total: 'total' } : {}),
  });
  return {
    rows,
    runner,
    source,
    beforeRequest: (change: (request: number) => void) => {
      before = change;
    },
  };
}

describe('rows that move while a repaired walk reads them', () => {
  const walkAll = async (api: ReturnType<typeof movingRowsApi>, dedupe = true, size = 20) => {
    const ids: string[] = [];
    let repairs = { realigned: 0, unanchored: 0, reordered: 0 };
    const walked = paginate(api.source, {
      runner: api.runner,
      size,
      dedupe,
      onProgress: (p) => {
        if (p.repairs) repairs = p.repairs;
      },
    });
    for await (const page of walked) ids.push(...page.items.map((row) => row.id));
    return { ids, repairs };
  };

  it('a row read that moved a few places on (its sort key changed) is reported, not passed off as inserts', async () => {
    const api = movingRowsApi(100);
    api.beforeRequest((request) => {
      if (request !== 2) return;
      const [moved] = api.rows.splice(19, 1); // the last row of page 1 now sorts after r30
      api.rows.splice(30, 0, moved!);
    });
    const { ids, repairs } = await walkAll(api, false);
    // A window cannot tell r20…r30 from rows inserted before r19: the walk goes on after r19, as
    // after inserts above the reader, and says rows not read stood among those it read.
    expect(repairs.reordered).toBe(1);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !/^r(2\d|30)$/.test(id))).toEqual(
      Array.from({ length: 100 }, (_, i) => `r${i}`).filter((id) => !/^r(2\d|30)$/.test(id)),
    );
  });

  it('a vendor with a small maximum: where no window holds the last row read, it reads back, then on', async () => {
    // At most 5 a request: at offset 60 (a multiple of 2, 3, 4 and 5) no window holds row 59 and 60.
    const api = movingRowsApi(200, { min: 1, max: 5, default: 4 });
    const { ids } = await walkAll(api, false, 4);
    expect(ids).toEqual(Array.from({ length: 200 }, (_, i) => `r${i}`));
  });

  it('a vendor that caps its page below its stated maximum, with a count: read to the end, windows kept within the cap', async () => {
    const all = Array.from({ length: 1000 }, (_, i) => `r${i}`);
    for (const [cap, size] of [
      [25, 25],
      [25, 20],
      [30, 20],
      [22, 20],
      [11, 10],
    ] as const) {
      const api = movingRowsApi(1000, undefined, { cap, total: true });
      const { ids } = await walkAll(api, false, size);
      expect(ids, `cap ${cap}, size ${size}`).toEqual(all);
    }
    // Rows inserted and deleted meanwhile: still none lost, none twice.
    const api = movingRowsApi(300, undefined, { cap: 25, total: true });
    api.beforeRequest((request) => {
      if (request % 3 === 0) api.rows.splice(request % 50, 0, `new${request}`);
      if (request % 4 === 0) api.rows.splice(request % 40, 1);
    });
    const kept = new Set(api.rows);
    const { ids } = await walkAll(api, false, 20);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...kept].filter((id) => api.rows.includes(id) && !ids.includes(id))).toEqual([]);
  });

  it('a count a row too high ends the walk where the rows end, in one request more, with dedupe on or off', async () => {
    for (const dedupe of [true, false]) {
      const api = movingRowsApi(120, undefined, { total: true });
      const fetched: number[] = [];
      api.beforeRequest((request) => {
        fetched.push(request);
        if (request > 40) throw new Error('the walk does not end');
      });
      const inflated = {
        ...api.source,
        parse: (body: unknown, context: never) => {
          const page = api.source.parse(body, context);
          return { ...page, total: (page.total ?? 0) + 1 };
        },
      } as typeof api.source;
      const ids: string[] = [];
      for await (const page of paginate(inflated, { runner: api.runner, size: 20, dedupe }))
        ids.push(...page.items.map((row) => row.id));
      expect(ids).toEqual(Array.from({ length: 120 }, (_, i) => `r${i}`));
      expect(fetched.length).toBeLessThanOrEqual(9);
    }
  });

  it('no count, rows inserted at the head before every request: the walk ends where the rows end', async () => {
    for (const [size, inserted] of [
      [20, 19],
      [7, 5],
    ] as const) {
      const api = movingRowsApi(120);
      let k = 0;
      api.beforeRequest((request) => {
        if (request > 300) throw new Error('the walk does not end');
        if (request > 1)
          api.rows.splice(0, 0, ...Array.from({ length: inserted }, () => `new${k++}`));
      });
      const { ids } = await walkAll(api, false, size);
      expect(ids.filter((id) => id.startsWith('r'))).toEqual(
        Array.from({ length: 120 }, (_, i) => `r${i}`),
      );
    }
  });

  it('a count far too high, rows inserted at the head before every request: the walk still ends where the rows end', async () => {
    // The count says more where the rows end: a short window there looks like a vendor's cap.
    // A cap just learned must bring rows past those read (rows pushed on from above do not), and
    // past a cap learned, a place lost ends the walk as the short window would have.
    const headInserts = (n: number, inserted: number) => {
      const api = movingRowsApi(n, undefined, { total: true, totalOver: 100 });
      let k = 0;
      api.beforeRequest((request) => {
        if (request > 300) throw new Error('the walk does not end');
        if (request > 1)
          api.rows.splice(0, 0, ...Array.from({ length: inserted }, () => `new${k++}`));
      });
      return api;
    };
    for (const [n, size, inserted] of [
      [100, 20, 19],
      [105, 40, 39],
      [120, 20, 10],
      [105, 20, 5],
    ] as const) {
      const { ids } = await walkAll(headInserts(n, inserted), true, size);
      expect(ids.filter((id) => id.startsWith('r'))).toEqual(
        Array.from({ length: n }, (_, i) => `r${i}`),
      );
    }
    // Where the rows read come round again at the end, the walk stops with `CURSOR_LOOP` — after
    // every row: it never goes on for ever.
    for (const [size, inserted] of [
      [20, 19],
      [20, 10],
      [40, 20],
      [40, 39],
    ] as const)
      for (let n = 100; n < 120; n++) {
        const api = headInserts(n, inserted);
        const read = new Set<string>();
        try {
          for await (const page of paginate(api.source, { runner: api.runner, size }))
            for (const row of page.items) read.add(row.id);
        } catch (error) {
          expect(error).toMatchObject({ code: 'CURSOR_LOOP' });
        }
        expect([...read].filter((id) => id.startsWith('r'))).toHaveLength(n);
      }
  });

  it('a vendor that caps its page, with a count: a cap lowered mid-walk, a burst of inserts, rows that leave as they are read — every row', async () => {
    const all = (n: number) => Array.from({ length: n }, (_, i) => `r${i}`);
    const limits = { min: 1, max: 100, default: 20 };
    // Load shedding: 40 a request, then 25 from the fifth.
    const shedding = movingRowsApi(1000, limits, {
      cap: (request) => (request >= 5 ? 25 : 40),
      total: true,
    });
    expect((await walkAll(shedding, false, 20)).ids).toEqual(all(1000));
    // 100 rows inserted above at once, more than the windows reach back: the place is lost,
    // and the walk goes on from further back (repeats, removed by key), past the cap it learned.
    const burst = movingRowsApi(1000, limits, { cap: 40, total: true });
    burst.beforeRequest((request) => {
      if (request === 10)
        burst.rows.splice(0, 0, ...Array.from({ length: 100 }, (_, i) => `new${i}`));
    });
    const read = (await walkAll(burst, true, 20)).ids;
    expect(read.filter((id) => id.startsWith('r'))).toEqual(all(1000));
    // A work queue: each row read leaves the list (marked done), so no anchor is ever found.
    const queue = movingRowsApi(500, limits, { cap: 40, total: true });
    const done = new Set<string>();
    for await (const page of paginate(queue.source, { runner: queue.runner, size: 20 }))
      for (const row of page.items) {
        done.add(row.id);
        queue.rows.splice(queue.rows.indexOf(row.id), 1);
      }
    expect(done.size).toBe(500);
  });

  it('no count, small pages: the end is the end (no cap learned from a short last window)', async () => {
    for (const n of [24, 60, 120]) {
      const api = movingRowsApi(n);
      const { ids } = await walkAll(api, false, 3);
      expect(ids).toEqual(Array.from({ length: n }, (_, i) => `r${i}`));
    }
  });

  it('a vendor that ignores the paging parameters (another name for them) is a CURSOR_LOOP, not a silent end', async () => {
    const api = movingRowsApi(1000, undefined, { cap: 20, ignoresOffset: true, total: true });
    await expect(walkAll(api, false, 20)).rejects.toMatchObject({ code: 'CURSOR_LOOP' });
  });

  it('rows inserted among the last rows read: nothing read again, the rows after them all come', async () => {
    const api = movingRowsApi(100);
    api.beforeRequest((request) => {
      if (request !== 2) return;
      api.rows.splice(18, 0, 'n1'); // between r17 and r18
      api.rows.splice(20, 0, ...Array.from({ length: 15 }, (_, i) => `m${i}`)); // between r18 and r19
    });
    const { ids, repairs } = await walkAll(api, false);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id.startsWith('r'))).toEqual(
      Array.from({ length: 100 }, (_, i) => `r${i}`),
    );
    expect(repairs.reordered + repairs.realigned).toBeGreaterThan(0);
  });

  it('rows pushed on by inserts and pulled back by deletes before the next read come once', async () => {
    const c = CASES[1]!;
    const v = vendorsFor(c, 100);
    const source = v.sources.offsetItems as Source<unknown>;
    const ids: string[] = [];
    let pages = 0;
    for await (const page of paginate(source, {
      runner: v.runners.generic,
      size: 10,
      dedupe: false,
    })) {
      ids.push(...page.items.map((i) => source.key(i)));
      pages++;
      if (pages === 2) v.sims.generic.insertItems('/items', 14, 'start');
      if (pages === 3) v.sims.generic.deleteItems('/items', 14, 'start');
    }
    const original = (await walk(vendorsFor(c, 100), c, 100, false)).keys;
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((k) => original.includes(k))).toEqual(original);
  });

  it('lost its place, a walk hands on the rows of the window it holds rather than dropping them', async () => {
    const c = CASES[1]!;
    const v = vendorsFor(c, 300);
    const source = v.sources.offsetItems as Source<unknown>;
    const original = (await walk(vendorsFor(c, 300), c, 100, false)).keys;
    const ids: string[] = [];
    let pages = 0;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    let repairs = { realigned: 0, unanchored: 0, reordered: 0 };
    const walked = paginate(source, {
      runner: v.runners.generic,
      size: 20,
      onProgress: (p) => {
        if (p.repairs) repairs = p.repairs;
      },
    });
    for await (const page of walked) {
      ids.push(...page.items.map((i) => source.key(i)));
      if (++pages === 3) v.sims.generic.deleteItems('/items', 45, 'start');
    }
    warn.mockRestore();
    expect(repairs.unanchored).toBe(1);
    const deleted = new Set(v.sims.generic.mutations.deleted);
    expect(original.filter((k) => !deleted.has(k) && !ids.includes(k))).toEqual([]);
  });
});
