import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  DASHLY_CREDENTIALS,
  DINGTALK_CREDENTIALS,
  LINEWORKS_CREDENTIALS,
  MEWS_CREDENTIALS,
} from '@pagewise/simulators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, messageFarBack, openDemo } from './demo-browser.js';

let demo: Awaited<ReturnType<typeof openDemo>>;
beforeAll(async () => {
  demo = await openDemo();
});
afterAll(() => demo?.close());

/** Scrolls a list's feed to the bottom until the list says it reached the end. */
async function scrollToEnd(label: string) {
  const region = demo.page.getByRole('feed', { name: label });
  const list = demo.page.locator(`[data-list="${label}"]`);
  for (let i = 0; i < 200; i++) {
    if (await list.getByText(/end of data/).count()) return;
    await region.evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await demo.page.waitForTimeout(60);
  }
  throw new Error(`${label} never reached its end`);
}

const expectEachPageOnce = (entries: Array<{ cursorIn?: string | null; status: number }>) => {
  const ok = entries.filter((e) => e.status === 200);
  expect(new Set(ok.map((e) => e.cursorIn ?? 'first')).size).toBe(ok.length);
  expect(ok.length).toBe(entries.length);
};

describe('the demo in Chromium', () => {
  it('scrolls DingTalk classes and events to the end, each page fetched exactly once', async () => {
    await demo.open('classes');
    await scrollToEnd('School classes');
    await scrollToEnd('Calendar events');
    const classes = demo.log('dingtalk', '/classes');
    const events = demo.log('dingtalk', '/events');
    expect(classes.reduce((n, e) => n + (e.itemCount ?? 0), 0)).toBe(450);
    expect(events.reduce((n, e) => n + (e.itemCount ?? 0), 0)).toBe(230);
    expectEachPageOnce(classes);
    expectEachPageOnce(events);
    expect(classes.at(-1)!.cursorOut).toBeNull();
  });

  it('scrolls the 5,000 Mews reservations of the virtual list to the end, each page once', async () => {
    await demo.open('reservations');
    const region = demo.page.getByRole('feed', { name: 'Reservations' });
    await region.getByText(/#/).first().waitFor();
    for (
      let i = 0;
      i < 100 && !(await demo.page.getByText(/^5,000 of 100,000 loaded/).count());
      i++
    ) {
      await region.evaluate((el) => {
        el.scrollTop = el.scrollHeight;
      });
      await demo.page.waitForTimeout(80);
    }
    await demo.page.getByText(/^5,000 of 100,000 loaded/).waitFor();
    // The fifth page was full and carried a Cursor (Mews does so on the last page too): one more,
    // empty, page says the end, and then the list stops asking.
    await region.evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await expect.poll(() => demo.log('mews', '/reservations/getAll/2023-06-06').length).toBe(6);
    await demo.page.waitForTimeout(300);
    const pages = demo.log('mews', '/reservations/getAll/2023-06-06');
    expectEachPageOnce(pages);
    expect(pages.map((e) => e.itemCount)).toEqual([1000, 1000, 1000, 1000, 1000, 0]);
    expect(await region.locator('[data-row]').count()).toBeLessThan(60);
  });

  it('pages the DingTalk table forward, back and by page number', async () => {
    await demo.open('adjustments');
    const rows = demo.page.getByRole('table', { name: 'Attendance adjustments' }).getByRole('row');
    await expect.poll(() => rows.count()).toBe(21);
    await demo.page.getByRole('button', { name: 'Next page' }).click();
    await demo.page.getByText(/Page 2 of 5/).waitFor();
    await demo.page.getByRole('button', { name: 'Page 5' }).click();
    await demo.page.getByText(/Page 5 of 5/).waitFor();
    await expect.poll(() => rows.count()).toBe(16);
    expect(await demo.page.getByRole('button', { name: 'Next page' }).isDisabled()).toBe(true);
    await demo.page.getByRole('button', { name: 'Previous page' }).click();
    await demo.page.getByText(/Page 4 of 5/).waitFor();
    expect(demo.page.url()).toContain('page=4');
    const pageNumbers = demo.log('dingtalk', '/adjustments').map((e) => e.params.pageNumber);
    expect(new Set(pageNumbers).size).toBe(pageNumbers.length);
  });

  it('pages the LINE WORKS cursor table forward and back, reusing cursors', async () => {
    await demo.open('users');
    await demo.page.getByText(/^Showing page 1 of many/).waitFor();
    await demo.page.getByRole('button', { name: 'Next page' }).click();
    await demo.page.getByText(/^Showing page 2 of/).waitFor();
    await demo.page.getByRole('button', { name: 'Page 1' }).click();
    await demo.page.getByText(/^Showing page 1 of/).waitFor();
    const before = demo.log('lineworks', '/users').length;
    await demo.page.getByRole('button', { name: 'Page 2' }).click();
    await demo.page.getByText(/^Showing page 2 of/).waitFor();
    expect(demo.log('lineworks', '/users').length).toBe(before); // back and forth from the cache
    expectEachPageOnce(demo.log('lineworks', '/users'));
    // The page and its cursor are in the URL: a reload opens page 3 in one request from there.
    await demo.page.getByRole('button', { name: 'Next page' }).click();
    await demo.page.getByText(/^Showing page 3 of/).waitFor();
    const url = new URL(demo.page.url());
    expect(url.searchParams.get('page')).toBe('3');
    // Written with the page size it was handed out at.
    const cursor = url.searchParams.get('cursor');
    expect(cursor).toBeTruthy();
    expect(url.searchParams.get('cursorSize')).toBe('50');
    const reloaded = demo.log('lineworks', '/users').length;
    await demo.page.reload();
    await demo.page.getByText(/^Showing page 3 of/).waitFor();
    expect(demo.log('lineworks', '/users')[reloaded]!.cursorIn).toBe(cursor);
  });

  it('jumps to a Dashly message far back, then loads newer messages', async () => {
    const target = await messageFarBack(demo);
    await demo.page.getByLabel('Jump to message id').fill(target);
    await demo.page.getByRole('button', { name: 'Jump' }).click();
    await demo.page.locator(`[data-id="${target}"]`).waitFor();
    const around = demo.log('dashly').filter((e) => e.params.paginate_direction === 'around');
    expect(around.at(-1)!.cursorIn).toBe(`[${target}]`);
    // Newer messages load below the message (by the button, or by the view being near them).
    const held = async () =>
      Number((await demo.page.locator('[data-chat-info]').textContent())?.match(/\d+/)?.[0]);
    const newer = demo.page.getByRole('button', { name: 'Load newer' });
    if ((await newer.count()) && (await newer.getAttribute('aria-disabled')) === 'false')
      await newer.click();
    await expect.poll(held).toBeGreaterThan(20);
    const afterAround = demo.log('dashly').slice(demo.log('dashly').indexOf(around.at(-1)!) + 1);
    expect(afterAround.some((e) => e.params.paginate_direction === 'after')).toBe(true);
    // The jumped-to message is still there.
    expect(await demo.page.locator(`[data-id="${target}"]`).count()).toBe(1);
  });

  it('keeps a live chat: new messages appear at the bottom — followed there, the view kept when scrolled up — with one small request per refresh and no older page fetched again', async () => {
    await demo.open('adjustments');
    await demo.page.reload();
    const earlier = demo.log('dashly', '/parts').length;
    await demo.open('chat');
    await demo.page.getByText('20 messages').waitFor();
    const held = async () =>
      Number((await demo.page.locator('[data-chat-info]').textContent())?.match(/\d+/)?.[0]);
    const feed = demo.page.getByRole('feed', { name: 'Conversation' });
    const fromBottom = () =>
      feed.evaluate((el) => {
        const box = el.parentElement!;
        return box.scrollHeight - box.scrollTop - box.clientHeight;
      });
    await expect.poll(fromBottom).toBeLessThanOrEqual(2);
    const arrive = demo.page.getByRole('button', { name: 'A new message arrives' });
    // At the bottom: the new message shows and the view follows it.
    let count = await held();
    await arrive.click();
    await expect.poll(held, { timeout: 8000 }).toBe(count + 1);
    await expect.poll(fromBottom).toBeLessThanOrEqual(2);
    // Scrolled up: the new message is counted, the message in view does not move.
    await feed.evaluate((el) => {
      el.parentElement!.scrollTop -= 200;
    });
    await demo.page.waitForTimeout(300);
    const anchor = await feed.evaluate((el) => {
      const box = el.parentElement!.getBoundingClientRect();
      const row = [...el.querySelectorAll<HTMLElement>('[role="article"]')].find(
        (a) => a.getBoundingClientRect().top >= box.top,
      )!;
      return { id: row.dataset.id!, top: row.getBoundingClientRect().top };
    });
    count = await held();
    await arrive.click();
    await expect.poll(held, { timeout: 8000 }).toBe(count + 1);
    const top = await feed
      .locator(`[data-id="${anchor.id}"]`)
      .evaluate((el) => el.getBoundingClientRect().top);
    expect(Math.abs(top - anchor.top)).toBeLessThanOrEqual(1);
    expect(await fromBottom()).toBeGreaterThan(100);
    // The server's view: refreshes ask for what is newer than the newest message (Dashly `after`
    // its position) and bring at most the one new message; no older page is asked for twice.
    const parts = demo.log('dashly', '/parts').slice(earlier);
    const refreshes = parts.filter((e) => e.params.paginate_direction === 'after');
    expect(refreshes.length).toBeGreaterThanOrEqual(2);
    for (const r of refreshes) expect(r.itemCount).toBeLessThanOrEqual(1);
    const older = parts.filter((e) => e.params.paginate_direction === 'before');
    expect(new Set(older.map((e) => e.cursorIn ?? 'first')).size).toBe(older.length);
  });

  it('estimates the size of the Mews table of a week, offers the estimated pages as such, and gives way to the truth', async () => {
    await demo.open('week-reservations');
    const info = demo.page.locator('[data-page-info]');
    await expect.poll(() => info.textContent()).toMatch(/^Showing page 1 of about \d+/);
    const about = Number(/of about (\d+)/.exec((await info.textContent()) ?? '')?.[1]);
    const nav = demo.page.getByRole('navigation', {
      name: /Reservations created in the last week/,
    });
    await nav.getByRole('button', { name: `Page ${about}, estimated` }).waitFor();
    expect(await nav.getByRole('button', { name: 'Last page' }).isDisabled()).toBe(true);
    // 5,000 reservations, one every minute or so, reach back about three and a half days of the
    // week: the estimate is high until the table reads on, and the truth replaces it at the end —
    // the page count and the rows, counted.
    for (let i = 0; i < 80 && !(await info.textContent())?.match(/of \d+( · [\d,]+ rows)?$/); i++) {
      const next = nav.getByRole('button', { name: 'Next page' });
      if (await next.isEnabled()) await next.click();
      await demo.page.waitForTimeout(40);
    }
    await expect
      .poll(() => info.textContent())
      .toMatch(/^Showing page (49|50) of 50 · 5,000 rows$/);
  });

  it.each(['adjustments', 'classes', 'users', 'chat', 'reservations', 'week-reservations'])(
    'has no accessibility violations on %s (axe-core)',
    async (route) => {
      await demo.open(route);
      await demo.page.waitForTimeout(800);
      expect(await axeViolations(demo.page)).toEqual([]);
    },
  );

  it('logged no errors in the browser', () => {
    expect(demo.errors).toEqual([]);
  });
});

describe('the built demo', () => {
  it('ships no vendor secret in its browser assets', () => {
    const dist = new URL('../dist', import.meta.url).pathname;
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else files.push(path);
      }
    };
    walk(dist);
    expect(files.some((f) => f.endsWith('.js'))).toBe(true);
    const secrets = [
      DINGTALK_CREDENTIALS.appSecret,
      DINGTALK_CREDENTIALS.appKey,
      LINEWORKS_CREDENTIALS.clientSecret,
      DASHLY_CREDENTIALS.authToken,
      MEWS_CREDENTIALS.clientToken,
      MEWS_CREDENTIALS.accessToken,
    ];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const secret of secrets)
        expect(text.includes(secret), `${secret} in ${file}`).toBe(false);
    }
  });
});
