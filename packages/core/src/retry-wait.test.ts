import { simulatedVendors } from '@pagewise/testkit';
import { describe, expect, it } from 'vitest';
import { connectFeed } from './feed/connect-feed.js';
import { createInfiniteList } from './infinite-list/infinite-list.js';
import { memoryListCache } from './infinite-list/memory-list-cache.js';
import { memoryPageCache } from './paged-table/memory-page-cache.js';
import { createPagedTable } from './paged-table/paged-table.js';
import {
  type AnnouncedTable,
  announceTable,
  type TableSeen,
} from './paged-table/table-announcement.js';
import type { Source } from './types.js';

/** Simulated vendors whose runner retries, each wait held until `release()`. */
function waitingVendors(simulators: Parameters<typeof simulatedVendors>[0], retries = 2) {
  const held: Array<() => void> = [];
  const v = simulatedVendors(simulators, {
    runner: {
      retry: { retries },
      sleep: () => new Promise<void>((resolve) => held.push(resolve)),
    },
  });
  const release = () => {
    for (const resolve of held.splice(0)) resolve();
  };
  return { v, release, waiting: () => held.length };
}

type Vendors = ReturnType<typeof waitingVendors>['v'];

/** The generic orders API as a table, no prefetch. */
const ordersTable = (v: Vendors, pageSize: number) =>
  createPagedTable({
    source: v.sources.orders as Source<unknown>,
    runner: v.runners.generic,
    cache: memoryPageCache(),
    pageSize,
    prefetch: false,
  });

/** LINE WORKS users as a list, pages of 10. */
const usersList = (v: Vendors) =>
  createInfiniteList({
    source: v.sources.users as Source<unknown>,
    runner: v.runners.lineworks,
    cache: memoryListCache(),
    pageSize: 10,
  });

/** The list as a feed reads it (its state and commands, as `useInfiniteList` gives them). */
const usersFeed = (list: ReturnType<typeof usersList>) =>
  connectFeed(
    {
      ...list.getState(),
      itemKey: list.itemKey,
      fetchNextPage: list.fetchNextPage,
      fetchPreviousPage: list.fetchPreviousPage,
    },
    { label: 'Users' },
  );

/** What a table's live region says, as `useTableAnnouncement` hears it: `hear()` at each state a reader sees. */
function tableAnnouncements(table: { getState(): AnnouncedTable }) {
  const said: string[] = [];
  let seen: TableSeen | null = null;
  const hear = () => {
    const { seen: now, say } = announceTable(table.getState(), seen);
    seen = now;
    if (say !== undefined) said.push(say);
  };
  return { said, hear };
}

/** What the users feed says, as `useFeed` hears it: `hear()` at each state a reader sees. */
function feedAnnouncements(list: ReturnType<typeof usersList>) {
  const said: string[] = [];
  let seen = usersFeed(list).seen();
  const hear = () => {
    const feed = usersFeed(list);
    const sentence = feed.announce(seen);
    seen = feed.seen(seen);
    if (sentence) said.push(sentence);
  };
  return { said, hear };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 0));
  expect(check()).toBe(true);
};

describe('a wait for another attempt is said while it lasts', () => {
  it('a table: the requested page rate limited says why and until when; the rows shown stay', async () => {
    const { v, release, waiting } = waitingVendors({ generic: { orders: 100 } });
    const table = ordersTable(v, 10);
    const stop = table.subscribe(() => {});
    await until(() => table.getState().rows.length === 10);
    expect(table.getState().retrying).toBeUndefined();

    v.sims.generic.injectOnce({ kind: 'rate-limit', retryAfterSeconds: 20 });
    const before = Date.now();
    table.nextPage();
    await until(() => waiting() === 1);
    const state = table.getState();
    expect(state.retrying).toMatchObject({
      code: 'RATE_LIMITED',
      status: 429,
      attempt: 1,
      inMs: 20_000,
    });
    expect(state.retrying!.until).toBeGreaterThanOrEqual(before + 20_000);
    expect(state).toMatchObject({ pageIndex: 1, shownPageIndex: 0, isFetching: true, error: null });

    release();
    await until(() => table.getState().shownPageIndex === 1);
    expect(table.getState().retrying).toBeUndefined();
    expect(table.getState().rows).toHaveLength(10);
    stop();
  });

  it('a table: a prefetch that waits is not the requested page’s wait', async () => {
    const { v, release, waiting } = waitingVendors({ generic: { orders: 100 } });
    const table = ordersTable(v, 10);
    const stop = table.subscribe(() => {});
    await until(() => table.getState().rows.length === 10);
    v.sims.generic.injectOnce({ kind: 'server-error', status: 503 });
    table.prefetchPage(1);
    await until(() => waiting() === 1);
    expect(table.getState().retrying).toBeUndefined();
    // Turned to while it waits: now it is the page the table waits for.
    table.nextPage();
    await until(() => table.getState().retrying !== undefined);
    expect(table.getState().retrying).toMatchObject({ code: 'SERVER_ERROR', status: 503 });
    release();
    await until(() => table.getState().shownPageIndex === 1);
    expect(table.getState().retrying).toBeUndefined();
    stop();
  });

  it('a table: the page on screen read again in the background waits for no reader', async () => {
    const { v, release, waiting } = waitingVendors({ generic: { orders: 100 } });
    const table = ordersTable(v, 10);
    const stop = table.subscribe(() => {});
    await until(() => table.getState().rows.length === 10);
    v.sims.generic.injectOnce({ kind: 'server-error', status: 503 });
    table.refetch();
    await until(() => waiting() === 1);
    expect(table.getState()).toMatchObject({ shownPageIndex: 0, retrying: undefined });
    release();
    stop();
  });

  it('a list: a wait of the list it had before new parameters is not the new list’s', async () => {
    const { v, release, waiting } = waitingVendors({ lineworks: { sizes: { users: 50 } } });
    const list = usersList(v);
    const stop = list.subscribe(() => {});
    await until(() => list.getState().items.length === 10);
    v.sims.lineworks.injectOnce({ kind: 'rate-limit', retryAfterSeconds: 5 });
    void list.fetchNextPage();
    await until(() => list.getState().retrying !== undefined);
    list.setOptions({ params: { domainId: 2 } });
    await until(() => list.getState().retrying === undefined);
    release();
    await until(() => waiting() === 0 && !list.getState().isFetching);
    expect(list.getState().retrying).toBeUndefined();
    stop();
  });

  it('a list: the next page rate limited says so until it lands', async () => {
    const { v, release, waiting } = waitingVendors({ lineworks: { sizes: { users: 50 } } });
    const list = usersList(v);
    const stop = list.subscribe(() => {});
    await until(() => list.getState().items.length === 10);
    v.sims.lineworks.injectOnce({ kind: 'rate-limit', retryAfterSeconds: 5 });
    void list.fetchNextPage();
    await until(() => waiting() === 1);
    expect(list.getState()).toMatchObject({
      isFetchingNextPage: true,
      retrying: { code: 'RATE_LIMITED', status: 429, attempt: 1, inMs: 5000 },
    });
    release();
    await until(() => list.getState().items.length === 20);
    expect(list.getState().retrying).toBeUndefined();
    stop();
  });

  it('a feed says a wait of loading the reader asked for, once; not a background refresh’s', async () => {
    const { v, release, waiting } = waitingVendors({ lineworks: { sizes: { users: 50 } } });
    const list = usersList(v);
    const feed = () => usersFeed(list);
    const stop = list.subscribe(() => {});
    await until(() => list.getState().items.length === 10);
    let seen = feed().seen();
    v.sims.lineworks.injectOnce({ kind: 'rate-limit', retryAfterSeconds: 5 });
    void list.fetchNextPage();
    await until(() => waiting() === 1);
    expect(feed().announce(seen)).toBe(
      'Loading is delayed (too many requests): trying again in 5 s',
    );
    seen = feed().seen(seen);
    expect(feed().announce(seen)).toBeUndefined();
    release();
    await until(() => list.getState().items.length === 20);
    expect(feed().announce(seen)).toBe('10 more items');
    seen = feed().seen(seen);
    // The list read again in the background (no edge asked): its wait is not said.
    v.sims.lineworks.injectOnce({ kind: 'server-error', status: 503 });
    void list.refetch();
    await until(() => waiting() === 1);
    expect(list.getState().retrying).toMatchObject({ code: 'SERVER_ERROR' });
    expect(feed().announce(seen)).toBeUndefined();
    release();
    stop();
  });

  it('a first page that waited is said when it lands, so the delay is not the last word', async () => {
    const { v, release, waiting } = waitingVendors({
      generic: { orders: 45 },
      lineworks: { sizes: { users: 50 } },
    });
    v.sims.generic.injectOnce({ kind: 'rate-limit', retryAfterSeconds: 3 });
    const table = ordersTable(v, 20);
    // As useTableAnnouncement does: what is said at each state a reader sees.
    const { said, hear } = tableAnnouncements(table);
    hear();
    const stop = table.subscribe(hear);
    await until(() => waiting() === 1);
    release();
    await until(() => table.getState().rows.length === 20);
    hear();
    expect(said).toEqual([
      'Page 1 is delayed (too many requests): trying again in 3 s',
      'Page 1 of 3 loaded, 20 rows',
    ]);
    stop();

    v.sims.lineworks.injectOnce({ kind: 'rate-limit', retryAfterSeconds: 3 });
    const list = usersList(v);
    const feed = () => usersFeed(list);
    const stopList = list.subscribe(() => {});
    let feedSeen = feed().seen();
    await until(() => waiting() === 1);
    expect(feed().announce(feedSeen)).toBe(
      'Loading is delayed (too many requests): trying again in 3 s',
    );
    feedSeen = feed().seen(feedSeen);
    release();
    await until(() => list.getState().items.length === 10);
    expect(feed().announce(feedSeen)).toBe('10 items loaded');
    stopList();
  });

  it('a page whose 5xx is retried three times is said delayed once; a 429 after them is said too', async () => {
    const { v, release, waiting } = waitingVendors(
      { generic: { orders: 100 }, lineworks: { sizes: { users: 50 } } },
      4,
    );
    const table = ordersTable(v, 10);
    const { said, hear } = tableAnnouncements(table);
    hear();
    const stop = table.subscribe(hear);
    await until(() => table.getState().rows.length === 10);
    for (let i = 0; i < 3; i++) v.sims.generic.injectOnce({ kind: 'server-error', status: 503 });
    v.sims.generic.injectOnce({ kind: 'rate-limit', retryAfterSeconds: 2 });
    table.nextPage();
    for (let wait = 1; wait <= 4; wait++) {
      await until(() => waiting() === 1);
      expect(table.getState().retrying).toMatchObject({ attempt: wait });
      release();
    }
    await until(() => table.getState().shownPageIndex === 1);
    hear();
    expect(said).toEqual([
      'Page 2 is delayed (the server failed): trying again in 1 s',
      // At least the 2 s asked for: the backoff of a fourth attempt may be longer (jittered).
      expect.stringMatching(/^Page 2 is delayed \(too many requests\): trying again in [23] s$/),
      'Page 2 of 10 loaded, 10 rows',
    ]);
    // The next page's first wait is said again.
    v.sims.generic.injectOnce({ kind: 'server-error', status: 503 });
    table.nextPage();
    await until(() => waiting() === 1);
    release();
    await until(() => table.getState().shownPageIndex === 2);
    hear();
    expect(said.slice(3)).toEqual([
      'Page 3 is delayed (the server failed): trying again in 1 s',
      'Page 3 of 10 loaded, 10 rows',
    ]);
    stop();

    const list = usersList(v);
    const stopList = list.subscribe(() => {});
    await until(() => list.getState().items.length === 10);
    const { said: feedSaid, hear: heard } = feedAnnouncements(list);
    for (let i = 0; i < 3; i++) v.sims.lineworks.injectOnce({ kind: 'server-error', status: 503 });
    void list.fetchNextPage();
    for (let wait = 1; wait <= 3; wait++) {
      await until(() => waiting() === 1);
      heard();
      release();
      await until(() => waiting() === 0);
      heard();
    }
    await until(() => list.getState().items.length === 20);
    heard();
    expect(feedSaid).toEqual([
      'Loading is delayed (the server failed): trying again in 1 s',
      '10 more items',
    ]);
    stopList();
  });

  it('another request’s first wait is said though the last one said waited for the same reason', async () => {
    const { v, release, waiting } = waitingVendors({
      generic: { orders: 100 },
      lineworks: { sizes: { users: 50 } },
    });
    // A table: Next again while page 2 waits on a 503; page 3's 503 is its own delay.
    const table = ordersTable(v, 10);
    const { said, hear } = tableAnnouncements(table);
    hear();
    const stop = table.subscribe(hear);
    await until(() => table.getState().rows.length === 10);
    v.sims.generic.injectOnce({ kind: 'server-error', status: 503 });
    table.nextPage();
    await until(() => waiting() === 1);
    v.sims.generic.injectOnce({ kind: 'server-error', status: 503 });
    table.nextPage();
    await until(() => table.getState().pageIndex === 2 && table.getState().retrying !== undefined);
    expect(said).toEqual([
      'Page 2 is delayed (the server failed): trying again in 1 s',
      'Page 3 is delayed (the server failed): trying again in 1 s',
    ]);
    release();
    stop();

    // A feed: a background refetch waited (not said); the reader's Load more then waits: said.
    const list = usersList(v);
    const stopList = list.subscribe(() => {});
    await until(() => list.getState().items.length === 10 && !list.getState().isFetching);
    const { said: feedSaid, hear: heard } = feedAnnouncements(list);
    v.sims.lineworks.injectOnce({ kind: 'server-error', status: 503 });
    void list.refetch();
    await until(() => list.getState().retrying !== undefined);
    heard();
    release();
    await until(() => !list.getState().isFetching);
    heard();
    v.sims.lineworks.injectOnce({ kind: 'server-error', status: 503 });
    void list.fetchNextPage();
    await until(() => list.getState().retrying !== undefined);
    heard();
    expect(feedSaid).toEqual(['Loading is delayed (the server failed): trying again in 1 s']);
    release();
    stopList();
  });
});
