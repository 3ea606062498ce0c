import type { Source } from '@pagewise/core';
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { reactSimulators } from './test-support/vendors.js';
import { usePagedTable } from './use-paged-table.js';

const vendors = reactSimulators();
const path = '/v1.0/attendance/adjustments';
const ids = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => String(500_000 + from + i));

describe('usePagedTable with repairDrift, through TanStack Query', () => {
  it('a page refetched (an equal copy kept by the cache) still tells the next page where it ended: 12 pages with rows deleted above skip nothing', async () => {
    const v = vendors({ dingtalk: { sizes: { adjustments: 1000 } } });
    const source = v.sources.adjustments as Source<unknown>;
    const { result } = renderHook(
      () =>
        usePagedTable({
          source,
          runner: v.runners.dingtalk,
          pageSize: 20,
          prefetch: false,
          repairDrift: true,
        }),
      { wrapper: v.wrapper },
    );
    const settled = async (index: number) => {
      await waitFor(() => {
        expect(result.current.shownPageIndex).toBe(index);
        expect(result.current.isFetching).toBe(false);
      });
      return result.current.rows.map((r) => source.key(r));
    };
    const seen = await settled(0);
    act(() => result.current.nextPage());
    seen.push(...(await settled(1)));
    for (let i = 2; i < 12; i++) {
      v.sims.dingtalk.deleteItems(path, 5, 'start');
      // The page on screen is fetched again (after a mutation, a window focus): read on from
      // the page before it, it holds the same rows, and TanStack Query keeps the copy it had.
      const before = v.requests('dingtalk', path).length;
      act(() => result.current.refetch());
      await waitFor(() => expect(v.requests('dingtalk', path).length).toBeGreaterThan(before));
      const again = await settled(i - 1);
      expect(again).toEqual(seen.slice(-20));
      act(() => result.current.nextPage());
      seen.push(...(await settled(i)));
    }
    // The first 240 rows as they were, each once, in order; one request a refetch, and at most
    // two a page turn (a read back where the rows moved further than the window's overlap).
    expect(seen).toEqual(ids(0, 240));
    expect(v.requests('dingtalk', path).length).toBeLessThanOrEqual(2 + 10 * 3);
  });
});
