import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemo } from './demo-browser.js';

/** The demo's admin table in Chromium: sort, filter, search and selection, state in the URL. */
let demo: Awaited<ReturnType<typeof openDemo>>;
beforeAll(async () => {
  demo = await openDemo({
    generic: { orders: 600 },
    dingtalk: { sizes: { classes: 450, events: 230, adjustments: 95 } },
  });
});
afterAll(() => demo?.close());

const orders = () => demo.log('generic', '/orders');
/** No two requests with the same parameters: each state change costs one request per page. */
const expectNoRepeats = () => {
  const keys = orders().map((e) => JSON.stringify(e.params));
  expect(new Set(keys).size).toBe(keys.length);
};
const table = () => demo.page.getByRole('table', { name: 'Orders' });
const shown = () => demo.page.getByRole('region', { name: 'Orders' }).locator('[data-page-info]');

describe('the admin table', () => {
  it('restores page, sort and filter from a link', async () => {
    await demo.page.goto(`${demo.demo.url}/?page=2&sort=-total&status=paid#/orders`);
    await expect.poll(() => shown().textContent()).toMatch(/^Page 2 of \d+/);
    expect(orders().map((e) => e.params)).toContainEqual(
      expect.objectContaining({ page: '2', sort: '-total', status: 'paid' }),
    );
    const totals = await table().locator('tbody tr td:nth-child(5)').allTextContents();
    const values = totals.map((t) => Number(t.replace(/[^\d.]/g, '')));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    await expect
      .poll(() => table().locator('tbody td:nth-child(4)').allTextContents())
      .toSatisfy(
        (statuses: string[]) => statuses.length > 0 && statuses.every((s) => s === 'paid'),
      );
    expect(await demo.page.getByLabel('Status').inputValue()).toBe('paid');
  });

  it('a link with values the table refuses opens page 1, and the address bar drops them in place', async () => {
    await demo.page.goto(`${demo.demo.url}/?page=abc&size=1000&status=lost&sort=-total#/orders`);
    await expect.poll(() => shown().textContent()).toMatch(/^Page 1 of \d+/);
    await expect
      .poll(() => demo.page.evaluate(() => `${location.search}${location.hash}`))
      .toBe('?sort=-total#/orders');
  });

  it('sorts, filters and searches, each on page 1, one request per change, and Back restores the state', async () => {
    demo.demo.sims.generic.log.clear();
    await demo.page.goto(`${demo.demo.url}/?page=3&sort=-total&status=paid#/orders`);
    await expect.poll(() => shown().textContent()).toMatch(/^Page 3 of \d+/);
    // Page 4 is fetched ahead a task after page 3 landed — read on from page 3's last rows (the
    // table repairs drift: a window a few rows back): counted before the changes, not in them.
    await expect
      .poll(() => orders().filter((e) => e.params.sort === '-total').length)
      .toBeGreaterThanOrEqual(2);
    const before = orders().length;
    await table()
      .getByRole('button', { name: /Customer/ })
      .click();
    await expect
      .poll(() => demo.page.evaluate(() => location.search))
      .toBe('?sort=customer&status=paid');
    await expect.poll(() => shown().textContent()).toMatch(/^Page 1 of/);
    expect(
      orders()
        .slice(before)
        .map((e) => e.params),
    ).toEqual([
      expect.objectContaining({ page: '1', sort: 'customer', status: 'paid' }),
      expect.objectContaining({ sort: 'customer', status: 'paid' }), // page 2, fetched ahead
    ]);
    await demo.page.getByLabel('Status').selectOption('open');
    await expect
      .poll(() => demo.page.evaluate(() => location.search))
      .toBe('?sort=customer&status=open');
    const typedFrom = orders().length;
    await demo.page.getByLabel('Search').pressSequentially('sm', { delay: 40 });
    await expect.poll(() => demo.page.evaluate(() => location.search)).toContain('q=sm');
    await expect.poll(() => orders().length).toBeGreaterThan(typedFrom);
    await demo.page.waitForTimeout(400);
    // One search for "sm", not one per keystroke.
    expect(
      orders()
        .slice(typedFrom)
        .filter((e) => e.params.q === 's'),
    ).toHaveLength(0);
    expectNoRepeats();
    const settled = orders().length;
    // Each change is one history entry, the search once typing paused: Back undoes the search,
    // then the status change.
    await demo.page.goBack();
    await expect.poll(() => demo.page.getByLabel('Search').inputValue()).toBe('');
    expect(await demo.page.getByLabel('Status').inputValue()).toBe('open');
    await demo.page.goBack();
    await expect.poll(() => demo.page.getByLabel('Status').inputValue()).toBe('paid');
    await expect.poll(() => demo.page.getByLabel('Search').inputValue()).toBe('');
    await expect.poll(() => shown().textContent()).toMatch(/^Page 1 of/);
    expect(orders().length).toBe(settled); // those pages are still cached
    await demo.page.goForward();
    await expect.poll(() => demo.page.getByLabel('Status').inputValue()).toBe('open');
    expectNoRepeats();
  });

  it('while a new sort loads, the old rows stand in for its page 1: the pager says so', async () => {
    await demo.page.goto(`${demo.demo.url}/?page=3#/orders`);
    await expect.poll(() => shown().textContent()).toMatch(/^Page 3 of \d+/);
    await demo.setFaults('generic', { latencyMs: 1500 });
    try {
      await table().getByRole('button', { name: /Total/ }).click();
      // Not "Page 3" (of the old sort) under controls that already count the new one's pages.
      await expect.poll(() => shown().textContent()).toBe('Loading page 1…');
      const first = demo.page.getByRole('button', { name: 'Page 1', exact: true });
      expect(await first.getAttribute('aria-current')).toBe('page');
      expect(await first.getAttribute('aria-busy')).toBe('true');
      await expect.poll(() => shown().textContent(), { timeout: 5000 }).toMatch(/^Page 1 of \d+/);
      expect(await first.getAttribute('aria-busy')).toBeNull();
    } finally {
      await demo.setFaults('generic', { latencyMs: 0 });
    }
  });

  it('keeps a selection across page turns', async () => {
    await demo.page.goto(`${demo.demo.url}/#/orders`);
    const first = table()
      .getByRole('checkbox', { name: /^Select SO-/ })
      .first();
    await first.check();
    const name = await first.getAttribute('aria-label');
    await demo.page.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => shown().textContent()).toMatch(/^Page 2/);
    await table()
      .getByRole('checkbox', { name: /^Select SO-/ })
      .nth(1)
      .check();
    await expect
      .poll(() => demo.page.getByRole('status').filter({ hasText: 'selected' }).textContent())
      .toBe('2 orders selected, 1 on this page');
    await demo.page.getByRole('button', { name: 'Previous page' }).click();
    await expect.poll(() => shown().textContent()).toMatch(/^Page 1/);
    expect(await table().getByRole('checkbox', { name: name! }).isChecked()).toBe(true);
    const clear = demo.page.getByRole('button', { name: 'Clear selection' });
    await clear.focus();
    await demo.page.keyboard.press('Enter');
    await expect
      .poll(() => demo.page.getByRole('status').filter({ hasText: 'selected' }).textContent())
      .toBe('0 orders selected');
    expect(await table().getByRole('checkbox', { name: name! }).isChecked()).toBe(false);
    expect(await clear.evaluate((b) => b === document.activeElement)).toBe(true);
  });
});

describe('the load-more trigger', () => {
  it('loads one page per trigger: none more on mount, one per scroll to the end', async () => {
    await demo.page.goto(`${demo.demo.url}/#/classes`);
    const region = demo.page.getByRole('feed', { name: 'School classes' });
    await region.getByRole('article').first().waitFor();
    await demo.page.waitForTimeout(800);
    const classes = () => demo.log('dingtalk', '/classes');
    expect(classes()).toHaveLength(1);
    for (let n = 2; n <= 4; n++) {
      await region.evaluate((el) => {
        el.scrollTop = el.scrollHeight;
      });
      await expect.poll(() => classes().length).toBe(n);
      await demo.page.waitForTimeout(600);
      expect(classes()).toHaveLength(n);
    }
  });
});
