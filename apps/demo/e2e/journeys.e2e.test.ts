import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageFarBack, openDemo } from './demo-browser.js';

/**
 * What a new user found trying the demo: moving between pages, recovering from faults by
 * keyboard, reading a list longer than its window, jumping in a chat. Each through the UI.
 */
let demo: Awaited<ReturnType<typeof openDemo>>;
beforeAll(async () => {
  demo = await openDemo({
    generic: { orders: 600 },
    dingtalk: { sizes: { adjustments: 95, classes: 450, events: 1200 } },
    dashly: { sizes: { parts: 300 } },
  });
});
afterAll(() => demo?.close());

const url = () => demo.page.evaluate(() => location.search + location.hash);
const pageInfo = () => demo.page.locator('main [data-page-info]');
const focused = () =>
  demo.page.evaluate(() => {
    const e = document.activeElement;
    return e
      ? `${e.tagName.toLowerCase()}${e.getAttribute('role') ? `[${e.getAttribute('role')}]` : ''}`
      : '';
  });

describe('moving between the demo pages', () => {
  it("one table's page never opens another: each page keeps its own URL state, Back restores it", async () => {
    await demo.open('adjustments');
    await demo.page.locator('main nav button[aria-label="Page 5"]').click();
    await expect.poll(url).toBe('?page=5#/adjustments');
    await demo.page.getByRole('link', { name: 'Orders admin' }).click();
    await expect.poll(url).toBe('#/orders');
    await expect.poll(() => pageInfo().textContent()).toMatch(/^Page 1 of/);
    await demo.page.getByLabel('Status').selectOption('paid');
    await expect.poll(url).toBe('?status=paid#/orders');
    // The adjustments link carries the adjustments' own state back, not the orders' filter.
    await demo.page.getByRole('link', { name: 'DingTalk attendance adjustments' }).click();
    await expect.poll(url).toBe('?page=5#/adjustments');
    await expect.poll(() => pageInfo().textContent()).toMatch(/page 5 of 5/);
    await demo.page.goBack();
    await expect.poll(url).toBe('?status=paid#/orders');
    expect(await demo.page.getByLabel('Status').inputValue()).toBe('paid');
  });

  it('state written after the hash (#/adjustments?page=7&size=10) is read: it moves before it, replacing what was there', async () => {
    await demo.page.goto(`${demo.demo.url}/?status=paid#/adjustments?page=7&size=10`);
    await expect.poll(url).toBe('?page=7&size=10#/adjustments');
    await expect.poll(() => pageInfo().textContent()).toMatch(/page 7 of 10/);
  });
});

describe('recovering from faults by keyboard', () => {
  it('a filter change that fails shows the error, never rows of the old filter; Retry takes focus to the table', async () => {
    await demo.page.goto(`${demo.demo.url}/?page=3#/orders`);
    await expect.poll(() => pageInfo().textContent()).toMatch(/^Page 3 of/);
    await demo.setFaults('generic', { rateLimitRate: 1, retryAfterSeconds: 0 });
    try {
      await demo.page.getByLabel('Status').selectOption('shipped');
      const orders = demo.page.getByRole('region', { name: 'Orders' });
      await expect
        .poll(() => orders.getByRole('alert').textContent(), { timeout: 20_000 })
        .toMatch(/RATE_LIMITED/);
      const statuses = await orders.locator('tbody td:nth-child(4)').allTextContents();
      expect(statuses.filter((s) => s !== 'shipped')).toEqual([]);
    } finally {
      await demo.setFaults('generic', { rateLimitRate: 0 });
    }
    await demo.page
      .getByRole('region', { name: 'Orders' })
      .getByRole('button', { name: 'Retry' })
      .focus();
    await demo.page.keyboard.press('Enter');
    await expect.poll(focused).toBe('table');
    await expect
      .poll(() => demo.page.locator('main tbody td:nth-child(4)').allTextContents())
      .toSatisfy((s: string[]) => s.length > 0 && s.every((v) => v === 'shipped'));
  });
});

describe('a list longer than its window (maxPages 20)', () => {
  it('Load more by keyboard slides the window on; Load earlier and scrolling up bring dropped pages back', async () => {
    demo.errors.length = 0;
    await demo.open('classes');
    const list = demo.page.locator('[data-list="Calendar events"]');
    const info = list.locator('[data-list-info]');
    const first = () => list.locator('[role="article"]').first().getAttribute('aria-posinset');
    await expect.poll(() => info.textContent()).toMatch(/^50 items/);
    const more = list.getByRole('button', { name: 'Load more' });
    await more.focus();
    for (let pages = 2; pages <= 22; pages++) {
      await demo.page.keyboard.press('Enter');
      const from = Math.max(0, pages - 20) * 50 + 1;
      await expect
        .poll(() => info.textContent())
        .toMatch(
          from === 1
            ? `${(pages * 50).toLocaleString('en')} items`
            : `items ${from}–${(from + 999).toLocaleString('en')}`,
        );
      expect(await first()).toBe(String(from));
    }
    // Two pages were dropped from the top; pressing Load more never loaded them back by itself.
    await expect.poll(() => info.textContent()).toMatch(/^items 101–1,100 \(1,000 items held\)/);
    await demo.page.waitForTimeout(300);
    expect(await first()).toBe('101');

    await list.getByRole('button', { name: 'Load earlier' }).click();
    await expect.poll(first).toBe('51');

    // A reader scrolling up through the list brings the rest back when reaching the top.
    const feed = list.getByRole('feed');
    await feed.evaluate((e) => {
      e.scrollTop = 2000;
    });
    await feed.hover();
    for (let i = 0; i < 30 && (await first()) !== '1'; i++) {
      await demo.page.mouse.wheel(0, -400);
      await demo.page.waitForTimeout(50);
    }
    await expect.poll(first).toBe('1');
    await expect.poll(() => info.textContent()).toMatch(/^1,000 items · 20 pages/);
    expect(demo.errors).toEqual([]);
  });
});

describe('the chat', () => {
  it('a jump to an id that is not in the conversation says so; a jump far back to a real one does not', async () => {
    const far = await messageFarBack(demo);
    await demo.page.locator('[data-chat-info]').waitFor();
    const jump = async (id: string) => {
      await demo.page.getByLabel('Jump to message id').fill(id);
      await demo.page.getByRole('button', { name: 'Jump' }).click();
    };
    const said = () => demo.page.getByRole('alert').allTextContents();
    await jump('abc');
    await expect.poll(said).toContain('No message #abc in this conversation.');
    await jump(far);
    await expect
      .poll(() => demo.page.evaluate(() => document.activeElement?.getAttribute('data-id')))
      .toBe(far);
    expect((await said()).join()).not.toMatch(/No message/);
  });
});

describe('the fault panel', () => {
  it('a field can be emptied to type a new number; left empty, it means no such fault', async () => {
    await demo.open('adjustments');
    const field = demo.page.getByLabel('Retry-After (s)');
    const saved = () =>
      fetch(`${demo.demo.url}/api/_faults/dingtalk`)
        .then((r) => r.json())
        .then((f: { retryAfterSeconds: number }) => f.retryAfterSeconds);
    await field.fill('');
    expect(await field.inputValue()).toBe('');
    await field.pressSequentially('5');
    // Sent once typing pauses.
    await expect.poll(saved, { timeout: 5000 }).toBe(5);
    await field.fill('');
    await field.blur();
    await expect.poll(saved).toBe(1);
    await expect.poll(() => field.inputValue()).toBe('1');
    expect(await demo.page.getByText(/not applied/).count()).toBe(0);
  });
});
