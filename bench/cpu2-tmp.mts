import { KeySet } from '../packages/core/src/shared/key-set.js';
const PAGE = 500, PAGES = 200;
const bodies = Array.from({ length: PAGES }, (_, p) => JSON.stringify({ list: Array.from({ length: PAGE }, (_, i) => ({ classId: p * PAGE + i, name: `Class ${p}-${i}`, gradeId: 'g' })), ...(p < PAGES - 1 ? { nextToken: `t${p + 1}` } : {}) }));
const inMemory = async (input: string) => { const token = new URL(input).searchParams.get('nextToken'); return new Response(bodies[token ? Number(token.slice(1)) : 0], { headers: { 'content-type': 'application/json' } }); };
const hand = (mode: number) => async () => {
  let token: string | undefined; let n = 0; const keys = new KeySet(); const set = new Set<string>();
  do {
    const q = new URLSearchParams({ maxResults: '500', ...(token ? { nextToken: token } : {}) });
    const page = (await (await inMemory(`http://127.0.0.1/x?${q}`)).json()) as { list: Array<{ classId: number }>; nextToken?: string };
    if (mode === 1) for (const c of page.list) keys.add(String(c.classId));
    if (mode === 2) for (const c of page.list) set.add(String(c.classId));
    if (mode === 3) for (const c of page.list) if (String(c.classId).length < 0) n++;
    n += page.list.length; token = page.nextToken;
  } while (token);
  return n;
};
const sides: Array<[string, () => Promise<number>]> = [['bare', hand(0)], ['bare+keyset', hand(1)], ['bare+Set', hand(2)], ['bare+key only', hand(3)]];
const times = new Map(sides.map(([n]) => [n, [] as number[]]));
for (let run = -2; run < 15; run++) for (const [n, f] of sides) { const t = performance.now(); await f(); if (run >= 0) times.get(n)!.push(performance.now() - t); }
for (const [n, ts] of times) { ts.sort((a, b) => a - b); console.log(n, (ts[7]! * 1000 / PAGES).toFixed(0), 'us/req'); }
