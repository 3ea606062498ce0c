import type { Meta, StoryObj } from '@storybook/react-vite';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { expect, fireEvent, userEvent, waitFor, within } from 'storybook/test';
import { ErrorBanner } from './story-support/error-banner.js';
import { ListView } from './story-support/list-view.js';
import { WithQueryClient } from './story-support/query-decorator.js';
import { storyVendors } from './story-support/story-vendors.js';
import { useInfiniteList } from './use-infinite-list.js';
import { useKeepScrollOnPrepend } from './use-keep-scroll-on-prepend.js';

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
type Part = { id: string; author: string; body: string; created: number };
function Chat({ vendors = chat }: { vendors?: ReturnType<typeof storyVendors> }) {
  const [jumpTo, setJumpTo] = useState<string | undefined>(undefined);
  const list = useInfiniteList({
    source: vendors.sources.parts,
    runner: vendors.runners.dashly,
    pageSize: 20,
    aroundKey: jumpTo,
  });
  const scroller = useRef<HTMLDivElement>(null);
  // Newest at the bottom: the list is newest-first, so show it reversed.
  const messages = [...list.items].reverse();
  useKeepScrollOnPrepend(scroller, messages[0]?.id);
  const first = useRef(true);
  useEffect(() => {
    if (first.current && messages.length && scroller.current) {
      scroller.current.scrollTop = scroller.current.scrollHeight;
      first.current = false;
    }
  });
  const [draft, setDraft] = useState('');
  return (
    <div style={{ fontFamily: 'system-ui, sans-serif', fontSize: 14, maxWidth: 520 }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          first.current = true;
          setJumpTo(draft.trim() || undefined);
        }}
      >
        <label>
          Jump to message id{' '}
          <input value={draft} onChange={(e) => setDraft(e.target.value)} size={24} />
        </label>{' '}
        <button type="submit">Jump</button>
      </form>
      <div
        ref={scroller}
        role="log"
        aria-label="Conversation"
        tabIndex={0}
        style={{ height: 320, overflowY: 'auto', border: '1px solid #ccc', marginTop: 8 }}
      >
        <p>
          <button
            type="button"
            onClick={() => void list.fetchNextPage()}
            disabled={!list.hasNextPage || list.isFetching}
          >
            {list.hasNextPage ? 'Load older' : 'Start of conversation'}
          </button>
        </p>
        {messages.map((m: Part) => (
          <p
            key={m.id}
            data-id={m.id}
            style={{ margin: '4px 8px', fontWeight: m.id === jumpTo ? 700 : 400 }}
          >
            <small>{m.author}</small>: {m.body}
          </p>
        ))}
        <p>
          <button
            type="button"
            onClick={() => void list.fetchPreviousPage()}
            disabled={!list.hasPreviousPage || list.isFetching}
          >
            {list.hasPreviousPage ? 'Load newer' : 'Latest'}
          </button>
        </p>
      </div>
      <ErrorBanner error={list.error} onRetry={list.retry} />
      <output aria-live="polite">{list.items.length} messages</output>
    </div>
  );
}

/** Dashly positions: load older and newer messages, and jump to a message with `around` (ids beyond 2^53 stay exact). */
export const DashlyChatWithJump: Story = {
  beforeEach: chat.beforeEach,
  render: () => <Chat />,
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
type Reservation = { Id: string; Number: string; State: string; StartUtc: string };
function VirtualReservations({
  vendors = reservations,
}: {
  vendors?: ReturnType<typeof storyVendors>;
}) {
  const list = useInfiniteList({
    source: vendors.sources.reservations,
    runner: vendors.runners.mews,
    pageSize: 1000,
  });
  const parent = useRef<HTMLElement>(null);
  const count = list.hasNextPage ? list.items.length + 1 : list.items.length;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => parent.current,
    estimateSize: () => 28,
    overscan: 10,
  });
  const rows = virtualizer.getVirtualItems();
  const last = rows[rows.length - 1];
  useEffect(() => {
    if (last && last.index >= list.items.length - 200) void list.fetchNextPage();
  }, [last, list]);
  return (
    <div style={{ fontFamily: 'system-ui, sans-serif', fontSize: 13 }}>
      <section
        ref={parent}
        aria-label="Mews reservations"
        tabIndex={0}
        style={{ height: 400, width: 560, overflow: 'auto', border: '1px solid #ccc' }}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {rows.map((row) => {
            const r = list.items[row.index] as Reservation | undefined;
            return (
              <div
                key={row.key}
                data-row
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: row.size,
                  transform: `translateY(${row.start}px)`,
                  padding: '4px 8px',
                  borderBottom: '1px solid #eee',
                }}
              >
                {r ? `#${r.Number} · ${r.State} · ${r.StartUtc.slice(0, 10)}` : 'Loading…'}
              </div>
            );
          })}
        </div>
      </section>
      <output aria-live="polite">
        {list.items.length} of 100,000 loaded · {rows.length} rows in the DOM
      </output>
    </div>
  );
}

/** Mews reservations, 100,000 rows under TanStack Virtual: a few dozen rows in the DOM, pages of 1,000 loaded ahead of the scroll. */
export const MewsVirtualized100k: Story = {
  beforeEach: reservations.beforeEach,
  render: () => <VirtualReservations />,
  play: async ({ canvasElement }) => {
    const c = within(canvasElement);
    await waitFor(() => expect(c.getByText(/^1000 of 100,000/)).toBeInTheDocument(), {
      timeout: 5000,
    });
    const scroller = c.getByRole('region', { name: 'Mews reservations' });
    for (let i = 0; i < 3; i++) {
      scroller.scrollTop = scroller.scrollHeight;
      fireEvent.scroll(scroller);
      await waitFor(
        () => expect(c.getByText(new RegExp(`^${(i + 2) * 1000} of`))).toBeInTheDocument(),
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
