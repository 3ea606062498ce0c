import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { paginate } from '../paginate.js';
import { simulatedTable } from '../test-support/simulated-table.js';
import type { Source } from '../types.js';

/**
 * Model-based: random sequences of page turns, jumps, size changes, failures and inserts against
 * a model that knows only the data and the page requested. After each step the table settles and
 * must agree with the model: the page requested, the rows shown, the page count, whether Next
 * and Previous are offered, and no page fetched twice (but for a retry after a failure).
 */
interface Model {
  n: number;
  size: number;
  requested: number;
  faults: number;
  mutated: boolean;
}
type Table = ReturnType<typeof simulatedTable> & {
  all: unknown[];
  key(item: unknown): string;
  source: Source<unknown>;
};
const lastIndex = (m: Model) => Math.max(0, Math.ceil(m.n / m.size) - 1);

async function check(m: Model, t: Table) {
  const state = await t.settle();
  expect(state.pageIndex).toBe(m.requested);
  expect(state.pageSize).toBe(m.size);
  if (!state.error) {
    expect(state.shownPageIndex).toBe(m.requested);
    expect(state.isPlaceholderData).toBe(false);
  }
  const keys = state.rows.map(t.key);
  expect(new Set(keys).size).toBe(keys.length);
  expect(state.rows.length).toBeLessThanOrEqual(state.page?.size ?? m.size);
  if (!m.mutated && state.page) {
    const from = state.shownPageIndex * state.page.size;
    expect(keys).toEqual(t.all.slice(from, from + state.page.size).map(t.key));
  }
  if (!m.mutated && !state.error) {
    expect([-1, lastIndex(m) + 1]).toContain(state.pageCount);
    // A failed prefetch of the page after the last (Mews: the empty page after a full one) leaves
    // the end unknown: Next is offered, and pressing it finds the end.
    const endUnknown = m.faults > 0 && state.pageCount === -1 && m.requested === lastIndex(m);
    if (!endUnknown) expect(state.canNextPage).toBe(m.requested < lastIndex(m));
    expect(state.canPreviousPage).toBe(m.requested > 0);
  }
  const seen = new Map<string, number>();
  for (const e of t.requests()) {
    const k = `${e.size}|${e.cursorIn}|${JSON.stringify(e.params)}`;
    seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  const repeats = [...seen.values()].reduce((sum, count) => sum + count - 1, 0);
  expect(repeats).toBeLessThanOrEqual(m.faults);
}

/** A page requested past the end turns into the last page once the table knows where it is. */
async function settleModel(m: Model, t: Table) {
  const state = await t.settle();
  if (m.requested > lastIndex(m) && !state.error) m.requested = lastIndex(m);
  if (m.mutated) m.requested = state.pageIndex;
}

class Next implements fc.AsyncCommand<Model, Table> {
  check = () => true;
  async run(m: Model, t: Table) {
    // Next is offered exactly when the model has a next page (checked after every step), or,
    // after a failure or while the data moves, when the table cannot know yet.
    const offered = t.table.getState().canNextPage;
    t.table.nextPage();
    if (offered) m.requested++;
    await settleModel(m, t);
    await check(m, t);
  }
  toString = () => 'next';
}
class Previous implements fc.AsyncCommand<Model, Table> {
  check = () => true;
  async run(m: Model, t: Table) {
    const offered = t.table.getState().canPreviousPage;
    t.table.previousPage();
    if (offered) m.requested--;
    await settleModel(m, t);
    await check(m, t);
  }
  toString = () => 'previous';
}
class GoTo implements fc.AsyncCommand<Model, Table> {
  constructor(readonly index: number) {}
  check = () => true;
  async run(m: Model, t: Table) {
    const reason = t.table.pageDisabledReason(this.index);
    if (!m.mutated && this.index > lastIndex(m) && t.table.getState().pageCount >= 0)
      expect(reason).toBeDefined();
    if (t.source.kind === 'page' && this.index <= lastIndex(m) && !m.mutated)
      expect(reason).toBeUndefined();
    t.table.setPageIndex(this.index);
    if (reason === undefined) m.requested = this.index;
    await settleModel(m, t);
    await check(m, t);
  }
  toString = () => `goTo(${this.index})`;
}
class Resize implements fc.AsyncCommand<Model, Table> {
  constructor(readonly size: number) {}
  check = () => true;
  async run(m: Model, t: Table) {
    t.table.setPageSize(this.size);
    if (this.size !== m.size) {
      m.size = this.size;
      m.requested = 0;
    }
    await settleModel(m, t);
    await check(m, t);
  }
  toString = () => `setPageSize(${this.size})`;
}
class Fail implements fc.AsyncCommand<Model, Table> {
  check = () => true;
  async run(m: Model, t: Table) {
    // The next request fails (whichever it is: the page asked for, or a prefetch).
    t.sim.injectOnce({ kind: 'malformed', malformed: 'html' });
    m.faults++;
    await check(m, t);
  }
  toString = () => 'fail the next request';
}
class Retry implements fc.AsyncCommand<Model, Table> {
  check = () => true;
  async run(m: Model, t: Table) {
    t.table.retry();
    await settleModel(m, t);
    await check(m, t);
  }
  toString = () => 'retry';
}
class Insert implements fc.AsyncCommand<Model, Table> {
  check = (m: Readonly<Model>) => !m.mutated;
  async run(m: Model, t: Table) {
    // Every list request from now on inserts a row at the head: the data moves under the table.
    t.sim.configure({ insertEvery: 1, mutationAt: 'head' });
    m.mutated = true;
    await settleModel(m, t);
    await check(m, t);
  }
  toString = () => 'insert rows';
}

const SOURCES = [
  { vendor: 'dingtalk', source: 'adjustments', collection: 'adjustments', sizes: [5, 10, 20] },
  { vendor: 'generic', source: 'offsetItems', collection: 'items', sizes: [5, 10, 20] },
  { vendor: 'lineworks', source: 'users', collection: 'users', sizes: [5, 10, 20] },
  { vendor: 'mews', source: 'customers', collection: 'customers', sizes: [5, 10, 20] },
  { vendor: 'dashly', source: 'conversations', collection: 'conversations', sizes: [5, 10, 20] },
] as const;

describe.each(SOURCES)('paged table, model-based, over $vendor $source', (c) => {
  it('agrees with the model through random turns, jumps, size changes, failures and inserts', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const commands = [
      fc.constant(new Next()),
      fc.constant(new Next()),
      fc.constant(new Previous()),
      fc.integer({ min: 0, max: 25 }).map((i) => new GoTo(i)),
      fc.constantFrom(...c.sizes).map((s) => new Resize(s)),
      fc.constant(new Fail()),
      fc.constant(new Retry()),
      fc.constant(new Insert()),
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 120 }),
        fc.constantFrom(...c.sizes),
        fc.commands(commands, { maxCommands: 14 }),
        async (n, size, cmds) => {
          const sizes = c.vendor === 'generic' ? { size: n } : { sizes: { [c.collection]: n } };
          const t = simulatedTable(c.vendor, c.source, { [c.vendor]: sizes }, { pageSize: size });
          const source = t.v.sources[c.source] as Source<unknown>;
          const all = await paginate(source, { runner: t.v.runners[c.vendor] }).toArray();
          t.sim.log.clear();
          const table = Object.assign(t, { all, key: source.key, source });
          const model: Model = { n, size, requested: 0, faults: 0, mutated: false };
          await check(model, table);
          await fc.asyncModelRun(() => ({ model, real: table }), cmds);
          t.stop();
        },
      ),
      { numRuns: Number(process.env.MODEL_RUNS ?? 25) },
    );
  }, 60_000);
});
