import { type Browser, chromium } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../../chromium.js';
import {
  burst,
  jumpToPage6,
  openTable,
  type PageTurnApp,
  startPageTurnApp,
} from './page-turn/drive.js';

/**
 * The table controller's page-turn behaviours, end to end in Chromium: the page-turn benchmark's
 * app (usePagedTable + usePageRange, production React) over the simulators at 300 ms per request,
 * requests counted at the server. Behaviours, not timings.
 */
const LATENCY = 300;

describe('usePagedTable in Chromium: prefetch depth, no lost clicks, stretched jumps', () => {
  let app: PageTurnApp;
  let browser: Browser;
  beforeAll(async () => {
    [app, browser] = await Promise.all([
      startPageTurnApp(LATENCY),
      chromium.launch(chromiumLaunchOptions),
    ]);
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('keeps more than one page ahead once the user turns pages quickly, never more than three', async () => {
    const page = await openTable(browser, app, 'pagewise', 'offset');
    await page.hover('#next');
    // Six presses of Next, 120 ms apart (faster than the API answers), then the rows of page 7.
    for (let i = 0; i < 6; i++) {
      await page.evaluate(`document.getElementById('next').click()`);
      await page.waitForTimeout(120);
    }
    await page.waitForSelector(`tbody tr[data-key="${app.firstKey('offset', 6)}"]`);
    await page.waitForTimeout(100);
    const ahead = Math.max(...app.requests('offset').map((q) => q.page + q.pages - 1));
    await page.close();
    expect(ahead).toBeGreaterThanOrEqual(6 + 2);
    expect(ahead).toBeLessThanOrEqual(6 + 3);
  }, 20_000);

  it.each(['offset', 'mews'] as const)(
    'lands a burst of 3 Next clicks, one frame apart, on the third page after (%s API)',
    async (api) => {
      const page = await openTable(browser, app, 'pagewise', api);
      await page.waitForTimeout(LATENCY + 200);
      const result = await burst(page, 3, app.firstKey(api, 3), LATENCY * 5);
      await page.close();
      expect(app.pageOf(api, result.key)).toBe(3);
      expect(result.ms).not.toBeNull();
    },
    20_000,
  );

  it('jumps from page 1 to page 6 of a Mews list with one request', async () => {
    const page = await openTable(browser, app, 'pagewise', 'mews');
    await page.waitForTimeout(LATENCY + 200); // page 2, prefetched, has landed
    const jump = await jumpToPage6(page, app.firstKey('mews', 5), LATENCY * 10);
    await page.waitForTimeout(100);
    await page.close();
    expect(jump.committedAt).not.toBeNull();
    const toPage6 = app
      .requests('mews', jump.pressedAt)
      .filter((q) => q.at <= jump.committedAt! + 5 && q.page <= 5);
    expect(toPage6).toHaveLength(1);
    expect(toPage6[0]!.page + toPage6[0]!.pages - 1).toBeGreaterThanOrEqual(5);
  }, 20_000);
});
