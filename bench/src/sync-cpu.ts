import { createRequestRunner, dingtalkTokenList, type Source, staticToken } from '@pagewise/core';
import { fmt, median, table } from './stats.js';
import { syncWalk } from './sync-walk.js';

const PAGE = 500;
const PAGES = 200;
const RUNS = 15;

/**
 * The walk's own CPU per request, without a network or a server in the way: every request is
 * answered at once from memory by a real `Response` over the same bodies, for the bare loop and
 * for Pagewise alike. What is left is the client's work: building the request, reading the
 * body, parsing, checking, walking.
 */
export async function syncCpuReport(): Promise<{
  report: string;
  /** Client CPU per request of the bare loop, and how much more `paginate({ dedupe: false })` takes, µs. */
  bareUs: number;
  walkExtraUs: number;
}> {
  const bodies = Array.from({ length: PAGES }, (_, p) =>
    JSON.stringify({
      list: Array.from({ length: PAGE }, (_, i) => ({
        classId: p * PAGE + i,
        name: `Class ${p}-${i}`,
        gradeId: 'g',
      })),
      ...(p < PAGES - 1 ? { nextToken: `t${p + 1}` } : {}),
    }),
  );
  const inMemory = async (input: RequestInfo | URL) => {
    const token = new URL(String(input), 'http://127.0.0.1').searchParams.get('nextToken');
    return new Response(bodies[token ? Number(token.slice(1)) : 0], {
      headers: { 'content-type': 'application/json' },
    });
  };
  const hand = async () => {
    let token: string | undefined;
    let n = 0;
    do {
      const q = new URLSearchParams({ maxResults: '500', ...(token ? { nextToken: token } : {}) });
      const page = (await (
        await inMemory(`http://127.0.0.1/v1.0/edu/grades/g/classes?${q}`)
      ).json()) as { list: unknown[]; nextToken?: string };
      n += page.list.length;
      token = page.nextToken;
    } while (token);
    return n;
  };
  const source = dingtalkTokenList({
    path: '/v1.0/edu/grades/g/classes',
    items: 'list',
    key: (c: { classId: number }) => String(c.classId),
  }) as Source<unknown>;
  const runner = createRequestRunner({
    baseUrl: 'http://127.0.0.1',
    fetch: inMemory as typeof fetch,
    token: staticToken('an-access-token'),
  });
  const walk = (dedupe: boolean) => () => syncWalk(source, { runner, size: PAGE, dedupe });
  const sides: Array<[string, () => Promise<number>]> = [
    ['hand-written fetch loop', hand],
    ['paginate({ dedupe: false })', walk(false)],
    ['paginate() (de-duplication on)', walk(true)],
  ];
  const times = new Map<string, number[]>(sides.map(([name]) => [name, []]));
  for (let run = -2; run < RUNS; run++) {
    for (const [name, fn] of sides) {
      const started = performance.now();
      if ((await fn()) !== PAGE * PAGES) throw new Error(`${name}: wrong item count`);
      if (run >= 0) times.get(name)!.push(performance.now() - started);
    }
  }
  const bare = median(times.get(sides[0]![0])!);
  const rows = sides.map(([name]) => {
    const ms = median(times.get(name)!);
    return [name, fmt((ms * 1000) / PAGES, 0), fmt(((ms - bare) * 1000) / PAGES, 0)];
  });
  const walkMs = median(times.get(sides[1]![0])!);
  const report = [
    `The client's own CPU per request, no network: ${PAGES} pages of ${PAGE} DingTalk classes answered from memory by real \`Response\` objects, the same bodies for both sides; two warm-up rounds, then the median of ${RUNS}.`,
    '',
    table(['walk', 'µs per request', 'µs more than the bare loop'], rows),
  ].join('\n');
  return {
    report,
    bareUs: (bare * 1000) / PAGES,
    walkExtraUs: ((walkMs - bare) * 1000) / PAGES,
  };
}
