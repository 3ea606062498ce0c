import { describe, expect, it } from 'vitest';
import type { InfiniteListController } from '../infinite-list/infinite-list.types.js';
import { liveEdge } from '../infinite-list/live-edge.js';
import { fakeLiveEnvironment } from '../test-support/fake-live-environment.js';
import { simulatedList } from '../test-support/simulated-list.js';
import { connectFeed, type FeedList } from './connect-feed.js';

/** A list controller as a feed reads it: its state and its commands, as `useInfiniteList` gives them. */
const feedList = <T>(list: InfiniteListController<T>): FeedList<T> => ({
  ...list.getState(),
  itemKey: list.itemKey,
  fetchNextPage: list.fetchNextPage,
  fetchPreviousPage: list.fetchPreviousPage,
  retry: list.retry,
});

/** A Dashly chat with a live edge that polls only when told, as a reversed feed in a chat's words. */
async function liveChat() {
  const environment = fakeLiveEnvironment(); // never ticks by itself
  const t = simulatedList(
    'dashly',
    'parts',
    { dashly: {} },
    { pageSize: 10, live: liveEdge({ interval: 60_000, environment }) },
  );
  await t.settle();
  const messages = {
    arrived: (n: number) => `${n} new messages`,
    more: (n: number) => `${n} newer messages`,
    earlier: (n: number) => `${n} older messages`,
  };
  const feed = () => connectFeed(feedList(t.list), { label: 'Chat', reversed: true, messages });
  return { t, feed };
}

describe('connectFeed over an infinite list (DingTalk events, 25 of them, pages of 10)', () => {
  const open = async () => {
    const t = simulatedList(
      'dingtalk',
      'events',
      { dingtalk: { sizes: { events: 25 } } },
      {
        pageSize: 10,
      },
    );
    await t.settle();
    return t;
  };

  it('gives articles their positions, a set size of -1 until the end, then the length', async () => {
    const t = await open();
    let feed = connectFeed(feedList(t.list), { label: 'Events' });
    expect(feed.feed).toEqual({ role: 'feed', 'aria-label': 'Events', 'aria-busy': false });
    const first = t.list.getState().items[0]!;
    expect(feed.item(first, 0)).toMatchObject({ 'aria-posinset': 1, 'aria-setsize': -1 });
    // A window that dropped 30 items from the start counts from after them.
    expect(connectFeed(feedList(t.list), { label: 'Events' }, 30).item(first, 0)).toMatchObject({
      'aria-posinset': 31,
    });
    await t.list.fetchNextPage();
    await t.list.fetchNextPage();
    await t.settle();
    feed = connectFeed(feedList(t.list), { label: 'Events' });
    expect(feed.item(first, 0)['aria-setsize']).toBe(25);
    expect(feed.loadButton('end')['aria-disabled']).toBe(true);
    expect(feed.load('end')).toBe(false);
  });

  it('a maxPages window that dropped pages from the start: at the end, the set size counts them', async () => {
    const t = simulatedList(
      'dingtalk',
      'events',
      { dingtalk: { sizes: { events: 25 } } },
      { pageSize: 10, maxPages: 2 },
    );
    await t.settle();
    for (let i = 0; i < 2; i++) {
      await t.list.fetchNextPage();
      await t.settle();
    }
    const state = t.list.getState();
    expect([state.items.length, state.hasNextPage, state.hasPreviousPage]).toEqual([
      15,
      false,
      true,
    ]);
    const feed = connectFeed(feedList(t.list), { label: 'Events' }, 10);
    const last = state.items[14]!;
    expect(feed.item(last, 14)).toMatchObject({ 'aria-posinset': 25, 'aria-setsize': 25 });
  });

  it('says what landed and the end in one announcement, joined as the app words it', async () => {
    const t = await open();
    await t.list.fetchNextPage();
    await t.settle();
    const before = connectFeed(feedList(t.list), { label: 'Events' }).seen();
    await t.list.fetchNextPage();
    await t.settle();
    expect(connectFeed(feedList(t.list), { label: 'Events' }).announce(before)).toBe(
      '5 more items. End of list',
    );
    const japanese = connectFeed(feedList(t.list), {
      label: 'イベント',
      messages: {
        more: (n) => `さらに${n}件`,
        end: 'リストの終わり',
        failed: () => '',
        join: (sentences) => `${sentences.join('。')}。`,
      },
    });
    expect(japanese.announce(before)).toBe('さらに5件。リストの終わり。');
  });

  it('Page Down moves between articles and, from the last, asks to load at the end; focus goes to the first that landed', async () => {
    const t = await open();
    const feed = connectFeed(feedList(t.list), { label: 'Events' });
    const keys = feed.keys();
    expect(feed.step(keys[0]!, 'PageDown')).toEqual({ key: keys[1] });
    expect(feed.step(keys[0]!, 'PageUp')).toEqual({ load: 'start' });
    expect(feed.step(keys[9]!, 'PageDown')).toEqual({ load: 'end' });
    const before = feed.seen();
    expect(feed.load('end')).toBe(true);
    await t.settle();
    const after = connectFeed(feedList(t.list), { label: 'Events' });
    expect(after.focusAfterLoad(keys[9], 'end')).toBe(after.keys()[10]);
    expect(after.announce(before)).toBe('10 more items');
  });

  it('in a reversed feed (a chat) the end as shown is the start of the data', async () => {
    const t = await open();
    const feed = connectFeed(feedList(t.list), { label: 'Chat', reversed: true });
    const data = t.keys();
    expect(feed.keys()).toEqual([...data].reverse());
    expect(feed.loadButton('start')['aria-disabled']).toBe(false); // older pages, at the top
    expect(feed.load('start')).toBe(true);
    await t.settle();
    expect(t.keys()).toHaveLength(20);
  });

  it('Load more after a failed page tries that page again (the list refuses a plain next page) and says why it failed', async () => {
    const t = await open();
    t.sim.injectOnce({ kind: 'malformed', malformed: 'html' });
    const before = connectFeed(feedList(t.list), { label: 'Events' }).seen();
    await t.list.fetchNextPage();
    await t.settle();
    let feed = connectFeed(feedList(t.list), { label: 'Events' });
    expect(feed.announce(before)).toMatch(/^Could not load more: /);
    const failed = feed.seen();
    expect(feed.loadButton('end')['aria-disabled']).toBe(false);
    const sent = t.requests().length;
    expect(feed.load('end')).toBe(true);
    await t.settle();
    expect(t.requests()).toHaveLength(sent + 1);
    feed = connectFeed(feedList(t.list), { label: 'Events' });
    expect(t.list.getState()).toMatchObject({ error: null });
    expect(feed.keys()).toHaveLength(20);
    // The page that failed landed: that is what is said, not the failure.
    expect(feed.announce(failed)).toBe('10 more items');
  });

  it('a first page that fails is said as such, not as "could not load more"', async () => {
    const t = simulatedList(
      'dingtalk',
      'events',
      { dingtalk: { sizes: { events: 30 } } },
      {
        pageSize: 10,
      },
    );
    t.sim.injectOnce({ kind: 'server-error', status: 503 });
    const before = connectFeed(feedList(t.list), { label: 'Events' }).seen();
    await t.settle();
    expect(t.list.getState()).toMatchObject({ items: [], error: expect.anything() });
    const feed = connectFeed(feedList(t.list), { label: 'Events' });
    expect(feed.announce(before)).toMatch(/^Could not load: /);
    // No article in it, none on its way: a labelled group (a feed's children are articles).
    expect(feed.feed).toEqual({ role: 'group', 'aria-label': 'Events', 'aria-busy': false });
    const words = connectFeed(feedList(t.list), {
      label: 'Events',
      messages: { failedFirst: (reason) => `Nothing loaded (${reason})` },
    });
    expect(words.announce(before)).toMatch(/^Nothing loaded \(/);
    // An app that words only `failed` (translated before failedFirst existed) keeps its words.
    const translated = connectFeed(feedList(t.list), {
      label: 'Events',
      messages: { failed: (reason) => `Échec : ${reason}` },
    });
    expect(translated.announce(before)).toMatch(/^Échec : /);
    // The error comes with the English reason: an app words it by its code.
    const byCode = connectFeed(feedList(t.list), {
      label: 'Events',
      messages: { failed: (_, error) => `Fehler: ${error.code} (HTTP ${error.status})` },
    });
    expect(byCode.announce(before)).toBe('Fehler: SERVER_ERROR (HTTP 503)');
    // Retried, the first page lands: that is said (the failure said before is over).
    const failed = feed.seen();
    t.list.retry();
    const retrying = connectFeed(feedList(t.list), { label: 'Events' });
    expect(retrying.feed).toMatchObject({ role: 'feed', 'aria-busy': true });
    // While it is tried again nothing is said, render after render (a binding announces on each):
    // the failure said stays until what lands replaces it.
    let seen = retrying.seen(failed);
    for (let render = 0; render < 3; render++) {
      expect(retrying.announce(seen)).toBeUndefined();
      seen = retrying.seen(seen);
    }
    await t.settle();
    expect(connectFeed(feedList(t.list), { label: 'Events' }).announce(failed)).toBe(
      '10 items loaded',
    );
    // Not "older" or "more" in a chat either: what landed is the first of it.
    const chat = connectFeed(feedList(t.list), {
      label: 'Conversation',
      reversed: true,
      messages: { earlier: (n) => `${n} older messages`, loaded: (n) => `${n} messages` },
    });
    expect(chat.announce(failed)).toBe('10 messages');
    // An app that words `more` and not `loaded` (translated before it existed) keeps its language.
    const french = connectFeed(feedList(t.list), {
      label: 'Événements',
      messages: { more: (n) => `${n} éléments de plus`, failed: (r) => `Échec : ${r}` },
    });
    expect(french.announce(failed)).toBe('10 éléments de plus');
  });

  it('says a 5xx in the kit’s words, not the vendor’s text (the app’s words get the error itself)', async () => {
    const t = await open();
    t.sim.injectOnce({ kind: 'server-error', status: 503 });
    const before = connectFeed(feedList(t.list), { label: 'Events' }).seen();
    await t.list.fetchNextPage();
    await t.settle();
    const feed = connectFeed(feedList(t.list), { label: 'Events' });
    expect(t.list.getState().error?.code).toBe('SERVER_ERROR');
    expect(feed.announce(before)).toBe('Could not load more: the server failed');
    const own = connectFeed(feedList(t.list), {
      label: 'Events',
      messages: { failed: (_, error) => `${error.status}: ${error.reason}` },
    });
    expect(own.announce(before)).toMatch(/^503: /);
  });

  it('a failure that is over without new items clears what was said (the status does not keep the error)', async () => {
    const t = await open();
    t.sim.injectOnce({ kind: 'malformed', malformed: 'html' });
    const before = connectFeed(feedList(t.list), { label: 'Events' }).seen();
    await t.list.fetchNextPage();
    await t.settle();
    const feed = connectFeed(feedList(t.list), { label: 'Events' });
    expect(feed.announce(before)).toMatch(/^Could not load more: /);
    const failed = feed.seen();
    expect(feed.announce(failed)).toBeUndefined(); // nothing new: the failure stays said
    t.list.retry();
    await t.settle();
    const after = connectFeed(feedList(t.list), { label: 'Events' });
    expect(t.list.getState().error).toBeNull();
    expect(after.announce({ ...after.seen(), error: failed.error })).toBe('');
  });

  it('a failure followed by new parameters: the status clears while the new list loads', async () => {
    const t = await open();
    t.sim.injectOnce({ kind: 'malformed', malformed: 'html' });
    await t.list.fetchNextPage();
    await t.settle();
    const failed = connectFeed(feedList(t.list), { label: 'Events' }).seen();
    expect(failed.error).not.toBeNull();
    t.list.setOptions({ params: { calendar: 'other' } });
    const loading = connectFeed(feedList(t.list), { label: 'Events' });
    expect(t.list.getState()).toMatchObject({ isPlaceholderData: true, error: null });
    expect(loading.announce(failed)).toBe('');
    await t.settle();
  });

  it('Load more after a failed edge refresh loads more: only the edge that failed is retried', async () => {
    const env = fakeLiveEnvironment(); // never ticks by itself
    const t = simulatedList(
      'dashly',
      'parts',
      { dashly: {} },
      {
        pageSize: 10,
        live: liveEdge({ interval: 60_000, environment: env }),
      },
    );
    await t.settle();
    t.sim.injectOnce({ kind: 'malformed', malformed: 'html' });
    await t.list.refreshNewest();
    expect(t.list.getState().error).not.toBeNull();
    const feed = connectFeed(feedList(t.list), { label: 'Chat' });
    expect(feed.load('end')).toBe(true);
    await t.settle();
    expect(t.keys()).toHaveLength(20);
  });

  it('a live refresh that failed is said as a refresh, once for a run of the same failure', async () => {
    const { t, feed } = await liveChat();
    const fail = async () => {
      t.sim.injectOnce({ kind: 'malformed', malformed: 'html' });
      const refresh = t.list.refreshNewest();
      const during = feed().seen();
      await refresh;
      return during;
    };
    const first = await fail();
    expect(feed().announce(first)).toMatch(/^Could not refresh: /);
    // The next poll fails the same way: nothing new to say.
    const again = await fail();
    expect(t.list.getState().error).not.toBe(first.error);
    expect(feed().announce(again)).toBeUndefined();
    // Retry pressed, and it fails the same way: that is said, the user asked.
    t.sim.injectOnce({ kind: 'malformed', malformed: 'html' });
    t.list.retry();
    const retrying = feed().seen();
    await t.settle();
    expect(feed().announce(retrying)).toMatch(/^Could not refresh: /);
    // An app that words only `failed` hears its own words; one that words the refresh, those.
    const during = await fail();
    const seen = { ...during, error: null };
    const own = (messages: object) =>
      connectFeed(feedList(t.list), { label: 'Chat', messages }).announce(seen);
    expect(own({ failed: (r: string) => `Échec : ${r}` })).toMatch(/^Échec : /);
    expect(own({ failedRefresh: () => 'No new messages could be checked' })).toBe(
      'No new messages could be checked',
    );
    // A page asked for at an edge that failed is still "could not load more".
    t.sim.injectOnce({ kind: 'malformed', malformed: 'html' });
    const before = feed().seen();
    await t.list.fetchNextPage();
    await t.settle();
    expect(feed().announce(before)).toMatch(/^Could not load more: /);
  });

  it('in a chat, what a live refresh brought arrived; newer history loaded after a jump does not', async () => {
    const { t, feed } = await liveChat();
    t.sim.insertItems('/conversations/1/parts', 2, 'end');
    const refresh = t.list.refreshNewest();
    // What the binding saw while the refresh ran.
    const during = feed().seen();
    expect(during.refreshing).toBe(true);
    await refresh;
    await t.settle();
    expect(feed().announce(during)).toBe('2 new messages');
    let before = feed().seen();
    await t.list.fetchNextPage();
    await t.settle();
    expect(feed().announce(before)).toBe('10 older messages');
    // A jump into the history; the page below it is newer history, not new messages.
    t.list.setOptions({ aroundKey: t.keys()[18]! });
    await t.settle();
    expect(t.list.getState().hasPreviousPage).toBe(true);
    before = feed().seen();
    await t.list.fetchPreviousPage();
    await t.settle();
    expect(feed().announce(before)).toMatch(/^\d+ newer messages$/);
    // Without `arrived`, what arrived is said by where it landed, as before.
    t.list.setOptions({ aroundKey: undefined });
    await t.settle();
    const plain = () => connectFeed(feedList(t.list), { label: 'Chat', reversed: true });
    t.sim.insertItems('/conversations/1/parts', 1, 'end');
    const again = t.list.refreshNewest();
    const seen = plain().seen();
    await again;
    await t.settle();
    expect(plain().announce(seen)).toBe('1 more item');
    // A refetch of the list (a stale list come back to) brings what arrived meanwhile.
    t.sim.insertItems('/conversations/1/parts', 2, 'end');
    const refetch = t.list.refetch();
    const meanwhile = feed().seen();
    expect(meanwhile.refreshing).toBe(true);
    await refetch;
    await t.settle();
    expect(feed().announce(meanwhile)).toBe('2 new messages');
  });

  it('more arrived than a page: what the reader loads to catch up with the live edge arrived too', async () => {
    const { t, feed } = await liveChat();
    t.sim.insertItems('/conversations/1/parts', 15, 'end');
    const refresh = t.list.refreshNewest();
    const during = feed().seen();
    await refresh;
    await t.settle();
    const first = feed().announce(during);
    expect(first).toMatch(/^\d+ new messages$/);
    // As the binding keeps it: each snapshot from the one before.
    let before = feed().seen(during);
    let said = first!;
    // The bottom sentinel loads the rest, as a newer page: still what arrived, said as all that
    // arrived since the refresh (each sentence replaces the one before in a status region).
    while (t.list.getState().hasPreviousPage) {
      expect(before.arriving).toBe(true);
      await t.list.fetchPreviousPage();
      await t.settle();
      const now = feed().announce(before)!;
      expect(now).toMatch(/^\d+ new messages$/);
      expect(Number(now.match(/\d+/)![0])).toBeGreaterThan(Number(said.match(/\d+/)![0]));
      said = now;
      before = feed().seen(before);
    }
    expect(said).toBe('15 new messages');
    expect(before.arriving).toBe(false);
    // Older history afterwards is history.
    await t.list.fetchNextPage();
    await t.settle();
    expect(feed().announce(before)).toBe('10 older messages');
  });

  it('a page of history that lands while a live refresh runs is history, not what arrived', async () => {
    const { t, feed } = await liveChat();
    // A slow poll, and older messages asked for while it runs: they land first.
    t.sim.injectOnce({ kind: 'latency', ms: 80 });
    const poll = t.list.refreshNewest();
    const older = t.list.fetchNextPage();
    const seen = feed().seen();
    await older;
    expect(t.list.getState().isRefreshingNewest).toBe(true);
    expect(feed().announce(seen)).toBe('10 older messages');
    await poll;
    await t.settle();
  });

  it('back at the latest messages from a jump: what was already there is not what arrived', async () => {
    const v = simulatedList('dashly', 'parts', { dashly: {} }, { pageSize: 30 });
    await v.settle();
    // A chat opened at a message (a link to it), not at the latest.
    const t = simulatedList(
      'dashly',
      'parts',
      { dashly: {} },
      { pageSize: 10, live: liveEdge(), aroundKey: v.keys()[25]! },
    );
    await t.settle();
    const messages = { arrived: (n: number) => `${n} new messages` };
    const feed = () => connectFeed(feedList(t.list), { label: 'Chat', reversed: true, messages });
    let said: string | undefined;
    let before = feed().seen();
    t.list.setOptions({ aroundKey: undefined });
    for (let i = 0; i < 20 && !said; i++) {
      said = feed().announce(before);
      before = feed().seen();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await t.settle();
    expect(said ?? feed().announce(before) ?? '').not.toMatch(/new messages/);
  });

  it('a jump that fails is said once, as a first page (the items shown are the last list’s)', async () => {
    const t = simulatedList(
      'dashly',
      'parts',
      { dashly: { sizes: { parts: 60 } } },
      { pageSize: 10 },
    );
    await t.settle();
    await t.list.fetchNextPage();
    await t.settle();
    const target = t.keys()[15]!;
    const feed = () => connectFeed(feedList(t.list), { label: 'Chat', reversed: true });
    let before = feed().seen();
    const said: string[] = [];
    t.sim.injectOnce({ kind: 'server-error', status: 503 });
    t.list.setOptions({ aroundKey: target });
    for (let i = 0; i < 20; i++) {
      const sentence = feed().announce(before);
      if (sentence !== undefined) said.push(sentence);
      before = feed().seen(before);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    expect(t.list.getState()).toMatchObject({ isPlaceholderData: true, error: expect.anything() });
    expect(said.filter((sentence) => sentence !== '')).toEqual([
      expect.stringMatching(/^Could not load: /),
    ]);
  });

  it('a jump that lands at the beginning of a chat says so; one into the middle is read as the page', async () => {
    const dashly = { sizes: { parts: 60 } };
    const all = simulatedList('dashly', 'parts', { dashly }, { pageSize: 100 });
    await all.settle();
    await all.list.fetchNextPage();
    await all.settle();
    expect(all.list.getState().hasNextPage).toBe(false);
    const keys = all.keys(); // newest first: the last is the oldest message
    const t = simulatedList('dashly', 'parts', { dashly }, { pageSize: 10 });
    await t.settle();
    const messages = { end: 'Beginning of the conversation' };
    const feed = () => connectFeed(feedList(t.list), { label: 'Chat', reversed: true, messages });
    const jump = async (aroundKey: string | undefined) => {
      let before = feed().seen();
      const said: (string | undefined)[] = [];
      t.list.setOptions({ aroundKey });
      for (let i = 0; i < 20; i++) {
        said.push(feed().announce(before));
        before = feed().seen();
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      await t.settle();
      said.push(feed().announce(before));
      return said.filter((s) => s !== undefined);
    };
    // Read as the page: nothing said of it, what was said of the last list cleared ('').
    expect(await jump(keys[Math.floor(keys.length / 2)]!)).toEqual(['']);
    expect(await jump(keys[keys.length - 2]!)).toEqual(['Beginning of the conversation']);
    expect(t.list.getState().hasNextPage).toBe(false);
    // Back to the latest: read as the page, whatever it holds; "Beginning of the conversation"
    // is no longer true of it, and no longer said.
    expect(await jump(undefined)).toEqual(['']);
  });

  it('says nothing for a placeholder, and speaks in the app’s words', async () => {
    const t = await open();
    const words = { more: (n: number) => `${n} weitere` };
    const before = connectFeed(feedList(t.list), { label: 'Events', messages: words }).seen();
    await t.list.fetchNextPage();
    await t.settle();
    expect(
      connectFeed(feedList(t.list), { label: 'Events', messages: words }).announce(before),
    ).toBe('10 weitere');
    // Other parameters: the old items stay as a placeholder, and nothing is said of them.
    const shown = connectFeed(feedList(t.list), { label: 'Events' }).seen();
    t.list.setOptions({ params: { calendarId: 'other' }, enabled: false });
    expect(t.list.getState().isPlaceholderData).toBe(true);
    expect(connectFeed(feedList(t.list), { label: 'Events' }).announce(shown)).toBeUndefined();
  });
});
