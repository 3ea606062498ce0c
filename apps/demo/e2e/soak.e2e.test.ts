import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemo } from './demo-browser.js';

// Short in the test command; `pnpm soak` sets SOAK_SIZE=10000 for every vendor.
const FULL = Number(process.env.SOAK_SIZE ?? 0);
const SIZES = FULL
  ? { classes: FULL, events: 230, users: FULL, parts: FULL, reservations: FULL }
  : { classes: 2000, events: 230, users: 2000, parts: 600, reservations: 10_000 };
const pages = (n: number, size: number) => Math.ceil(n / size) + 5;
const FAULTS = {
  serverErrorRate: 0.1,
  rateLimitRate: 0.02,
  retryAfterSeconds: 0,
  jitterMs: 30,
  seed: 3,
};

let demo: Awaited<ReturnType<typeof openDemo>>;
beforeAll(async () => {
  demo = await openDemo({
    dingtalk: { sizes: { classes: SIZES.classes, events: SIZES.events, adjustments: 95 } },
    lineworks: { sizes: { users: SIZES.users } },
    dashly: { sizes: { parts: SIZES.parts } },
    mews: { sizes: { reservations: SIZES.reservations } },
  });
  for (const vendor of ['dingtalk', 'lineworks', 'dashly', 'mews']) {
    const tokens =
      vendor === 'dingtalk' || vendor === 'lineworks' ? { tokenExpiresAfterRequests: 7 } : {};
    const answer = await fetch(`${demo.demo.url}/api/_faults/${vendor}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...FAULTS, ...tokens }),
    });
    expect(answer.status).toBe(200);
  }
});
afterAll(() => demo?.close());

const faultsMet = (vendor: 'dingtalk' | 'lineworks' | 'dashly' | 'mews') =>
  demo.demo.sims[vendor].log.entries.filter((e) => e.fault).length;

/** The hooks in Chromium while every simulator injects 10 % 5xx, 2 % 429 (Retry-After 0), token expiry every 7 requests (DingTalk, LINE WORKS) and jitter. */
describe('the hooks in Chromium under faults (soak)', { timeout: FULL ? 900_000 : 120_000 }, () => {
  it(`DingTalk: scrolls ${SIZES.classes} classes to the end, every item once, no error shown`, async () => {
    await demo.open('classes');
    const region = demo.page.getByRole('feed', { name: 'School classes' });
    const list = demo.page.locator('[data-list="School classes"]');
    for (
      let i = 0;
      i < pages(SIZES.classes, 100) * 8 && !(await list.getByText(/end of data/).count());
      i++
    ) {
      await region.evaluate((el) => {
        el.scrollTop = el.scrollHeight;
      });
      await demo.page.waitForTimeout(40);
    }
    await expect.poll(() => list.getByText(/end of data/).count()).toBe(1);
    // The list keeps a maxPages window on screen; the simulator's log shows every page arrived once.
    const pagesOk = demo.log('dingtalk', '/classes').filter((e) => e.status === 200);
    expect(pagesOk.reduce((n, e) => n + (e.itemCount ?? 0), 0)).toBe(SIZES.classes);
    expect(new Set(pagesOk.map((e) => e.cursorIn ?? 'first')).size).toBe(pagesOk.length);
    expect(await demo.page.getByRole('alert').count()).toBe(0);
    expect(faultsMet('dingtalk')).toBeGreaterThan(0);
    expect(demo.log('dingtalk', '/accessToken').length).toBeGreaterThanOrEqual(2); // refreshed
  });

  it(`LINE WORKS: pages the cursor table through ${SIZES.users} users, every user once, no error shown`, async () => {
    await demo.open('users');
    const table = demo.page.getByRole('table', { name: 'Users' });
    await table.getByRole('row').nth(1).waitFor();
    await demo.page.getByLabel('Rows per page').selectOption('100');
    const emails = new Set<string>();
    for (let page = 1; page <= pages(SIZES.users, 100); page++) {
      await demo.page.getByText(new RegExp(`^Showing page ${page} of`)).waitFor();
      await expect.poll(() => table.getAttribute('aria-busy')).toBe('false');
      for (const cell of await table.getByRole('row').locator('td:nth-child(2)').allTextContents())
        emails.add(cell);
      const next = demo.page.getByRole('button', { name: 'Next page' });
      await expect
        .poll(
          async () =>
            (await next.isEnabled()) ||
            (await demo.page.getByText(/^Showing page \d+ of \d+( · [\d,]+ rows)?$/).count()) > 0,
        )
        .toBe(true);
      if (!(await next.isEnabled())) break;
      await next.click();
    }
    expect(emails.size).toBe(SIZES.users);
    expect(await demo.page.getByRole('alert').count()).toBe(0);
    expect(faultsMet('lineworks')).toBeGreaterThan(0);
  });

  it(`Dashly: loads all ${SIZES.parts} older messages, every message once, no error shown`, async () => {
    await demo.open('chat');
    await demo.page.getByText('20 messages').waitFor();
    const older = demo.page.getByRole('button', { name: 'Load older' });
    const start = demo.page.getByRole('button', { name: 'Start of conversation' });
    for (let i = 0; i < pages(SIZES.parts, 20) * 8 && !(await start.count()); i++) {
      // While a page loads the button reads "Loading older…"; click only when it offers more.
      if ((await older.count()) && (await older.isEnabled())) await older.click();
      await demo.page.waitForTimeout(40);
    }
    await demo.page.getByRole('button', { name: 'Start of conversation' }).waitFor();
    // The chat is virtualized: its count and the feed's set size say every message is held once
    // (items are de-duplicated by key; new messages the live edge brought are counted too).
    const held = Number(
      (await demo.page.locator('[data-chat-info]').textContent())?.match(/\d+/)?.[0],
    );
    expect(held).toBeGreaterThanOrEqual(SIZES.parts);
    const setSize = await demo.page.getByRole('article').first().getAttribute('aria-setsize');
    expect(Number(setSize)).toBe(held);
    expect(await demo.page.getByRole('alert').count()).toBe(0);
    expect(faultsMet('dashly')).toBeGreaterThan(0);
  });

  it(`Mews: scrolls the virtual list through ${SIZES.reservations} reservations to the end, no error shown`, async () => {
    await demo.open('reservations');
    const region = demo.page.getByRole('feed', { name: 'Reservations' });
    const loadedAll = new RegExp(`^${SIZES.reservations.toLocaleString('en')} of 100,000 loaded`);
    await region.getByText(/#/).first().waitFor();
    for (
      let i = 0;
      i < 300 && !(await demo.page.getByText(/^10,000 of 100,000 loaded/).count());
      i++
    ) {
      await region.evaluate((el) => {
        el.scrollTop = el.scrollHeight;
      });
      await demo.page.waitForTimeout(40);
    }
    await demo.page.getByText(loadedAll).waitFor();
    const ok = demo.log('mews', '/reservations/getAll/2023-06-06').filter((e) => e.status === 200);
    expect(ok.reduce((n, e) => n + (e.itemCount ?? 0), 0)).toBe(SIZES.reservations);
    expect(new Set(ok.map((e) => e.cursorIn ?? 'first')).size).toBe(ok.length); // each page once, retries aside
    expect(await demo.page.getByRole('alert').count()).toBe(0);
    expect(faultsMet('mews')).toBeGreaterThan(0);
  });

  it('logged no errors in the browser', () => {
    expect(demo.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});
