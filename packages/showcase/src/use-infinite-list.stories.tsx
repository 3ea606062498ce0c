import { useInfiniteList } from '@pagewise/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fireEvent, userEvent, waitFor, within } from 'storybook/test';
import { ChatView } from './chat-view.js';
import { ListView } from './list-view.js';
import { WithQueryClient } from './query-decorator.js';
import { storyVendors } from './story-vendors.js';
import { VirtualListView } from './virtual-list-view.js';

const meta: Meta = {
  title: 'Hooks/useInfiniteList',
  decorators: [(Story) => <WithQueryClient>{<Story />}</WithQueryClient>],
  parameters: {
    docs: {
      description: {
        component:
          'Infinite scroll over any source on TanStack Query: DingTalk `nextToken`, Dashly positions in both directions and `around` an item, Mews `Limitation.Cursor` with 100,000 rows under TanStack Virtual. Fetches are guarded (never two at once, never past the end) and items are de-duplicated by key.',
      },
    },
  },
};
export default meta;
type Story = StoryObj;

const events = storyVendors({ dingtalk: { sizes: { events: 130 } } });
function EventsList({ vendors = events }: { vendors?: ReturnType<typeof storyVendors> }) {
  const list = useInfiniteList({
    source: vendors.sources.events,
    runner: vendors.runners.dingtalk,
    pageSize: 50,
  });
  return (
    <ListView
      list={list}
      label="DingTalk calendar events"
      itemKey={(e) => e.id}
      render={(e) => `${e.start.dateTime.slice(0, 16)} · ${e.summary}`}
    />
  );
}

/** DingTalk `nextToken` + `maxResults`: scroll (or press Load more) to the end; the last page has no `nextToken`. */
export const DingTalkNextToken: Story = {
  beforeEach: events.beforeEach,
  render: () => <EventsList />,
  play: async ({ canvasElement }) => {
    const c = within(canvasElement);
    await waitFor(() => expect(c.getByText('50 items in 1 pages')).toBeInTheDocument());
    const scroller = c.getByRole('region', { name: 'DingTalk calendar events' });
    for (const n of [100, 130]) {
      scroller.scrollTop = scroller.scrollHeight;
      fireEvent.scroll(scroller);
      await waitFor(() => expect(c.getByText(new RegExp(`^${n} items`))).toBeInTheDocument(), {
        timeout: 4000,
      });
    }
    await expect(c.getByText(/End of data · 130 items/)).toBeInTheDocument();
    await expect(c.getByRole('button', { name: 'No more' })).toBeDisabled();
    const lists = events.sims.dingtalk.log.entries.filter((e) => e.path.endsWith('/events'));
    await expect(lists).toHaveLength(3); // every page exactly once
  },
};

const chat = storyVendors({ dashly: { sizes: { parts: 400 } } });

/** Dashly positions: load older and newer messages, and jump to a message with `around` (ids beyond 2^53 stay exact). */
export const DashlyChatWithJump: Story = {
  beforeEach: chat.beforeEach,
  render: () => <ChatView source={chat.sources.parts} runner={chat.runners.dashly} />,
  play: async ({ canvasElement }) => {
    const c = within(canvasElement);
    await waitFor(() => expect(c.getByText('20 messages')).toBeInTheDocument());
    await expect(c.getByRole('button', { name: 'Latest' })).toBeDisabled();
    await userEvent.click(c.getByRole('button', { name: 'Load older' }));
    await waitFor(() => expect(c.getByText('40 messages')).toBeInTheDocument());
    // Jump to a message far back: its id is read from the log of a page the app fetched.
    const page = await chat.runners.dashly.fetchPage(chat.sources.parts, {
      cursor: null,
      size: 50,
    });
    const older = await chat.runners.dashly.fetchPage(chat.sources.parts, {
      cursor: page.next,
      size: 50,
    });
    const target = older.items[25]!.id;
    await userEvent.type(c.getByLabelText('Jump to message id'), target);
    await userEvent.click(c.getByRole('button', { name: 'Jump' }));
    await waitFor(() =>
      expect(canvasElement.querySelector(`[data-id="${target}"]`)).not.toBeNull(),
    );
    await expect(c.getByRole('button', { name: 'Load newer' })).toBeEnabled();
    await userEvent.click(c.getByRole('button', { name: 'Load newer' }));
    await waitFor(() => expect(c.getByText('40 messages')).toBeInTheDocument());
    await expect(
      chat.sims.dashly.log.entries.some((e) => e.params.paginate_direction === 'around'),
    ).toBe(true);
  },
};

const reservations = storyVendors({ mews: { sizes: { reservations: 100_000 } } });
function VirtualReservations() {
  const list = useInfiniteList({
    source: reservations.sources.reservations,
    runner: reservations.runners.mews,
    pageSize: 1000,
  });
  return (
    <VirtualListView
      list={list}
      label="Mews reservations"
      total={100_000}
      render={(r) => `#${r.Number} · ${r.State} · ${r.StartUtc.slice(0, 10)}`}
    />
  );
}

/** Mews reservations, 100,000 rows under TanStack Virtual: a few dozen rows in the DOM, pages of 1,000 loaded ahead of the scroll. */
export const MewsVirtualized100k: Story = {
  beforeEach: reservations.beforeEach,
  render: () => <VirtualReservations />,
  play: async ({ canvasElement }) => {
    const c = within(canvasElement);
    await waitFor(() => expect(c.getByText(/^1,000 of 100,000/)).toBeInTheDocument(), {
      timeout: 5000,
    });
    const scroller = c.getByRole('region', { name: 'Mews reservations' });
    for (let i = 0; i < 3; i++) {
      scroller.scrollTop = scroller.scrollHeight;
      fireEvent.scroll(scroller);
      await waitFor(
        () =>
          expect(
            c.getByText(new RegExp(`^${(i + 2).toLocaleString('en')},000 of`)),
          ).toBeInTheDocument(),
        { timeout: 5000 },
      );
    }
    await expect(canvasElement.querySelectorAll('[data-row]').length).toBeLessThan(60);
  },
};

const short = storyVendors({ mews: { sizes: { reservations: 7 } } });
function ShortList() {
  const list = useInfiniteList({
    source: short.sources.reservations,
    runner: short.runners.mews,
    pageSize: 20,
  });
  return (
    <ListView
      list={list}
      label="Reservations"
      itemKey={(r) => r.Id}
      render={(r) => `#${r.Number}`}
      height={200}
    />
  );
}

/** A list shorter than a page: one request, then the end (Mews' Cursor on that page is not followed: fewer than Count came back). */
export const EndOfData: Story = {
  beforeEach: short.beforeEach,
  render: () => <ShortList />,
  play: async ({ canvasElement }) => {
    const c = within(canvasElement);
    await waitFor(() => expect(c.getByText(/End of data · 7 items/)).toBeInTheDocument());
    await expect(short.sims.mews.log.entries).toHaveLength(1);
  },
};

/** Presses Load more (the sentinel may load pages on its own too) until the list holds `total` items and says so. */
async function loadAll(canvasElement: HTMLElement, total: number) {
  const c = within(canvasElement);
  for (let i = 0; i < 20 && !c.queryByText(new RegExp(`^${total} items`)); i++) {
    const more = c.queryByRole('button', { name: 'Load more' });
    if (more && !(more as HTMLButtonElement).disabled) await userEvent.click(more);
    await new Promise((r) => setTimeout(r, 100));
  }
  await waitFor(() => expect(c.getByText(new RegExp(`^${total} items`))).toBeInTheDocument());
  await expect(c.getByRole('button', { name: 'No more' })).toBeDisabled();
}

const users = storyVendors({ lineworks: { sizes: { users: 230 } } });
function UsersList() {
  const list = useInfiniteList({
    source: users.sources.users,
    runner: users.runners.lineworks,
    pageSize: 100,
  });
  return (
    <ListView
      list={list}
      label="LINE WORKS users"
      itemKey={(u) => u.userId}
      render={(u) => `${u.userName.firstName} ${u.userName.lastName} · ${u.email}`}
    />
  );
}

/** LINE WORKS `nextCursor` (base64, sent back URL-encoded) as infinite scroll; the last page has no `nextCursor`. */
export const LineWorksNextCursor: Story = {
  beforeEach: users.beforeEach,
  render: () => <UsersList />,
  play: async ({ canvasElement }) => {
    const c = within(canvasElement);
    await waitFor(() => expect(c.getByText('100 items in 1 pages')).toBeInTheDocument());
    await loadAll(canvasElement, 230);
  },
};

const adjustments = storyVendors({ dingtalk: { sizes: { adjustments: 75 } } });
function AdjustmentsList() {
  const list = useInfiniteList({
    source: adjustments.sources.adjustments,
    runner: adjustments.runners.dingtalk,
    pageSize: 30,
  });
  return (
    <ListView
      list={list}
      label="DingTalk adjustments"
      itemKey={(a) => String(a.id)}
      render={(a) => `${a.workDate} · ${a.userName} · ${a.adjustmentType}`}
    />
  );
}

/** DingTalk `pageNumber` as infinite scroll: the page number grows by one per load; a short page (or `totalPage`) ends it. */
export const DingTalkPageNumbers: Story = {
  beforeEach: adjustments.beforeEach,
  render: () => <AdjustmentsList />,
  play: async ({ canvasElement }) => {
    const c = within(canvasElement);
    await waitFor(() => expect(c.getByText('30 items in 1 pages')).toBeInTheDocument());
    await loadAll(canvasElement, 75);
    await expect(
      adjustments.sims.dingtalk.log.entries
        .filter((e) => e.path.endsWith('/adjustments'))
        .map((e) => e.params.pageNumber),
    ).toEqual(['1', '2', '3']);
  },
};
