import { browserVendors } from '@pagewise/testkit/msw-browser';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { setupWorker } from 'msw/browser';
import { useRef, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PagewiseProvider } from './pagewise-provider.js';
import { useInfiniteList } from './use-infinite-list.js';
import { useKeepScrollOnPrepend } from './use-keep-scroll-on-prepend.js';
import { useLoadMoreTrigger } from './use-load-more-trigger.js';

/**
 * The infinite-lists guide's plain (not virtualized) list with a `maxPages` window, in Chromium
 * against the DingTalk simulator through MSW: a sentinel at each end and
 * `useKeepScrollOnPrepend`. Scrolling down slides the window down; scrolling back to the top
 * slides it back up one page per trigger (no storm of requests at `scrollTop` 0, where the
 * browser anchors nothing), the row in view staying where it was, until the first class.
 */
const { sims, runners, sources, handlers } = browserVendors({
  dingtalk: { sizes: { classes: 200 } },
});
const worker = setupWorker(...handlers);
beforeAll(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
afterAll(() => worker.stop());

let root: Root | undefined;
let host: HTMLElement | undefined;
afterEach(() => {
  root?.unmount();
  host?.remove();
});

function Classes() {
  const scrollerRef = useRef<HTMLElement | null>(null);
  const [scroller, setScroller] = useState<HTMLElement | null>(null);
  const list = useInfiniteList({ source: sources.classes, pageSize: 20, maxPages: 3 });
  useKeepScrollOnPrepend(scrollerRef, list);
  const earlier = useLoadMoreTrigger(list, { edge: 'start', root: scroller, rootMargin: '100px' });
  const later = useLoadMoreTrigger(list, { root: scroller, rootMargin: '100px' });
  // The guide's one button: Load more, or Retry after a failure, focusable throughout.
  const failed =
    list.isFetchNextPageError || list.isFetchPreviousPageError || list.items.length === 0;
  const canRetry = !!list.error && !list.isFetching && failed;
  const canLoad = list.hasNextPage && !list.isFetching && !list.isFetchNextPageError;
  return (
    <section
      ref={(element) => {
        scrollerRef.current = element;
        setScroller(element);
      }}
      data-testid="scroller"
      style={{ height: 300, overflowY: 'auto' }}
    >
      {scroller && <div ref={earlier} />}
      <ul style={{ margin: 0, padding: 0, listStyle: 'none' }}>
        {list.items.map((c) => (
          <li key={c.classId} data-key={c.classId} style={{ height: 24 + (c.classId % 3) * 8 }}>
            {c.name}
          </li>
        ))}
      </ul>
      {scroller && <div ref={later} />}
      <button
        type="button"
        aria-disabled={!canRetry && !canLoad}
        onClick={() => {
          if (canRetry) list.retry();
          else if (canLoad) void list.fetchNextPage();
        }}
      >
        {canRetry ? 'Retry' : list.isFetching ? 'Loading…' : list.hasNextPage ? 'Load more' : 'End'}
      </button>
    </section>
  );
}

const requests = () =>
  sims.dingtalk.log.entries.filter((e) => e.path.includes('/classes') && e.status === 200).length;
const rows = () =>
  [...document.querySelectorAll<HTMLElement>('li[data-key]')].map((li) => li.dataset.key!);
const box = () => document.querySelector<HTMLElement>('[data-testid="scroller"]')!;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => boolean, timeout = 5000) {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeout) throw new Error('timed out');
    await pause(16);
  }
}
/** Waits until no request has gone out for `quiet` ms; returns how many went out meanwhile. */
async function settle(from: number, quiet = 400) {
  let seen = requests();
  let since = performance.now();
  while (performance.now() - since < quiet) {
    await pause(25);
    if (requests() !== seen) [seen, since] = [requests(), performance.now()];
  }
  return seen - from;
}

function mount() {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  root.render(
    <QueryClientProvider client={new QueryClient()}>
      <PagewiseProvider runner={runners.dingtalk}>
        <Classes />
      </PagewiseProvider>
    </QueryClientProvider>,
  );
}
const button = () => document.querySelector<HTMLButtonElement>('section button')!;

describe('a plain list with a maxPages window (sentinels at both ends, useKeepScrollOnPrepend)', () => {
  it('slides down, then back up one page per trigger, the row in view in place, to the first class', async () => {
    mount();
    await until(() => rows().length === 20);
    await settle(requests());
    const first = rows()[0]!;
    // Down: five more pages; the window keeps three.
    for (let page = 0; page < 5; page++) {
      const before = requests();
      box().scrollTop = box().scrollHeight;
      await until(() => requests() > before);
      expect(await settle(before)).toBe(1);
    }
    expect(rows()).toHaveLength(60);
    expect(rows()).not.toContain(first);
    // Up: each time the view reaches the top, one page lands above, and the row that was at the
    // top of the view stays where it was.
    for (let page = 0; page < 3; page++) {
      const before = requests();
      box().scrollTop = 0;
      const top = rows()[0]!;
      const at = () =>
        document.querySelector(`li[data-key="${top}"]`)!.getBoundingClientRect().top -
        box().getBoundingClientRect().top;
      const was = at();
      await until(() => rows()[0] !== top);
      expect(await settle(before)).toBe(1);
      expect(Math.abs(at() - was)).toBeLessThanOrEqual(1);
      expect(box().scrollTop).toBeGreaterThan(0);
    }
    expect(rows()[0]).toBe(first);
    expect(new Set(rows()).size).toBe(rows().length);
    // At the start: the top sentinel asks for nothing more.
    const before = requests();
    box().scrollTop = 0;
    expect(await settle(before)).toBe(0);
  });

  it('its Load more button keeps the focus while a page loads, and turns into Retry after a failure', async () => {
    mount();
    await until(() => rows().length === 20);
    // The page takes a while, as a real one does: the loading state is there to be seen.
    sims.dingtalk.injectOnce({ kind: 'latency', ms: 300 });
    button().focus();
    button().click();
    await pause(0);
    expect(button().textContent).toBe('Loading…');
    expect(document.activeElement).toBe(button());
    await until(() => rows().length === 40);
    expect(document.activeElement).toBe(button());
    // The runner tries 5 times: all fail.
    for (let i = 0; i < 5; i++) sims.dingtalk.injectOnce({ kind: 'server-error', status: 503 });
    button().click();
    await until(() => button().textContent === 'Retry', 15_000);
    expect(document.activeElement).toBe(button());
    button().click();
    await until(() => rows().length === 60);
    expect(document.activeElement).toBe(button());
    expect(button().textContent).toBe('Load more');
  }, 30_000);
});
