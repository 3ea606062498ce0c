/**
 * Each hook that takes another hook's object, wired the default way, agrees with the controller
 * behind it: what a button offers is what the controller would do.
 */
import type { RequestRunner, Source } from '@pagewise/core';
import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reactSimulators } from './test-support/vendors.js';
import { useFeed } from './use-feed.js';
import { useInfiniteList } from './use-infinite-list.js';
import { useKeepScrollOnPrepend } from './use-keep-scroll-on-prepend.js';
import { useLoadMoreTrigger } from './use-load-more-trigger.js';
import { usePageRange } from './use-page-range.js';
import { usePagedTable } from './use-paged-table.js';

const vendors = reactSimulators();
afterEach(() => vi.restoreAllMocks());

/** A forward-only table opened from a link at page 13, with page buttons wired the default way. */
function LinkedTable(props: { source: Source<unknown>; runner: RequestRunner; cursor: string }) {
  const paged = usePagedTable({
    source: props.source,
    runner: props.runner,
    pageSize: 20,
    forwardJumps: 'disabled',
    link: { index: 12, cursor: props.cursor },
    pageIndex: 12,
    prefetch: false,
  });
  const range = usePageRange(paged, { label: 'Users pages' });
  return (
    <nav {...range.getNavProps()}>
      <button {...range.getPreviousProps()}>‹</button>
      <span data-testid="shown">{paged.shownPageIndex}</span>
      <button {...range.getNextProps()}>›</button>
    </nav>
  );
}

/** A table with page buttons and Next wired the default way, saying when it failed. */
function FailingFirst(props: { source: Source<unknown>; runner: RequestRunner }) {
  const paged = usePagedTable({ ...props, pageSize: 20 });
  const range = usePageRange(paged);
  return (
    <nav {...range.getNavProps()}>
      {range.items.map((item) =>
        item.type === 'page' ? (
          <button key={item.index} {...range.getPageProps(item.index)}>
            {item.index + 1}
          </button>
        ) : null,
      )}
      <button {...range.getNextProps()}>›</button>
      <output>{paged.error ? 'failed' : paged.rows.length}</output>
    </nav>
  );
}

/** A list whose sentinel is wired the default way. */
function Sentinel(props: { source: Source<unknown>; runner: RequestRunner }) {
  const list = useInfiniteList({ ...props, pageSize: 10 });
  const end = useLoadMoreTrigger(list);
  return (
    <>
      <output>{list.items.length}</output>
      <div ref={end} />
    </>
  );
}

/** A feed and a scroll keeper, both keyed by the list. */
function Feed(props: { source: Source<{ userId: string; email: string }>; runner: RequestRunner }) {
  const list = useInfiniteList({ ...props, pageSize: 5 });
  const feed = useFeed({ list, label: 'Users' });
  const box = useRef<HTMLElement | null>(null);
  useKeepScrollOnPrepend(box, list);
  return (
    <section {...feed.getFeedProps({ ref: box })}>
      {list.items.map((u, i) => (
        <article key={list.itemKey(u)} {...feed.getItemProps(u, i)}>
          {u.email}
        </article>
      ))}
    </section>
  );
}

describe('usePagedTable → usePageRange', () => {
  it('a forward-only table opened from a link at page 13 offers no Previous, and says why', async () => {
    const v = vendors({ lineworks: { sizes: { users: 400 } } });
    const source = v.sources.users as Source<{ userId: string }>;
    const runner = v.runners.lineworks;
    // A cursor the table handed out for page 13, as a link carries it.
    let cursor: string | null = null;
    for (let i = 0; i < 12; i++)
      cursor = (await runner.fetchPage(source, { cursor, size: 20 })).next;
    render(<LinkedTable source={source} runner={runner} cursor={cursor!} />, {
      wrapper: v.wrapper,
    });
    await waitFor(() => expect(screen.getByTestId('shown').textContent).toBe('12'));
    const previous = screen.getByRole<HTMLButtonElement>('button', { name: 'Previous page' });
    expect(previous.disabled).toBe(true);
    expect(previous.title).toMatch(/can only be reached/);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Next page' }).disabled).toBe(
      false,
    );
  });

  it('a table whose first page failed marks no page current and does not call page 1 the last', async () => {
    const v = vendors({ lineworks: { sizes: { users: 400 } } });
    // Every attempt the runner makes at the first page fails.
    for (let i = 0; i < 5; i++) v.sims.lineworks.injectOnce({ kind: 'server-error', status: 503 });
    render(<FailingFirst source={v.sources.users} runner={v.runners.lineworks} />, {
      wrapper: v.wrapper,
    });
    await screen.findByText('failed', undefined, { timeout: 8000 });
    const next = screen.getByRole<HTMLButtonElement>('button', { name: 'Next page' });
    expect(next.title).toBe('the next page is not known yet');
    expect(screen.queryByRole('button', { current: 'page' })).toBeNull();
    // Pressing page 1 tries it again; then it is the page on screen.
    act(() => screen.getByRole('button', { name: 'Page 1' }).click());
    await screen.findByText('20');
    expect(screen.getByRole('button', { current: 'page' }).textContent).toBe('1');
    expect(next.disabled).toBe(false);
  }, 15_000);

  it('the buttons disable exactly the pages the table refuses, with its reasons', async () => {
    const v = vendors({ lineworks: { sizes: { users: 400 } } });
    const { result } = renderHook(
      () => {
        const paged = usePagedTable({
          source: v.sources.users,
          runner: v.runners.lineworks,
          pageSize: 20,
          forwardJumps: 'disabled',
        });
        return { paged, range: usePageRange(paged) };
      },
      { wrapper: v.wrapper },
    );
    await waitFor(() => expect(result.current.paged.rows).toHaveLength(20));
    for (const i of [0, 1, 2, 5]) {
      const props = result.current.range.getPageProps(i);
      expect([i, props.disabled]).toEqual([
        i,
        result.current.paged.pageDisabledReason(i) !== undefined,
      ]);
      if (props.disabled) expect(props.title).toBe(result.current.paged.pageDisabledReason(i));
    }
  });
});

describe('useInfiniteList → useLoadMoreTrigger, useFeed, useKeepScrollOnPrepend', () => {
  it('the sentinel loads the list’s next page (start: its previous page), never while it loads', async () => {
    const observers: Array<(entries: Array<{ isIntersecting: boolean }>) => void> = [];
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        constructor(callback: (entries: Array<{ isIntersecting: boolean }>) => void) {
          observers.push(callback);
        }
        observe() {}
        unobserve() {}
        disconnect() {}
      },
    );
    const v = vendors({ mews: { sizes: { reservations: 100 } } });
    render(
      <Sentinel source={v.sources.reservations as Source<unknown>} runner={v.runners.mews} />,
      {
        wrapper: v.wrapper,
      },
    );
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('10'));
    act(() => {
      for (const seen of observers) seen([{ isIntersecting: true }]);
      for (const seen of observers) seen([{ isIntersecting: true }]);
    });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('20'));
    expect(v.requests('mews')).toHaveLength(2);
    vi.unstubAllGlobals();
  });

  it('the feed keys its articles by the list’s source, and the scroll keeper reads the same key', async () => {
    const v = vendors({ lineworks: { sizes: { users: 30 } } });
    const source = v.sources.users as Source<{ userId: string; email: string }>;
    render(<Feed source={source} runner={v.runners.lineworks} />, { wrapper: v.wrapper });
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(5));
    const first = await v.runners.lineworks.fetchPage(source, { cursor: null, size: 5 });
    expect(screen.getAllByRole('article').map((a) => a.dataset.feedKey)).toEqual(
      first.items.map(source.key),
    );
  });
});
