import { usePageRange } from '@pagewise/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, within } from 'storybook/test';
import { PageRangeNav } from './page-range-nav.js';

function Pager({ pageCount, initial = 0 }: { pageCount: number; initial?: number }) {
  const [pageIndex, setPageIndex] = useState(initial);
  const range = usePageRange({
    pageIndex,
    pageCount,
    onPageChange: setPageIndex,
    hasMore: pageCount < 0,
    label: 'Results pages',
  });
  return <PageRangeNav range={range} style={{ fontFamily: 'system-ui, sans-serif' }} />;
}

const meta: Meta<typeof Pager> = {
  title: 'Hooks/usePageRange',
  component: Pager,
  parameters: {
    docs: {
      description: {
        component:
          'Page buttons with ellipses as prop getters: a labelled `nav`, native buttons, `aria-current="page"` on the current page, disabled states, Home/End to the ends. An unknown page count (`-1`) runs to the next page and ends in an ellipsis.',
      },
    },
  },
};
export default meta;
type Story = StoryObj<typeof Pager>;

/** Twenty pages, in the middle: `1 … 9 [10] 11 … 20`. */
export const KnownCount: Story = {
  args: { pageCount: 20, initial: 9 },
  play: async ({ canvasElement }) => {
    const c = within(canvasElement);
    await expect(c.getByRole('navigation', { name: 'Results pages' })).toBeInTheDocument();
    await expect(c.getByRole('button', { name: 'Page 10' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await userEvent.click(c.getByRole('button', { name: 'Page 20' }));
    await expect(c.getByRole('button', { name: 'Next page' })).toBeDisabled();
    c.getByRole('button', { name: 'Page 20' }).focus();
    await userEvent.keyboard('{Home}');
    await expect(c.getByRole('button', { name: 'Page 1' })).toHaveAttribute('aria-current', 'page');
  },
};

/** A cursor source without a total: pages so far, the next one, and an ellipsis; no Last. */
export const UnknownCount: Story = {
  args: { pageCount: -1, initial: 2 },
  play: async ({ canvasElement }) => {
    const c = within(canvasElement);
    await expect(c.getByRole('button', { name: 'Last page' })).toBeDisabled();
    await expect(c.getByRole('button', { name: 'Page 4' })).toBeEnabled();
  },
};
