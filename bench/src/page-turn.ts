import { cpus, loadavg } from 'node:os';
import { type Browser, chromium } from 'playwright';
import { chromiumLaunchOptions } from '../../chromium.js';
import {
  type Api,
  burst,
  jumpToPage6,
  type Mode,
  openTable,
  type PageTurnApp,
  startPageTurnApp,
  turnPages,
} from './page-turn/drive.js';
import { fmt, median, percentile, table } from './stats.js';

const LATENCY = 300;
const TURNS = 12;
const PAUSES = [750, 250, 100] as const;
const MODES: Mode[] = ['pagewise', 'recipe', 'plain'];
const APIS: Api[] = ['offset', 'mews'];
const CLICKS = 3;
/** The user reads the first page this long before a burst or a jump (the next page prefetched meanwhile). */
const READ_MS = 1_000;
/**
 * Passes: in each, every scenario runs once per table, the tables in a rotated order (pass k
 * starts with table k mod 3). `PAGE_TURN_PASSES` overrides (3 runs × 3 rounds by default).
 */
const PASSES = Number(process.env.PAGE_TURN_PASSES ?? 9);
/** Bursts per pass and table (each on a freshly opened table). */
const BURSTS = Number(process.env.PAGE_TURN_BURSTS ?? 2);

const LABEL: Record<Mode, string> = {
  pagewise: 'Pagewise `usePagedTable`',
  recipe: 'TanStack recipe (prefetch)',
  plain: 'no prefetch',
};

interface Results {
  /** [api][mode][pause] → every turn's ms. */
  turns: Record<string, number[]>;
  /** Turns whose rows were not the next page's (must stay 0). */
  wrongPage: Record<string, number>;
  /** Requests the server received per run of 12 turns (page load included). */
  requests: Record<string, number[]>;
  /** Every turn: how many pages beyond the one shown had been requested when Next was pressed. */
  ahead: Record<string, number[]>;
  /** Every turn but the first: ms since the previous press (what a pace counted between moves sees). */
  intervals: Record<string, number[]>;
  /** Every turn's press → rows committed to the DOM (before the frame), ms. */
  commits: Record<string, number[]>;
  bursts: Record<string, Array<{ reached: boolean; ms: number; to: number; requests: number }>>;
  jumps: Record<Mode, Array<{ ms: number; requests: number }>>;
  failures: string[];
}

const key = (...parts: Array<string | number>) => parts.join(':');
const push = <T>(map: Record<string, T[]>, k: string, ...values: T[]) => {
  const list = map[k] ?? [];
  list.push(...values);
  map[k] = list;
};

async function pauseRun(
  b: Browser,
  app: PageTurnApp,
  r: Results,
  mode: Mode,
  api: Api,
  pause: number,
) {
  const page = await openTable(b, app, mode, api);
  // The user's pointer rests on Next (an app wiring intent hears pointerenter once).
  await page.hover('#next');
  const turns = await turnPages(page, TURNS, pause);
  await page.waitForTimeout(LATENCY + 100); // what is in flight reaches the server's log
  await page.close();
  const k = key(api, mode, pause);
  turns.forEach((t, i) => {
    if (t.ms === null) r.failures.push(`${k}: turn ${i + 1} never showed new rows`);
    else push(r.turns, k, t.ms);
    if (t.commitMs !== null) push(r.commits, k, t.commitMs);
    if (app.pageOf(api, t.key) !== i + 1) r.wrongPage[k] = (r.wrongPage[k] ?? 0) + 1;
  });
  const requests = app.requests(api);
  push(r.requests, k, requests.length);
  turns.forEach((t, i) => {
    const before = requests.filter((q) => q.at < t.pressedAt).map((q) => q.page + q.pages - 1);
    push(r.ahead, k, Math.max(0, ...before) - i);
    if (i > 0) push(r.intervals, k, t.pressedAt - turns[i - 1]!.pressedAt);
  });
}

async function burstRun(b: Browser, app: PageTurnApp, r: Results, mode: Mode, api: Api) {
  const page = await openTable(b, app, mode, api);
  await page.hover('#next');
  await page.waitForTimeout(READ_MS);
  const result = await burst(page, CLICKS, app.firstKey(api, CLICKS), LATENCY * 4);
  await page.close();
  const to = app.pageOf(api, result.key) ?? 0;
  const ms = result.ms ?? result.settledMs;
  if (ms === null) {
    r.failures.push(`${key(api, mode)}: a burst never moved the rows`);
    return;
  }
  // The burst's requests: from the first press until the rows it ended on were committed.
  // (Those for pages after it, fetched ahead once it landed, are not the burst's.)
  const until = result.committedAt ?? result.pressedAt + ms;
  const requests = app
    .requests(api, result.pressedAt)
    .filter((q) => q.at < until && q.page <= to).length;
  push(r.bursts, key(api, mode), { reached: result.ms !== null, ms, to, requests });
}

async function jumpRun(b: Browser, app: PageTurnApp, r: Results, mode: Mode) {
  const page = await openTable(b, app, mode, 'mews');
  await page.waitForTimeout(READ_MS);
  const jump = await jumpToPage6(page, app.firstKey('mews', 5), LATENCY * 10);
  await page.waitForTimeout(100);
  await page.close();
  if (jump.ms === null || jump.committedAt === null) {
    r.failures.push(`mews:${mode}: the jump to page 6 never showed its rows`);
    return;
  }
  const until = jump.committedAt;
  // The jump's requests: those between the press and the new rows that lead to page 6 (not the
  // prefetches of the pages after it, sent once it landed).
  const requests = app
    .requests('mews', jump.pressedAt)
    .filter((q) => q.at < until && q.page <= 5).length;
  r.jumps[mode].push({ ms: jump.ms, requests });
}

const rotate = <T>(list: T[], by: number) => list.map((_, i) => list[(i + by) % list.length]!);
const mid = (values: number[] | undefined) => (values?.length ? median(values) : Number.NaN);
const p90 = (values: number[] | undefined) =>
  values?.length ? percentile(values, 90) : Number.NaN;
const cell = (values: number[] | undefined, digits = 1) =>
  `${fmt(mid(values), digits)} / ${fmt(p90(values), digits)}`;
const x = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');

/**
 * Click Next → the new rows painted, in Chromium: Pagewise beside TanStack Query's own
 * pagination recipe (its example, mirrored) and the recipe without prefetch, over an offset/limit
 * API and a cursor API (Mews), at 300 ms per request.
 */
export async function pageTurnReport(): Promise<string> {
  const app = await startPageTurnApp(LATENCY);
  const browser = await chromium.launch(chromiumLaunchOptions);
  const r: Results = {
    turns: {},
    wrongPage: {},
    requests: {},
    ahead: {},
    intervals: {},
    commits: {},
    bursts: {},
    jumps: { pagewise: [], recipe: [], plain: [] },
    failures: [],
  };
  const loads: number[] = [loadavg()[0]!];
  const started = performance.now();
  try {
    for (let pass = 0; pass < PASSES; pass++) {
      const modes = rotate(MODES, pass);
      for (const api of APIS) {
        for (const pause of PAUSES)
          for (const mode of modes) await pauseRun(browser, app, r, mode, api, pause);
        for (let i = 0; i < BURSTS; i++)
          for (const mode of modes) await burstRun(browser, app, r, mode, api);
        loads.push(loadavg()[0]!);
      }
      for (const mode of modes) await jumpRun(browser, app, r, mode);
      loads.push(loadavg()[0]!);
      process.stdout.write(`${pass + 1}/${PASSES} `);
    }
  } finally {
    await browser.close();
    await app.close();
  }
  const minutes = (performance.now() - started) / 60_000;
  return report(r, loads, minutes);
}

function report(r: Results, loads: number[], minutes: number): string {
  const apiName = (api: Api) => (api === 'offset' ? 'offset' : 'Mews');
  const targets: Array<{ text: string; ok: boolean }> = [];
  const target = (text: string, ok: boolean) => {
    targets.push({ text: `${text} — ${verdict(ok)}`, ok });
    return ok;
  };
  const out: string[] = [
    `Chromium (Debian, headless), APIs simulated at ${LATENCY} ms per request behind a loopback server that counts every request it receives (the simulators' request logs). One app shell and one rendering for every table (20 rows, Next, a "Page 6" button; production React); what differs is what fills it:`,
    '',
    '- **Pagewise**: `usePagedTable` with its defaults (adaptive prefetch) and `usePageRange` for the buttons, its props reporting signs of intent (pointer enter, focus, pointer down on Next or a page button) to `onPageIntent: prefetchPage`.',
    "- **TanStack recipe (prefetch)**: TanStack Query's `examples/react/pagination`, mirrored: `useQuery` + `placeholderData: keepPreviousData` (and its `staleTime: 5000`), page + 1 prefetched in an effect once the page shown is not a placeholder, Next disabled while `isPlaceholderData`. On the cursor API, page n's `Cursor` comes from page n − 1's answer (read from the cache with `ensureQueryData`, or fetched first: a jump walks).",
    "- **no prefetch**: TanStack's paginated-queries guide, the same without the prefetch (Next disabled while `isPlaceholderData`, as the guide does).",
    '',
    `${PASSES} passes (${PASSES === 9 ? '3 runs × 3 rounds; ' : ''}each pass runs every scenario once per table, the tables in a rotated order), ${fmt(minutes, 0)} min in all. **Turns**: the user pauses on a page (its rows painted), then presses Next — pointer down, pointer up, click, dispatched in the page 0 ms apart (so intent on pointer down wins no time here; a real press lasts ~100 ms); timed from the pointer down to the animation frame after the first row changed; ${TURNS} turns per table opened, median / p90 ms over all turns. **Bursts**: ${CLICKS} presses of Next one animation frame apart, ${fmt(READ_MS / 1000, 0)} s after the first page painted, on a freshly opened table; timed from the first press to the rows of page +${CLICKS} (or, where they never come, to the last change of rows). **Jump**: "Page 6" pressed ${fmt(READ_MS / 1000, 0)} s after page 1 painted. **Requests** are counted at the server: per table opened for ${TURNS} turns (page 1 and everything fetched ahead included); for a burst or a jump, those received from the first press until its rows were committed.`,
    '',
  ];
  for (const api of APIS) {
    const title =
      api === 'offset'
        ? 'Offset/limit API (`?offset=&limit=`, the generic simulator)'
        : 'Cursor API (Mews `reservations/getAll`, `Limitation: {Cursor, Count}`)';
    const rows: string[][] = [];
    for (const pause of PAUSES) {
      const ours = r.turns[key(api, 'pagewise', pause)];
      const peer = r.turns[key(api, 'recipe', pause)];
      const ratio = mid(ours) / mid(peer);
      const goal = pause === 750 ? 'no worse than the recipe (≤ 1.1×)' : '≤ 0.1× the recipe';
      const ok = target(
        `${apiName(api)}, ${pause} ms pauses: ${fmt(mid(ours))} vs ${fmt(mid(peer))} ms, ${x(mid(ours), mid(peer))} (${goal})`,
        ratio <= (pause === 750 ? 1.1 : 0.1),
      );
      rows.push([
        `${pause} ms pause`,
        cell(ours),
        cell(peer),
        cell(r.turns[key(api, 'plain', pause)]),
        x(mid(ours), mid(peer)),
        `${goal}: ${verdict(ok)}`,
      ]);
    }
    const burstCell = (mode: Mode) => {
      const list = r.bursts[key(api, mode)] ?? [];
      const reached = list.filter((b) => b.reached);
      const stuck = list.filter((b) => !b.reached);
      const parts: string[] = [];
      if (reached.length)
        parts.push(
          `${cell(
            reached.map((b) => b.ms),
            0,
          )} ms, +${CLICKS} in ${reached.length} of ${list.length}`,
        );
      else parts.push(`+${CLICKS} in 0 of ${list.length}`);
      if (stuck.length)
        parts.push(
          `${reached.length ? 'else ' : ''}stays at +${fmt(median(stuck.map((b) => b.to)), 0)} (${fmt(mid(stuck.map((b) => b.ms)), 0)} ms)`,
        );
      const requests = mid(list.map((b) => b.requests));
      parts.push(`${fmt(requests, 0)} ${requests === 1 ? 'request' : 'requests'}`);
      return parts.join(', ');
    };
    const ourBursts = r.bursts[key(api, 'pagewise')] ?? [];
    const reachedCount = ourBursts.filter((b) => b.reached).length;
    const burstMs = mid(ourBursts.filter((b) => b.reached).map((b) => b.ms));
    const burstOk = target(
      `${apiName(api)}, bursts of ${CLICKS}: +${CLICKS} in ${reachedCount} of ${ourBursts.length}, median ${fmt(burstMs, 0)} ms (≤ 1.2 × ${LATENCY} = ${1.2 * LATENCY} ms)`,
      ourBursts.length > 0 && reachedCount === ourBursts.length && burstMs <= 1.2 * LATENCY,
    );
    rows.push([
      `${CLICKS} clicks, one frame apart`,
      burstCell('pagewise'),
      burstCell('recipe'),
      burstCell('plain'),
      '—',
      `+${CLICKS} every time, ≤ ${1.2 * LATENCY} ms: ${verdict(burstOk)}`,
    ]);
    const perPause = (m: Record<string, number[]>, mode: Mode) =>
      PAUSES.map((p) => fmt(mid(m[key(api, mode, p)]), 0)).join(' / ');
    const ratios = PAUSES.map(
      (p) => mid(r.requests[key(api, 'pagewise', p)]) / mid(r.requests[key(api, 'recipe', p)]),
    );
    const ratioText = ratios.map((v) => `${v.toFixed(2)}×`).join(' / ');
    const requestsOk = target(
      `${apiName(api)}, requests per ${TURNS} turns: ${ratioText} the recipe's at ${PAUSES.join(' / ')} ms pauses (≤ 1.2×)`,
      ratios.every((v) => v <= 1.2),
    );
    rows.push([
      `requests per ${TURNS} turns (${PAUSES.join(' / ')} ms)`,
      perPause(r.requests, 'pagewise'),
      perPause(r.requests, 'recipe'),
      perPause(r.requests, 'plain'),
      ratioText,
      `≤ 1.2× the recipe: ${verdict(requestsOk)}`,
    ]);
    rows.push([
      `pages ahead requested at the press (${PAUSES.join(' / ')} ms)`,
      perPause(r.ahead, 'pagewise'),
      perPause(r.ahead, 'recipe'),
      perPause(r.ahead, 'plain'),
      '—',
      '—',
    ]);
    if (api === 'mews') {
      const ms = (m: Mode) => r.jumps[m].map((j) => j.ms);
      const req = (m: Mode) => mid(r.jumps[m].map((j) => j.requests));
      const ratio = mid(ms('pagewise')) / mid(ms('recipe'));
      const ok = target(
        `Mews, jump 1 → 6: ${fmt(mid(ms('pagewise')), 0)} ms and ${fmt(req('pagewise'), 0)} ${req('pagewise') === 1 ? 'request' : 'requests'} vs ${fmt(mid(ms('recipe')), 0)} ms and ${fmt(req('recipe'), 0)}, ${x(mid(ms('pagewise')), mid(ms('recipe')))} (≤ 0.35×)`,
        ratio <= 0.35,
      );
      rows.push([
        'jump page 1 → 6: ms, requests',
        `${cell(ms('pagewise'), 0)} ms, ${fmt(req('pagewise'), 0)}`,
        `${cell(ms('recipe'), 0)} ms, ${fmt(req('recipe'), 0)}`,
        `${cell(ms('plain'), 0)} ms, ${fmt(req('plain'), 0)}`,
        x(mid(ms('pagewise')), mid(ms('recipe'))),
        `≤ 0.35× the recipe: ${verdict(ok)}`,
      ]);
    }
    out.push(
      `### ${title}`,
      '',
      table(
        [
          'median / p90 ms',
          LABEL.pagewise,
          LABEL.recipe,
          LABEL.plain,
          'Pagewise vs recipe',
          'target',
        ],
        rows,
      ),
      '',
    );
  }
  const met = targets.filter((t) => t.ok).length;
  out.push(
    `**Targets** (issue 16), this run: ${met} of ${targets.length} met.`,
    '',
    ...targets.map((t) => `- ${t.text}`),
    '',
  );
  out.push(...why(r), '');
  // Where a turn's time goes when the page is ready: the JavaScript up to the DOM commit, then the frame.
  const commit = (mode: Mode) => mid(r.commits[key('offset', mode, 750)]);
  out.push(
    `With the page ready (750 ms pauses, offset API), press → rows committed to the DOM takes ${fmt(commit('pagewise'))} ms for Pagewise and ${fmt(commit('recipe'))} ms for the recipe (median); the rest of a turn is waiting for the animation frame.`,
    '',
  );
  const loadLine = `Machine load (1-minute load average, ${loads.length} samples through the run): ${fmt(loads[0]!, 2)} at the start, median ${fmt(median(loads), 2)}, max ${fmt(Math.max(...loads), 2)}, on ${cpus().length} cores shared with other work.`;
  out.push(loadLine);
  const wrong = Object.entries(r.wrongPage).filter(([, n]) => n > 0);
  if (wrong.length)
    out.push(
      '',
      `Turns whose rows were not the next page's: ${wrong.map(([k, n]) => `${k} ${n}`).join(', ')}.`,
    );
  if (r.failures.length) out.push('', `Failures: ${r.failures.join('; ')}.`);
  return out.join('\n');
}

/**
 * Why Pagewise misses a target, where the request logs show the cause (read from the kit's code:
 * packages/core/src/paged-table). Printed only when the miss and its evidence are both there.
 */
function why(r: Results): string[] {
  const notes: string[] = [];
  const ahead = (api: Api, pause: number) => mid(r.ahead[key(api, 'pagewise', pause)]);
  const slower = (api: Api, pause: number) =>
    mid(r.turns[key(api, 'pagewise', pause)]) > 0.1 * mid(r.turns[key(api, 'recipe', pause)]);
  for (const api of APIS)
    for (const pause of [250, 100]) {
      if (!slower(api, pause)) continue;
      const turns = r.turns[key(api, 'pagewise', pause)];
      const ready = mid(r.turns[key(api, 'pagewise', 750)]);
      if (mid(turns) <= 1.5 * ready) {
        notes.push(
          `- **${api === 'offset' ? 'Offset' : 'Cursor'} API, ${pause} ms pauses.** The median turn found its page ready: ${fmt(mid(turns))} ms, against ${fmt(ready)} ms for a turn at 750 ms pauses, with a median ${fmt(ahead(api, pause), 0)} page(s) beyond the one shown requested at a press. The target (${fmt(0.1 * mid(r.turns[key(api, 'recipe', pause)]))} ms) is below what a ready turn costs (see **A ready turn**); the p90 (${fmt(p90(turns))} ms) is turns that waited for their page.`,
        );
        continue;
      }
      notes.push(
        `- **${api === 'offset' ? 'Offset' : 'Cursor'} API, ${pause} ms pauses.** Pages ahead are \`⌈latency / pause⌉\` (at most 3), the pause counted from the rows landing to the next press${api === 'mews' ? ', fetched over this cursor API as one stretched request from the first page ahead whose cursor is known' : ''}; at a press a median ${fmt(ahead(api, pause), 0)} page(s) beyond the one shown had been requested, and the presses came a median ${fmt(mid(r.intervals[key(api, 'pagewise', pause)]), 0)} ms apart. A turn waits when its page, requested at most ${fmt(ahead(api, pause), 0)} presses earlier, has not had the ${LATENCY} ms it takes.`,
      );
    }
  const ready = mid(r.turns[key('offset', 'pagewise', 750)]);
  const goal250 = 0.1 * mid(r.turns[key('offset', 'recipe', 250)]);
  if (ready > goal250)
    notes.push(
      `- **A ready turn.** With its page already there (750 ms pauses), a Pagewise turn takes ${fmt(ready)} ms on the offset API — above 0.1× the recipe's turn at 250 ms pauses (${fmt(goal250)} ms) — so that target also needs a cheaper turn, not only a deeper prefetch (see the press → DOM commit times below).`,
    );
  const mewsBursts = r.bursts[key('mews', 'pagewise')] ?? [];
  const burstMs = mid(mewsBursts.filter((b) => b.reached).map((b) => b.ms));
  if (burstMs > 1.2 * LATENCY)
    notes.push(
      `- **Cursor API, bursts.** +3 took ${fmt(burstMs, 0)} ms and a median ${fmt(mid(mewsBursts.map((b) => b.requests)), 0)} request(s): the third press asks for a page whose cursor is not known yet, and it comes with the stretched request for pages +2…+3 sent from +2's cursor.`,
    );
  return notes.length
    ? ["Why Pagewise misses, from the request logs and the kit's code:", '', ...notes]
    : [];
}
