import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { usePageRange } from './use-page-range.js';

function Pager({
  pageCount,
  start = 0,
  canGoToPage,
  pageDisabledReason,
  hasMore,
  focusableWhenDisabled,
}: {
  focusableWhenDisabled?: boolean;
  pageCount: number;
  start?: number;
  canGoToPage?(i: number): boolean;
  pageDisabledReason?(i: number): string | undefined;
  hasMore?: boolean;
}) {
  const [pageIndex, setPageIndex] = useState(start);
  // A pager of plain values: what a paged table is, without the kit.
  const range = usePageRange(
    {
      pageIndex,
      pageCount,
      setPageIndex,
      pageDisabledReason: (i) =>
        pageDisabledReason?.(i) ??
        (canGoToPage && !canGoToPage(i) ? 'this page cannot be reached yet' : undefined),
      ...(hasMore === undefined ? {} : { canNextPage: hasMore }),
    },
    { label: 'Adjustments pages', focusableWhenDisabled },
  );
  return (
    <nav {...range.getNavProps()}>
      <button {...range.getFirstProps()}>«</button>
      <button {...range.getPreviousProps()}>‹</button>
      {range.items.map((item) =>
        item.type === 'page' ? (
          <button key={item.index} {...range.getPageProps(item.index)}>
            {item.index + 1}
          </button>
        ) : (
          <span key={item.position} {...range.getEllipsisProps(item.position)}>
            …
          </span>
        ),
      )}
      <button {...range.getNextProps()}>›</button>
      <button {...range.getLastProps()}>»</button>
    </nav>
  );
}

/** A range whose signs of intent are recorded. */
function WithIntent({ intents }: { intents: number[] }) {
  const range = usePageRange({
    pageIndex: 0,
    pageCount: 5,
    setPageIndex: () => {},
    prefetchPage: (i) => intents.push(i),
  });
  return (
    <nav {...range.getNavProps()}>
      <button {...range.getPreviousProps()}>‹</button>
      <button {...range.getPageProps(0)}>1</button>
      <button {...range.getPageProps(2)}>3</button>
      <button {...range.getNextProps()}>›</button>
    </nav>
  );
}

const current = () => screen.getByRole('button', { current: 'page' });
const button = (name: string) => screen.getByRole<HTMLButtonElement>('button', { name });

describe('usePageRange', () => {
  it('renders a labelled nav with the current page marked and ellipses that name the pages they skip', () => {
    render(<Pager pageCount={20} start={9} />);
    expect(screen.getByRole('navigation', { name: 'Adjustments pages' })).toBeTruthy();
    expect(current().textContent).toBe('10');
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual([
      '«',
      '‹',
      '1',
      '9',
      '10',
      '11',
      '20',
      '›',
      '»',
    ]);
    expect(screen.getAllByRole('separator').map((e) => e.getAttribute('aria-label'))).toEqual([
      'Pages 2 to 8 not shown',
      'Pages 12 to 19 not shown',
    ]);
  });

  it('moves by click and by keyboard, and disables what cannot be reached', async () => {
    const user = userEvent.setup();
    render(<Pager pageCount={5} />);
    expect(button('Previous page').disabled).toBe(true);
    expect(button('First page').getAttribute('aria-disabled')).toBe('true');
    await user.click(button('Page 3'));
    expect(current().textContent).toBe('3');
    await user.click(button('Next page'));
    expect(current().textContent).toBe('4');
    button('Page 2').focus();
    await user.keyboard('{Enter}');
    expect(current().textContent).toBe('2');
    await user.keyboard('{End}');
    expect(current().textContent).toBe('5');
    expect(button('Next page').disabled).toBe(true);
    expect(button('Last page').disabled).toBe(true);
    await user.keyboard('{Home}');
    expect(current().textContent).toBe('1');
  });

  it('disables pages a cursor source cannot reach, and handles an unknown count', async () => {
    render(<Pager pageCount={-1} hasMore canGoToPage={(i) => i <= 1} />);
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual([
      '«',
      '‹',
      '1',
      '2',
      '›',
      '»',
    ]);
    expect(button('Last page').disabled).toBe(true);
    expect(button('Next page').disabled).toBe(false);
  });

  it('keeps focus on the row: a control that becomes disabled hands focus to the current page', async () => {
    const user = userEvent.setup();
    render(<Pager pageCount={3} />);
    button('Next page').focus();
    await user.keyboard('{Enter}');
    await user.keyboard('{Enter}');
    expect(current().textContent).toBe('3');
    expect(button('Next page').disabled).toBe(true);
    expect(document.activeElement).toBe(current());
    button('Previous page').focus();
    await user.keyboard('{Enter}{Enter}');
    expect(current().textContent).toBe('1');
    expect(document.activeElement).toBe(current());
  });

  it('with focusableWhenDisabled, Tab reaches a disabled control, which says why and does nothing', async () => {
    const user = userEvent.setup();
    render(<Pager pageCount={3} focusableWhenDisabled />);
    await user.tab();
    expect(document.activeElement).toBe(button('First page'));
    await user.tab();
    const previous = button('Previous page');
    expect(document.activeElement).toBe(previous);
    expect(previous.disabled).toBe(false);
    expect(previous.getAttribute('aria-disabled')).toBe('true');
    expect(
      screen.getByRole('button', { name: 'Previous page', description: 'this is the first page' }),
    ).toBe(previous);
    await user.keyboard('{Enter} ');
    expect(current().textContent).toBe('1');
    // Next to the last page: Next becomes disabled and keeps the focus, saying why.
    button('Next page').focus();
    await user.keyboard('{Enter}{Enter}');
    expect(current().textContent).toBe('3');
    expect(document.activeElement).toBe(button('Next page'));
    expect(
      screen.getByRole('button', { name: 'Next page', description: 'this is the last page' }),
    ).toBe(document.activeElement);
    await user.keyboard('{Enter}');
    expect(current().textContent).toBe('3');
  });

  it('moves focus with Home and End to the page they went to, even when it was out of the row', async () => {
    const user = userEvent.setup();
    render(<Pager pageCount={5000} start={4} />);
    button('Page 5').focus();
    await user.keyboard('{End}');
    expect(current().textContent).toBe('5000');
    expect(document.activeElement).toBe(button('Page 5000'));
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(button('Page 1'));
    // Tab goes on from there, not from the top of the page.
    await user.tab();
    expect(document.activeElement).toBe(button('Page 2'));
  });

  it('gives a disabled page its reason as the button’s description', () => {
    render(
      <Pager
        pageCount={-1}
        hasMore
        canGoToPage={(i) => i <= 1}
        pageDisabledReason={(i) => (i > 1 ? `page ${i + 1} is reached by Next` : undefined)}
      />,
    );
    expect(button('Last page').title).toBe('the number of pages is not known yet');
    expect(button('Previous page').title).toBe('this is the first page');
    expect(button('Page 2').title).toBe('');
  });

  it('reports a sign of intent (pointer over, focus) on a page it could go to, for an early fetch', async () => {
    const user = userEvent.setup();
    const intents: number[] = [];
    render(<WithIntent intents={intents} />);
    await user.hover(button('Page 3'));
    await user.hover(button('Previous page')); // disabled: no intent
    await user.hover(button('Page 1')); // the current page: no intent
    button('Next page').focus();
    expect(intents).toEqual([2, 1]);
  });

  it('takes no intent from a button that slid under a still pointer (a row re-laid out)', () => {
    const intents: number[] = [];
    render(<WithIntent intents={intents} />);
    // What the browser sends when the layout moves a button under a pointer that did not move.
    fireEvent.pointerOver(button('Page 3'));
    fireEvent.pointerEnter(button('Page 3'));
    expect(intents).toEqual([]);
    fireEvent.pointerMove(button('Page 3'));
    fireEvent.pointerMove(button('Page 3'));
    expect(intents).toEqual([2]);
  });
});
