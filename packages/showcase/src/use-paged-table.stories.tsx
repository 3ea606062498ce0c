import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { AdjustmentsTable } from './examples/adjustments-table.js';
import adjustmentsCode from './examples/adjustments-table.tsx?raw';
import { ClassesTable } from './examples/classes-table.js';
import classesCode from './examples/classes-table.tsx?raw';
import { ConversationsTable } from './examples/conversations-table.js';
import conversationsCode from './examples/conversations-table.tsx?raw';
import { CustomersTable } from './examples/customers-table.js';
import customersCode from './examples/customers-table.tsx?raw';
import dataTableCode from './examples/data-table.tsx?raw';
import { ItemsTable } from './examples/items-table.js';
import itemsCode from './examples/items-table.tsx?raw';
import { ReservationsEstimateTable } from './examples/reservations-estimate-table.js';
import reservationsEstimateCode from './examples/reservations-estimate-table.tsx?raw';
import { UsersTable } from './examples/users-table.js';
import usersCode from './examples/users-table.tsx?raw';
import { expectFocus, recordStatus, tabTo } from './play-helpers.js';
import { withQueryClient } from './query-decorator.js';
import { loadVendors, serveVendors, vendorsOf } from './story-vendors.js';
import { VendorLog } from './vendor-log.js';

/** "Show code": the component of the story, then the table it renders (both as a user writes them). */
const code = (usage: string) => ({
  docs: { source: { code: `${usage}\n// data-table.tsx\n${dataTableCode}`, language: 'tsx' } },
});

const meta: Meta = {
  title: 'Hooks/usePagedTable',
  decorators: [withQueryClient],
  beforeEach: serveVendors,
  parameters: {
    docs: {
      description: {
        component: `Table controls over any source. \`usePagedTable\` gives the rows of the page on screen, the page requested, the page count (\`-1\` while unknown) and commands; \`usePageRange\` turns them into page buttons (pass the table's \`pageDisabledReason\`, so a disabled page says why); \`useTableAnnouncement\` gives one polite sentence per landed page for a \`role="status"\` region — "Page 3 of 20 loaded, 20 rows" once page 3's rows are on screen, not when it is requested.

Page-number sources (DingTalk \`pageNumber\`/\`pageSize\`, \`offsetLimitSource\`) jump anywhere; cursor sources (LINE WORKS \`nextCursor\`, DingTalk \`nextToken\`, Mews \`Limitation.Cursor\`, Dashly positions, \`linkHeaderSource\`) keep a page → cursor map, so Back reuses cursors and a forward jump walks the pages between (\`forwardJumps: 'walk'\`) or is refused with a reason (\`'disabled'\`).

Every story below runs on simulators of its own. **Show code** gives the component a user would write: the vendor's table, then \`DataTable\` — the hook calls and the markup.`,
      },
    },
  },
};
export default meta;
type Story = StoryObj;

/** The rows of the story's table (not of a vendor log beside it). */
const rows = (c: ReturnType<typeof within>) =>
  c.getAllByRole('row').filter((row: HTMLElement) => row.closest('[data-vendor-log]') === null);
const status = (c: ReturnType<typeof within>) => c.getByRole('status');

/** DingTalk pageNumber/pageSize: `totalPage` gives the page count, so any page is one request away. Keyboard only: Last page, then Home. */
export const DingTalkPageNumbers: Story = {
  loaders: [loadVendors({ dingtalk: { sizes: { adjustments: 1000 } } })],
  parameters: code(adjustmentsCode),
  render: (_, ctx) => {
    const v = vendorsOf(ctx);
    return <AdjustmentsTable source={v.sources.adjustments} runner={v.runners.dingtalk} />;
  },
  play: async ({ canvasElement }) => {
    const c = within(canvasElement);
    await waitFor(() => expect(rows(c)).toHaveLength(21));
    await expect(c.getByText('Showing page 1 of 50')).toBeInTheDocument();
    await expect(status(c)).toHaveTextContent(/^$/); // the first page is not announced
    const said = recordStatus(status(c));
    const last = c.getByRole('button', { name: 'Last page' });
    await tabTo(last);
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(status(c)).toHaveTextContent('Page 50 of 50 loaded, 20 rows'));
    // Last page is now disabled, with its reason; focus went to the page requested.
    await expect(last).toBeDisabled();
    await expect(last).toHaveAttribute('title', 'this is the last page');
    await expectFocus(() => c.getByRole('button', { name: 'Page 50' }));
    await expect(c.getByRole('button', { name: 'Page 50' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expect(c.getByRole('separator', { name: /^Pages 2 to 4\d not shown$/ })).toBeVisible();
    await userEvent.keyboard('{Home}');
    await waitFor(() => expect(status(c)).toHaveTextContent('Page 1 of 50 loaded, 20 rows'));
    await expectFocus(() => c.getByRole('button', { name: 'Page 1' }));
    said.stop();
    await expect(said.texts).toEqual([
      'Page 50 of 50 loaded, 20 rows',
      'Page 1 of 50 loaded, 20 rows',
    ]);
  },
};

/** LINE WORKS `nextCursor`: no total, so the count is unknown ("of many") until the page without `nextCursor`. Keyboard only: Next to the end; Next becomes disabled and focus stays in the row. */
export const LineWorksCursorTable: Story = {
  loaders: [loadVendors({ lineworks: { sizes: { users: 95 } } })],
  parameters: code(usersCode),
  render: (_, ctx) => {
    const v = vendorsOf(ctx);
    return <UsersTable source={v.sources.users} runner={v.runners.lineworks} />;
  },
  play: async ({ canvasElement }) => {
    const c = within(canvasElement);
    await waitFor(() => expect(rows(c)).toHaveLength(21));
    await expect(c.getByText('Showing page 1 of many')).toBeInTheDocument();
    await expect(c.getByRole('button', { name: 'Last page' })).toHaveAttribute(
      'title',
      'the number of pages is not known yet',
    );
    await expect(c.getByRole('separator', { name: /^More pages after page \d+$/ })).toBeVisible();
    const said = recordStatus(status(c));
    const next = c.getByRole('button', { name: 'Next page' });
    await tabTo(next);
    for (let page = 2; page <= 5; page++) {
      // A cold load (the service worker starting) can take more than waitFor's 1 s default.
      await waitFor(() => expect(next).toBeEnabled(), { timeout: 5000 });
      await userEvent.keyboard('{Enter}');
      await waitFor(() => expect(status(c)).toHaveTextContent(new RegExp(`^Page ${page} `)));
      await expect(document.activeElement).not.toBe(document.body);
    }
    await waitFor(() => expect(status(c)).toHaveTextContent('Page 5 of 5 loaded, 15 rows'));
    await expect(rows(c)).toHaveLength(16);
    await expect(next).toBeDisabled();
    await expectFocus(() => c.getByRole('button', { name: 'Page 5' }));
    said.stop();
    await expect(said.texts).toEqual([
      'Page 2 loaded, 20 rows',
      'Page 3 loaded, 20 rows',
      'Page 4 loaded, 20 rows',
      'Page 5 of 5 loaded, 15 rows',
    ]);
  },
};

/** `forwardJumps: 'disabled'`: a cursor source refuses a jump past the pages it has seen, and the page button says why. */
export const ForwardJumpsDisabled: Story = {
  loaders: [loadVendors({ lineworks: { sizes: { users: 95 } } })],
  parameters: code(usersCode),
  render: (_, ctx) => {
    const v = vendorsOf(ctx);
    return (
      <UsersTable source={v.sources.users} runner={v.runners.lineworks} forwardJumps="disabled" />
    );
  },
  play: async ({ canvasElement }) => {
    const c = within(canvasElement);
    await waitFor(() => expect(rows(c)).toHaveLength(21));
    await expect(c.getByRole('button', { name: 'Page 2' })).toBeEnabled();
    await expect(c.getByRole('button', { name: 'Last page' })).toBeDisabled();
    await expect(c.getByRole('button', { name: 'Page 1' })).toHaveAttribute('aria-current', 'page');
  },
};

/** Mews returns a Cursor even on the last page; a full last page is followed by an empty one — prefetched, so Next never leads to an empty page. */
export const MewsCursorTableEndOfData: Story = {
  loaders: [loadVendors({ mews: { sizes: { customers: 60 } } })],
  parameters: code(customersCode),
  render: (_, ctx) => {
    const v = vendorsOf(ctx);
    return <CustomersTable source={v.sources.customers} runner={v.runners.mews} />;
  },
  play: async ({ canvasElement }) => {
    const c = within(canvasElement);
    const next = c.getByRole('button', { name: 'Next page' });
    for (let page = 2; page <= 3; page++) {
      // A cold load (the service worker starting) can take more than waitFor's 1 s default.
      await waitFor(() => expect(next).toBeEnabled(), { timeout: 5000 });
      await userEvent.click(next);
      await waitFor(() => expect(status(c)).toHaveTextContent(new RegExp(`^Page ${page} `)));
    }
    // Page 3 is full: the count is known once the empty page after it came back (fetched ahead,
    // alone or in one stretched request with page 3 when the pages were turned quickly).
    await waitFor(() => expect(status(c)).toHaveTextContent(/^Page 3 (of 3 )?loaded, 20 rows/));
    await waitFor(() => expect(c.getByText('Showing page 3 of 3 · 60 rows')).toBeInTheDocument());
    await expect(next).toBeDisabled();
  },
};

/** A cursor table that estimates its size (Mews reservations created within a day, `estimateTotal` from how far back in the day a reservation was created): "Showing page 1 of about 29" while the count is unknown, the estimated last pages offered as estimates (`~29`, named "Page 29, estimated"), Last disabled; TanStack Table gets no row count until it is known, and the estimate gives way to the truth at the end. */
export const MewsEstimatedTotal: Story = {
  loaders: [loadVendors({ mews: { sizes: { reservations: 2000 } } })],
  parameters: code(reservationsEstimateCode),
  render: (_, ctx) => {
    const v = vendorsOf(ctx);
    const t0 = Date.UTC(2026, 10, 1);
    const day = {
      from: new Date(t0 - 86_400_000).toISOString(),
      to: new Date(t0 + 60_000).toISOString(),
    };
    return (
      <ReservationsEstimateTable
        day={day}
        source={v.sources.reservations}
        runner={v.runners.mews}
      />
    );
  },
  play: async ({ canvasElement }) => {
    const c = within(canvasElement);
    await waitFor(() => expect(c.getByText(/^Showing page 1 of about \d+$/)).toBeInTheDocument());
    const about = Number(
      /about (\d+)/.exec(c.getByText(/^Showing page 1 of about/).textContent ?? '')?.[1],
    );
    expect(about).toBeGreaterThanOrEqual(26);
    expect(about).toBeLessThanOrEqual(32);
    await expect(c.getByRole('button', { name: `Page ${about}, estimated` })).toBeInTheDocument();
    await expect(c.getByRole('button', { name: 'Last page' })).toBeDisabled();
    await userEvent.click(c.getByRole('button', { name: 'Next page' }));
    await waitFor(() =>
      expect(status(c)).toHaveTextContent(/^Page 2 of about \d+ loaded, 50 rows/),
    );
  },
};

/** DingTalk `nextToken` in a table: a page → token map; page 3 is reachable once page 2 has landed with its token. */
export const DingTalkNextTokenTable: Story = {
  loaders: [loadVendors({ dingtalk: { sizes: { classes: 130 } } })],
  parameters: code(classesCode),
  render: (_, ctx) => {
    const v = vendorsOf(ctx);
    return <ClassesTable source={v.sources.classes} runner={v.runners.dingtalk} />;
  },
  play: async ({ canvasElement }) => {
    const c = within(canvasElement);
    await waitFor(() => expect(c.getByText('Showing page 1 of many')).toBeInTheDocument());
    await waitFor(() => expect(c.getByRole('button', { name: 'Next page' })).toBeEnabled());
    await userEvent.click(c.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(status(c)).toHaveTextContent(/^Page 2 /));
    await waitFor(() => expect(c.getByRole('button', { name: 'Page 3' })).toBeEnabled(), {
      timeout: 5000,
    });
    await userEvent.click(c.getByRole('button', { name: 'Page 3' }));
    await waitFor(() => expect(status(c)).toHaveTextContent('Page 3 of 3 loaded, 30 rows'));
  },
};

/** Dashly positions in a table: `[timestamp, id]` positions go back byte for byte; the last page's `next_before_position` is null. */
export const DashlyPositionTable: Story = {
  loaders: [loadVendors({ dashly: { sizes: { conversations: 70 } } })],
  parameters: code(conversationsCode),
  render: (_, ctx) => {
    const v = vendorsOf(ctx);
    return <ConversationsTable source={v.sources.conversations} runner={v.runners.dashly} />;
  },
  play: async (ctx) => {
    const c = within(ctx.canvasElement);
    await waitFor(() => expect(rows(c)).toHaveLength(26));
    for (const page of [2, 3]) {
      await waitFor(() => expect(c.getByRole('button', { name: 'Next page' })).toBeEnabled());
      await userEvent.click(c.getByRole('button', { name: 'Next page' }));
      await waitFor(() => expect(status(c)).toHaveTextContent(new RegExp(`^Page ${page} `)));
    }
    await waitFor(() => expect(status(c)).toHaveTextContent('Page 3 of 3 loaded, 20 rows'));
    const log = vendorsOf(ctx).sims.dashly.log.entries;
    for (let i = 1; i < log.length; i++)
      if (log[i]!.cursorIn) expect(log.map((e) => e.cursorOut)).toContain(log[i]!.cursorIn);
  },
};

/** `offsetLimitSource` (`?offset=&limit=`, `{ items, total }`): the total gives the page count; any page is one request. */
export const OffsetLimitTable: Story = {
  loaders: [loadVendors({ generic: { size: 95 } })],
  parameters: code(itemsCode),
  render: (_, ctx) => {
    const v = vendorsOf(ctx);
    return (
      <ItemsTable
        source={v.sources.offsetItems}
        runner={v.runners.generic}
        caption="Items by offset and limit"
      />
    );
  },
  play: async (ctx) => {
    const c = within(ctx.canvasElement);
    await waitFor(() => expect(c.getByText('Showing page 1 of 5 · 95 rows')).toBeInTheDocument());
    await userEvent.click(c.getByRole('button', { name: 'Page 5' }));
    await waitFor(() => expect(status(c)).toHaveTextContent('Page 5 of 5 loaded, 15 rows'));
    await expect(
      vendorsOf(ctx)
        .sims.generic.log.entries.filter((e) => e.path === '/items')
        .map((e) => e.params.offset),
    ).toContain('80');
  },
};

/** `linkHeaderSource` (`Link: <…>; rel="next"`, GitHub style): the next URL is the cursor, followed only on the API's own origin. */
export const LinkHeaderTable: Story = {
  loaders: [loadVendors({ generic: { size: 75 } })],
  parameters: code(itemsCode),
  render: (_, ctx) => {
    const v = vendorsOf(ctx);
    return (
      <ItemsTable
        source={v.sources.linkedItems}
        runner={v.runners.generic}
        caption="Items by Link header"
        pageSize={30}
      />
    );
  },
  play: async ({ canvasElement }) => {
    const c = within(canvasElement);
    const next = c.getByRole('button', { name: 'Next page' });
    for (let page = 2; page <= 3; page++) {
      // A cold load (the service worker starting) can take more than waitFor's 1 s default.
      await waitFor(() => expect(next).toBeEnabled(), { timeout: 5000 });
      await userEvent.click(next);
      await waitFor(() => expect(status(c)).toHaveTextContent(new RegExp(`^Page ${page} `)));
    }
    await waitFor(() => expect(status(c)).toHaveTextContent('Page 3 of 3 loaded, 15 rows'));
    await expect(next).toBeDisabled();
  },
};

/** The first page on its way (the simulator answers after a minute): "Loading…" and `aria-busy`, and it stays so. */
export const Loading: Story = {
  loaders: [
    loadVendors({ dingtalk: { sizes: { adjustments: 100 }, faults: { latencyMs: 60_000 } } }),
  ],
  parameters: code(adjustmentsCode),
  render: (_, ctx) => {
    const v = vendorsOf(ctx);
    return <AdjustmentsTable source={v.sources.adjustments} runner={v.runners.dingtalk} />;
  },
  play: async ({ canvasElement }) => {
    const c = within(canvasElement);
    await expect(c.getByText('Loading…')).toBeInTheDocument();
    await expect(c.getByRole('table')).toHaveAttribute('aria-busy', 'true');
    await new Promise((r) => setTimeout(r, 500));
    await expect(c.getByText('Loading…')).toBeInTheDocument();
  },
};

/** No data at all: "No rows.", no pages, every page control disabled with its reason. */
export const Empty: Story = {
  loaders: [loadVendors({ dingtalk: { sizes: { adjustments: 0 } } })],
  parameters: code(adjustmentsCode),
  render: (_, ctx) => {
    const v = vendorsOf(ctx);
    return <AdjustmentsTable source={v.sources.adjustments} runner={v.runners.dingtalk} />;
  },
  play: async ({ canvasElement }) => {
    const c = within(canvasElement);
    await waitFor(() => expect(c.getByText('No rows.')).toBeInTheDocument());
    await expect(c.getByText('No pages')).toBeInTheDocument();
    await expect(c.queryByText(/of 0/)).toBeNull();
    await expect(c.getByRole('button', { name: 'Next page' })).toBeDisabled();
  },
};

/** 1.2 s per request: the rows stay while the next page loads, and the status region speaks only once they landed. Keyboard: Next. */
export const SlowNetwork: Story = {
  loaders: [
    loadVendors({ dingtalk: { sizes: { adjustments: 200 }, faults: { latencyMs: 1200 } } }),
  ],
  parameters: code(adjustmentsCode),
  render: (_, ctx) => {
    const v = vendorsOf(ctx);
    return <AdjustmentsTable source={v.sources.adjustments} runner={v.runners.dingtalk} />;
  },
  play: async ({ canvasElement }) => {
    const c = within(canvasElement);
    await expect(c.getByText('Loading…')).toBeInTheDocument();
    await waitFor(() => expect(rows(c)).toHaveLength(21), { timeout: 8000 });
    const said = recordStatus(status(c));
    const first = c.getAllByRole('cell')[0]!.textContent;
    // Page 3 was not prefetched: a jump to it waits 1.2 s with page 1's rows on screen.
    const page3 = c.getByRole('button', { name: 'Page 3' });
    await tabTo(page3);
    await userEvent.keyboard('{Enter}');
    await expect(page3).toHaveAttribute('aria-busy', 'true');
    await expect(c.getAllByRole('cell')[0]).toHaveTextContent(first ?? '');
    await expect(status(c)).toHaveTextContent(/^$/);
    await waitFor(() => expect(status(c)).toHaveTextContent('Page 3 of 10 loaded, 20 rows'), {
      timeout: 8000,
    });
    await expectFocus(page3);
    said.stop();
    await expect(said.texts).toEqual(['Page 3 of 10 loaded, 20 rows']);
  },
};

/** A 429 with `Retry-After: 1` on the first page request (Mews: no token request before it): the runner waits and retries; the user sees rows, not an error — and the log beside the table shows the 429 and the retry a second later. */
export const RateLimited: Story = {
  loaders: [
    loadVendors({ mews: { sizes: { customers: 60 } } }, (v) =>
      v.sims.mews.injectOnce({ kind: 'rate-limit', retryAfterSeconds: 1 }),
    ),
  ],
  parameters: code(customersCode),
  render: (_, ctx) => {
    const v = vendorsOf(ctx);
    return (
      <>
        <CustomersTable source={v.sources.customers} runner={v.runners.mews} />
        <VendorLog log={v.sims.mews.log} label="What Mews received" />
      </>
    );
  },
  play: async (ctx) => {
    const c = within(ctx.canvasElement);
    await waitFor(() => expect(rows(c)).toHaveLength(21), { timeout: 5000 });
    // The 429 the user never sees is on screen beside the table, with the retry after it.
    const log = c.getByRole('table', { name: 'What Mews received' });
    await waitFor(() => expect(within(log).getByText(/^429/)).toBeVisible());
    await waitFor(() => expect(within(log).getAllByText(/^200/).length).toBeGreaterThan(0));
    await expect(c.queryByRole('alert')).toBeNull();
    const [first, second] = vendorsOf(ctx).sims.mews.log.entries;
    await expect(first).toMatchObject({ status: 429, path: '/api/connector/v1/customers/getAll' });
    await expect(second).toMatchObject({ status: 200, path: first!.path });
  },
};

/** Every DingTalk access token expires after four calls (40001): the runner refreshes it and retries the page request, invisibly to the table — the log beside it shows each 401 and the new token fetched. */
export const ExpiredToken: Story = {
  loaders: [
    loadVendors({
      dingtalk: { sizes: { adjustments: 200 }, faults: { tokenExpiresAfterRequests: 4 } },
    }),
  ],
  parameters: code(adjustmentsCode),
  render: (_, ctx) => {
    const v = vendorsOf(ctx);
    return (
      <>
        <AdjustmentsTable source={v.sources.adjustments} runner={v.runners.dingtalk} />
        <VendorLog log={v.sims.dingtalk.log} label="What DingTalk received" />
      </>
    );
  },
  play: async (ctx) => {
    const c = within(ctx.canvasElement);
    await waitFor(() => expect(rows(c)).toHaveLength(21));
    for (const page of [2, 3, 4, 5, 6]) {
      await userEvent.click(c.getByRole('button', { name: 'Next page' }));
      await waitFor(() =>
        expect(status(c)).toHaveTextContent(`Page ${page} of 10 loaded, 20 rows`),
      );
    }
    await expect(c.queryByRole('alert')).toBeNull();
    const log = vendorsOf(ctx).sims.dingtalk.log.entries;
    // A page request met the expired token (401, 40001), and a new token was fetched.
    await expect(log.some((e) => e.path.endsWith('/adjustments') && e.status === 401)).toBe(true);
    await expect(log.filter((e) => e.path.includes('accessToken')).length).toBeGreaterThan(1);
    // Both are on screen beside the table.
    const shown = c.getByRole('table', { name: 'What DingTalk received' });
    await waitFor(() => expect(within(shown).getAllByText(/^401/).length).toBeGreaterThan(0));
    await waitFor(() =>
      expect(within(shown).getAllByText(/accessToken/).length).toBeGreaterThan(1),
    );
  },
};

/** LINE WORKS rejects page 2's cursor (on the prefetch and again on Next): the table shows INVALID_CURSOR over page 1's rows, and stays there until Retry. */
export const InvalidCursor: Story = {
  loaders: [
    loadVendors({ lineworks: { sizes: { users: 95 } } }, (v) => {
      // One-shot faults meet requests in order: the token, page 1 (no cursor: unaffected), then
      // page 2 twice — prefetched, and asked again by Next.
      for (let i = 0; i < 4; i++) v.sims.lineworks.injectOnce({ kind: 'invalid-cursor' });
    }),
  ],
  parameters: code(usersCode),
  render: (_, ctx) => {
    const v = vendorsOf(ctx);
    return <UsersTable source={v.sources.users} runner={v.runners.lineworks} />;
  },
  play: async (ctx) => {
    const c = within(ctx.canvasElement);
    const log = vendorsOf(ctx).sims.lineworks.log;
    await waitFor(() => expect(log.entries.length).toBeGreaterThanOrEqual(3));
    await userEvent.click(c.getByRole('button', { name: 'Next page' }));
    const alert = await c.findByRole('alert', {}, { timeout: 3000 });
    await expect(alert).toHaveTextContent('INVALID_CURSOR');
    await expect(rows(c)).toHaveLength(21);
    await expect(c.getByText(/^Showing page 1 of many/)).toBeInTheDocument();
    await waitFor(() => expect(status(c)).toHaveTextContent(/^Page 2 could not be loaded/));
    await new Promise((r) => setTimeout(r, 500));
    await expect(c.getByRole('alert')).toBeInTheDocument();
  },
};

/** Mews answers HTML instead of JSON (a proxy's error page) for the first page: BAD_RESPONSE, no rows, and a Retry that recovers. The error stays until Retry. */
export const ErrorWithRetry: Story = {
  loaders: [
    loadVendors({ mews: { sizes: { customers: 100 } } }, (v) =>
      v.sims.mews.injectOnce({ kind: 'malformed', malformed: 'html' }),
    ),
  ],
  parameters: code(customersCode),
  render: (_, ctx) => {
    const v = vendorsOf(ctx);
    return <CustomersTable source={v.sources.customers} runner={v.runners.mews} />;
  },
  play: async ({ canvasElement }) => {
    const c = within(canvasElement);
    const alert = await c.findByRole('alert', {}, { timeout: 3000 });
    await expect(alert).toHaveTextContent('BAD_RESPONSE');
    await expect(alert).toHaveTextContent('HTML');
    await new Promise((r) => setTimeout(r, 500));
    await expect(c.getByRole('alert')).toBeInTheDocument();
    await expect(c.getByRole('button', { name: 'Retry' })).toBeEnabled();
  },
};

/** Keyboard only: the first page fails (HTML from a proxy), Enter on Retry — the rows land and focus is on the table, not on the page. */
export const RetryByKeyboard: Story = {
  loaders: [
    loadVendors({ mews: { sizes: { customers: 100 } } }, (v) =>
      v.sims.mews.injectOnce({ kind: 'malformed', malformed: 'html' }),
    ),
  ],
  parameters: code(customersCode),
  render: (_, ctx) => {
    const v = vendorsOf(ctx);
    return <CustomersTable source={v.sources.customers} runner={v.runners.mews} />;
  },
  play: async ({ canvasElement }) => {
    const c = within(canvasElement);
    await c.findByRole('alert', {}, { timeout: 3000 });
    await waitFor(() => expect(status(c)).toHaveTextContent(/^Page 1 could not be loaded/));
    await tabTo(c.getByRole('button', { name: 'Retry' }));
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(rows(c)).toHaveLength(21));
    await expect(c.queryByRole('alert')).toBeNull();
    await expectFocus(c.getByRole('table'));
  },
};

interface PlaygroundArgs {
  pageSize: number;
  forwardJumps: 'walk' | 'disabled';
  latencyMs: number;
  serverErrorRate: number;
  rateLimitRate: number;
}

/** Try it: 500 LINE WORKS users (a cursor source) with the page size, `forwardJumps`, latency and fault rates of the controls. The simulators are rebuilt when a control changes. */
export const Playground: StoryObj<PlaygroundArgs> = {
  args: {
    pageSize: 20,
    forwardJumps: 'walk',
    latencyMs: 300,
    serverErrorRate: 0,
    rateLimitRate: 0,
  },
  argTypes: {
    pageSize: { control: { type: 'select' }, options: [10, 20, 50, 100] },
    forwardJumps: { control: { type: 'inline-radio' }, options: ['walk', 'disabled'] },
    latencyMs: { control: { type: 'range', min: 0, max: 5000, step: 100 } },
    serverErrorRate: { control: { type: 'range', min: 0, max: 1, step: 0.05 } },
    rateLimitRate: { control: { type: 'range', min: 0, max: 1, step: 0.05 } },
  },
  loaders: [
    loadVendors<PlaygroundArgs>((a) => ({
      lineworks: {
        sizes: { users: 500 },
        faults: {
          latencyMs: a.latencyMs,
          serverErrorRate: a.serverErrorRate,
          rateLimitRate: a.rateLimitRate,
        },
      },
    })),
  ],
  parameters: code(usersCode),
  render: (args, ctx) => {
    const v = vendorsOf(ctx);
    return (
      <UsersTable
        source={v.sources.users}
        runner={v.runners.lineworks}
        pageSize={args.pageSize}
        forwardJumps={args.forwardJumps}
      />
    );
  },
  play: async ({ canvasElement }) => {
    const c = within(canvasElement);
    await waitFor(() => expect(rows(c)).toHaveLength(21), { timeout: 5000 });
  },
};
