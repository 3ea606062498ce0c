import { createGenericSimulator } from '@pagewise/simulators';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../../chromium.js';
import { serveBenchApp } from './bench-app-server.js';
import { fmt, median, ratio, table } from './stats.js';

const LATENCY = 300;
const TURNS = 12;

/** Runs in the page (as text: the bench's compiler must not touch it). Click Next, resolve at the frame after the rows change. */
const TURN_SCRIPT = `new Promise((resolve) => {
  const first = () => document.querySelector('tbody tr td')?.textContent;
  const before = first();
  const observer = new MutationObserver(() => {
    if (first() !== before) {
      observer.disconnect();
      requestAnimationFrame(() => resolve(performance.now() - start));
    }
  });
  observer.observe(document.querySelector('tbody'), { childList: true, subtree: true, characterData: true });
  const start = performance.now();
  document.getElementById('next').click();
})`;

/** Click Next → the new rows painted, in Chromium, with 300 ms per request. */
export async function pageTurnReport(): Promise<string> {
  const sim = createGenericSimulator({ size: 10_000, faults: { latencyMs: LATENCY } });
  const app = await serveBenchApp('page-turn/page-turn-app.tsx', sim);
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const run = async (mode: 'pagewise' | 'plain') => {
      const page = await browser.newPage();
      await page.goto(`${app.url}/?mode=${mode}`);
      await page.waitForSelector('tbody tr');
      const times: number[] = [];
      for (let turn = 0; turn < TURNS; turn++) {
        await page.waitForTimeout(LATENCY * 2.5); // the user reads the page; a prefetch has time to land
        times.push(await page.evaluate<number>(TURN_SCRIPT));
      }
      await page.close();
      return times;
    };
    // Alternate the two, twice, and pool the turns.
    const ours: number[] = [];
    const plain: number[] = [];
    for (let round = 0; round < 2; round++) {
      ours.push(...(await run('pagewise')));
      plain.push(...(await run('plain')));
    }
    const m = median(ours);
    return [
      `Chromium (Debian), simulated offset/limit API at ${LATENCY} ms per request, ${TURNS * 2} page turns each, the user pausing ${LATENCY * 2.5} ms on each page; click → new rows painted (next animation frame).`,
      '',
      table(
        ['table', 'median ms', 'max ms', 'vs peer', 'target'],
        [
          [
            'usePagedTable (next page prefetched)',
            fmt(m),
            fmt(Math.max(...ours)),
            ratio(m, median(plain)),
            m < 50 ? '< 50 ms met' : '< 50 ms missed',
          ],
          [
            'useQuery + keepPreviousData, no prefetch (the usual recipe)',
            fmt(median(plain)),
            fmt(Math.max(...plain)),
            '1.00×',
            '—',
          ],
        ],
      ),
    ].join('\n');
  } finally {
    await browser.close();
    app.close();
  }
}
