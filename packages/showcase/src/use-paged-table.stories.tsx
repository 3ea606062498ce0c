import { usePagedTable } from '@pagewise/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { WithQueryClient } from './query-decorator.js';
import { storyVendors } from './story-vendors.js';
import { TableView } from './table-view.js';

const meta: Meta = {
  title: 'Hooks/usePagedTable',
  decorators: [(Story) => <WithQueryClient>{<Story />}</WithQueryClient>],
  parameters: {
    docs: {
      description: {
        component:
          'Table controls over any source. Page-number sources (DingTalk `pageNumber`/`pageSize`) jump anywhere; cursor sources (LINE WORKS `nextCursor`, Mews `Limitation.Cursor`) keep a page → cursor map, so Back reuses cursors and a forward jump walks the pages between. Unknown totals show an unknown page count until the last page is seen.',
      },
    },
  },
};
export default meta;
type Story = StoryObj;

const adjustments = storyVendors({ dingtalk: { sizes: { adjustments: 1000 } } });
function AdjustmentsTable({
  vendors = adjustments,
  caption = 'DingTalk attendance adjustments',
}: {
  vendors?: ReturnType<typeof storyVendors>;
  caption?: string;
}) {
  const table = usePagedTable({
    source: vendors.sources.adjustments,
    runner: vendors.runners.dingtalk,
    initialPageSize: 20,
  });
  return (
    <TableView
      table={table}
      caption={caption}
      rowKey={(a) => String(a.id)}
      columns={[
        { header: 'Id', cell: (a) => a.id },
        { header: 'Employee', cell: (a) => a.userName },
        { header: 'Type', cell: (a) => a.adjustmentType },
        { header: 'Work date', cell: (a) => a.workDate },
        { header: 'Status', cell: (a) => a.status },
      ]}
    />
  );
}

/** DingTalk pageNumber/pageSize: `totalPage` gives the page count, so any page is one request away. */
export const DingTalkPageNumbers: Story = {
  beforeEach: adjustments.beforeEach,
  render: () => <AdjustmentsTable />,
  play: async ({ canvasElement }) => {
    const c = within(canvasElement);
    await waitFor(() => expect(c.getAllByRole('row')).toHaveLength(21));
    await expect(c.getByText(/Page 1 of 50/)).toBeInTheDocument();
    await userEvent.click(c.getByRole('button', { name: 'Last page' }));
    await waitFor(() => expect(c.getByText(/Page 50 of 50/)).toBeInTheDocument());
    await waitFor(() =>
      expect(c.getByRole('button', { name: 'Page 50' })).toHaveAttribute('aria-current', 'page'),
    );
    await expect(c.getByRole('button', { name: 'Next page' })).toBeDisabled();
  },
};

const users = storyVendors({ lineworks: { sizes: { users: 95 } } });
function UsersTable({ vendors = users }: { vendors?: ReturnType<typeof storyVendors> }) {
  const table = usePagedTable({
    source: vendors.sources.users,
    runner: vendors.runners.lineworks,
    initialPageSize: 20,
  });
  return (
    <TableView
      table={table}
      caption="LINE WORKS users"
      rowKey={(u) => u.userId}
      columns={[
        { header: 'Name', cell: (u) => `${u.userName.firstName} ${u.userName.lastName}` },
        { header: 'Email', cell: (u) => u.email },
      ]}
    />
  );
}

/** LINE WORKS `nextCursor`: no total, so the count is unknown until the page without `nextCursor`. */
export const LineWorksCursorTable: Story = {
  beforeEach: users.beforeEach,
  render: () => <UsersTable />,
  play: async ({ canvasElement }) => {
    const c = within(canvasElement);
    await waitFor(() => expect(c.getByText(/Page 1 of many/)).toBeInTheDocument());
    await expect(c.getByRole('button', { name: 'Last page' })).toBeDisabled();
    for (let page = 2; page <= 5; page++) {
      await waitFor(() => expect(c.getByRole('button', { name: 'Next page' })).toBeEnabled());
      await userEvent.click(c.getByRole('button', { name: 'Next page' }));
      await waitFor(() => expect(c.getByText(new RegExp(`Page ${page} of`))).toBeInTheDocument());
    }
    await waitFor(() => expect(c.getByText(/Page 5 of 5/)).toBeInTheDocument());
    await expect(c.getAllByRole('row')).toHaveLength(16);
    await expect(c.getByRole('button', { name: 'Next page' })).toBeDisabled();
    await userEvent.click(c.getByRole('button', { name: 'Page 2' }));
    await waitFor(() => expect(c.getByText(/Page 2 of 5/)).toBeInTheDocument());
  },
};

const customers = storyVendors({ mews: { sizes: { customers: 60 } } });
function CustomersTable({ vendors = customers }: { vendors?: ReturnType<typeof storyVendors> }) {
  const table = usePagedTable({
    source: vendors.sources.customers,
    runner: vendors.runners.mews,
    initialPageSize: 20,
  });
  return (
    <TableView
      table={table}
      caption="Mews customers (newest first)"
      rowKey={(c) => c.Id}
      columns={[
        { header: 'Name', cell: (c) => `${c.FirstName} ${c.LastName}` },
        { header: 'Created (UTC)', cell: (c) => c.CreatedUtc },
      ]}
    />
  );
}

/** Mews returns a Cursor even on the last page; a full last page is followed by an empty one — prefetched, so Next never leads to an empty page. */
export const MewsCursorTableEndOfData: Story = {
  beforeEach: customers.beforeEach,
  render: () => <CustomersTable />,
  play: async ({ canvasElement }) => {
    const c = within(canvasElement);
    for (let page = 2; page <= 3; page++) {
      await waitFor(() => expect(c.getByRole('button', { name: 'Next page' })).toBeEnabled());
      await userEvent.click(c.getByRole('button', { name: 'Next page' }));
      await waitFor(() => expect(c.getByText(new RegExp(`Page ${page} of`))).toBeInTheDocument());
    }
    await waitFor(() => expect(c.getByText(/Page 3 of 3/)).toBeInTheDocument());
    await expect(c.getByRole('button', { name: 'Next page' })).toBeDisabled();
  },
};

const empty = storyVendors({ dingtalk: { sizes: { adjustments: 0 } } });
/** No data at all. */
export const Empty: Story = {
  beforeEach: empty.beforeEach,
  render: () => <AdjustmentsTable vendors={empty} />,
  play: async ({ canvasElement }) => {
    const c = within(canvasElement);
    await waitFor(() => expect(c.getByText('No rows.')).toBeInTheDocument());
    await expect(c.getByRole('button', { name: 'Next page' })).toBeDisabled();
  },
};

const slow = storyVendors({
  dingtalk: { sizes: { adjustments: 200 }, faults: { latencyMs: 1200 } },
});
/** 1.2 s per request: the rows stay (dimmed) while the next page loads; the next page was prefetched. */
export const SlowNetwork: Story = {
  beforeEach: slow.beforeEach,
  render: () => <AdjustmentsTable vendors={slow} caption="Adjustments over a slow network" />,
  play: async ({ canvasElement }) => {
    const c = within(canvasElement);
    await expect(c.getByText('Loading…')).toBeInTheDocument();
    await waitFor(() => expect(c.getAllByRole('row')).toHaveLength(21), { timeout: 5000 });
  },
};

const limited = storyVendors({ lineworks: { sizes: { users: 60 } } });
/** A 429 with `Retry-After: 1`: the runner waits and retries; the user sees rows, not an error. */
export const RateLimited: Story = {
  beforeEach: limited.beforeEach,
  loaders: [
    async () => limited.sims.lineworks.injectOnce({ kind: 'rate-limit', retryAfterSeconds: 1 }),
  ],
  render: () => <UsersTable vendors={limited} />,
  play: async ({ canvasElement }) => {
    const c = within(canvasElement);
    await waitFor(() => expect(c.getAllByRole('row')).toHaveLength(21), { timeout: 5000 });
    await expect(c.queryByRole('alert')).toBeNull();
    await expect(limited.sims.lineworks.log.entries.some((e) => e.status === 429)).toBe(true);
  },
};

const expiring = storyVendors({
  dingtalk: { sizes: { adjustments: 200 }, faults: { tokenExpiresAfterRequests: 1 } },
});
/** Every DingTalk token expires after one call (40001): the runner refreshes it and retries, invisibly. */
export const ExpiredToken: Story = {
  beforeEach: expiring.beforeEach,
  render: () => (
    <AdjustmentsTable vendors={expiring} caption="Adjustments with tokens that expire" />
  ),
  play: async ({ canvasElement }) => {
    const c = within(canvasElement);
    await waitFor(() => expect(c.getAllByRole('row')).toHaveLength(21));
    await userEvent.click(c.getByRole('button', { name: 'Page 3' }));
    await waitFor(() => expect(c.getByText(/Page 3 of 10/)).toBeInTheDocument());
    await expect(c.queryByRole('alert')).toBeNull();
  },
};

const rejecting = storyVendors({
  lineworks: { sizes: { users: 95 }, faults: { invalidCursorOnRequest: 1 } },
});
/** LINE WORKS rejects the cursor of page 2 once: the table shows INVALID_CURSOR, keeps page 1, and Retry recovers. */
export const InvalidCursor: Story = {
  beforeEach: rejecting.beforeEach,
  render: () => <UsersTable vendors={rejecting} />,
  play: async ({ canvasElement }) => {
    const c = within(canvasElement);
    await waitFor(() => expect(c.getByRole('button', { name: 'Next page' })).toBeEnabled());
    await userEvent.click(c.getByRole('button', { name: 'Next page' }));
    const alert = await c.findByRole('alert', {}, { timeout: 3000 });
    await expect(alert).toHaveTextContent('INVALID_CURSOR');
    await expect(c.getAllByRole('row')).toHaveLength(21);
    await userEvent.click(c.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(c.queryByRole('alert')).toBeNull());
    await waitFor(() => expect(c.getByText(/Page 2 of/)).toBeInTheDocument());
  },
};

const broken = storyVendors({ mews: { sizes: { customers: 100 } } });
/** Mews answers HTML instead of JSON once (a proxy error page): a BAD_RESPONSE error with a Retry that recovers. */
export const ErrorWithRetry: Story = {
  beforeEach: broken.beforeEach,
  loaders: [async () => broken.sims.mews.injectOnce({ kind: 'malformed', malformed: 'html' })],
  render: () => <CustomersTable vendors={broken} />,
  play: async ({ canvasElement }) => {
    const c = within(canvasElement);
    const alert = await c.findByRole('alert', {}, { timeout: 3000 });
    await expect(alert).toHaveTextContent('BAD_RESPONSE');
    await expect(alert).toHaveTextContent('HTML');
    await userEvent.click(c.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(c.getAllByRole('row')).toHaveLength(21));
    await expect(c.queryByRole('alert')).toBeNull();
  },
};

const classes = storyVendors({ dingtalk: { sizes: { classes: 130 } } });
function ClassesTable() {
  const table = usePagedTable({
    source: classes.sources.classes,
    runner: classes.runners.dingtalk,
    initialPageSize: 50,
  });
  return (
    <TableView
      table={table}
      caption="DingTalk school classes"
      rowKey={(c) => String(c.classId)}
      columns={[
        { header: 'Class', cell: (c) => c.name },
        { header: 'Students', cell: (c) => c.studentCount },
        { header: 'Head teacher', cell: (c) => c.headTeacher },
      ]}
    />
  );
}

/** DingTalk `nextToken` in a table: a page → token map; jumping to page 3 from page 1 walks through page 2. */
export const DingTalkNextTokenTable: Story = {
  beforeEach: classes.beforeEach,
  render: () => <ClassesTable />,
  play: async ({ canvasElement }) => {
    const c = within(canvasElement);
    await waitFor(() => expect(c.getByText(/Page 1 of many/)).toBeInTheDocument());
    await waitFor(() => expect(c.getByRole('button', { name: 'Next page' })).toBeEnabled());
    await userEvent.click(c.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(c.getByText(/Page 2 of/)).toBeInTheDocument());
    // Page 3 becomes reachable once page 2 has landed with its nextToken (the caption changes first).
    await waitFor(() => expect(c.getByRole('button', { name: 'Page 3' })).toBeEnabled(), {
      timeout: 5000,
    });
    await userEvent.click(c.getByRole('button', { name: 'Page 3' }));
    await waitFor(() => expect(c.getByText(/Page 3 of 3/)).toBeInTheDocument());
    await waitFor(() => expect(c.getAllByRole('row')).toHaveLength(31));
  },
};

const conversations = storyVendors({ dashly: { sizes: { conversations: 70 } } });
function ConversationsTable() {
  const table = usePagedTable({
    source: conversations.sources.conversations,
    runner: conversations.runners.dashly,
    initialPageSize: 25,
  });
  return (
    <TableView
      table={table}
      caption="Dashly conversations (newest first)"
      pageSizes={[10, 25, 50]}
      rowKey={(c) => c.id}
      columns={[
        { header: 'Id (beyond 2^53, exact)', cell: (c) => c.id },
        { header: 'Visitor', cell: (c) => c.user_name },
        { header: 'Channel', cell: (c) => c.channel },
        { header: 'Last message', cell: (c) => c.last_message },
      ]}
    />
  );
}

/** Dashly positions in a table: `[timestamp, id]` positions go back byte for byte; the last page's `next_before_position` is null. */
export const DashlyPositionTable: Story = {
  beforeEach: conversations.beforeEach,
  render: () => <ConversationsTable />,
  play: async ({ canvasElement }) => {
    const c = within(canvasElement);
    await waitFor(() => expect(c.getAllByRole('row')).toHaveLength(26));
    for (const page of [2, 3]) {
      await waitFor(() => expect(c.getByRole('button', { name: 'Next page' })).toBeEnabled());
      await userEvent.click(c.getByRole('button', { name: 'Next page' }));
      await waitFor(() => expect(c.getByText(new RegExp(`Page ${page} of`))).toBeInTheDocument());
    }
    await waitFor(() => expect(c.getByText(/Page 3 of 3/)).toBeInTheDocument());
    await expect(c.getAllByRole('row')).toHaveLength(21);
    const log = conversations.sims.dashly.log.entries;
    for (let i = 1; i < log.length; i++)
      if (log[i]!.cursorIn) expect(log.map((e) => e.cursorOut)).toContain(log[i]!.cursorIn);
  },
};
