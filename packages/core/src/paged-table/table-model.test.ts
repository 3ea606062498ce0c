import { simulatedVendors } from '@pagewise/testkit';
import { describe, expect, it, vi } from 'vitest';
import type { Source } from '../types.js';
import { memoryPageCache } from './memory-page-cache.js';
import { prefetchPace } from './prefetch-pace.js';
import {
  type ComputeContext,
  computeTable,
  createTableModel,
  isCurrent,
  loadPage,
  openingIndex,
  rescope,
  type TableConfig,
  tableView,
} from './table-model.js';

const v = simulatedVendors({ mews: { sizes: { customers: 100 } } });
const customers = v.sources.customers as Source<unknown>; // a cursor after each item
const config: TableConfig<unknown> = { source: customers, runner: v.runners.mews, pageSize: 10 };

const context = (ahead = 0, cache = memoryPageCache<unknown>()): ComputeContext<unknown> => ({
  cache,
  pace: prefetchPace(ahead),
  now: () => 0,
  listening: () => true,
  hold: (change) => change(),
  run: () => {},
});

describe('table model', () => {
  it('rescopes on another page size or scope, not on the same ones written anew', () => {
    const model = createTableModel(config);
    expect(rescope(model, { ...config })).toBe(false);
    expect(rescope(model, { ...config, pageSize: 20 })).toBe(true);
    expect(model.pageSize).toBe(20);
    expect(rescope(model, { ...config, pageSize: 20, params: { states: ['Started'] } })).toBe(true);
  });

  it('opens a page a cursor table cannot reach at the nearest it can, with a development warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const model = createTableModel(config);
    const strict = { ...config, forwardJumps: 'disabled' as const };
    expect(openingIndex(model, strict, 7)).toBe(0);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(openingIndex(model, config, 7)).toBe(7); // one stretched walk of 8 pages reaches it
    expect(openingIndex(model, config, Number.NaN)).toBe(0);
    warn.mockRestore();
  });

  it('a page fetched teaches the book only when it is of the current scope and size', async () => {
    const ctx = context();
    const model = createTableModel(config);
    const view = tableView(model, config, ctx.cache);
    const first = { index: 0, key: view.keyOf(null, 'after'), span: 1 };
    expect(isCurrent(model, first)).toBe(true);
    const page = await loadPage(model, config, first, undefined, ctx);
    expect(page.items).toHaveLength(10);
    expect(view.read.keyAt(1)?.cursor).toBe(page.next);
    rescope(model, { ...config, pageSize: 20 });
    expect(isCurrent(model, first)).toBe(false);
  });

  it('a stretched answer the cache already holds is split at once: the pages it covers are known without a fetch', async () => {
    // One page kept ahead: page 3 is wanted with page 4, from the start, in one request of 40.
    const ctx = context(1);
    const model = createTableModel(config);
    const all = await v.runners.mews.fetchPage(customers, { cursor: null, size: 40 });
    // The same request (no cursor, 40 items) made before, e.g. by a table at another size.
    ctx.cache.put(tableView(model, config, ctx.cache).keyOf(null, 'after', 4), all);
    model.requested = 2;
    const state = computeTable(model, config, ctx);
    expect(state.rows).toEqual(all.items.slice(20, 30));
    expect(state).toMatchObject({ shownPageIndex: 2, isPlaceholderData: false });
  });
});
