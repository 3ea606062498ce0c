import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, messageFarBack, openDemo } from './demo-browser.js';

/**
 * The demo's controls as a person uses them — typing into the fault panel, a narrow window, a
 * stale link, the chat's way back to the newest message, Home in a long list, Retry with
 * nothing loaded yet — each once found broken by trying the demo by hand.
 */
let demo: Awaited<ReturnType<typeof openDemo>>;
beforeAll(async () => {
  demo = await openDemo();
});
afterAll(() => demo?.close());

const faults = (vendor: string) =>
  fetch(`${demo.demo.url}/api/_faults/${vendor}`).then(
    (r) => r.json() as Promise<Record<string, number | null>>,
  );
const said = () => demo.page.locator('#faults-said').textContent();
const focusedId = () =>
  demo.page.evaluate(() => document.activeElement?.getAttribute('data-id') ?? null);
const onBody = () => demo.page.evaluate(() => document.activeElement === document.body);

describe('the fault panel', () => {
  it('a refused value is said, applies nothing and blocks nothing: the next field still applies', async () => {
    await demo.open('adjustments');
    const latency = demo.page.getByLabel('Latency (ms)');
    await latency.fill('-100');
    await expect
      .poll(said, { timeout: 5000 })
      .toMatch(/^Latency \(ms\) -100 not applied: latencyMs must be/);
    await latency.press('Tab');
    // The field shows what the server holds again.
    await expect.poll(() => latency.inputValue()).toBe('0');
    await demo.page.getByLabel('5xx rate (0–1)').fill('0.5');
    await expect
      .poll(async () => (await faults('dingtalk')).serverErrorRate, { timeout: 5000 })
      .toBe(0.5);
    await expect.poll(said).toBe('');
    expect((await faults('dingtalk')).latencyMs).toBe(0);
    await demo.page.getByRole('button', { name: 'No faults' }).click();
    await expect.poll(async () => (await faults('dingtalk')).serverErrorRate).toBe(0);
  });

  it('a value is sent once typing pauses: "1.5" never applies its "1"', async () => {
    const applied: number[] = [];
    const watch = setInterval(async () => {
      applied.push(Number((await faults('dingtalk')).rateLimitRate));
    }, 40);
    await demo.page.getByLabel('429 rate (0–1)').pressSequentially('1.5', { delay: 120 });
    await expect.poll(said, { timeout: 5000 }).toMatch(/^429 rate \(0–1\) 1\.5 not applied/);
    clearInterval(watch);
    expect(applied.every((rate) => rate === 0)).toBe(true);
    await demo.page.getByLabel('429 rate (0–1)').press('Tab');
  });

  it('what one vendor refused is not said on another vendor’s panel', async () => {
    await demo.page.getByLabel('Jitter (ms)').fill('99999');
    await expect.poll(said, { timeout: 5000 }).toMatch(/not applied/);
    await demo.page.getByRole('link', { name: 'LINE WORKS users' }).click();
    await demo.page.getByRole('heading', { name: 'Faults (lineworks)' }).waitFor();
    expect(await said()).toBe('');
  });

  it('faults add up: a second field keeps the first; Enter sends a value the browser’s step would refuse; No faults clears them all', async () => {
    await demo.open('adjustments');
    const set = (body: object) =>
      fetch(`${demo.demo.url}/api/_faults/dingtalk`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    await set({ malformedRate: 0.5 }); // a fault the panel has no field for
    const latency = demo.page.getByLabel('Latency (ms)');
    await latency.fill('120'); // not a multiple of the field's step (50)
    await latency.press('Enter');
    await expect
      .poll(async () => (await faults('dingtalk')).latencyMs, { timeout: 5000 })
      .toBe(120);
    await demo.page.getByLabel('Insert an item every N list requests').fill('3');
    await expect
      .poll(async () => (await faults('dingtalk')).insertEvery, { timeout: 5000 })
      .toBe(3);
    const held = await faults('dingtalk');
    expect([held.latencyMs, held.malformedRate]).toEqual([120, 0.5]);
    await demo.page.getByLabel('Insert an item every N list requests').press('Tab');
    expect(await latency.inputValue()).toBe('120');
    await demo.page.getByRole('button', { name: 'No faults' }).click();
    await expect.poll(async () => (await faults('dingtalk')).malformedRate).toBe(0);
    const cleared = await faults('dingtalk');
    expect([cleared.latencyMs, cleared.insertEvery]).toEqual([0, null]);
    await expect.poll(() => latency.inputValue()).toBe('0');
  });

  it('a refused field is marked invalid and described by the reason; the others are not', async () => {
    const jitter = demo.page.getByLabel('Jitter (ms)');
    await jitter.fill('99999');
    await expect.poll(() => jitter.getAttribute('aria-invalid'), { timeout: 5000 }).toBe('true');
    expect(await jitter.getAttribute('aria-describedby')).toBe('faults-said');
    expect(await demo.page.getByLabel('Latency (ms)').getAttribute('aria-describedby')).toBe(null);
    // Left, the field shows the value the server holds: no longer invalid; the reason stays said.
    await jitter.press('Tab');
    await expect.poll(() => jitter.inputValue()).toBe('0');
    expect(await jitter.getAttribute('aria-invalid')).toBe(null);
    expect(await demo.page.locator('#faults-said').textContent()).toMatch(/not applied/);
    await jitter.fill('99999');
    await expect.poll(() => jitter.getAttribute('aria-invalid'), { timeout: 5000 }).toBe('true');
    await jitter.fill('0');
    await expect.poll(() => jitter.getAttribute('aria-invalid'), { timeout: 5000 }).toBe(null);
    await jitter.press('Tab');
  });

  it('deletes too: an item is deleted every N list requests', async () => {
    await demo.open('adjustments');
    await demo.page.getByLabel('Delete an item every N list requests').fill('1');
    await expect
      .poll(async () => (await faults('dingtalk')).deleteEvery, { timeout: 5000 })
      .toBe(1);
    await demo.page.getByRole('button', { name: 'No faults' }).click();
    await expect.poll(async () => (await faults('dingtalk')).deleteEvery).toBe(null);
  });
});

describe('the layout', () => {
  it.each([375, 1024, 1280])(
    'at %i px wide, the inspector never covers the content',
    async (width) => {
      await demo.page.setViewportSize({ width, height: 900 });
      await demo.open('orders');
      await demo.page.locator('main').getByRole('table').waitFor();
      const box = (selector: string) =>
        demo.page.locator(selector).evaluate((el) => {
          const r = el.getBoundingClientRect();
          return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width };
        });
      const main = await box('main');
      const aside = await box('aside');
      const overlap =
        main.left < aside.right &&
        aside.left < main.right &&
        main.top < aside.bottom &&
        aside.top < main.bottom;
      expect(overlap).toBe(false);
      expect(main.width).toBeGreaterThan(width >= 800 ? 500 : width - 40);
      await demo.page.setViewportSize({ width: 1400, height: 900 });
    },
  );
});

describe('the request inspector', () => {
  it.each([1400, 1920])(
    'at %i px wide, shows every column within its panel, the status too',
    async (width) => {
      await demo.page.setViewportSize({ width, height: 900 });
      try {
        for (const page of ['chat', 'adjustments', 'users'] as const) {
          await demo.open(page);
          const requests = demo.page.getByRole('region', { name: 'Requests' });
          await requests.locator('tr[data-request]').first().waitFor();
          const [panel, last] = await Promise.all([
            requests.evaluate((el) => el.getBoundingClientRect().right),
            requests
              .getByRole('columnheader', { name: 'ms', exact: true })
              .evaluate((el) => el.getBoundingClientRect().right),
          ]);
          expect(last, page).toBeLessThanOrEqual(panel);
        }
      } finally {
        await demo.page.setViewportSize({ width: 1400, height: 900 });
      }
    },
  );
});

describe('a stale link', () => {
  it('a status the API does not take is ignored, not sent (no 400): the filter shows Any', async () => {
    const before = demo.log('generic').length;
    await demo.page.goto(`${demo.demo.url}/?status=foo#/orders`);
    await demo.page.getByRole('table').getByRole('row').nth(2).waitFor();
    expect(await demo.page.getByRole('alert').count()).toBe(0);
    expect(await demo.page.getByLabel('Status').inputValue()).toBe('');
    expect(
      demo
        .log('generic')
        .slice(before)
        .some((e) => e.params.status !== undefined),
    ).toBe(false);
  });

  it('with no page named, the first page listed opens (Orders), and the title names it', async () => {
    await demo.page.goto(`${demo.demo.url}/`);
    await demo.page.getByRole('heading', { name: 'Orders admin', level: 2 }).waitFor();
    expect(await demo.page.title()).toBe('Orders admin · Pagewise demo');
    await demo.page.getByRole('link', { name: 'LINE WORKS users' }).click();
    await expect.poll(() => demo.page.title()).toBe('LINE WORKS users · Pagewise demo');
  });

  it('one order of the page selected: the page’s checkbox is neither checked nor unchecked', async () => {
    await demo.open('orders');
    const all = demo.page.getByRole('checkbox', { name: 'Select the orders on this page' });
    const first = demo.page.locator('main tbody').getByRole('checkbox').first();
    await first.check();
    expect(await all.evaluate((box) => (box as HTMLInputElement).indeterminate)).toBe(true);
    await all.check();
    expect(await all.evaluate((box) => (box as HTMLInputElement).indeterminate)).toBe(false);
    await all.uncheck();
    expect(await first.isChecked()).toBe(false);
  });
});

describe('the chat', () => {
  it('scrolled up, “Back to the newest messages” scrolls down to the newest message and focuses it', async () => {
    await demo.open('chat');
    await demo.page.getByText('20 messages').waitFor();
    const feed = demo.page.getByRole('feed', { name: 'Conversation' });
    await feed.evaluate((el) => {
      el.parentElement!.scrollTop = 0;
    });
    const latest = demo.page.getByRole('button', { name: 'Back to the newest messages' });
    await latest.click();
    // The newest message as the chat holds it then: the live edge may have brought one since.
    const newest = () => feed.getByRole('article').last().getAttribute('data-id');
    await expect.poll(async () => (await focusedId()) === (await newest())).toBe(true);
    expect(await focusedId()).not.toBeNull();
    await expect.poll(() => latest.count()).toBe(0);
    const fromBottom = await feed.evaluate((el) => {
      const s = el.parentElement!;
      return s.scrollHeight - s.scrollTop - s.clientHeight;
    });
    expect(fromBottom).toBeLessThan(48);
  });

  it('after a jump into the history, “Back to the newest messages” reopens them', async () => {
    // A fresh page: the chat as it opens (the test before loaded older messages).
    await demo.open('chat');
    await demo.page.reload();
    const far = await messageFarBack(demo);
    await demo.page.getByLabel('Jump to message id').fill(far);
    await demo.page.getByRole('button', { name: 'Jump' }).click();
    await expect.poll(focusedId).toBe(far);
    // The same id again, once the view moved away from it: focus goes back to it.
    await demo.page.getByLabel('Jump to message id').focus();
    await demo.page.getByRole('button', { name: 'Jump' }).press('Enter');
    await expect.poll(focusedId).toBe(far);
    const back = demo.page.getByRole('button', { name: 'Back to the newest messages' });
    await back.press('Enter');
    // Focus never falls to the page: it stays on the button until the newest message takes it.
    const focusFell = await demo.page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          let fell = false;
          const look = () => {
            if (document.activeElement === document.body) fell = true;
            if (document.activeElement?.closest('article')) resolve(fell);
            else requestAnimationFrame(look);
          };
          look();
        }),
    );
    expect(focusFell).toBe(false);
    await expect.poll(() => demo.page.getByRole('button', { name: 'Load newer' }).count()).toBe(0);
    const newest = await demo.page
      .getByRole('feed', { name: 'Conversation' })
      .getByRole('article')
      .last()
      .getAttribute('data-id');
    await expect.poll(focusedId).toBe(newest);
  });
});

describe('the chat, found by a new user', () => {
  it('the Jump field left empty goes back to the newest messages, as the button does', async () => {
    await demo.open('chat');
    await demo.page.reload();
    const far = await messageFarBack(demo);
    // The chat as it opens again: the newest message at the bottom.
    const feed = demo.page.getByRole('feed', { name: 'Conversation' });
    await feed.getByRole('article').last().waitFor();
    const newest = await feed.getByRole('article').last().getAttribute('data-id');
    const field = demo.page.getByLabel('Jump to message id');
    await field.fill(far);
    await field.press('Enter');
    await expect.poll(focusedId).toBe(far);
    await field.fill('');
    await field.press('Enter');
    await expect.poll(focusedId).toBe(newest);
    await expect.poll(() => demo.page.getByRole('button', { name: 'Load newer' }).count()).toBe(0);
    await expect
      .poll(() =>
        feed.evaluate((el) => {
          const s = el.parentElement!;
          return s.scrollHeight - s.scrollTop - s.clientHeight;
        }),
      )
      .toBeLessThan(48);
  });

  it('an id the conversation does not have says the view shows the messages nearest to it', async () => {
    await demo.open('chat');
    const field = demo.page.getByLabel('Jump to message id');
    await field.fill('5');
    await field.press('Enter');
    await expect
      .poll(() => demo.page.getByRole('alert').allTextContents())
      .toContain('No message #5 in this conversation: these are the messages nearest to it.');
    await field.fill('');
    await field.press('Enter');
    await expect.poll(() => demo.page.getByRole('alert').count()).toBe(0);
    // "Back to the newest messages" ends the jump that found nothing: its alert goes too.
    await field.fill('5');
    await field.press('Enter');
    await expect.poll(() => demo.page.getByRole('alert').count()).toBe(1);
    await demo.page.getByRole('button', { name: 'Back to the newest messages' }).click();
    await expect.poll(() => demo.page.getByRole('alert').count()).toBe(0);
  });

  it('after Load older, a jump to one of the oldest messages loaded shows it in view', async () => {
    await demo.open('adjustments');
    await demo.page.reload(); // a fresh cache: the chat opens at its first page
    await demo.open('chat');
    await demo.page.getByText('20 messages').waitFor();
    await demo.page.getByRole('button', { name: 'Load older' }).click();
    await demo.page.getByText('40 messages').waitFor();
    await demo.page.waitForTimeout(1000); // the reader looks at what landed
    // The 40 newest messages, as the chat holds them (newest first): the sixth oldest of them.
    const parts = demo.log('dashly', '/parts').at(-1)!;
    const ids = await demo.page.evaluate(async (path) => {
      const text = await (await fetch(`/api/dashly${path}?paginate_count=40`)).text();
      return [...text.matchAll(/"id":(\d+)/g)].map((m) => m[1]!);
    }, parts.path);
    const target = ids[34]!;
    await demo.page.getByLabel('Jump to message id').fill(target);
    await demo.page.getByRole('button', { name: 'Jump' }).click();
    const focused = () =>
      demo.page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.id);
    await expect.poll(focused).toBe(target);
    await demo.page.waitForTimeout(500); // rows measured, anchors applied
    const inView = await demo.page.locator(`[data-id="${target}"]`).evaluate((article) => {
      // The feed's scrolling box: the feed's parent.
      const box = article.closest('[role="feed"]')!.parentElement!.getBoundingClientRect();
      const r = article.getBoundingClientRect();
      return r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
    });
    expect(inView).toBe(true);
  });

  it('an insert from the fault panel arrives at the bottom of the chat (the live edge)', async () => {
    await demo.open('chat');
    await demo.page.reload();
    await demo.page.getByText('20 messages').waitFor();
    await demo.setFaults('dashly', { insertEvery: 1, mutationAt: 'head' });
    try {
      const feed = demo.page.getByRole('feed', { name: 'Conversation' });
      await expect
        .poll(() => feed.getByRole('article').last().textContent(), { timeout: 15_000 })
        .toMatch(/New message \d+/);
    } finally {
      await demo.setFaults('dashly', { insertEvery: null });
    }
  });
});

describe('the virtualized list', () => {
  it('Home from far down goes to the first row; End to the last loaded', async () => {
    await demo.open('reservations');
    const feed = demo.page.getByRole('feed', { name: 'Reservations' });
    await feed.getByRole('article').first().waitFor();
    await feed.evaluate((el) => {
      el.scrollTop = 3000 * 28;
    });
    await feed.getByRole('article').nth(5).click();
    await demo.page.keyboard.press('Home');
    await expect.poll(() => feed.evaluate((el) => el.scrollTop)).toBe(0);
    // End goes to the last row loaded (which loads the next page: the list grows on).
    await demo.page.keyboard.press('End');
    await expect.poll(() => feed.evaluate((el) => el.scrollTop)).toBeGreaterThan(1000 * 28);
  });

  it('scrolled to the end of all 5,000 reservations, the status says the list ended', async () => {
    await demo.open('reservations');
    await demo.page.reload();
    const feed = demo.page.getByRole('feed', { name: 'Reservations' });
    await feed.getByRole('article').first().waitFor();
    const status = demo.page.getByRole('status').filter({ hasText: /loaded|End of list/ });
    for (let i = 0; i < 40; i++) {
      await feed.evaluate((el) => {
        el.scrollTop = el.scrollHeight;
      });
      if (/End of list/.test((await status.allTextContents()).join())) break;
      await demo.page.waitForTimeout(150);
    }
    await expect
      .poll(() => status.allTextContents())
      .toEqual([expect.stringMatching(/End of list/)]);
  });

  it('a chat whose "Load older" failed keeps its Retry while live messages arrive; Retry loads them', async () => {
    await demo.open('chat');
    await demo.page.reload();
    await demo.page.getByText('20 messages').waitFor();
    await demo.setFaults('dashly', { serverErrorRate: 1 });
    await demo.page.getByRole('button', { name: 'Load older' }).click();
    const retry = demo.page.getByRole('button', { name: 'Retry' });
    await retry.waitFor({ timeout: 60_000 });
    await demo.setFaults('dashly', { serverErrorRate: 0 });
    await retry.focus();
    // A new message arrives and the live edge brings it: that refresh worked.
    await demo.page.getByRole('button', { name: 'A new message arrives' }).click();
    await retry.focus();
    await demo.page.getByText('21 messages').waitFor({ timeout: 30_000 });
    // The older page's failure is still said, its Retry still there and focused.
    expect(await retry.isVisible()).toBe(true);
    expect(await retry.evaluate((el) => el === document.activeElement)).toBe(true);
    await demo.page.keyboard.press('Enter');
    await demo.page.getByText('41 messages').waitFor();
    expect(await onBody()).toBe(false);
  });

  it('Retry after the first page failed keeps focus in the list, not on the page', async () => {
    await demo.setFaults('mews', { serverErrorRate: 1 });
    // A fresh page: the list is not in the app's cache yet.
    await demo.open('reservations');
    await demo.page.reload();
    const retry = demo.page.getByRole('button', { name: 'Retry' });
    await retry.waitFor({ timeout: 60_000 });
    // Nothing loaded and nothing loading: no empty feed (axe: a feed's children are articles).
    expect(await axeViolations(demo.page)).toEqual([]);
    await expect.poll(() => demo.page.getByRole('group', { name: 'Reservations' }).count()).toBe(1);
    await demo.setFaults('mews', { serverErrorRate: 0 });
    await retry.focus();
    await demo.page.keyboard.press('Enter');
    const feed = demo.page.getByRole('feed', { name: 'Reservations' });
    await feed.getByRole('article').first().waitFor();
    expect(await onBody()).toBe(false);
    expect(await feed.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  });
});
