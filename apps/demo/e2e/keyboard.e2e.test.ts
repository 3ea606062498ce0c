import type { Locator } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemo } from './demo-browser.js';

/**
 * Keyboard-only walks of the demo's table, lists and chat in Chromium: where focus is after each
 * key (never on <body>), and what the status regions say after each landed change (once, after
 * it landed).
 */
let demo: Awaited<ReturnType<typeof openDemo>>;
beforeAll(async () => {
  demo = await openDemo({
    dingtalk: { sizes: { adjustments: 95, classes: 250, events: 230 } },
    dashly: { sizes: { parts: 300 } },
    mews: { sizes: { reservations: 5000 } },
  });
  // Every text each status region shows, in order, recorded in the page.
  await demo.page.addInitScript(() => {
    const said: string[] = [];
    (window as unknown as { said: string[] }).said = said;
    new MutationObserver((records) => {
      for (const r of records) {
        const region = (r.target instanceof Element ? r.target : r.target.parentElement)?.closest(
          '[role="status"]',
        );
        const text = region?.textContent ?? '';
        if (region && text && said[said.length - 1] !== text) said.push(text);
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
});
afterAll(() => demo?.close());

const said = () => demo.page.evaluate(() => (window as unknown as { said: string[] }).said);
const clearSaid = () =>
  demo.page.evaluate(() => {
    (window as unknown as { said: string[] }).said.length = 0;
  });
const isFocused = (l: Locator) => l.evaluate((el) => el === document.activeElement);
const onBody = () => demo.page.evaluate(() => document.activeElement === document.body);

async function tabTo(target: Locator, key = 'Tab') {
  for (let i = 0; i < 80 && !(await isFocused(target)); i++) await demo.page.keyboard.press(key);
  expect(await isFocused(target)).toBe(true);
}
async function expectFocus(target: Locator) {
  await expect.poll(() => isFocused(target)).toBe(true);
  expect(await onBody()).toBe(false);
}

describe('keyboard only', () => {
  it('a skip link goes to the page; another page opened by its link takes focus to its heading', async () => {
    await demo.page.goto(`${demo.demo.url}/#/orders`);
    await demo.page.reload();
    await demo.page.getByRole('main').getByRole('table').first().waitFor();
    await demo.page.keyboard.press('Tab');
    const skip = demo.page.getByRole('link', { name: 'Skip to Orders admin' });
    await expectFocus(skip);
    await demo.page.keyboard.press('Enter');
    await expectFocus(demo.page.getByRole('heading', { name: 'Orders admin', level: 2 }));
    expect(new URL(demo.page.url()).hash).toBe('#/orders');
    const link = demo.page.getByRole('link', { name: 'DingTalk attendance adjustments' });
    await tabTo(link, 'Shift+Tab');
    await demo.page.keyboard.press('Enter');
    await expectFocus(
      demo.page.getByRole('heading', { name: 'DingTalk attendance adjustments', level: 2 }),
    );
  });

  it('pages the DingTalk table: each page said once its rows landed, focus kept in the page row', async () => {
    await demo.page.goto(`${demo.demo.url}/#/adjustments`);
    await demo.page.reload();
    const status = demo.page.getByRole('main').getByRole('status');
    await demo.page.getByRole('table').getByRole('row').nth(20).waitFor();
    expect(await status.textContent()).toBe('');
    await clearSaid();
    const next = demo.page.getByRole('button', { name: 'Next page' });
    await tabTo(next);
    await demo.page.keyboard.press('Enter');
    await expect.poll(() => status.textContent()).toBe('Page 2 of 5 loaded, 20 rows');
    await expectFocus(next);
    // End: the last page; Next and Last become disabled and focus moves to the page requested.
    await demo.page.keyboard.press('End');
    await expect.poll(() => status.textContent()).toBe('Page 5 of 5 loaded, 15 rows');
    await expectFocus(demo.page.getByRole('button', { name: 'Page 5' }));
    expect(await next.isDisabled()).toBe(true);
    expect(await demo.page.getByRole('button', { name: 'Last page' }).getAttribute('title')).toBe(
      'this is the last page',
    );
    // A disabled control is still reached by Tab (aria-disabled), says why beside the row, and
    // a press does nothing.
    await tabTo(next);
    expect(await next.getAttribute('aria-disabled')).toBe('true');
    await demo.page.getByText('this is the last page', { exact: true }).waitFor();
    await demo.page.keyboard.press('Enter');
    await expectFocus(next);
    await demo.page.keyboard.press('Home');
    await expect.poll(() => status.textContent()).toBe('Page 1 of 5 loaded, 20 rows');
    await expectFocus(demo.page.getByRole('button', { name: 'Page 1' }));
    expect(await said()).toEqual([
      'Page 2 of 5 loaded, 20 rows',
      'Page 5 of 5 loaded, 15 rows',
      'Page 1 of 5 loaded, 20 rows',
    ]);
  });

  it('reads the classes feed: Page Down between articles, Ctrl+End to Load more, Enter keeps focus and each page is said once', async () => {
    await demo.open('classes');
    const feed = demo.page.getByRole('feed', { name: 'School classes' });
    const articles = feed.getByRole('article');
    await articles.nth(99).waitFor();
    await clearSaid();
    await tabTo(articles.first());
    expect(await articles.first().getAttribute('aria-posinset')).toBe('1');
    expect(await articles.first().getAttribute('aria-setsize')).toBe('-1');
    await demo.page.keyboard.press('PageDown');
    await demo.page.keyboard.press('PageDown');
    await expectFocus(articles.nth(2));
    await demo.page.keyboard.press('Control+End');
    const more = demo.page.locator('[data-list="School classes"]').getByRole('button', {
      name: /Load more|Loading more|No more/,
    });
    await expectFocus(more);
    const status = demo.page.locator('[data-list="School classes"]').getByRole('status');
    for (const [n, total] of [
      [100, 200],
      [50, 250],
    ] as const) {
      await expect.poll(() => more.textContent()).toBe('Load more');
      await demo.page.keyboard.press('Enter');
      await expect
        .poll(() => status.textContent())
        .toMatch(new RegExp(`^${n} more items, ${total} in all`));
      await expectFocus(more);
    }
    await expect.poll(() => status.textContent()).toBe('50 more items, 250 in all. End of list');
    expect(await more.textContent()).toBe('No more');
    expect(await more.getAttribute('aria-disabled')).toBe('true');
    expect(await articles.first().getAttribute('aria-setsize')).toBe('250');
    expect(await said()).toEqual([
      '100 more items, 200 in all',
      '50 more items, 250 in all. End of list',
    ]);
    expect(await onBody()).toBe(false);
  });

  it('loads older chat messages and jumps to one: focus on the message, no live region over the history', async () => {
    await demo.open('chat');
    await demo.page.getByText('20 messages').waitFor();
    expect(await demo.page.locator('[role="log"], [aria-live]').count()).toBe(0);
    const feed = demo.page.getByRole('feed', { name: 'Conversation' });
    const articles = feed.getByRole('article');
    await clearSaid();
    const older = demo.page.getByRole('button', { name: 'Load older' });
    await tabTo(older);
    await demo.page.keyboard.press('Enter');
    await demo.page.getByText('40 messages').waitFor();
    // Focus is on the newest of the older messages (20th from the top), in view.
    const newestOlder = feed.locator('[aria-posinset="20"]');
    await expectFocus(newestOlder);
    expect(await newestOlder.isVisible()).toBe(true);
    await expect.poll(() => said()).toEqual(['20 older messages']);
    const target = await articles.first().getAttribute('data-id');
    // Jump: Ctrl+Home leaves the feed (to Load older), Shift+Tab back to the field, the id, Enter.
    await demo.page.keyboard.press('Control+Home');
    await expectFocus(older);
    const field = demo.page.getByLabel('Jump to message id');
    await tabTo(field, 'Shift+Tab');
    await demo.page.keyboard.type(target!);
    await demo.page.keyboard.press('Enter');
    await expectFocus(feed.locator(`[data-id="${target}"]`));
    expect(await onBody()).toBe(false);
  });

  it('the virtual list says each landed page once, never what scrolling does', async () => {
    await demo.open('reservations');
    const feed = demo.page.getByRole('feed', { name: 'Reservations' });
    await feed.getByRole('article').first().waitFor();
    await clearSaid();
    await tabTo(feed.getByRole('article').first());
    for (let i = 0; i < 30; i++) await demo.page.keyboard.press('PageDown');
    expect(await onBody()).toBe(false);
    for (let i = 0; i < 40 && !(await demo.page.getByText(/^3,000 of/).count()); i++) {
      await feed.evaluate((el) => {
        el.scrollTop = el.scrollHeight;
      });
      await demo.page.waitForTimeout(80);
    }
    await demo.page.getByText(/^3,000 of/).waitFor();
    const texts = await said();
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text).toMatch(/^1,000 more rows, [\d,]+ loaded$/);
    expect(texts.join(' ')).not.toMatch(/in the DOM/);
    expect(new Set(texts).size).toBe(texts.length);
  });
});
