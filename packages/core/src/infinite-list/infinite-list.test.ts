import { simulatedVendors } from '@pagewise/testkit';
import { describe, expect, it, vi } from 'vitest';
import { createRequestRunner } from '../runner/request-runner.js';
import { defineCursorSource } from '../sources/define-source.js';
import { pageNumberSource } from '../sources/page-number.js';
import { fakeLiveEnvironment } from '../test-support/fake-live-environment.js';
import { simulatedList } from '../test-support/simulated-list.js';
import { dashlyList } from '../vendors/dashly.js';
import { createInfiniteList } from './infinite-list.js';
import { liveEdge } from './live-edge.js';
import { memoryListCache } from './memory-list-cache.js';

/** Until what a tick or a command started has settled (a poll with its retries, instant here). */
const liveSettle = async () => {
  for (let i = 0; i < 50; i++) await new Promise((r) => setTimeout(r, 0));
};

/**
 * A Dashly conversation kept live every 5 s on a fake clock, its runner as an app has it (4
 * retries, the waits instant): `polls()` ticks once and says how many requests went.
 */
async function liveChat() {
  const env = fakeLiveEnvironment();
  const v = simulatedVendors({ dashly: {} }, { runner: { sleep: async () => {} } });
  const list = createInfiniteList({
    source: v.sources.parts,
    runner: v.runners.dashly,
    cache: memoryListCache(),
    pageSize: 10,
    live: liveEdge({ interval: 5000, environment: env }),
  });
  const stop = list.subscribe(() => {});
  await liveSettle();
  const sent = () => v.sims.dashly.log.entries.length;
  const polls = async () => {
    const before = sent();
    env.tick();
    await liveSettle();
    return sent() - before;
  };
  return { v, env, list, stop, sent, polls };
}

const VENDORS = [
  ['DingTalk nextToken', 'dingtalk', 'events', 'events'],
  ['DingTalk pageNumber', 'dingtalk', 'adjustments', 'adjustments'],
  ['LINE WORKS', 'lineworks', 'users', 'users'],
  ['Dashly', 'dashly', 'conversations', 'conversations'],
  ['Mews', 'mews', 'reservations', 'reservations'],
] as const;

describe.each(VENDORS)('infinite list over %s', (_name, vendor, source, collection) => {
  it('loads page after page to the end, each once, and never fetches past it', async () => {
    const t = simulatedList(
      vendor,
      source,
      { [vendor]: { sizes: { [collection]: 95 } } },
      {
        pageSize: 20,
      },
    );
    let state = await t.settle();
    expect(state.items).toHaveLength(20);
    while (state.hasNextPage) {
      await t.list.fetchNextPage();
      state = await t.settle();
    }
    expect(new Set(t.keys()).size).toBe(95);
    const sent = t.requests().length;
    await t.list.fetchNextPage();
    expect(t.requests()).toHaveLength(sent);
  });
});

describe('infinite list controller', () => {
  it('never starts two fetches at once', async () => {
    const t = simulatedList(
      'lineworks',
      'users',
      { lineworks: { sizes: { users: 200 }, faults: { latencyMs: 30 } } },
      { pageSize: 20 },
    );
    await t.settle();
    await Promise.all([t.list.fetchNextPage(), t.list.fetchNextPage(), t.list.fetchNextPage()]);
    await t.settle();
    expect(t.keys()).toHaveLength(40);
    expect(t.requests()).toHaveLength(2);
  });

  it('keeps a maxPages window and slides it back up on a forward-only source (Mews), counting what it prepends', async () => {
    const t = simulatedList(
      'mews',
      'reservations',
      { mews: { sizes: { reservations: 400 } } },
      { pageSize: 20, maxPages: 3 },
    );
    await t.settle();
    const first = t.keys().slice(0, 20);
    for (let i = 0; i < 5; i++) {
      await t.list.fetchNextPage();
      await t.settle();
    }
    expect(t.list.getState().pages).toHaveLength(3);
    expect(t.list.getState().prependedCount).toBe(-20);
    await t.list.fetchPreviousPage();
    expect((await t.settle()).prependedCount).toBe(20);
    while (t.list.getState().hasPreviousPage) {
      await t.list.fetchPreviousPage();
      await t.settle();
    }
    expect(t.keys().slice(0, 20)).toEqual(first);
  });

  it('opens around an item (Dashly) and grows both ways', async () => {
    const probe = simulatedList(
      'dashly',
      'conversations',
      { dashly: { sizes: { conversations: 300 } } },
      { enabled: false },
    );
    const head = await probe.v.runners.dashly.fetchPage(probe.source, { cursor: null, size: 50 });
    const target = head.items[40]!;
    const around = probe.source.kind === 'cursor' ? probe.source.cursorOf!(target)! : '';
    const t = simulatedList(
      'dashly',
      'conversations',
      { dashly: { sizes: { conversations: 300 } } },
      { pageSize: 10, around },
    );
    const state = await t.settle();
    expect(t.keys()).toContain(probe.source.key(target));
    expect(state.hasPreviousPage && state.hasNextPage).toBe(true);
    const before = state.items.length;
    await t.list.fetchPreviousPage();
    expect((await t.settle()).items).toHaveLength(before + 10);
  });

  it('keeps loaded items on a failed page, merges the error, and retry fetches only that page', async () => {
    const t = simulatedList(
      'dingtalk',
      'events',
      { dingtalk: { sizes: { events: 100 } } },
      { pageSize: 20 },
    );
    await t.settle();
    t.sim.injectOnce({ kind: 'malformed', malformed: 'no-items' });
    await t.list.fetchNextPage();
    let state = await t.settle();
    expect(state.error).toMatchObject({ code: 'BAD_RESPONSE', field: 'events' });
    expect(state.items).toHaveLength(20);
    const before = t.requests().length;
    await t.list.fetchNextPage(); // a sentinel in view: no storm on a failing vendor
    expect(t.requests()).toHaveLength(before);
    t.list.retry();
    state = await t.settle();
    expect(state.items).toHaveLength(40);
    expect(state.error).toBeNull();
    expect(t.requests()).toHaveLength(before + 1);
  });

  it('new parameters are a new list: the old items show (placeholder) until its first page lands', async () => {
    const t = simulatedList(
      'mews',
      'reservations',
      { mews: { sizes: { reservations: 200 }, faults: { latencyMs: 20 } } },
      { pageSize: 10 },
    );
    await t.settle();
    const old = t.keys();
    t.list.setOptions({ params: { states: ['Confirmed'] } });
    expect(t.list.getState()).toMatchObject({ isPlaceholderData: true, isFetching: true });
    expect(t.keys()).toEqual(old);
    const state = await t.settle();
    expect(state.isPlaceholderData).toBe(false);
    expect(state.items.length).toBeGreaterThan(0);
    expect(state.items.every((r) => (r as { State: string }).State === 'Confirmed')).toBe(true);
  });

  it('a placeholder offers no next page: the old list’s pages lead nowhere in the new one', async () => {
    const t = simulatedList(
      'mews',
      'reservations',
      { mews: { sizes: { reservations: 200 } } },
      {
        pageSize: 10,
      },
    );
    await t.settle();
    expect(t.list.getState().hasNextPage).toBe(true);
    t.list.setOptions({ params: { states: ['Confirmed'] }, enabled: false });
    const state = t.list.getState();
    expect(state).toMatchObject({ isPlaceholderData: true, hasNextPage: false });
    const sent = t.requests().length;
    await t.list.fetchNextPage();
    expect(t.list.getState().error).toBeNull();
    expect(t.requests()).toHaveLength(sent);
  });

  it('refreshes the newest edge with one small request and counts what arrived at the top', async () => {
    const t = simulatedList('dashly', 'parts', { dashly: {} }, { pageSize: 10, live: liveEdge() });
    await t.settle();
    await t.list.fetchNextPage();
    await t.settle();
    const arrived = t.sim.insertItems('/conversations/1/parts', 2, 'end');
    const before = t.requests().length;
    await t.list.refreshNewest();
    const state = await t.settle();
    expect(t.requests()).toHaveLength(before + 1);
    expect(t.keys().slice(0, 2).sort()).toEqual([...arrived].sort());
    expect(state.prependedCount).toBe(2);
    expect(state.items).toHaveLength(22);
  });

  it('stops what is on its way once nobody reads the list (a refetch of 4 pages sends no more)', async () => {
    const t = simulatedList(
      'dingtalk',
      'events',
      { dingtalk: { sizes: { events: 60 }, faults: { latencyMs: 40 } } },
      { pageSize: 10 },
    );
    await t.settle();
    for (let i = 0; i < 3; i++) {
      await t.list.fetchNextPage();
      await t.settle();
    }
    const sent = t.requests().length;
    void t.list.refetch();
    await new Promise((resolve) => setTimeout(resolve, 10));
    t.stop();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(t.requests().length - sent).toBeLessThanOrEqual(1);
    expect(t.list.getState().isFetching).toBe(false);
  });

  it('enabled: false fetches nothing, whichever command asks (next, previous, refetch, retry)', async () => {
    const t = simulatedList(
      'dingtalk',
      'events',
      { dingtalk: { sizes: { events: 60 } } },
      {
        pageSize: 10,
      },
    );
    await t.settle();
    const sent = t.requests().length;
    t.list.setOptions({ enabled: false });
    await t.list.fetchNextPage();
    await t.list.fetchPreviousPage();
    await t.list.refetch();
    t.list.retry();
    await t.settle();
    expect(t.requests()).toHaveLength(sent);
    t.list.setOptions({ enabled: true });
    await t.list.fetchNextPage();
    await t.settle();
    expect(t.requests()).toHaveLength(sent + 1);
  });

  it('says a jump was taken (aroundKey) only once its page landed, though a live refresh changed the items meanwhile', async () => {
    const t = simulatedList('dashly', 'parts', { dashly: {} }, { pageSize: 10, live: liveEdge() });
    await t.settle();
    await t.list.fetchNextPage();
    await t.settle();
    const target = t.keys()[15]!;
    t.sim.insertItems('/conversations/1/parts', 1, 'end');
    await t.list.refreshNewest();
    t.list.setOptions({ aroundKey: target });
    expect(t.list.getState()).toMatchObject({ aroundKey: undefined, isPlaceholderData: true });
    const state = await t.settle();
    expect(state).toMatchObject({ aroundKey: target, isPlaceholderData: false });
    expect(t.keys()).toContain(target);
    t.list.setOptions({ aroundKey: undefined });
    expect((await t.settle()).aroundKey).toBeUndefined();
  });

  it('refreshes nothing while the list does not hold its newest edge (after a jump); once it does, what arrived', async () => {
    const t = simulatedList('dashly', 'parts', { dashly: {} }, { pageSize: 10, live: liveEdge() });
    await t.settle();
    await t.list.fetchNextPage();
    await t.settle();
    t.list.setOptions({ aroundKey: t.keys()[15]! });
    await t.settle();
    expect(t.list.getState().hasPreviousPage).toBe(true);
    t.sim.insertItems('/conversations/1/parts', 2, 'end');
    const before = t.requests().length;
    const held = t.keys();
    await t.list.refreshNewest();
    await t.settle();
    // Newer history is not what arrived: it loads as a page (fetchPreviousPage).
    expect(t.requests()).toHaveLength(before);
    expect(t.keys()).toEqual(held);
    while (t.list.getState().hasPreviousPage) {
      await t.list.fetchPreviousPage();
      await t.settle();
    }
    const arrived = t.sim.insertItems('/conversations/1/parts', 1, 'end');
    const caughtUp = t.requests().length;
    await t.list.refreshNewest();
    const state = await t.settle();
    expect(t.requests()).toHaveLength(caughtUp + 1);
    expect(t.keys()[0]).toBe(arrived[0]);
    expect(state.prependedCount).toBe(1);
  });

  it('with the newest items at the end (newest: end), refreshes once the list reached the end', async () => {
    // A conversation listed oldest first: the newest message is at the end.
    const ascending = dashlyList<{ id: string }>({
      path: '/conversations/1/parts',
      position: ['id'],
      order: 'asc',
    });
    const t = simulatedList(
      'dashly',
      'parts',
      { dashly: { sizes: { parts: 25 } } },
      { source: ascending as never, pageSize: 10, live: liveEdge({ newest: 'end' }) },
    );
    await t.settle();
    const path = '/conversations/1/parts';
    t.sim.insertItems(path, 1, 'end');
    let sent = t.requests().length;
    await t.list.refreshNewest();
    await t.settle();
    expect(t.requests()).toHaveLength(sent); // the end is further: pages, not a refresh
    while (t.list.getState().hasNextPage) {
      await t.list.fetchNextPage();
      await t.settle();
    }
    const [arrived] = t.sim.insertItems(path, 1, 'end');
    sent = t.requests().length;
    await t.list.refreshNewest();
    await t.settle();
    expect(t.requests()).toHaveLength(sent + 1);
    expect(t.keys().at(-1)).toBe(arrived);
    expect(t.keys()).toHaveLength(27);
  });

  it('after a burst of more than a page, the live edge goes on refreshing past it', async () => {
    const t = simulatedList('dashly', 'parts', { dashly: {} }, { pageSize: 10, live: liveEdge() });
    await t.settle();
    t.sim.insertItems('/conversations/1/parts', 15, 'end');
    await t.list.refreshNewest();
    await t.settle();
    expect(t.list.getState().hasPreviousPage).toBe(true);
    const [last] = t.sim.insertItems('/conversations/1/parts', 1, 'end');
    for (let i = 0; i < 3 && t.keys()[0] !== last; i++) {
      await t.list.refreshNewest();
      await t.settle();
    }
    expect(t.keys()[0]).toBe(last);
    expect(t.keys()).toHaveLength(26);
    expect(new Set(t.keys()).size).toBe(26);
  });

  it('without a live edge, refreshNewest reads the list again: every loaded page, the new items in place', async () => {
    const t = simulatedList('dashly', 'parts', { dashly: {} }, { pageSize: 10 });
    await t.settle();
    await t.list.fetchNextPage();
    await t.settle();
    const arrived = t.sim.insertItems('/conversations/1/parts', 2, 'end');
    const before = t.requests().length;
    await t.list.refreshNewest();
    const state = await t.settle();
    expect(t.requests()).toHaveLength(before + 2);
    expect(t.keys().slice(0, 2).sort()).toEqual([...arrived].sort());
    expect(state.items).toHaveLength(20);
    expect(state.isRefreshingNewest).toBe(false);
  });

  it.each([
    ['with drift repair (the default)', true],
    ['page after page', false],
  ])('over a page-number API, rows deleted above the reader: %s', async (_, repair) => {
    const path = '/v1.0/attendance/adjustments';
    const t = simulatedList(
      'dingtalk',
      'adjustments',
      { dingtalk: { sizes: { adjustments: 100 } } },
      { pageSize: 10, repairDrift: repair },
    );
    await t.settle();
    const first = t.keys();
    const deleted = t.sim.deleteItems(path, 3, 'start');
    await t.list.fetchNextPage();
    await t.settle();
    t.sim.insertItems(path, 2, 'start');
    await t.list.fetchNextPage();
    const state = await t.settle();
    const expected = Array.from({ length: 30 }, (_, i) => String(500_000 + i));
    expect(first).toEqual(expected.slice(0, 10));
    expect(new Set(t.keys()).size).toBe(t.keys().length);
    const missing = expected.filter((k) => !deleted.includes(k) && !t.keys().includes(k));
    if (repair) {
      // Nothing skipped: the list goes on right after the last row it loaded.
      expect(missing).toEqual([]);
      expect(t.keys().slice(0, 10)).toEqual(first);
      expect(state.items.length).toBeGreaterThanOrEqual(30);
    } else expect(missing).toEqual(['500010', '500011', '500012']);
  });

  it.each([
    ['10 rows deleted above', false],
    ['10 rows deleted above and the 3 last rows loaded', true],
  ])(
    'over a page-number API, %s before each load: every load adds rows, none lost or repeated',
    async (_, anchors) => {
      const t = simulatedList(
        'generic',
        'orders',
        { generic: { orders: 1000 } },
        { pageSize: 20, repairDrift: true },
      );
      await t.settle();
      const deleted = new Set<string>();
      for (let i = 0; i < 8; i++) {
        const held = t.keys();
        for (const id of t.sim.deleteItems('/orders', 10, 'start')) deleted.add(id);
        if (anchors) {
          // The last rows loaded are now where they were, less what was deleted before them.
          const at = held.length - [...deleted].filter((k) => held.includes(k)).length - 3;
          for (const id of t.sim.deleteItems('/orders', 3, at)) deleted.add(id);
        }
        await t.list.fetchNextPage();
        await t.settle();
        expect(t.keys().length).toBeGreaterThan(held.length);
      }
      const keys = t.keys();
      expect(new Set(keys).size).toBe(keys.length);
      // Every row up to the last one loaded was loaded, or deleted while the list was read.
      const last = Number(keys.at(-1));
      const ids = Array.from({ length: last }, (_, i) => String(i + 1));
      expect(ids.filter((id) => !keys.includes(id) && !deleted.has(id))).toEqual([]);
      expect(keys.map(Number)).toEqual([...keys.map(Number)].sort((a, b) => a - b));
    },
  );

  /** A drift-repaired list over the generic offset API, 20 a page, with `more` pages loaded after the first. */
  async function offsetList(more: number) {
    const t = simulatedList(
      'generic',
      'offsetItems',
      { generic: { size: 2000 } },
      { pageSize: 20, repairDrift: true },
    );
    await t.settle();
    for (let i = 0; i < more; i++) {
      await t.list.fetchNextPage();
      await t.settle();
    }
    return t;
  }

  it.each([
    ['40 rows inserted above (two pages)', 40],
    ['60 rows inserted above (three pages)', 60],
    // Further than drift repair looks: lost, it reads on from where it stood, past the repeats.
    ['100 rows inserted above (five pages)', 100],
  ])(
    'over an offset API, %s: the next loads bring the rows after the last one loaded, none repeated, in order',
    async (_, inserted) => {
      const t = await offsetList(4);
      const held = t.keys();
      t.sim.insertItems('/items', inserted, 'start');
      for (let i = 0; i < 3; i++) {
        const before = t.keys().length;
        await t.list.fetchNextPage();
        const state = await t.settle();
        expect(state.error).toBeNull();
        expect(t.keys().length).toBeGreaterThan(before);
      }
      const keys = t.keys();
      expect(keys.slice(0, held.length)).toEqual(held);
      // The rows inserted at the top are above the reader: not appended below it.
      expect(keys.map(Number)).toEqual(
        Array.from({ length: keys.length }, (_, i) => Number(held[0]) + i),
      );
    },
  );

  it('over an offset API, rows inserted among the last rows loaded: the next load brings the rows after them, none of the new ones below', async () => {
    const t = await offsetList(0);
    const held = t.keys();
    // 30 rows after the 15th: the last rows loaded pushed past the window read next.
    t.sim.insertItems('/items', 30, 15);
    await t.list.fetchNextPage();
    await t.settle();
    const added = t.keys().slice(held.length).map(Number);
    expect(added.length).toBeGreaterThan(0);
    expect(added).toEqual(Array.from({ length: added.length }, (_, i) => held.length + 1 + i));
  });

  it('over an offset API, more rows inserted above than it looks for: lost, it says so, appends none of them, and goes on in order', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const t = await offsetList(5);
    const held = t.keys();
    // Five pages: further than the two windows ahead it reads (fewer than it loaded: more than
    // that would put rows inserted above where it stood, which no walk can tell from the others).
    t.sim.insertItems('/items', 100, 'start');
    for (let i = 0; i < 3; i++) {
      await t.list.fetchNextPage();
      expect((await t.settle()).error).toBeNull();
    }
    const keys = t.keys().map(Number);
    // Nothing inserted above (ids below 1) is appended below the reader; the rest follow in order.
    expect(keys.filter((k) => k < 1)).toEqual([]);
    expect(keys.length).toBeGreaterThan(held.length);
    expect(keys).toEqual(Array.from({ length: keys.length }, (_, i) => i + 1));
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(new RegExp(`drift repair lost its place after row ${held.length}`)),
    );
    warn.mockRestore();
  });

  it.each([
    [6, 6, 3],
    [10, 10, 5],
    [10, 12, 5],
    [20, 20, 5],
    [20, 100, 12],
  ])(
    'pages of %i where the vendor serves at most %i, %i rows deleted above before each load: none lost',
    async (size, max, deletes) => {
      const v = simulatedVendors(
        { generic: { orders: 2000 } },
        { runner: { retry: { retries: 0 } } },
      );
      const source = pageNumberSource<{ id: number }>({
        path: '/orders',
        total: { header: 'X-Total-Count' },
        limits: { min: 1, max, default: size },
        key: (o) => String(o.id),
      });
      const list = createInfiniteList({
        source,
        runner: v.runners.generic,
        cache: memoryListCache(),
        pageSize: size,
        repairDrift: true,
      });
      const stop = list.subscribe(() => {});
      const settle = async () => {
        for (let i = 0; i < 500 && list.getState().isFetching; i++)
          await new Promise((resolve) => setTimeout(resolve, 0));
      };
      await settle();
      const deleted = new Set<string>();
      for (let i = 0; i < 40; i++) {
        for (const id of v.sims.generic.deleteItems('/orders', deletes, 'start')) deleted.add(id);
        await list.fetchNextPage();
        await settle();
      }
      const keys = list.getState().items.map(list.itemKey);
      stop();
      expect(new Set(keys).size).toBe(keys.length);
      const last = Number(keys.at(-1));
      const lost = Array.from({ length: last }, (_, i) => String(i + 1)).filter(
        (id) => !keys.includes(id) && !deleted.has(id),
      );
      expect(lost).toEqual([]);
    },
  );

  it('a failed edge refresh shows in error without rejecting; retry sends that one request again', async () => {
    const t = simulatedList('dashly', 'parts', { dashly: {} }, { pageSize: 10, live: liveEdge() });
    await t.settle();
    t.sim.injectOnce({ kind: 'server-error', status: 500 });
    await t.list.refreshNewest();
    expect(t.list.getState().error?.code).toBe('SERVER_ERROR');
    const before = t.requests().length;
    t.list.retry();
    const state = await t.settle();
    expect(state.error).toBeNull();
    expect(t.requests()).toHaveLength(before + 1);
  });

  it('keeps a live edge on an injected clock while visible, nothing while hidden, at once when woken', async () => {
    const env = fakeLiveEnvironment();
    const t = simulatedList(
      'dashly',
      'parts',
      { dashly: {} },
      { pageSize: 10, live: liveEdge({ interval: 1000, environment: env }) },
    );
    await t.settle();
    const [arrived] = t.sim.insertItems('/conversations/1/parts', 1, 'end');
    env.tick();
    await t.settle();
    expect(t.keys()[0]).toBe(arrived);
    env.visible = false;
    const hidden = t.requests().length;
    env.tick();
    await t.settle();
    expect(t.requests()).toHaveLength(hidden);
    env.visible = true;
    env.wake();
    await t.settle();
    expect(t.requests()).toHaveLength(hidden + 1);
    t.stop();
    expect(env.ticking()).toBe(0);
  });

  it('a live edge polling a failing vendor backs off (1, 3, 7 polls skipped) and resumes when it recovers', async () => {
    const { v, list, stop, polls } = await liveChat();
    v.sims.dashly.configure({ serverErrorRate: 1 });
    const polled: number[] = [];
    for (let tick = 1; tick <= 8; tick++) polled.push(await polls());
    // Polls 1, 3 and 7 went, each with the runner's 4 retries (a blip is not shown); the rest waited.
    expect(polled).toEqual([5, 0, 5, 0, 0, 0, 5, 0]);
    // The refresh's failure is the list's to show; the messages held stay.
    expect(list.getState().error?.code).toBe('SERVER_ERROR');
    expect(list.getState().items).toHaveLength(10);
    v.sims.dashly.configure({});
    const [arrived] = v.sims.dashly.insertItems('/conversations/1/parts', 1, 'end');
    for (let tick = 9; tick <= 15; tick++) await polls();
    expect(list.getState().items.map(list.itemKey)[0]).toBe(arrived);
    expect(list.getState().error).toBeNull();
    expect(await polls()).toBe(1);
    stop();
  }, 15_000);

  it('a live edge’s backoff ends at a wake, at a Retry that works, and with another list', async () => {
    const chat = async () => {
      const t = await liveChat();
      // Three polls fail: 7 polls are then to be skipped.
      t.v.sims.dashly.configure({ serverErrorRate: 1 });
      for (let failed = 0; failed < 3; ) if ((await t.polls()) > 0) failed++;
      t.v.sims.dashly.configure({});
      return t;
    };
    // The tab seen again (or back online): at once, though 7 polls were still to be skipped.
    const woken = await chat();
    woken.env.visible = false;
    woken.env.tick();
    woken.env.visible = true;
    const before = woken.sent();
    woken.env.wake();
    await liveSettle();
    expect(woken.sent()).toBe(before + 1);
    expect(await woken.polls()).toBe(1);
    woken.stop();
    // The reader's Retry that works: the next poll goes.
    const retried = await chat();
    expect(retried.list.getState().error?.code).toBe('SERVER_ERROR');
    retried.list.retry();
    await liveSettle();
    expect(retried.list.getState().error).toBeNull();
    expect(await retried.polls()).toBe(1);
    retried.stop();
    // Another conversation (new parameters) starts without the old one's backoff.
    const other = await chat();
    other.list.setOptions({ params: { conversation: 2 } as never });
    await liveSettle();
    expect(await other.polls()).toBe(1);
    other.stop();
  }, 20_000);

  it('a new live environment alone moves the live edge to it', async () => {
    const [a, b] = [fakeLiveEnvironment(), fakeLiveEnvironment()];
    const t = simulatedList(
      'dashly',
      'parts',
      { dashly: {} },
      { pageSize: 10, live: liveEdge({ interval: 1000, environment: a }) },
    );
    await t.settle();
    expect(a.ticking()).toBe(1);
    t.list.setOptions({ live: liveEdge({ interval: 1000, environment: b }) });
    expect([a.ticking(), b.ticking()]).toEqual([0, 1]);
    t.stop();
  });

  it('stops growing with CURSOR_LOOP on a vendor that cycles, however often it is asked', async () => {
    let requests = 0;
    const fetch: typeof globalThis.fetch = async (input) => {
      requests++;
      const after = new URL(String(input)).searchParams.get('after');
      const next = after === null ? 'A' : after === 'A' ? 'B' : 'A';
      return Response.json({ items: [{ id: `${after}-1` }], next });
    };
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
    const list = createInfiniteList({
      source,
      runner: createRequestRunner({ baseUrl: 'https://loop.example', fetch }),
      cache: memoryListCache(),
    });
    list.subscribe(() => {});
    for (let i = 0; i < 30; i++) {
      await list.fetchNextPage();
      await new Promise((r) => setTimeout(r, 0));
    }
    expect(list.getState()).toMatchObject({ hasNextPage: false, error: { code: 'CURSOR_LOOP' } });
    expect(requests).toBeLessThanOrEqual(4);
  });
});

describe('infinite list: options given again and again (review of the controller)', () => {
  it('a new runner carries the next page (the list stays the same)', async () => {
    const t = simulatedList(
      'lineworks',
      'users',
      { lineworks: { sizes: { users: 100 } } },
      { pageSize: 20 },
    );
    await t.settle();
    const through: string[] = [];
    const runner = {
      ...t.v.runners.lineworks,
      fetchPage: ((source, position, options) => {
        through.push('new runner');
        return t.v.runners.lineworks.fetchPage(source, position, options);
      }) as typeof t.v.runners.lineworks.fetchPage,
    };
    t.list.setOptions({ runner });
    await t.list.fetchNextPage();
    await t.settle();
    expect(through).toEqual(['new runner']);
    expect(t.keys()).toHaveLength(40);
  });

  it('an edge refresh that lands after the parameters changed is dropped, not written to the new list', async () => {
    const t = simulatedList(
      'mews',
      'reservations',
      { mews: { sizes: { reservations: 100 }, faults: { latencyMs: 30 } } },
      { pageSize: 10, live: liveEdge() },
    );
    await t.settle();
    const refresh = t.list.refreshNewest();
    t.list.setOptions({ params: { states: ['Confirmed'] } });
    await refresh;
    const state = await t.settle();
    expect(state.items.every((r) => (r as { State: string }).State === 'Confirmed')).toBe(true);
    expect(state.error).toBeNull();
  });

  it('the memory cache keeps the maxLists lists most recently shown; one that went is fetched again', async () => {
    const v = simulatedVendors({ lineworks: { sizes: { users: 50 } } });
    const list = createInfiniteList({
      source: v.sources.users as never,
      runner: v.runners.lineworks,
      cache: memoryListCache<unknown>({ maxLists: 2 }),
      pageSize: 10,
    });
    const requests = () => v.sims.lineworks.log.entries.filter((e) => !/token/.test(e.path)).length;
    const show = async (params: unknown) => {
      list.setOptions({ params });
      await new Promise((r) => setTimeout(r, 20));
      expect(list.getState()).toMatchObject({ isFetching: false, error: null });
    };
    list.subscribe(() => {});
    await show({ q: 'a' });
    await show({ q: 'b' });
    expect(requests()).toBe(2);
    await show({ q: 'a' });
    expect(requests()).toBe(2);
    // A third list: 'b', shown least recently, goes; 'a' stays.
    await show({ q: 'c' });
    await show({ q: 'a' });
    expect(requests()).toBe(3);
    await show({ q: 'b' });
    expect(requests()).toBe(4);
    expect(list.getState().items).toHaveLength(10);
    expect(() => memoryListCache({ maxLists: 0 })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION' }),
    );
  });

  it('the memory cache fetches once someone reads the list, and recovers from clear()', async () => {
    const v = simulatedVendors({ lineworks: { sizes: { users: 50 } } });
    const cache = memoryListCache<unknown>();
    const list = createInfiniteList({
      source: v.sources.users as never,
      runner: v.runners.lineworks,
      cache,
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(v.sims.lineworks.log.entries.filter((e) => !/token/.test(e.path))).toHaveLength(0);
    list.subscribe(() => {});
    await new Promise((r) => setTimeout(r, 20));
    expect(list.getState().items.length).toBeGreaterThan(0);
    cache.clear();
    await new Promise((r) => setTimeout(r, 20));
    expect(list.getState()).toMatchObject({ isFetching: false, error: null });
    expect(list.getState().items.length).toBeGreaterThan(0);
  });
});
