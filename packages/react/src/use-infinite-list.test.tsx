import { createRequestRunner, liveEdge, type Source } from '@pagewise/core';
import { defineCursorSource } from '@pagewise/core/define';
import { onlineManager } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { reactSimulators } from './test-support/vendors.js';
import { useInfiniteList } from './use-infinite-list.js';

const vendors = reactSimulators();

const CASES = [
  { name: 'DingTalk nextToken', vendor: 'dingtalk', source: 'events', collection: 'events' },
  {
    name: 'DingTalk pageNumber',
    vendor: 'dingtalk',
    source: 'adjustments',
    collection: 'adjustments',
  },
  { name: 'LINE WORKS', vendor: 'lineworks', source: 'users', collection: 'users' },
  { name: 'Dashly', vendor: 'dashly', source: 'conversations', collection: 'conversations' },
  { name: 'Mews', vendor: 'mews', source: 'reservations', collection: 'reservations' },
] as const;
type Case = {
  vendor: (typeof CASES)[number]['vendor'];
  source: (typeof CASES)[number]['source'];
  collection: string;
};

function setup(c: Case, n: number, faults = {}, strict = false) {
  const v = vendors({ [c.vendor]: { sizes: { [c.collection]: n }, faults } }, { strict });
  return { v, source: v.sources[c.source] as Source<unknown>, runner: v.runners[c.vendor] };
}

describe.each(CASES)('useInfiniteList over $name', (c) => {
  it('loads page after page to the end, each once, items de-duplicated, and never fetches past the end', async () => {
    const { v, source, runner } = setup(c, 95);
    const { result } = renderHook(() => useInfiniteList({ source, runner, pageSize: 20 }), {
      wrapper: v.wrapper,
    });
    await waitFor(() => expect(result.current.items).toHaveLength(20));
    while (result.current.hasNextPage) {
      const before = result.current.items.length;
      await act(() => result.current.fetchNextPage());
      await waitFor(() => expect(result.current.items.length).toBeGreaterThanOrEqual(before));
    }
    expect(result.current.items).toHaveLength(95);
    expect(new Set(result.current.items.map((i) => source.key(i))).size).toBe(95);
    const requests = v.requests(c.vendor).length;
    await act(() => result.current.fetchNextPage());
    expect(v.requests(c.vendor)).toHaveLength(requests);
    // No page asked twice (a page-number list reads windows: a page number at a size).
    const asked = v.requests(c.vendor).map((e) => `${e.cursorIn ?? ''}@${e.size}`);
    expect(new Set(asked).size).toBe(requests);
  });
});

describe('useInfiniteList', () => {
  it('never starts two fetches of the same page', async () => {
    const { v, source, runner } = setup(CASES[2], 200, { latencyMs: 50 });
    const { result } = renderHook(() => useInfiniteList({ source, runner, pageSize: 20 }), {
      wrapper: v.wrapper,
    });
    await waitFor(() => expect(result.current.items).toHaveLength(20));
    await act(async () => {
      await Promise.all([
        result.current.fetchNextPage(),
        result.current.fetchNextPage(),
        result.current.fetchNextPage(),
      ]);
    });
    await waitFor(() => expect(result.current.items).toHaveLength(40));
    expect(v.requests('lineworks')).toHaveLength(2);
  });

  it('keeps a maxPages window while scrolling down and slides it back up on a forward-only source (Mews)', async () => {
    const { v, source, runner } = setup(CASES[4], 400);
    const { result } = renderHook(
      () => useInfiniteList({ source, runner, pageSize: 20, maxPages: 3 }),
      { wrapper: v.wrapper },
    );
    await waitFor(() => expect(result.current.pages).toHaveLength(1));
    const firstPageKeys = result.current.pages[0]!.items.map((i) => source.key(i));
    for (let i = 0; i < 5; i++) await act(() => result.current.fetchNextPage());
    await waitFor(() => expect(result.current.pages).toHaveLength(3));
    expect(result.current.items).toHaveLength(60);
    expect(result.current.prependedCount).toBe(-20); // the window dropped the top page as the next one came
    expect(result.current.hasPreviousPage).toBe(true);
    await act(() => result.current.fetchPreviousPage());
    expect(result.current.prependedCount).toBe(20);
    while (result.current.hasPreviousPage) await act(() => result.current.fetchPreviousPage());
    expect(result.current.pages).toHaveLength(3);
    expect(result.current.pages[0]!.items.map((i) => source.key(i))).toEqual(firstPageKeys);
  });

  it('opens around an item (Dashly around) and grows both ways; the prepend is counted for scroll anchoring', async () => {
    const { v, source, runner } = setup(CASES[3], 300);
    const head = await runner.fetchPage(source, { cursor: null, size: 50 });
    const target = head.items[40]!;
    const around = source.kind === 'cursor' ? source.cursorOf!(target)! : '';
    const { result } = renderHook(() => useInfiniteList({ source, runner, pageSize: 10, around }), {
      wrapper: v.wrapper,
    });
    await waitFor(() => expect(result.current.items.length).toBeGreaterThan(0));
    expect(result.current.items.map((i) => source.key(i))).toContain(source.key(target));
    expect(v.requests('dashly').at(-1)!.params.paginate_direction).toBe('around');
    expect(result.current.hasPreviousPage).toBe(true);
    expect(result.current.hasNextPage).toBe(true);
    const before = result.current.items.length;
    await act(() => result.current.fetchPreviousPage());
    await waitFor(() => expect(result.current.items.length).toBe(before + 10));
    expect(result.current.prependedCount).toBe(10);
    const keys = result.current.items.map((i) => source.key(i));
    const headKeys = head.items.map((i) => source.key(i));
    // In list order: the prepended page sits right above the around page.
    expect(headKeys.indexOf(keys[10]!)).toBe(headKeys.indexOf(keys[9]!) + 1);
    await act(() => result.current.fetchNextPage());
    await waitFor(() => expect(result.current.items.length).toBe(before + 20));
    expect(result.current.prependedCount).toBe(0);
  });

  it('refreshes only the head page and merges it by key', async () => {
    const { v, source, runner } = setup(CASES[4], 200);
    const { result } = renderHook(
      () => useInfiniteList({ source, runner, pageSize: 20, live: liveEdge() }),
      {
        wrapper: v.wrapper,
      },
    );
    await waitFor(() => expect(result.current.items).toHaveLength(20));
    await act(() => result.current.fetchNextPage());
    await act(() => result.current.fetchNextPage());
    expect(result.current.items).toHaveLength(60);
    v.sims.mews.configure({ insertEvery: 1, mutationAt: 'head' }); // two new reservations arrive
    const before = v.requests('mews').length;
    await act(() => result.current.refreshNewest());
    expect(v.requests('mews')).toHaveLength(before + 1);
    expect(result.current.items).toHaveLength(61);
    expect(result.current.prependedCount).toBe(1);
    expect(new Set(result.current.items.map((i) => source.key(i))).size).toBe(61);
  });

  it('does not refresh the head while a next page is loading', async () => {
    const { v, source, runner } = setup(CASES[4], 200, { latencyMs: 300 });
    const { result } = renderHook(
      () => useInfiniteList({ source, runner, pageSize: 20, live: liveEdge() }),
      {
        wrapper: v.wrapper,
      },
    );
    await waitFor(() => expect(result.current.items).toHaveLength(20));
    let next: Promise<void> | undefined;
    act(() => {
      next = result.current.fetchNextPage();
    });
    await waitFor(() => expect(result.current.isFetchingNextPage).toBe(true));
    await act(() => result.current.refreshNewest());
    await act(() => next!);
    await waitFor(() => expect(result.current.items).toHaveLength(40));
    expect(v.requests('mews')).toHaveLength(2);
  });

  it('fetches the first page once under StrictMode', async () => {
    const { v, source, runner } = setup(CASES[2], 100, {}, true);
    const { result } = renderHook(() => useInfiniteList({ source, runner, pageSize: 20 }), {
      wrapper: v.wrapper,
    });
    await waitFor(() => expect(result.current.items).toHaveLength(20));
    await new Promise((r) => setTimeout(r, 30));
    expect(v.requests('lineworks')).toHaveLength(1);
    expect(v.fetched.filter((f) => f.url.includes('/v1.0/users'))).toHaveLength(1);
  });

  it('keeps loaded items on a failed page, carries the error code, and retries only that page', async () => {
    const { v, source, runner } = setup(CASES[0], 100);
    const { result } = renderHook(() => useInfiniteList({ source, runner, pageSize: 20 }), {
      wrapper: v.wrapper,
    });
    await waitFor(() => expect(result.current.items).toHaveLength(20));
    v.sims.dingtalk.injectOnce({ kind: 'malformed', malformed: 'no-items' });
    await act(() => result.current.fetchNextPage());
    await waitFor(() => expect(result.current.error?.code).toBe('BAD_RESPONSE'));
    expect(result.current.error?.field).toBe('events');
    expect(result.current.items).toHaveLength(20);
    const before = v.requests('dingtalk').length;
    act(() => result.current.retry());
    await waitFor(() => expect(result.current.items).toHaveLength(40));
    expect(v.requests('dingtalk')).toHaveLength(before + 1);
    expect(result.current.error).toBeNull();
  });
});

describe('useInfiniteList offline', () => {
  it('offline, Load more waits as fetching (busy, not sent again) and goes once the connection is back', async () => {
    const { v, source, runner } = setup(CASES[2], 100);
    const { result } = renderHook(() => useInfiniteList({ source, runner, pageSize: 20 }), {
      wrapper: v.wrapper,
    });
    await waitFor(() => expect(result.current.items).toHaveLength(20));
    const before = v.requests('lineworks').length;
    onlineManager.setOnline(false);
    try {
      act(() => void result.current.fetchNextPage());
      // TanStack Query holds the fetch while offline: the list says it is on its way.
      await waitFor(() => expect(result.current.isFetching).toBe(true));
      expect(result.current.offline).toBe(true);
      await act(() => result.current.fetchNextPage()); // not a second one
      expect(v.requests('lineworks')).toHaveLength(before);
      expect(result.current.error).toBeNull();
    } finally {
      act(() => onlineManager.setOnline(true));
    }
    await waitFor(() => expect(result.current.items).toHaveLength(40));
    expect(v.requests('lineworks')).toHaveLength(before + 1);
    expect(result.current.isFetching).toBe(false);
    expect(result.current.offline).toBe(false);
  });

  it('hands over its state and bound commands, not the binding (getState, subscribe, setOptions)', async () => {
    const { v, source, runner } = setup(CASES[2], 30);
    const { result, rerender } = renderHook(
      () => useInfiniteList({ source, runner, pageSize: 20 }),
      { wrapper: v.wrapper },
    );
    await waitFor(() => expect(result.current.items).toHaveLength(20));
    const first = result.current;
    expect(first).not.toHaveProperty('getState');
    expect(first).not.toHaveProperty('subscribe');
    expect(first).not.toHaveProperty('setOptions');
    rerender();
    for (const command of [
      'fetchNextPage',
      'fetchPreviousPage',
      'refetch',
      'retry',
      'refreshNewest',
      'itemKey',
    ] as const) {
      expect(typeof first[command]).toBe('function');
      expect(result.current[command]).toBe(first[command]);
    }
  });
});

describe('useInfiniteList coming back to a list', () => {
  it('reopens a stale list whose window slid into its history at its newest edge, after a jump and back', async () => {
    const { v, runner } = setup(CASES[3], 0);
    const parts = v.sources.parts as Source<{ id: string }>;
    const newest = (await runner.fetchPage(parts, { cursor: null, size: 10 })).items[0]!;
    const { result, rerender } = renderHook(
      ({ aroundKey }: { aroundKey?: string }) =>
        useInfiniteList({
          source: parts,
          runner,
          pageSize: 10,
          maxPages: 2,
          staleTime: 0,
          aroundKey,
        }),
      { wrapper: v.wrapper, initialProps: {} },
    );
    await waitFor(() => expect(result.current.items).toHaveLength(10));
    // Scrolled into the history: the window of 2 pages drops the newest ones.
    for (let i = 0; i < 3; i++) await act(() => result.current.fetchNextPage());
    await waitFor(() =>
      expect(result.current.items.map(parts.key)).not.toContain(parts.key(newest)),
    );
    // A jump to an older message, then back to the latest.
    const older = result.current.items[5]!;
    rerender({ aroundKey: parts.key(older) });
    await waitFor(() => expect(result.current.items.map(parts.key)).toContain(parts.key(older)));
    rerender({});
    await waitFor(() => expect(parts.key(result.current.items[0]!)).toBe(parts.key(newest)));
    expect(result.current.hasPreviousPage).toBe(false);
  });
});

describe('useInfiniteList commands', () => {
  it('two awaited fetchNextPage calls in a row load two pages (the second reads the cache, not a state the app has not rendered)', async () => {
    const { v, source, runner } = setup(CASES[2], 200, { latencyMs: 20 });
    const { result } = renderHook(() => useInfiniteList({ source, runner, pageSize: 10 }), {
      wrapper: v.wrapper,
    });
    await waitFor(() => expect(result.current.items).toHaveLength(10));
    const { fetchNextPage } = result.current;
    await act(async () => {
      await fetchNextPage();
      await fetchNextPage();
    });
    await waitFor(() => expect(result.current.items).toHaveLength(30));
  });
});

describe('useInfiniteList given other options', () => {
  it('keeps a stale list whose window slid when only maxPages changes', async () => {
    const { v, runner } = setup(CASES[3], 0);
    const parts = v.sources.parts as Source<{ id: string }>;
    const { result, rerender } = renderHook(
      ({ maxPages }: { maxPages: number }) =>
        useInfiniteList({ source: parts, runner, pageSize: 10, maxPages, staleTime: 0 }),
      { wrapper: v.wrapper, initialProps: { maxPages: 2 } },
    );
    await waitFor(() => expect(result.current.items).toHaveLength(10));
    for (let i = 0; i < 3; i++) await act(() => result.current.fetchNextPage());
    await waitFor(() => expect(result.current.items).toHaveLength(20));
    const shown = result.current.items.map(parts.key);
    rerender({ maxPages: 5 });
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(result.current.items.map(parts.key)).toEqual(shown);
    await act(() => result.current.fetchNextPage());
    await waitFor(() => expect(result.current.items).toHaveLength(30));
    expect(result.current.items.map(parts.key).slice(0, 20)).toEqual(shown);
  });
});

describe('useInfiniteList refetch', () => {
  it('refetches 3 and more pages from the first without taking them for a vendor that repeats itself', async () => {
    const { v, source, runner } = setup(CASES[2], 200);
    const { result } = renderHook(() => useInfiniteList({ source, runner, pageSize: 10 }), {
      wrapper: v.wrapper,
    });
    await waitFor(() => expect(result.current.items).toHaveLength(10));
    for (let i = 0; i < 3; i++) await act(() => result.current.fetchNextPage());
    await waitFor(() => expect(result.current.items).toHaveLength(40));
    await act(() => result.current.refetch());
    await waitFor(() => expect(result.current.isFetching).toBe(false));
    expect(result.current.items).toHaveLength(40);
    expect(result.current.error).toBeNull();
    expect(result.current.hasNextPage).toBe(true);
  });
});

describe('useInfiniteList against a vendor that never ends', () => {
  /** A cursor API of our own that cycles A → B → A, or repeats one page under new cursors. */
  function loopingVendor(kind: 'cycle' | 'repeat') {
    const v = vendors();
    let requests = 0;
    v.use(
      http.get('https://loop.example/items', ({ request }) => {
        requests++;
        const after = new URL(request.url).searchParams.get('after');
        const next =
          kind === 'cycle' ? (after === null ? 'A' : after === 'A' ? 'B' : 'A') : `c${requests}`;
        const ids = kind === 'cycle' ? [`${after}-1`, `${after}-2`] : ['1', '2'];
        return HttpResponse.json({ items: ids.map((id) => ({ id })), next });
      }),
    );
    const source = defineCursorSource<{ id: string }>({
      provider: 'looping',
      limits: { min: 1, max: 10, default: 2 },
      key: (i) => i.id,
      request: ({ cursor }) => ({
        method: 'GET',
        path: '/items',
        query: { after: cursor ?? undefined },
      }),
      parse: (body) => body as { items: Array<{ id: string }>; next: string },
    });
    const runner = createRequestRunner({ baseUrl: 'https://loop.example' });
    return { v, source, runner, requests: () => requests };
  }

  it.each(['cycle', 'repeat'] as const)(
    'stops growing with CURSOR_LOOP (%s) however often a trigger asks for more',
    async (kind) => {
      const { v, source, runner, requests } = loopingVendor(kind);
      const { result } = renderHook(() => useInfiniteList({ source, runner }), {
        wrapper: v.wrapper,
      });
      await waitFor(() => expect(result.current.items.length).toBeGreaterThan(0));
      // What a sentinel in view does: ask again every time a page lands.
      for (let i = 0; i < 30 && result.current.hasNextPage; i++)
        await act(() => result.current.fetchNextPage());
      expect(result.current.hasNextPage).toBe(false);
      expect(result.current.error?.code).toBe('CURSOR_LOOP');
      expect(requests()).toBeLessThanOrEqual(5);
    },
  );

  it('refreshes the newest edge of a chat with one small request, wherever the user has scrolled, and never refetches older pages', async () => {
    const { v, runner } = setup(CASES[3], 0);
    const parts = v.sources.parts as Source<unknown>;
    const { result } = renderHook(
      () => useInfiniteList({ source: parts, runner, pageSize: 10, live: liveEdge() }),
      {
        wrapper: v.wrapper,
      },
    );
    await waitFor(() => expect(result.current.items).toHaveLength(10));
    await act(() => result.current.fetchNextPage()); // scrolled up: older messages loaded
    await waitFor(() => expect(result.current.items).toHaveLength(20));
    const before = v.requests('dashly').length;
    const arrived = v.sims.dashly.insertItems('/conversations/1/parts', 2, 'end');
    await act(() => result.current.refreshNewest());
    expect(v.requests('dashly')).toHaveLength(before + 1);
    expect(v.requests('dashly').at(-1)!.itemCount).toBe(2);
    expect(
      result.current.items
        .slice(0, 2)
        .map((i) => parts.key(i))
        .sort(),
    ).toEqual([...arrived].sort());
    expect(result.current.items).toHaveLength(22);
    expect(result.current.prependedCount).toBe(2);
    // Nothing new: one request, nothing changes.
    await act(() => result.current.refreshNewest());
    expect(v.requests('dashly')).toHaveLength(before + 2);
    expect(result.current.items).toHaveLength(22);
  });

  it('keeps a live edge while the page is visible, and sends nothing while it is hidden', async () => {
    const { v, runner } = setup(CASES[3], 0);
    const parts = v.sources.parts as Source<unknown>;
    const { result } = renderHook(
      () =>
        useInfiniteList({ source: parts, runner, pageSize: 10, live: liveEdge({ interval: 40 }) }),
      { wrapper: v.wrapper },
    );
    await waitFor(() => expect(result.current.items).toHaveLength(10));
    const [arrived] = v.sims.dashly.insertItems('/conversations/1/parts', 1, 'end');
    await waitFor(() => expect(parts.key(result.current.items[0]!)).toBe(arrived));
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    await new Promise((r) => setTimeout(r, 60));
    const hidden = v.requests('dashly').length;
    await new Promise((r) => setTimeout(r, 200));
    expect(v.requests('dashly')).toHaveLength(hidden);
    visibility.mockReturnValue('visible');
    v.sims.dashly.insertItems('/conversations/1/parts', 1, 'end');
    await act(async () => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await waitFor(() => expect(result.current.items).toHaveLength(12));
    visibility.mockRestore();
  });

  it('keeps a failed "Load older" through a live refresh that brings new messages, until it is retried', async () => {
    const { v, runner } = setup(CASES[3], 0);
    const parts = v.sources.parts as Source<unknown>;
    const failedNext: boolean[] = []; // at every render
    const { result } = renderHook(
      () => {
        const list = useInfiniteList({ source: parts, runner, pageSize: 10, live: liveEdge() });
        failedNext.push(list.isFetchNextPageError);
        return list;
      },
      { wrapper: v.wrapper },
    );
    await waitFor(() => expect(result.current.items).toHaveLength(10));
    // Older messages: the runner's 5 attempts all fail.
    for (let i = 0; i < 5; i++) v.sims.dashly.injectOnce({ kind: 'server-error', status: 500 });
    await act(() => result.current.fetchNextPage());
    expect(result.current.isFetchNextPageError).toBe(true);
    // A new message arrives through the live edge: the refresh succeeds and writes the list.
    v.sims.dashly.insertItems('/conversations/1/parts', 1, 'end');
    await act(() => result.current.refreshNewest());
    expect(result.current.items).toHaveLength(11);
    // The failure of the older page is still there, with its error, and still waits for retry().
    expect(result.current.isFetchNextPageError).toBe(true);
    expect(result.current.error?.code).toBe('SERVER_ERROR');
    // A refetch from outside (after a mutation) reads the pages held: the failure stays said.
    v.sims.dashly.configure({ latencyMs: 30 }); // so that the refetch renders while on its way
    const from = failedNext.length;
    await act(() => v.client.refetchQueries());
    v.sims.dashly.configure({});
    expect(failedNext.length).toBeGreaterThan(from); // it rendered meanwhile
    expect(failedNext.slice(from)).not.toContain(false);
    const before = v.requests('dashly').length;
    await act(() => result.current.fetchNextPage());
    expect(v.requests('dashly')).toHaveLength(before);
    act(() => result.current.retry());
    await waitFor(() => expect(result.current.items).toHaveLength(21));
    expect(result.current.error).toBeNull();
    expect(result.current.isFetchNextPageError).toBe(false);
  });

  it('shows a failed refresh in error without rejecting, and keeps the items', async () => {
    const { v, runner } = setup(CASES[3], 0);
    const parts = v.sources.parts as Source<unknown>;
    const { result } = renderHook(
      () => useInfiniteList({ source: parts, runner, pageSize: 10, live: liveEdge() }),
      {
        wrapper: v.wrapper,
      },
    );
    await waitFor(() => expect(result.current.items).toHaveLength(10));
    // The runner's 5 attempts (4 retries) all fail.
    for (let i = 0; i < 5; i++) v.sims.dashly.injectOnce({ kind: 'server-error', status: 500 });
    await act(() => result.current.refreshNewest());
    expect(result.current.error?.code).toBe('SERVER_ERROR');
    expect(result.current.items).toHaveLength(10);
    // Retry tries the refresh again — one request, not every loaded page.
    const before = v.requests('dashly').length;
    act(() => result.current.retry());
    await waitFor(() => expect(result.current.error).toBeNull());
    expect(v.requests('dashly')).toHaveLength(before + 1);
  });
});
