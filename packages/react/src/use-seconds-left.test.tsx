import type { Source } from '@pagewise/core';
import { act, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { reactSimulators } from './test-support/vendors.js';
import { usePagedTable } from './use-paged-table.js';
import type { PagedTable } from './use-paged-table.types.js';
import { useSecondsLeft } from './use-seconds-left.js';

const vendors = reactSimulators();

let table: PagedTable<unknown> | undefined;
const seen: Array<number | undefined> = [];
function Adjustments({ source, runner }: { source: Source<unknown>; runner: never }) {
  const t = usePagedTable({ source, runner, pageSize: 10, prefetch: false });
  table = t;
  const seconds = useSecondsLeft(t.retrying);
  if (seen.at(-1) !== seconds) seen.push(seconds);
  return (
    <p role="status">
      {seconds === undefined ? `showing ${t.shownPageIndex + 1}` : `trying again in ${seconds} s`}
    </p>
  );
}

const rendered: Array<number | undefined> = [];
function Status({ wait }: { wait: { until: number } | undefined }) {
  rendered.push(useSecondsLeft(wait));
  return null;
}

describe('useSecondsLeft', () => {
  it("counts a table's wait down each second, on its own, and is undefined once the page lands", async () => {
    // The runner sleeps its waits for real (the simulators' runners only record them).
    const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
    const v = vendors({ dingtalk: { sizes: { adjustments: 45 } } }, { runner: { sleep } });
    render(
      <v.wrapper>
        <Adjustments
          source={v.sources.adjustments as Source<unknown>}
          runner={v.runners.dingtalk as never}
        />
      </v.wrapper>,
    );
    const status = () => screen.getByRole('status').textContent;
    await waitFor(() => expect(status()).toBe('showing 1'));
    seen.length = 0;
    v.sims.dingtalk.injectOnce({ kind: 'rate-limit', retryAfterSeconds: 2 });
    act(() => table!.nextPage());
    await waitFor(() => expect(status()).toBe('trying again in 2 s'));
    // Nothing re-renders the table while it waits but the countdown itself.
    await waitFor(() => expect(status()).toBe('trying again in 1 s'), { timeout: 1_500 });
    await waitFor(() => expect(status()).toBe('showing 2'), { timeout: 2_000 });
    expect(seen.filter((s) => s !== undefined && s > 0)).toEqual([2, 1]);
    expect(seen.at(-1)).toBeUndefined();
  });

  it("drops at the wait's own second marks, stops at 0, and sets no timer while nothing waits", () => {
    vi.useFakeTimers({ now: 10_000 });
    try {
      rendered.length = 0;
      const wait = { until: 12_500 };
      const { rerender } = render(<Status wait={wait} />);
      expect(rendered.at(-1)).toBe(3);
      act(() => vi.advanceTimersByTime(499));
      expect(rendered.at(-1)).toBe(3);
      act(() => vi.advanceTimersByTime(1));
      expect(rendered.at(-1)).toBe(2);
      act(() => vi.advanceTimersByTime(2_000));
      expect(rendered.at(-1)).toBe(0);
      expect(vi.getTimerCount()).toBe(0);
      const renders = rendered.length;
      act(() => vi.advanceTimersByTime(5_000));
      expect(rendered.length).toBe(renders);
      rerender(<Status wait={undefined} />);
      expect(rendered.at(-1)).toBeUndefined();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
