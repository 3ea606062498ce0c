import { liveEdge, type RequestRunner, type Source } from '@pagewise/core';
import { onlineManager } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type ReactNode, useEffect } from 'react';
import { describe, expect, it } from 'vitest';
import { PagewiseProvider } from './pagewise-provider.js';
import { reactSimulators } from './test-support/vendors.js';
import { useFeed } from './use-feed.js';
import { useInfiniteList } from './use-infinite-list.js';

const vendors = reactSimulators();

function PagewiseRunner({ runner, children }: { runner: RequestRunner; children: ReactNode }) {
  return <PagewiseProvider runner={runner}>{children}</PagewiseProvider>;
}
type User = { userId: string; email: string };

function Users({
  source,
  reversed = false,
  maxPages,
}: {
  source: Source<User>;
  reversed?: boolean;
  maxPages?: number;
}) {
  const list = useInfiniteList({ source, pageSize: 5, maxPages });
  const feed = useFeed({ list, label: 'Users', reversed });
  const shown = reversed ? [...list.items].reverse() : list.items;
  return (
    <>
      <button type="button">before</button>
      {reversed && <button {...feed.getLoadProps('start')}>Load older</button>}
      <section {...feed.getFeedProps()}>
        {shown.map((user, i) => (
          <article key={user.userId} {...feed.getItemProps(user, i)}>
            {user.email}
          </article>
        ))}
      </section>
      {!reversed && <button {...feed.getLoadProps('end')}>Load more</button>}
      <div role="status">{feed.announcement}</div>
      <button type="button">after</button>
    </>
  );
}

/** A chat with a live edge; `control.refresh` is its `refreshNewest`, for the test to call. */
function Chat({
  source,
  control,
  aroundKey,
}: {
  source: Source<{ id: string }>;
  control: { refresh?: () => Promise<void> };
  aroundKey?: string;
}) {
  const list = useInfiniteList({ source, pageSize: 10, aroundKey, live: liveEdge() });
  const feed = useFeed({
    list,
    label: 'Chat',
    reversed: true,
    messages: {
      arrived: (n) => `${n} new messages`,
      more: (n) => `${n} newer messages`,
    },
  });
  useEffect(() => {
    control.refresh = list.refreshNewest;
  });
  return (
    <>
      <section {...feed.getFeedProps()}>
        {[...list.items].reverse().map((m, i) => (
          <article key={m.id} {...feed.getItemProps(m, i)}>
            {m.id}
          </article>
        ))}
      </section>
      <button {...feed.getLoadProps('end')}>Load newer</button>
      <div role="status">{feed.announcement}</div>
    </>
  );
}

function setup(size: number, faults?: { latencyMs: number }) {
  const v = vendors({ lineworks: { sizes: { users: size }, ...(faults ? { faults } : {}) } });
  const source = v.sources.users as unknown as Source<User>;
  return { v, source };
}

/** A feed with a Retry button, counting its renders. */
function Retrying({ source, onRender }: { source: Source<User>; onRender(): void }) {
  onRender();
  const list = useInfiniteList({ source, pageSize: 5 });
  const feed = useFeed({ list, label: 'Users' });
  return (
    <>
      <section {...feed.getFeedProps()}>
        {list.items.map((user, i) => (
          <article key={user.userId} {...feed.getItemProps(user, i)}>
            {user.email}
          </article>
        ))}
      </section>
      <button type="button" onClick={list.retry}>
        Retry
      </button>
      <div role="status">{feed.announcement}</div>
    </>
  );
}

const articles = () => screen.getAllByRole('article');

describe('useFeed', () => {
  it('is a feed of focusable articles with positions, busy while loading, and says what landed once it landed', async () => {
    const { v, source } = setup(12);
    render(
      <v.wrapper>
        <PagewiseRunner runner={v.runners.lineworks}>
          <Users source={source} />
        </PagewiseRunner>
      </v.wrapper>,
    );
    await waitFor(() => expect(articles()).toHaveLength(5));
    const feed = screen.getByRole('feed', { name: 'Users' });
    expect(feed.getAttribute('aria-busy')).toBe('false');
    expect(articles().map((a) => a.getAttribute('aria-posinset'))).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
    ]);
    expect(articles()[0]!.getAttribute('aria-setsize')).toBe('-1');
    expect(articles()[0]!.tabIndex).toBe(0);
    expect(screen.getByRole('status').textContent).toBe('');

    // Page Down walks the articles; past the last one it loads the next page and focuses its first item.
    const user = userEvent.setup();
    articles()[3]!.focus();
    await user.keyboard('{PageDown}');
    expect(document.activeElement).toBe(articles()[4]);
    await user.keyboard('{PageDown}');
    await waitFor(() => expect(articles()).toHaveLength(10));
    await waitFor(() => expect(document.activeElement).toBe(articles()[5]));
    expect(screen.getByRole('status').textContent).toBe('5 more items');
    await user.keyboard('{PageUp}');
    expect(document.activeElement).toBe(articles()[4]);

    // The Load more button keeps focus while it loads (aria-disabled, not disabled), then the end is said.
    const more = screen.getByRole('button', { name: 'Load more' });
    more.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(articles()).toHaveLength(12));
    expect(document.activeElement).toBe(more);
    expect(more.getAttribute('aria-disabled')).toBe('true');
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('2 more items. End of list'),
    );
    expect(articles()[0]!.getAttribute('aria-setsize')).toBe('12');
    expect(v.requests('lineworks').filter((r) => r.path.includes('/users'))).toHaveLength(3);

    // Ctrl+End and Ctrl+Home leave the feed.
    articles()[2]!.focus();
    await user.keyboard('{Control>}{End}{/Control}');
    expect(document.activeElement).toBe(more);
    articles()[2]!.focus();
    await user.keyboard('{Control>}{Home}{/Control}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'before' }));
  });

  it('offline, Load more is said to wait for the connection, and what lands once back online is said', async () => {
    const { v, source } = setup(12);
    render(
      <v.wrapper>
        <PagewiseRunner runner={v.runners.lineworks}>
          <Users source={source} />
        </PagewiseRunner>
      </v.wrapper>,
    );
    await waitFor(() => expect(articles()).toHaveLength(5));
    onlineManager.setOnline(false);
    try {
      fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
      await waitFor(() =>
        expect(screen.getByRole('status').textContent).toBe('Waiting for the connection'),
      );
      expect(screen.getByRole('feed', { name: 'Users' }).getAttribute('aria-busy')).toBe('true');
    } finally {
      act(() => onlineManager.setOnline(true));
    }
    await waitFor(() => expect(articles()).toHaveLength(10));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('5 more items'));
  });

  it('in a reversed list (a chat), Load older keeps focus in view: on the newest of the older items once they land', async () => {
    const { v, source } = setup(12);
    render(
      <v.wrapper>
        <PagewiseRunner runner={v.runners.lineworks}>
          <Users source={source} reversed />
        </PagewiseRunner>
      </v.wrapper>,
    );
    await waitFor(() => expect(articles()).toHaveLength(5));
    const topBefore = articles()[0]!.textContent;
    const user = userEvent.setup();
    screen.getByRole('button', { name: 'Load older' }).focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(articles()).toHaveLength(10));
    // The five older items sit above the old top item; focus is on the one right above it.
    await waitFor(() => expect(document.activeElement).toBe(articles()[4]));
    expect(articles()[5]!.textContent).toBe(topBefore);
    expect(screen.getByRole('status').textContent).toBe('5 items added above');
  });

  it('Load older after a failed page retries it, and the focus then goes to the items that landed', async () => {
    // Pages take 50 ms, as over a network: the retry's loading state renders before it lands.
    const { v, source } = setup(12, { latencyMs: 50 });
    render(
      <v.wrapper>
        <PagewiseRunner runner={v.runners.lineworks}>
          <Users source={source} reversed />
        </PagewiseRunner>
      </v.wrapper>,
    );
    await waitFor(() => expect(articles()).toHaveLength(5));
    const user = userEvent.setup();
    const older = screen.getByRole('button', { name: 'Load older' });
    older.focus();
    v.sims.lineworks.injectOnce({ kind: 'malformed', malformed: 'html' });
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toMatch(/^Could not load more/),
    );
    expect(document.activeElement).toBe(older);
    // Again: the page that failed is asked again, lands, and takes the focus.
    await user.keyboard('{Enter}');
    await waitFor(() => expect(articles()).toHaveLength(10));
    await waitFor(() => expect(document.activeElement).toBe(articles()[4]));
  });

  it('Retry after a failed first page: a few renders while it is tried again, not one per frame', async () => {
    const { v, source } = setup(12, { latencyMs: 200 });
    v.sims.lineworks.configure({ serverErrorRate: 1 });
    let renders = 0;
    const counted = () => {
      renders++;
    };
    render(
      <v.wrapper>
        <PagewiseRunner runner={v.runners.lineworks}>
          <Retrying source={source} onRender={counted} />
        </PagewiseRunner>
      </v.wrapper>,
    );
    // The runner's own retries come first (a second or two of backoff).
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Could not load/), {
      timeout: 15_000,
    });
    v.sims.lineworks.configure({ serverErrorRate: 0, latencyMs: 300 });
    renders = 0;
    await userEvent.setup().click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(articles()).toHaveLength(5), { timeout: 5000 });
    // The click, the fetch starting, the page landing, its sentence: a handful, not hundreds.
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('5 items loaded'));
    expect(renders).toBeLessThan(20);
  }, 30_000);

  it('in a chat, says "new" for what the live edge brought, and "newer" for history loaded below after a jump', async () => {
    const v = vendors({ dashly: {} });
    const parts = v.sources.parts as unknown as Source<{ id: string }>;
    const chat: { refresh?: () => Promise<void> } = {};
    const view = render(
      <v.wrapper>
        <PagewiseRunner runner={v.runners.dashly}>
          <Chat source={parts} control={chat} />
        </PagewiseRunner>
      </v.wrapper>,
    );
    await waitFor(() => expect(articles()).toHaveLength(10));
    v.sims.dashly.insertItems('/conversations/1/parts', 2, 'end');
    await act(() => chat.refresh!());
    await waitFor(() => expect(articles()).toHaveLength(12));
    expect(screen.getByRole('status').textContent).toBe('2 new messages');
    // A jump into the history, then the messages below it.
    const middle = articles()[3]!.textContent!;
    view.rerender(
      <v.wrapper>
        <PagewiseRunner runner={v.runners.dashly}>
          <Chat source={parts} control={chat} aroundKey={middle} />
        </PagewiseRunner>
      </v.wrapper>,
    );
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Load newer' }).getAttribute('aria-disabled')).toBe(
        'false',
      ),
    );
    const shown = articles().length;
    await userEvent.setup().click(screen.getByRole('button', { name: 'Load newer' }));
    await waitFor(() => expect(articles().length).toBeGreaterThan(shown));
    expect(screen.getByRole('status').textContent).toMatch(/^\d+ newer messages$/);
  });

  it('back to the latest after a jump that failed: the failure is cleared, the cached messages are not said as older', async () => {
    const v = vendors({ dashly: {} });
    const parts = v.sources.parts as unknown as Source<{ id: string }>;
    const chat: { refresh?: () => Promise<void> } = {};
    const at = (aroundKey?: string) => (
      <v.wrapper>
        <PagewiseRunner runner={v.runners.dashly}>
          <Chat source={parts} control={chat} {...(aroundKey ? { aroundKey } : {})} />
        </PagewiseRunner>
      </v.wrapper>
    );
    const view = render(at());
    await waitFor(() => expect(articles()).toHaveLength(10));
    const middle = articles()[3]!.textContent!;
    v.sims.dashly.configure({ serverErrorRate: 1 });
    view.rerender(at(middle));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/could not/i));
    v.sims.dashly.configure({ serverErrorRate: 0 });
    view.rerender(at());
    await waitFor(() => expect(articles()).toHaveLength(10));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(''));
    await act(() => new Promise((resolve) => setTimeout(resolve, 30)));
    expect(screen.getByRole('status').textContent).not.toMatch(/older|newer|new messages/);
  });

  it('Page Down at the end while a page is already loading (a sentinel’s) moves focus once it lands', async () => {
    const v = vendors({ lineworks: { sizes: { users: 12 }, faults: { latencyMs: 150 } } });
    const source = v.sources.users as unknown as Source<User>;
    render(
      <v.wrapper>
        <PagewiseRunner runner={v.runners.lineworks}>
          <Users source={source} />
        </PagewiseRunner>
      </v.wrapper>,
    );
    await waitFor(() => expect(articles()).toHaveLength(5));
    const feed = screen.getByRole('feed', { name: 'Users' });
    // A load starts without the keyboard (as a sentinel starts one), then Page Down on the last item.
    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(feed.getAttribute('aria-busy')).toBe('true'));
    articles()[4]!.focus();
    await userEvent.keyboard('{PageDown}');
    await waitFor(() => expect(articles()).toHaveLength(10));
    await waitFor(() => expect(document.activeElement).toBe(articles()[5]));
  });

  it('keeps focus in the feed when a maxPages window drops the focused item: on the item now first, not <body>', async () => {
    const { v, source } = setup(20);
    render(
      <v.wrapper>
        <PagewiseRunner runner={v.runners.lineworks}>
          <Users source={source} maxPages={2} />
        </PagewiseRunner>
      </v.wrapper>,
    );
    await waitFor(() => expect(articles()).toHaveLength(5));
    const more = screen.getByRole('button', { name: 'Load more' });
    fireEvent.click(more);
    await waitFor(() => expect(articles()).toHaveLength(10));
    // The reader focused an item of the first page, then scrolled on (a sentinel loads: focus stays).
    articles()[1]!.focus();
    const focused = document.activeElement?.getAttribute('data-feed-key');
    fireEvent.click(more);
    await waitFor(() => expect(articles()[0]!.getAttribute('aria-posinset')).toBe('6'));
    expect(articles().map((a) => a.getAttribute('data-feed-key'))).not.toContain(focused);
    expect(document.activeElement).toBe(articles()[0]);
    // An item the window keeps keeps its focus.
    articles()[7]!.focus();
    fireEvent.click(more);
    await waitFor(() => expect(articles()[0]!.getAttribute('aria-posinset')).toBe('11'));
    expect(document.activeElement?.getAttribute('aria-posinset')).toBe('13');
  });

  it('says the same sentence twice as two texts, so each landed page is read', async () => {
    const { v, source } = setup(20);
    render(
      <v.wrapper>
        <PagewiseRunner runner={v.runners.lineworks}>
          <Users source={source} />
        </PagewiseRunner>
      </v.wrapper>,
    );
    await waitFor(() => expect(articles()).toHaveLength(5));
    const user = userEvent.setup();
    const more = screen.getByRole('button', { name: 'Load more' });
    more.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('5 more items'));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(articles()).toHaveLength(15));
    const second = screen.getByRole('status').textContent;
    expect(second).not.toBe('5 more items');
    expect(second?.trim()).toBe('5 more items');
  });
});
