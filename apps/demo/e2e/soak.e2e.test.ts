import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemo } from './demo-browser.js';

let demo: Awaited<ReturnType<typeof openDemo>>;
beforeAll(async () => {
  demo = await openDemo();
});
afterAll(() => demo?.close());

describe('the hooks in Chromium under faults (soak, short)', () => {
  it('scrolls both DingTalk lists to the end through 10 % 5xx, 2 % 429, token expiry and jitter, with every item once and no error shown', async () => {
    const faults = {
      serverErrorRate: 0.1,
      rateLimitRate: 0.02,
      retryAfterSeconds: 0,
      tokenExpiresAfterRequests: 5,
      jitterMs: 30,
      seed: 3,
    };
    await fetch(`${demo.demo.url}/api/_faults/dingtalk`, {
      method: 'POST',
      body: JSON.stringify(faults),
    });
    await demo.open('classes');
    for (const label of ['School classes', 'Calendar events']) {
      const region = demo.page.getByRole('region', { name: label });
      for (let i = 0; i < 300 && !(await region.getByText(/End of data/).count()); i++) {
        await region.evaluate((el) => {
          el.scrollTop = el.scrollHeight;
        });
        await demo.page.waitForTimeout(50);
      }
    }
    const classes = demo.page.getByRole('region', { name: 'School classes' });
    const events = demo.page.getByRole('region', { name: 'Calendar events' });
    await expect.poll(() => classes.getByText('End of data · 450 items').count()).toBe(1);
    await expect.poll(() => events.getByText('End of data · 230 items').count()).toBe(1);
    expect(await classes.getByRole('listitem').count()).toBe(450);
    expect(await events.getByRole('listitem').count()).toBe(230);
    expect(await demo.page.getByRole('alert').count()).toBe(0);
    const log = demo.demo.sims.dingtalk.log.entries;
    const met = log.filter((e) => e.fault).length;
    expect(met).toBeGreaterThan(0);
    expect(log.filter((e) => e.path.endsWith('/accessToken')).length).toBeGreaterThanOrEqual(2); // the first token and at least one refresh
  });
});
