import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemo } from './demo-browser.js';

/** The LINE WORKS users table far from its end: 3,000 users, 50 a page, the count unknown. */
let demo: Awaited<ReturnType<typeof openDemo>>;
beforeAll(async () => {
  demo = await openDemo({ lineworks: { sizes: { users: 3000 } } });
});
afterAll(() => demo?.close());

const info = () => demo.page.locator('[data-page-info]');

describe('a cursor table whose count is unknown', () => {
  it('walked to page 8 and back to page 1, still offers page 8, and more after it', async () => {
    await demo.open('users');
    await expect.poll(() => info().textContent()).toMatch(/^Showing page 1 of many/);
    const next = demo.page.getByRole('button', { name: 'Next page' });
    for (let page = 2; page <= 8; page++) {
      await next.click();
      await expect.poll(() => info().textContent()).toMatch(`Showing page ${page} of many`);
    }
    await demo.page.getByRole('button', { name: 'First page' }).click();
    await expect.poll(() => info().textContent()).toMatch(/^Showing page 1 of many/);
    const pager = demo.page.locator('[data-page-range]').first();
    const row = await pager.evaluate((nav) =>
      [...nav.querySelectorAll('button[aria-label^="Page"], [role="separator"]')].map(
        (el) => el.getAttribute('aria-label') ?? '',
      ),
    );
    expect(row).toEqual([
      'Page 1',
      'Page 2',
      'Page 3',
      'Page 4',
      'Page 5',
      'Pages 6 to 7 not shown',
      'Page 8',
      'More pages after page 8',
    ]);
    // Its cursor is known: page 8 is one press away, from the cache.
    const before = demo.log('lineworks', '/users').length;
    await demo.page.getByRole('button', { name: 'Page 8', exact: true }).click();
    await expect.poll(() => info().textContent()).toMatch(/^Showing page 8 of many/);
    expect(demo.log('lineworks', '/users').length).toBe(before);
  });

  it('a link to page 5 without its cursor says it walks there, then shows it', async () => {
    await demo.setFaults('lineworks', { latencyMs: 300 });
    try {
      await demo.page.goto(`${demo.demo.url}/?page=5#/users`);
      await expect
        .poll(() => info().textContent())
        .toMatch(/^Walking to page 5 from the first page…/);
      await expect
        .poll(() => info().textContent(), { timeout: 15_000 })
        .toMatch(/^Showing page 5 of many/);
      // The URL gets page 5's cursor, with the size it was handed out at.
      const url = new URL(demo.page.url());
      expect(url.searchParams.get('cursor')).toBeTruthy();
      expect(url.searchParams.get('cursorSize')).toBe('50');
    } finally {
      await demo.setFaults('lineworks', { latencyMs: 0 });
    }
  });

  it('a link to page 50, past a walk, opens page 11 and says page 50 could not be opened, and why', async () => {
    await demo.page.goto(`${demo.demo.url}/?page=50#/users`);
    await expect
      .poll(() => info().textContent(), { timeout: 15_000 })
      .toMatch(/^Showing page 11 of many/);
    const note = demo.page.locator('[data-not-opened]');
    await expect
      .poll(() => note.textContent())
      .toBe(
        'Page 50 could not be opened (page 50 is too far ahead to open at once: open a page nearer to it first): page 11 is shown instead.',
      );
    // The status region says it too, with the page opened in its place.
    await expect
      .poll(() => demo.page.getByRole('status').first().textContent())
      .toMatch(/^Page 50 could not be opened \(.*\)\. Page 11 loaded, 50 rows$/);
    // The user moves on: the note goes.
    await demo.page.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => info().textContent()).toMatch(/^Showing page 12 of many/);
    expect(await note.count()).toBe(0);
  });
});
