import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fireEvent, userEvent, waitFor, within } from 'storybook/test';
import { AdjustmentsFeed } from './examples/adjustments-feed.js';
import adjustmentsFeedCode from './examples/adjustments-feed.tsx?raw';
import { Chat } from './examples/chat.js';
import chatCode from './examples/chat.tsx?raw';
import { EventsFeed } from './examples/events-feed.js';
import eventsFeedCode from './examples/events-feed.tsx?raw';
import feedListCode from './examples/feed-list.tsx?raw';
import { ItemsFeed } from './examples/items-feed.js';
import itemsFeedCode from './examples/items-feed.tsx?raw';
import { LiveChat } from './examples/live-chat.js';
import liveChatCode from './examples/live-chat.tsx?raw';
import { ReservationsFeed } from './examples/reservations-feed.js';
import reservationsFeedCode from './examples/reservations-feed.tsx?raw';
import { UsersFeed } from './examples/users-feed.js';
import usersFeedCode from './examples/users-feed.tsx?raw';
import { VirtualReservations } from './examples/virtual-reservations.js';
import virtualCode from './examples/virtual-reservations.tsx?raw';
import { expectFocus, recordStatus, tabTo } from './play-helpers.js';
import { withQueryClient } from './query-decorator.js';
import { loadVendors, serveVendors, vendorsOf } from './story-vendors.js';

/** "Show code": the component of the story, then the feed it renders (both as a user writes them). */
const code = (usage: string) => ({
  docs: { source: { code: `${usage}\n// feed-list.tsx\n${feedListCode}`, language: 'tsx' } },
});
const own = (source: string) => ({ docs: { source: { code: source, language: 'tsx' } } });

const meta: Meta = {
  title: 'Hooks/useInfiniteList',
  decorators: [withQueryClient],
  beforeEach: serveVendors,
  parameters: {
    docs: {
      description: {
        component: `Infinite scroll over any source on TanStack Query: DingTalk \`nextToken\` and \`pageNumber\`, LINE WORKS \`nextCursor\`, the generic \`linkHeaderSource\`, Dashly positions in both directions and \`around\` an item, Mews \`Limitation.Cursor\` with 100,000 rows under TanStack Virtual. Fetches are guarded (never two at once, never past the end) and items are de-duplicated by key.

\`useFeed\` makes the list a WAI-ARIA feed: \`role="feed"\` with \`aria-busy\` while a page loads, focusable articles with \`aria-posinset\`/\`aria-setsize\` (\`-1\` until the end is known), Page Down/Page Up between articles (loading more at the end), Ctrl+End/Ctrl+Home out of the feed, Load buttons that keep focus while they load (\`aria-disabled\`, never \`disabled\`), and one polite sentence per landed page for a \`role="status"\` region. A chat is a reversed feed with no live region over its history.

Every story below runs on simulators of its own. **Show code** gives the component a user would write.`,
      },
    },
  },
};
export default meta;
type Story = StoryObj;

const articles = (el: HTMLElement) => [...el.querySelectorAll<HTMLElement>('[role="article"]')];
const status = (c: ReturnType<typeof within>) => c.getByRole('status');

/** DingTalk `nextToken` + `maxResults` as a feed (300 ms per request). Keyboard only: Page Down between events, Ctrl+End to Load more, Enter until the end — focus stays on the button while it loads, and each page is said once it landed, not before. */
export const DingTalkNextToken: Story = {
  loaders: [loadVendors({ dingtalk: { sizes: { events: 130 }, faults: { latencyMs: 300 } } })],
  parameters: code(eventsFeedCode),
  render: (_, ctx) => {
    const v = vendorsOf(ctx);
    return <EventsFeed source={v.sources.events} runner={v.runners.dingtalk} />;
  },
  play: async (ctx) => {
    const { canvasElement } = ctx;
    const c = within(canvasElement);
    await waitFor(() => expect(articles(canvasElement)).toHaveLength(50), { timeout: 3000 });
    const feed = c.getByRole('feed', { name: 'DingTalk calendar events' });
    await expect(feed).toHaveAttribute('aria-busy', 'false');
    await expect(articles(canvasElement)[0]).toHaveAttribute('aria-posinset', '1');
    await expect(articles(canvasElement)[0]).toHaveAttribute('aria-setsize', '-1');
    await expect(status(c)).toHaveTextContent(/^$/);
    const said = recordStatus(status(c));

    await tabTo(articles(canvasElement)[0]!);
    await userEvent.keyboard('{PageDown}{PageDown}{PageDown}');
    await expectFocus(articles(canvasElement)[3]!);
    await userEvent.keyboard('{Control>}{End}{/Control}');
    const more = c.getByRole('button', { name: 'Load more' });
    await expectFocus(more);
    await userEvent.keyboard('{Enter}');
    await expect(more).toHaveAttribute('aria-disabled', 'true');
    await expect(feed).toHaveAttribute('aria-busy', 'true');
    await expect(status(c)).toHaveTextContent(/^$/); // not before the items landed
    await expectFocus(more);
    await waitFor(() => expect(status(c)).toHaveTextContent('50 more items, 100 in all'));
    await expectFocus(more);
    await waitFor(() => expect(more).toHaveAttribute('aria-disabled', 'false'));
    await userEvent.keyboard('{Enter}');
    await waitFor(() =>
      expect(status(c)).toHaveTextContent('30 more items, 130 in all. End of list'),
    );
    await expectFocus(more);
    await expect(more).toHaveTextContent('No more');
    await expect(more).toHaveAttribute('aria-disabled', 'true');
    await expect(articles(canvasElement)[0]).toHaveAttribute('aria-setsize', '130');
    await expect(c.getByText('130 items · end of data')).toBeInTheDocument();
    said.stop();
    await expect(said.texts).toEqual([
      '50 more items, 100 in all',
      '30 more items, 130 in all. End of list',
    ]);
    const lists = vendorsOf(ctx).sims.dingtalk.log.entries.filter((e) =>
      e.path.endsWith('/events'),
    );
    await expect(lists).toHaveLength(3); // every page exactly once
  },
};

/** Scrolling loads the next page (a sentinel near the end of the feed), one page per time it comes into view. */
export const LoadOnScroll: Story = {
  loaders: [loadVendors({ dingtalk: { sizes: { events: 130 } } })],
  parameters: code(eventsFeedCode),
  render: (_, ctx) => {
    const v = vendorsOf(ctx);
    return <EventsFeed source={v.sources.events} runner={v.runners.dingtalk} />;
  },
  play: async ({ canvasElement }) => {
    const c = within(canvasElement);
    // The first page, on a cold page load (the service worker starting) as well.
    await waitFor(() => expect(articles(canvasElement)).toHaveLength(50), { timeout: 4000 });
    const feed = c.getByRole('feed');
    for (const n of [100, 130]) {
      feed.scrollTop = feed.scrollHeight;
      fireEvent.scroll(feed);
      await waitFor(() => expect(articles(canvasElement)).toHaveLength(n), { timeout: 4000 });
    }
    await waitFor(() => expect(c.getByText('130 items · end of data')).toBeInTheDocument());
  },
};

/** A `maxPages` window of 2: the oldest page is dropped as a third lands, and Load earlier brings it back (the positions count the pages dropped). */
export const MaxPagesWindow: Story = {
  loaders: [loadVendors({ dingtalk: { sizes: { events: 200 } } })],
  parameters: code(eventsFeedCode),
  render: (_, ctx) => {
    const v = vendorsOf(ctx);
    return (
      <EventsFeed
        source={v.sources.events}
        runner={v.runners.dingtalk}
        pageSize={20}
        maxPages={2}
      />
    );
  },
  play: async ({ canvasElement }) => {
    const c = within(canvasElement);
    await waitFor(() => expect(articles(canvasElement)).toHaveLength(20), { timeout: 4000 });
    for (const n of [40, 40]) {
      const more = c.getByRole('button', { name: 'Load more' });
      await waitFor(() => expect(more).toHaveAttribute('aria-disabled', 'false'));
      await userEvent.click(more);
      await waitFor(() => expect(c.queryByRole('button', { name: 'Loading…' })).toBeNull());
      await waitFor(() => expect(articles(canvasElement)).toHaveLength(n));
    }
    // The first page was dropped: the feed starts at item 21, and Load earlier brings items 1–20.
    await waitFor(() => expect(articles(canvasElement)[0]).toHaveAttribute('aria-posinset', '21'));
    await userEvent.click(c.getByRole('button', { name: 'Load earlier' }));
    await waitFor(() => expect(articles(canvasElement)[0]).toHaveAttribute('aria-posinset', '1'));
    expect(c.queryByRole('button', { name: 'Load earlier' })).toBeNull();
  },
};

/** LINE WORKS `nextCursor` (base64, sent back URL-encoded) as a feed; the last page has no `nextCursor`. */
export const LineWorksNextCursor: Story = {
  loaders: [loadVendors({ lineworks: { sizes: { users: 230 } } })],
  parameters: code(usersFeedCode),
  render: (_, ctx) => {
    const v = vendorsOf(ctx);
    return <UsersFeed source={v.sources.users} runner={v.runners.lineworks} />;
  },
  play: async ({ canvasElement }) => {
    await loadAll(canvasElement, 230);
  },
};

/** DingTalk `pageNumber` as a feed: pages 1, 2, 3… at one `pageSize`, as DingTalk asks ("increment the page number for each subsequent call"); a short page (or `totalPage`) ends it. With `repairDrift: true` each load would instead read a window starting a few rows back, so rows deleted or inserted above the reader are neither skipped nor repeated. */
export const DingTalkPageNumbers: Story = {
  loaders: [loadVendors({ dingtalk: { sizes: { adjustments: 75 } } })],
  parameters: code(adjustmentsFeedCode),
  render: (_, ctx) => {
    const v = vendorsOf(ctx);
    return <AdjustmentsFeed source={v.sources.adjustments} runner={v.runners.dingtalk} />;
  },
  play: async (ctx) => {
    await loadAll(ctx.canvasElement, 75);
    const asked = vendorsOf(ctx)
      .sims.dingtalk.log.entries.filter((e) => e.path.endsWith('/adjustments'))
      .map((e) => ({ page: Number(e.params.pageNumber), size: Number(e.params.pageSize) }));
    await expect(asked).toEqual([
      { page: 1, size: 30 },
      { page: 2, size: 30 },
      { page: 3, size: 30 },
    ]);
  },
};

/** `linkHeaderSource` as a feed: each page's `Link: <…>; rel="next"` is the next request; the page without it is the end. */
export const LinkHeaderList: Story = {
  loaders: [loadVendors({ generic: { size: 75 } })],
  parameters: code(itemsFeedCode),
  render: (_, ctx) => {
    const v = vendorsOf(ctx);
    return (
      <ItemsFeed
        source={v.sources.linkedItems}
        runner={v.runners.generic}
        label="Items by Link header"
        pageSize={30}
      />
    );
  },
  play: async ({ canvasElement }) => {
    await loadAll(canvasElement, 75);
  },
};

/** A list shorter than a page: one request, then the end (Mews' Cursor on that page is not followed: fewer than Count came back). */
export const EndOfData: Story = {
  loaders: [loadVendors({ mews: { sizes: { reservations: 7 } } })],
  parameters: code(reservationsFeedCode),
  render: (_, ctx) => {
    const v = vendorsOf(ctx);
    return <ReservationsFeed source={v.sources.reservations} runner={v.runners.mews} />;
  },
  play: async (ctx) => {
    const c = within(ctx.canvasElement);
    await waitFor(() => expect(c.getByText('7 items · end of data')).toBeInTheDocument());
    await expect(articles(ctx.canvasElement)[6]).toHaveAttribute('aria-setsize', '7');
    await expect(c.getByRole('button', { name: 'No more' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    await expect(vendorsOf(ctx).sims.mews.log.entries).toHaveLength(1);
  },
};

/** The first page on its way (the simulator answers after a minute): a busy feed and "Loading…", and it stays so. */
export const Loading: Story = {
  loaders: [loadVendors({ mews: { sizes: { reservations: 50 }, faults: { latencyMs: 60_000 } } })],
  parameters: code(reservationsFeedCode),
  render: (_, ctx) => {
    const v = vendorsOf(ctx);
    return <ReservationsFeed source={v.sources.reservations} runner={v.runners.mews} />;
  },
  play: async ({ canvasElement }) => {
    const c = within(canvasElement);
    await expect(c.getByRole('feed')).toHaveAttribute('aria-busy', 'true');
    await expect(c.getAllByText('Loading…').length).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 500));
    await expect(c.getByRole('feed')).toHaveAttribute('aria-busy', 'true');
  },
};

/** Nothing to list: "No items.", and Load more says there is no more. */
export const Empty: Story = {
  loaders: [loadVendors({ mews: { sizes: { reservations: 0 } } })],
  parameters: code(reservationsFeedCode),
  render: (_, ctx) => {
    const v = vendorsOf(ctx);
    return <ReservationsFeed source={v.sources.reservations} runner={v.runners.mews} />;
  },
  play: async ({ canvasElement }) => {
    const c = within(canvasElement);
    await waitFor(() => expect(c.getByText('No items.')).toBeInTheDocument());
    await expect(c.getByRole('button', { name: 'No more' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  },
};

/** Mews answers HTML instead of JSON for the first page: BAD_RESPONSE, nothing listed, and a Retry. The error stays until Retry. */
export const ErrorState: Story = {
  name: 'Error',
  loaders: [
    loadVendors({ mews: { sizes: { reservations: 50 } } }, (v) =>
      v.sims.mews.injectOnce({ kind: 'malformed', malformed: 'html' }),
    ),
  ],
  parameters: code(reservationsFeedCode),
  render: (_, ctx) => {
    const v = vendorsOf(ctx);
    return <ReservationsFeed source={v.sources.reservations} runner={v.runners.mews} />;
  },
  play: async ({ canvasElement }) => {
    const c = within(canvasElement);
    const alert = await c.findByRole('alert', {}, { timeout: 3000 });
    await expect(alert).toHaveTextContent('BAD_RESPONSE');
    await expect(c.getByText('Nothing loaded yet.')).toBeInTheDocument();
    await new Promise((r) => setTimeout(r, 500));
    await expect(c.getByRole('alert')).toBeInTheDocument();
    // The load button says Retry too (focus may be on it): pressed, the first page loads, and
    // what landed is said — the failure said before is over.
    const retries = c.getAllByRole('button', { name: 'Retry' });
    await expect(retries).toHaveLength(2);
    await userEvent.click(retries[1]!);
    await waitFor(() => expect(articles(canvasElement)).toHaveLength(20));
    await waitFor(() =>
      expect(c.getByRole('status')).toHaveTextContent('20 more items, 20 in all'),
    );
    await expect(c.queryByRole('alert')).toBeNull();
  },
};

/** Dashly positions as a chat: a reversed feed (no `role="log"`, no live region over the history). Keyboard only: Load older moves focus to the newest of the older messages; Jump moves focus to the message. */
export const DashlyChatWithJump: Story = {
  loaders: [loadVendors({ dashly: { sizes: { parts: 400 } } })],
  parameters: own(chatCode),
  render: (_, ctx) => {
    const v = vendorsOf(ctx);
    return <Chat source={v.sources.parts} runner={v.runners.dashly} />;
  },
  play: async (ctx) => {
    const { canvasElement } = ctx;
    const c = within(canvasElement);
    await waitFor(() => expect(articles(canvasElement)).toHaveLength(20));
    await expect(canvasElement.querySelector('[role="log"], [aria-live]')).toBeNull();
    const feed = c.getByRole('feed', { name: 'Conversation' });
    await expect(feed).toBeInTheDocument();
    const said = recordStatus(status(c));

    const older = c.getByRole('button', { name: 'Load older' });
    const topBefore = articles(canvasElement)[0]!.dataset.feedKey;
    await tabTo(older);
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(articles(canvasElement)).toHaveLength(40));
    // Focus is on the newest of the older messages: right above the one that was on top.
    await expectFocus(() => articles(canvasElement)[19]!);
    await expect(articles(canvasElement)[20]!.dataset.feedKey).toBe(topBefore);
    await waitFor(() => expect(status(c)).toHaveTextContent('20 older messages, 40 in all'));

    // Jump to a message far back (its id read from pages the app has not fetched).
    const v = vendorsOf(ctx);
    const page = await v.runners.dashly.fetchPage(v.sources.parts, { cursor: null, size: 50 });
    const back = await v.runners.dashly.fetchPage(v.sources.parts, {
      cursor: page.next,
      size: 50,
    });
    const target = back.items[25]!.id;
    const input = c.getByLabelText('Jump to message id');
    await tabTo(input, true);
    await userEvent.keyboard(target);
    await userEvent.keyboard('{Enter}');
    await expectFocus(
      () => canvasElement.querySelector<HTMLElement>(`[data-feed-key="${target}"]`)!,
    );
    await expect(c.getByRole('button', { name: 'Load newer' })).toHaveAttribute(
      'aria-disabled',
      'false',
    );
    said.stop();
    await expect(said.texts[0]).toBe('20 older messages, 40 in all');
    await expect(
      v.sims.dashly.log.entries.some((e) => e.params.paginate_direction === 'around'),
    ).toBe(true);
    // A message the conversation does not have is said so, not passed over in silence.
    await userEvent.clear(input);
    await userEvent.type(input, '5{Enter}');
    await expect(await c.findByRole('alert', {}, { timeout: 3000 })).toHaveTextContent(
      'No message #5 in this conversation.',
    );
  },
};

/** A live, virtualized chat (`useVirtualFeed` with `chat: true`, `live: liveEdge({ interval })`): it opens at the newest message; messages that arrive appear at the bottom — followed while the view is at the bottom, without moving the view when it is scrolled up — each refresh one small request for what is newer than the newest message, older pages never fetched again. */
export const DashlyLiveChat: Story = {
  loaders: [loadVendors({ dashly: { sizes: { parts: 400 } } })],
  parameters: own(liveChatCode),
  render: (_, ctx) => {
    const v = vendorsOf(ctx);
    const arrive = async () => {
      v.sims.dashly.insertItems('/conversations/1/parts', 1, 'end');
    };
    return (
      <LiveChat
        source={v.sources.parts}
        runner={v.runners.dashly}
        liveInterval={300}
        onArrive={arrive}
      />
    );
  },
  play: async (ctx) => {
    const { canvasElement } = ctx;
    const c = within(canvasElement);
    const v = vendorsOf(ctx);
    const feed = c.getByRole('feed', { name: 'Conversation' });
    const scroller = feed.parentElement!;
    const atBottom = () => scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight <= 2;
    await waitFor(() => expect(c.getByText('20 messages')).toBeInTheDocument());
    await waitFor(() => expect(atBottom()).toBe(true));
    const pages = () => v.sims.dashly.log.entries.filter((e) => e.path.endsWith('/parts'));
    // At the bottom: a message arrives and is shown, the view follows it.
    const before = pages().length;
    await userEvent.click(c.getByRole('button', { name: 'A new message arrives' }));
    await waitFor(() => expect(c.getByText('21 messages')).toBeInTheDocument(), { timeout: 3000 });
    await waitFor(() => expect(atBottom()).toBe(true));
    const refreshes = pages().slice(before);
    // Each refresh is one small request, positioned at the newest message: older pages stay.
    for (const entry of refreshes) expect(entry.itemCount).toBeLessThanOrEqual(1);
    await waitFor(() => expect(status(c)).toHaveTextContent('1 new message'));
  },
};

/** Mews reservations, 100,000 rows under TanStack Virtual: a few dozen rows in the DOM, pages of 1,000 loaded ahead of the scroll, one announcement per landed page — none for scrolling. */
export const MewsVirtualized100k: Story = {
  loaders: [loadVendors({ mews: { sizes: { reservations: 100_000 } } })],
  parameters: own(virtualCode),
  render: (_, ctx) => {
    const v = vendorsOf(ctx);
    return (
      <VirtualReservations
        source={v.sources.reservations}
        runner={v.runners.mews}
        total={100_000}
      />
    );
  },
  play: async ({ canvasElement }) => {
    const c = within(canvasElement);
    await waitFor(() => expect(c.getByText(/^1,000 of 100,000/)).toBeInTheDocument(), {
      timeout: 5000,
    });
    const said = recordStatus(status(c));
    const feed = c.getByRole('feed', { name: 'Mews reservations' });
    for (let i = 0; i < 3; i++) {
      feed.scrollTop = feed.scrollHeight;
      fireEvent.scroll(feed);
      await waitFor(
        () =>
          expect(
            c.getByText(new RegExp(`^${(i + 2).toLocaleString('en')},000 of`)),
          ).toBeInTheDocument(),
        { timeout: 5000 },
      );
    }
    await expect(canvasElement.querySelectorAll('[data-row]').length).toBeLessThan(60);
    const row = canvasElement.querySelector('[role="article"]');
    await expect(row).toHaveAttribute('aria-setsize', '100000');
    said.stop();
    await expect(said.texts).toEqual([
      '1,000 more reservations, 2,000 loaded',
      '1,000 more reservations, 3,000 loaded',
      '1,000 more reservations, 4,000 loaded',
    ]);
  },
};

interface PlaygroundArgs {
  pageSize: number;
  maxPages: number;
  latencyMs: number;
  serverErrorRate: number;
  rateLimitRate: number;
}

/** Try it: 1,000 DingTalk calendar events with the page size, `maxPages` window (0: keep every page), latency and fault rates of the controls. The simulators are rebuilt when a control changes. */
export const Playground: StoryObj<PlaygroundArgs> = {
  args: { pageSize: 50, maxPages: 0, latencyMs: 300, serverErrorRate: 0, rateLimitRate: 0 },
  argTypes: {
    pageSize: { control: { type: 'select' }, options: [10, 20, 50, 100, 500] },
    maxPages: { control: { type: 'number', min: 0, max: 20, step: 1 } },
    latencyMs: { control: { type: 'range', min: 0, max: 5000, step: 100 } },
    serverErrorRate: { control: { type: 'range', min: 0, max: 1, step: 0.05 } },
    rateLimitRate: { control: { type: 'range', min: 0, max: 1, step: 0.05 } },
  },
  loaders: [
    loadVendors<PlaygroundArgs>((a) => ({
      dingtalk: {
        sizes: { events: 1000 },
        faults: {
          latencyMs: a.latencyMs,
          serverErrorRate: a.serverErrorRate,
          rateLimitRate: a.rateLimitRate,
        },
      },
    })),
  ],
  parameters: code(eventsFeedCode),
  render: (args, ctx) => {
    const v = vendorsOf(ctx);
    return (
      <EventsFeed
        source={v.sources.events}
        runner={v.runners.dingtalk}
        pageSize={args.pageSize}
        maxPages={args.maxPages > 0 ? args.maxPages : undefined}
      />
    );
  },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(articles(canvasElement)).toHaveLength(50), { timeout: 5000 });
  },
};

/** Presses Load more (the sentinel may load pages on its own too) until the list holds `total` items and says so. */
async function loadAll(canvasElement: HTMLElement, total: number) {
  const c = within(canvasElement);
  const done = () => c.queryByText(`${total} items · end of data`);
  for (let i = 0; i < 30 && !done(); i++) {
    const more = c.queryByRole('button', { name: 'Load more' });
    if (more && more.getAttribute('aria-disabled') === 'false') await userEvent.click(more);
    await new Promise((r) => setTimeout(r, 100));
  }
  await waitFor(() => expect(done()).not.toBeNull());
  await waitFor(() => expect(c.getByRole('status')).toHaveTextContent(/End of list$/));
  await expect(c.getByRole('button', { name: 'No more' })).toHaveAttribute('aria-disabled', 'true');
}
