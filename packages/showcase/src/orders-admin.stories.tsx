import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { OrdersAdmin } from './examples/orders-admin.js';
import ordersCode from './examples/orders-admin.tsx?raw';
import { withQueryClient } from './query-decorator.js';
import { loadVendors, serveVendors, vendorsOf } from './story-vendors.js';

const meta: Meta = {
  title: 'Recipes/Admin table',
  decorators: [withQueryClient],
  parameters: {
    docs: {
      description: {
        component:
          'TanStack Table v9 over a `?page=&per_page=` API (`pageNumberSource`, the total from `X-Total-Count`): sortable headers, a status filter and a debounced search are the source’s `params`; `useTableState` keeps page, size, sort, filter and search in the URL; a row selection survives page turns because rows keep the source’s key as their id. `useTableAnnouncement` says each page once its rows are on screen.',
      },
      source: { code: ordersCode, language: 'tsx' },
    },
  },
};
export default meta;

/** The table's state lives in the URL: each story starts from a URL without it. */
const withoutTableState = () => {
  const url = new URL(window.location.href);
  for (const name of ['page', 'size', 'sort', 'status', 'q', 'cursor'])
    url.searchParams.delete(name);
  window.history.replaceState(null, '', url);
};

/** Sort by a header (numbers sort highest first): page 1 of the new order, one request. */
export const AdminTable: StoryObj = {
  loaders: [loadVendors({ generic: { orders: 300 } })],
  beforeEach: (context) => {
    withoutTableState();
    serveVendors(context);
    return withoutTableState;
  },
  render: (_, ctx) => {
    const v = vendorsOf(ctx);
    return <OrdersAdmin source={v.sources.orders} runner={v.runners.generic} />;
  },
  play: async (ctx) => {
    const c = within(ctx.canvasElement);
    await waitFor(() => expect(c.getAllByRole('row')).toHaveLength(21));
    await userEvent.click(c.getByRole('button', { name: /Total/ }));
    await waitFor(() =>
      expect(c.getByRole('columnheader', { name: /Total/ })).toHaveAttribute(
        'aria-sort',
        'descending',
      ),
    );
    await waitFor(() =>
      expect(
        vendorsOf(ctx).sims.generic.log.entries.find((e) => e.params.sort === '-total')?.params
          .page,
      ).toBe('1'),
    );
  },
};
