import { createRequestRunner, dingtalkTokenList, paginate, type Source, staticToken } from '@pagewise/core';
const PAGE = 500, PAGES = 200;
const bodies = Array.from({ length: PAGES }, (_, p) => JSON.stringify({ list: Array.from({ length: PAGE }, (_, i) => ({ classId: p * PAGE + i, name: `Class ${p}-${i}`, gradeId: 'g' })), ...(p < PAGES - 1 ? { nextToken: `t${p + 1}` } : {}) }));
const inMemory = async (input: RequestInfo | URL) => { const token = new URL(String(input), 'http://127.0.0.1').searchParams.get('nextToken'); return new Response(bodies[token ? Number(token.slice(1)) : 0], { headers: { 'content-type': 'application/json' } }); };
const source = dingtalkTokenList({ path: '/v1.0/edu/grades/g/classes', items: 'list', key: (c: { classId: number }) => String(c.classId) }) as Source<unknown>;
const runner = createRequestRunner({ baseUrl: 'http://127.0.0.1', fetch: inMemory as typeof fetch, token: staticToken('an-access-token') });
const dedupe = process.argv[2] !== 'nodedupe';
for (let r = 0; r < 20; r++) { let n = 0; for await (const page of paginate(source, { runner, size: PAGE, dedupe })) n += page.items.length; if (n !== PAGE * PAGES) throw new Error('n'); }
const t = performance.now();
for (let r = 0; r < 10; r++) { for await (const page of paginate(source, { runner, size: PAGE, dedupe })) void page; }
console.log('us/req', ((performance.now() - t) * 1000 / (10 * PAGES)).toFixed(0));
