import type { Source } from '@pagewise/core';
import {
  createSimulators,
  MEWS_CREDENTIALS,
  simulatorRoutes,
  VENDOR_BASE_URLS,
  vendorRunners,
  vendorSources,
} from '@pagewise/testkit';
import { simulatorHandlers } from '@pagewise/testkit/msw-browser';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { setupWorker } from 'msw/browser';
import { type RefObject, useRef } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PagewiseProvider } from './pagewise-provider.js';
import { useInfiniteList } from './use-infinite-list.js';
import { useVirtualFeed } from './use-virtual-feed.js';

/**
 * The virtual feed in Chromium, with rows of varied heights, against the simulators through
 * MSW: the row in view must not move by more than 1 px when rows land above it, and each load
 * must be exactly one request, scrolling up (a chat loading older messages) and down (a feed
 * whose maxPages window drops rows above).
 */
const sims = createSimulators({
  dashly: { sizes: { parts: 400 } },
  // A feed's page takes 150 ms: the row in view is read while its request is on its way.
  mews: { sizes: { customers: 2000 }, faults: { latencyMs: 150 } },
});
const worker = setupWorker(...simulatorHandlers(simulatorRoutes(sims)));
const runners = vendorRunners(VENDOR_BASE_URLS, { fetch: (i, init) => globalThis.fetch(i, init) });
const sources = vendorSources({ mewsCredentials: MEWS_CREDENTIALS });
beforeAll(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
afterAll(() => worker.stop());

let root: Root | undefined;
let host: HTMLElement | undefined;
afterEach(() => {
  root?.unmount();
  host?.remove();
});

/** A row height that varies with the item, between 24 and 100 px. */
const heightOf = (key: string) =>
  24 + (Number.parseInt(key.replace(/\D/g, '').slice(-4) || '0', 10) % 77);

interface Probe {
  scroller: RefObject<HTMLDivElement | null>;
  count: () => number;
}
const probe: Probe = { scroller: { current: null }, count: () => 0 };

function Feed({
  source,
  chat,
  maxPages,
}: {
  source: Source<unknown>;
  chat: boolean;
  maxPages?: number;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const list = useInfiniteList({ source, pageSize: 20, maxPages });
  const feed = useVirtualFeed({
    list,
    label: 'Messages',
    scrollElement: scroller,
    chat,
  });
  probe.scroller = scroller;
  probe.count = () => list.items.length;
  return (
    <div ref={scroller} style={{ height: 400, overflow: 'auto' }}>
      <div {...feed.getFeedProps()} style={{ height: feed.totalSize, position: 'relative' }}>
        {feed.rows.map((row) => (
          <article
            key={row.key}
            {...row.props}
            style={{
              position: 'absolute',
              top: 0,
              left: 0,
              right: 0,
              transform: `translateY(${row.virtual.start}px)`,
            }}
          >
            <div style={{ height: heightOf(row.key) }}>{row.key}</div>
          </article>
        ))}
      </div>
    </div>
  );
}

async function mount(
  source: Source<unknown>,
  vendor: 'dashly' | 'mews',
  chat: boolean,
  maxPages?: number,
) {
  probe.count = () => 0;
  probe.scroller = { current: null };
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  root.render(
    <QueryClientProvider client={new QueryClient()}>
      <PagewiseProvider runner={runners[vendor]}>
        <Feed source={source} chat={chat} maxPages={maxPages} />
      </PagewiseProvider>
    </QueryClientProvider>,
  );
  await until(() => probe.count() >= 20);
}

async function until(check: () => boolean, timeout = 5000) {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeout) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 16));
  }
}
const frames = (n: number) =>
  new Promise<void>((resolve) => {
    const step = (left: number) =>
      left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1));
    step(n);
  });

/** The topmost article whose top is inside the scroller's view, and where it is on screen. */
function anchor() {
  const box = probe.scroller.current!.getBoundingClientRect();
  const rows = [...probe.scroller.current!.querySelectorAll<HTMLElement>('[role="article"]')]
    .map((e) => ({ key: e.dataset.feedKey!, top: e.getBoundingClientRect().top }))
    .filter((r) => r.top >= box.top)
    .sort((a, b) => a.top - b.top);
  return rows[0]!;
}
const topOf = (key: string) =>
  probe.scroller
    .current!.querySelector<HTMLElement>(`[data-feed-key="${key}"]`)!
    .getBoundingClientRect().top;

describe('useVirtualFeed in Chromium, rows of varied heights', () => {
  it('Home and End on a row go to the first and last row loaded, focus with them', async () => {
    await mount(sources.customers as Source<unknown>, 'mews', false);
    const s = probe.scroller.current!;
    const rows = () => [...s.querySelectorAll<HTMLElement>('[role="article"]')];
    const focusedKey = () => (document.activeElement as HTMLElement | null)?.dataset.feedKey;
    rows()[1]!.focus();
    const last = String(probe.count() - 1);
    document.activeElement!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'End', bubbles: true, cancelable: true }),
    );
    await until(
      () => focusedKey() !== undefined && focusedKey() === rows().at(-1)?.dataset.feedKey,
    );
    const focused = document.activeElement as HTMLElement;
    expect(focused.getAttribute('aria-posinset')).toBe(String(Number(last) + 1));
    const box = s.getBoundingClientRect();
    const at = focused.getBoundingClientRect();
    expect(at.top >= box.top - 1 && at.bottom <= box.bottom + 1).toBe(true);
    focused.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Home', bubbles: true, cancelable: true }),
    );
    await until(
      () => (document.activeElement as HTMLElement).getAttribute('aria-posinset') === '1',
    );
    expect(s.scrollTop).toBe(0);
  });

  it('a chat opens at the bottom; scrolling to the top loads older messages one request at a time, and the message in view does not move', async () => {
    const parts = sources.parts as Source<unknown>;
    const requests = () => sims.dashly.log.entries.filter((e) => e.path.endsWith('/parts')).length;
    sims.dashly.log.clear();
    await mount(parts, 'dashly', true);
    const s = probe.scroller.current!;
    await until(() => s.scrollHeight - s.scrollTop - s.clientHeight <= 1);
    const jumps: number[] = [];
    for (let load = 1; load <= 5; load++) {
      const before = requests();
      const count = probe.count();
      s.scrollTop = 0;
      await frames(2);
      const { key, top } = anchor();
      await until(() => probe.count() === count + 20);
      await frames(4);
      jumps.push(Math.abs(topOf(key) - top));
      await new Promise((r) => setTimeout(r, 150));
      expect(requests() - before).toBe(1);
    }
    expect(Math.max(...jumps)).toBeLessThanOrEqual(1);
  });

  it('a feed scrolled down loads one page per request, and its maxPages window drops rows above without moving the row in view', async () => {
    const customers = sources.customers as Source<unknown>;
    const requests = () => sims.mews.log.entries.filter((e) => e.path.includes('customers')).length;
    sims.mews.log.clear();
    await mount(customers, 'mews', false, 3);
    const s = probe.scroller.current!;
    const jumps: number[] = [];
    for (let load = 1; load <= 6; load++) {
      const before = requests();
      // To the end, as a user scrolls: again while rows measured taller push the end further.
      await until(() => {
        if (requests() === before) s.scrollTop = s.scrollHeight;
        return requests() > before;
      }).catch((e) => {
        console.log('stuck', {
          count: probe.count(),
          top: s.scrollTop,
          height: s.scrollHeight,
          client: s.clientHeight,
          before,
          now: requests(),
        });
        throw e;
      });
      // The last scroll applied (a loaded machine can paint it a frame late), the page on its way.
      await frames(2);
      const { key, top } = anchor();
      await new Promise((r) => setTimeout(r, 250));
      await frames(4);
      jumps.push(Math.abs(topOf(key) - top));
      await new Promise((r) => setTimeout(r, 150));
      expect(requests() - before).toBe(1);
    }
    // The window held 3 pages: rows above were dropped, and the view did not jump.
    expect(probe.count()).toBe(60);
    expect(Math.max(...jumps)).toBeLessThanOrEqual(1);
  });
});
