import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { Pager } from './examples/pager.js';
import pagerCode from './examples/pager.tsx?raw';
import { expectFocus, tabTo } from './play-helpers.js';

interface PagerArgs {
  pageCount: number;
  initialPage: number;
}

const meta: Meta<PagerArgs> = {
  title: 'Hooks/usePageRange',
  // A new pager when a control changes, so `initialPage` applies.
  render: (args) => <Pager key={`${args.pageCount}:${args.initialPage}`} {...args} />,
  argTypes: {
    pageCount: { control: { type: 'number', min: -1, step: 1 } },
    initialPage: { control: { type: 'number', min: 0, step: 1 } },
  },
  parameters: {
    docs: {
      description: {
        component: `Page buttons with ellipses as prop getters: a labelled \`nav\`, native buttons, \`aria-current="page"\` on the page shown, disabled buttons with their reason as description, ellipses that name the pages they skip (pass \`item.position\` to \`getEllipsisProps\`), Home/End to the ends. An unknown page count (\`-1\`) runs to the last page known to exist (at least the next one) and ends in a \`beyond\` ellipsis.

Spread the getters on real \`<button>\`s: they carry a ref and focus handlers, so focus stays in the row when the focused button becomes disabled (Next on the last page) or leaves the range (Home, End, a jump) — it moves to the page requested.`,
      },
      source: { code: pagerCode, language: 'tsx' },
    },
  },
};
export default meta;
type Story = StoryObj<PagerArgs>;

/** Twenty pages, in the middle: `1 … 9 [10] 11 … 20`; the ellipses name the pages they skip. */
export const KnownCount: Story = {
  args: { pageCount: 20, initialPage: 9 },
  play: async ({ canvasElement }) => {
    const c = within(canvasElement);
    await expect(c.getByRole('navigation', { name: 'Results pages' })).toBeInTheDocument();
    await expect(c.getByRole('button', { name: 'Page 10' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expect(c.getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual([
      'First page',
      'Previous page',
      'Page 1',
      'Page 9',
      'Page 10',
      'Page 11',
      'Page 20',
      'Next page',
      'Last page',
    ]);
    await expect(c.getByRole('separator', { name: 'Pages 2 to 8 not shown' })).toBeVisible();
    await expect(c.getByRole('separator', { name: 'Pages 12 to 19 not shown' })).toBeVisible();
  },
};

/** A cursor source without a total: pages so far, the next one, and an ellipsis; Last is disabled and says why. */
export const UnknownCount: Story = {
  args: { pageCount: -1, initialPage: 2 },
  play: async ({ canvasElement }) => {
    const c = within(canvasElement);
    await expect(c.getByRole('button', { name: 'Last page' })).toBeDisabled();
    await expect(c.getByRole('button', { name: 'Last page' })).toHaveAttribute(
      'title',
      'the number of pages is not known yet',
    );
    await expect(c.getByRole('button', { name: 'Page 4' })).toBeEnabled();
    await expect(c.getByRole('separator', { name: 'More pages after page 4' })).toBeVisible();
  },
};

/** Keyboard only, over 5,000 pages: End from "Page 5" leaves focus on "Page 5000" (not on the page), Next then disabled; Home brings it to "Page 1"; Previous at the start hands focus on. */
export const KeyboardFocus: Story = {
  args: { pageCount: 5000, initialPage: 4 },
  play: async ({ canvasElement }) => {
    const c = within(canvasElement);
    await tabTo(c.getByRole('button', { name: 'Page 5' }));
    await userEvent.keyboard('{End}');
    await expectFocus(() => c.getByRole('button', { name: 'Page 5000' }));
    await expect(c.getByRole('button', { name: 'Next page' })).toBeDisabled();
    await userEvent.tab({ shift: true });
    await expect(document.activeElement).toHaveAccessibleName('Page 4999');
    await userEvent.keyboard('{Home}');
    await expectFocus(() => c.getByRole('button', { name: 'Page 1' }));
    await tabTo(c.getByRole('button', { name: 'Page 2' }));
    await userEvent.keyboard('{Enter}');
    // Previous, focused at page 2, becomes disabled on page 1: focus stays in the row.
    await tabTo(c.getByRole('button', { name: 'Previous page' }), true);
    await userEvent.keyboard('{Enter}');
    await expect(c.getByRole('button', { name: 'Previous page' })).toBeDisabled();
    await expectFocus(() => c.getByRole('button', { name: 'Page 1' }));
  },
};
