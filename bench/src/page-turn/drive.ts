import {
  createGenericSimulator,
  createMewsSimulator,
  MEWS_CREDENTIALS,
  type Simulator,
} from '@pagewise/simulators';
import type { Browser, Page } from 'playwright';
import { serveBenchApp } from '../bench-app-server.js';

/**
 * Drives the page-turn app (page-turn-app.tsx) in Chromium: the benchmark and its end-to-end test
 * share it. Timings are taken in the page (click → the new rows, at the next animation frame);
 * requests are counted at the server, in the simulators' request logs.
 */

export type Mode = 'pagewise' | 'recipe' | 'plain';
export type Api = 'offset' | 'mews';

export const PAGE_SIZE = 20;

export interface PageTurnApp {
  url: string;
  sims: Record<Api, Simulator>;
  /** The key of the first row of page `index` (0-based). */
  firstKey(api: Api, index: number): string;
  /** The page (0-based) whose first row has this key. */
  pageOf(api: Api, key: string | null): number | undefined;
  /** The requests the server received (since `since`, wall clock ms): the page each starts at, and how many pages it covers. */
  requests(api: Api, since?: number): Array<{ at: number; page: number; pages: number }>;
  close(): Promise<void>;
}

/** The ids of the first `count` Mews reservations, newest first (asked of the simulator, then forgotten). */
function mewsIds(sim: Simulator, count: number): string[] {
  const ids: string[] = [];
  let cursor: string | null = null;
  while (ids.length < count) {
    const answer = sim.handle({
      method: 'POST',
      url: '/api/connector/v1/reservations/getAll',
      headers: {},
      body: JSON.stringify({
        ...MEWS_CREDENTIALS_BODY,
        Client: 'bench',
        Limitation: { Cursor: cursor, Count: 1000 },
      }),
    });
    const body = JSON.parse(answer.body) as { Reservations: Array<{ Id: string }>; Cursor: string };
    ids.push(...body.Reservations.map((r) => r.Id));
    cursor = body.Cursor;
  }
  sim.log.clear();
  return ids;
}
const MEWS_CREDENTIALS_BODY = {
  ClientToken: MEWS_CREDENTIALS.clientToken,
  AccessToken: MEWS_CREDENTIALS.accessToken,
};

/** Serves the app with the generic offset/limit simulator at `/api` and Mews at `/mews`. */
export async function startPageTurnApp(latencyMs: number): Promise<PageTurnApp> {
  const faults = { latencyMs };
  const sims = {
    offset: createGenericSimulator({ size: 10_000, faults }),
    mews: createMewsSimulator({ sizes: { reservations: 10_000, customers: 10 }, faults }),
  };
  const ids = mewsIds(sims.mews, 2_000);
  const index = new Map(ids.map((id, i) => [id, i]));
  const app = await serveBenchApp('page-turn/page-turn-app.tsx', {
    '/api': sims.offset,
    '/mews': sims.mews,
  });
  return {
    url: app.url,
    sims,
    firstKey: (api, i) => (api === 'offset' ? String(i * PAGE_SIZE + 1) : ids[i * PAGE_SIZE]!),
    pageOf(api, key) {
      if (key === null) return undefined;
      const position = api === 'offset' ? Number(key) - 1 : index.get(key);
      return position === undefined || Number.isNaN(position)
        ? undefined
        : Math.floor(position / PAGE_SIZE);
    },
    requests(api, since = 0) {
      return sims[api].log.entries
        .filter((e) => e.at >= since)
        .map((e) => {
          const pages = Math.max(1, Math.round((e.size ?? PAGE_SIZE) / PAGE_SIZE));
          if (api === 'offset')
            return { at: e.at, page: Math.floor(Number(e.params.offset ?? 0) / PAGE_SIZE), pages };
          // Mews' cursor is the id of the last item before the page.
          const cursor = e.cursorIn ?? null;
          const after = cursor === null ? -1 : (index.get(cursor) ?? Number.NaN);
          return { at: e.at, page: Math.floor((after + 1) / PAGE_SIZE), pages };
        });
    },
    close: app.close,
  };
}

/** A fresh page (its own browser context) with the table's first page on screen. */
export async function openTable(browser: Browser, app: PageTurnApp, mode: Mode, api: Api) {
  const page = await browser.newPage();
  app.sims[api].log.clear();
  await page.goto(`${app.url}/?mode=${mode}&api=${api}`);
  await page.waitForSelector('tbody tr');
  return page;
}

// In-page helpers, as text (no compiler touches what runs in the browser).
const PRELUDE = `
const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const firstKey = () => document.querySelector('tbody tr')?.getAttribute('data-key') ?? null;
// A user's press: pointer down, pointer up, click (a disabled button ignores the click).
const press = (id) => {
  const el = document.getElementById(id);
  const init = { bubbles: true, cancelable: true, isPrimary: true, pointerType: 'mouse', button: 0 };
  el.dispatchEvent(new PointerEvent('pointerdown', init));
  el.dispatchEvent(new PointerEvent('pointerup', init));
  el.click();
};
// Resolves at the animation frame after the first row's key satisfies accept(key), with the
// frame's time and the wall clock when the rows changed; null after timeoutMs.
const rowsBecome = (accept, timeoutMs) => new Promise((resolve) => {
  let done = false;
  const observer = new MutationObserver(() => {
    const key = firstKey();
    if (done || !accept(key)) return;
    done = true;
    observer.disconnect();
    clearTimeout(timer);
    const committedAt = Date.now();
    const committed = performance.now();
    requestAnimationFrame(() => resolve({ at: performance.now(), committed, committedAt, key }));
  });
  observer.observe(document.querySelector('tbody'), { childList: true, subtree: true, characterData: true, attributes: true });
  const timer = setTimeout(() => {
    if (done) return;
    done = true;
    observer.disconnect();
    resolve(null);
  }, timeoutMs);
});
`;

export interface Turn {
  /** Press → the new rows at the next animation frame, ms; `null` when they never came. */
  ms: number | null;
  /** Press → the rows changed in the DOM (before the frame), ms. */
  commitMs: number | null;
  key: string | null;
  /** Wall clock at the press (the server's request log uses the same clock). */
  pressedAt: number;
}

/** `turns` presses of Next, the user pausing `pauseMs` on each page first (its rows painted). */
export async function turnPages(page: Page, turns: number, pauseMs: number): Promise<Turn[]> {
  return page.evaluate(`(async () => {
${PRELUDE}
  const out = [];
  for (let i = 0; i < ${turns}; i++) {
    await sleep(${pauseMs});
    const before = firstKey();
    const changed = rowsBecome((key) => key !== before, 5000);
    const pressedAt = Date.now();
    const start = performance.now();
    press('next');
    const r = await changed;
    out.push(r ? { ms: r.at - start, commitMs: r.committed - start, key: r.key, pressedAt } : { ms: null, commitMs: null, key: firstKey(), pressedAt });
    if (!r) break;
  }
  return out;
})()`);
}

export interface Burst {
  /** First press → the rows of the page `clicks` ahead, ms; `null` when they did not come. */
  ms: number | null;
  /** First press → the last change of the rows (where the table settled), ms. */
  settledMs: number | null;
  key: string | null;
  /** Wall clock at the first press, and when the rows of the target page were committed. */
  pressedAt: number;
  committedAt: number | null;
}

/** `clicks` presses of Next, one animation frame apart; waits up to `timeoutMs` for `expectKey`. */
export async function burst(
  page: Page,
  clicks: number,
  expectKey: string,
  timeoutMs: number,
): Promise<Burst> {
  return page.evaluate(`(async () => {
${PRELUDE}
  let last = null;
  const start = performance.now();
  let seen = firstKey();
  const watch = new MutationObserver(() => {
    const key = firstKey();
    if (key === seen) return;
    seen = key;
    requestAnimationFrame(() => { last = performance.now() - start; });
  });
  watch.observe(document.querySelector('tbody'), { childList: true, subtree: true, characterData: true, attributes: true });
  const reached = rowsBecome((key) => key === ${JSON.stringify(expectKey)}, ${timeoutMs});
  const pressedAt = Date.now();
  press('next');
  for (let i = 1; i < ${clicks}; i++) {
    await frame();
    press('next');
  }
  const r = await reached;
  await frame();
  watch.disconnect();
  return { ms: r ? r.at - start : null, settledMs: last, key: firstKey(), pressedAt, committedAt: r ? r.committedAt : null };
})()`);
}

export interface Jump {
  ms: number | null;
  /** Wall clock (ms) at the press, and when the new rows were committed: the requests between are the jump's. */
  pressedAt: number;
  committedAt: number | null;
}

/** Presses the "Page 6" button and waits for page 6's rows (`expectKey`). */
export async function jumpToPage6(page: Page, expectKey: string, timeoutMs: number): Promise<Jump> {
  return page.evaluate(`(async () => {
${PRELUDE}
  const pressedAt = Date.now();
  const reached = rowsBecome((key) => key === ${JSON.stringify(expectKey)}, ${timeoutMs});
  const start = performance.now();
  press('page6');
  const r = await reached;
  return { ms: r ? r.at - start : null, pressedAt, committedAt: r ? r.committedAt : null };
})()`);
}
