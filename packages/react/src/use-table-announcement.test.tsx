import type { Source } from '@pagewise/core';
import { act, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { reactSimulators } from './test-support/vendors.js';
import { usePagedTable } from './use-paged-table.js';
import type { PagedTable } from './use-paged-table.types.js';
import { useTableAnnouncement } from './use-table-announcement.js';

const vendors = reactSimulators();

let table: PagedTable<unknown> | undefined;
function Adjustments({ source, runner }: { source: Source<unknown>; runner: never }) {
  const t = usePagedTable({ source, runner, pageSize: 10, prefetch: false });
  table = t;
  const announcement = useTableAnnouncement(t);
  return (
    <>
      <p>{`showing ${t.shownPageIndex + 1}`}</p>
      <div role="status">{announcement}</div>
    </>
  );
}

describe('useTableAnnouncement', () => {
  it('says a page once its rows are on screen, not when it is requested, and says a failure', async () => {
    const v = vendors({ dingtalk: { sizes: { adjustments: 45 }, faults: { latencyMs: 80 } } });
    const source = v.sources.adjustments as Source<unknown>;
    render(
      <v.wrapper>
        <Adjustments source={source} runner={v.runners.dingtalk as never} />
      </v.wrapper>,
    );
    const status = () => screen.getByRole('status').textContent;
    await screen.findByText('showing 1');
    await waitFor(() => expect(table?.isLoading).toBe(false));
    expect(status()).toBe('');
    act(() => table!.nextPage());
    // Requested, still showing page 1: nothing said yet.
    expect(table!.pageIndex).toBe(1);
    expect(status()).toBe('');
    await screen.findByText('showing 2');
    await waitFor(() => expect(status()).toBe('Page 2 of 5 loaded, 10 rows'));
    act(() => table!.setPageIndex(4));
    await waitFor(() => expect(status()).toBe('Page 5 of 5 loaded, 5 rows'));
    for (let i = 0; i < 8; i++) v.sims.dingtalk.injectOnce({ kind: 'server-error', status: 500 });
    act(() => table!.setPageIndex(2));
    await waitFor(() => expect(status()).toMatch(/^Page 3 could not be loaded: /), {
      timeout: 4000,
    });
  });

  it('says once that the requested page is delayed, why and for how long, then the page', async () => {
    let release: (() => void) | undefined;
    const v = vendors(
      { dingtalk: { sizes: { adjustments: 45 } } },
      {
        runner: {
          retry: { retries: 2 },
          sleep: () => new Promise<void>((resolve) => (release = resolve)),
        },
      },
    );
    const source = v.sources.adjustments as Source<unknown>;
    render(
      <v.wrapper>
        <Adjustments source={source} runner={v.runners.dingtalk as never} />
      </v.wrapper>,
    );
    const status = () => screen.getByRole('status').textContent;
    await waitFor(() => expect(table?.isLoading).toBe(false));
    v.sims.dingtalk.injectOnce({ kind: 'rate-limit', retryAfterSeconds: 20 });
    act(() => table!.nextPage());
    await waitFor(() =>
      expect(status()).toBe('Page 2 is delayed (too many requests): trying again in 20 s'),
    );
    expect(table!.retrying).toMatchObject({ code: 'RATE_LIMITED', status: 429, inMs: 20_000 });
    act(() => release!());
    await waitFor(() => expect(status()).toBe('Page 2 of 5 loaded, 10 rows'));
    expect(table!.retrying).toBeUndefined();
  });

  it('says the first page once it lands after a failure that was said', async () => {
    const v = vendors({ mews: { sizes: { customers: 45 } } });
    const source = v.sources.customers as Source<unknown>;
    // The runner's 5 attempts at the first page fail.
    for (let i = 0; i < 5; i++) v.sims.mews.injectOnce({ kind: 'server-error', status: 503 });
    render(
      <v.wrapper>
        <Adjustments source={source} runner={v.runners.mews as never} />
      </v.wrapper>,
    );
    const status = () => screen.getByRole('status').textContent;
    await waitFor(() => expect(status()).toMatch(/^Page 1 could not be loaded/));
    act(() => table!.retry());
    await waitFor(() => expect(status()).toBe('Page 1 loaded, 10 rows'));
  });
});
