// The security page's Vite setup (`file=vite.config.ts`), run as a reader runs it: Vite's dev
// server on that config, the three proxies in front of their simulators, called over HTTP.
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../generated/docs_security_md/', import.meta.url));
let server: ViteDevServer;
let base: string;
let port: number;

beforeAll(async () => {
  server = await createServer({
    root,
    configFile: `${root}vite.config.ts`,
    logLevel: 'silent',
    server: { host: '127.0.0.1', port: 0, strictPort: false, ws: false },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  port = address.port;
  base = `http://127.0.0.1:${port}`;
}, 30_000);
afterAll(() => server?.close());

const SAME_ORIGIN = { 'sec-fetch-site': 'same-origin' };
const mewsPage = (count: number) =>
  fetch(`${base}/api/mews/api/connector/v1/reservations/getAll/2023-06-06`, {
    method: 'POST',
    headers: { ...SAME_ORIGIN, 'content-type': 'application/json' },
    body: JSON.stringify({ Limitation: { Cursor: null, Count: count } }),
  });

it('serves the DingTalk, Mews and Dashly proxies in front of their simulators', async () => {
  const dingtalk = await fetch(
    `${base}/api/dingtalk/v1.0/attendance/adjustments?pageNumber=1&pageSize=20`,
    { headers: SAME_ORIGIN },
  );
  expect(dingtalk.status).toBe(200);
  const adjustments = (await dingtalk.json()) as {
    result: { items: unknown[]; totalPage: number };
  };
  expect(adjustments.result.items).toHaveLength(20);
  expect(adjustments.result.totalPage).toBe(50);

  const mews = await mewsPage(10);
  expect(mews.status).toBe(200);
  expect(((await mews.json()) as { Reservations: unknown[] }).Reservations).toHaveLength(10);

  const dashly = await fetch(`${base}/api/dashly/conversations/1/parts?paginate_count=20`, {
    headers: SAME_ORIGIN,
  });
  expect(dashly.status).toBe(200);
  // Ids beyond 2^53, as Dashly sends them: the text is passed on as it came.
  expect((await dashly.text()).match(/"id":\d{19}/g)).toHaveLength(20);
});

it('stays up when a client drops its upload half way, and refuses a body past the limit unread', async () => {
  const dropped = connect(port, '127.0.0.1');
  await new Promise<void>((resolve) => dropped.once('connect', resolve));
  dropped.write(
    'POST /api/mews/api/connector/v1/reservations/getAll/2023-06-06 HTTP/1.1\r\n' +
      `Host: 127.0.0.1:${port}\r\nsec-fetch-site: same-origin\r\n` +
      'content-type: application/json\r\ncontent-length: 1000\r\n\r\n{"L',
  );
  await new Promise((resolve) => setTimeout(resolve, 100));
  dropped.destroy();
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect((await mewsPage(5)).status).toBe(200);

  const huge = await fetch(`${base}/api/mews/api/connector/v1/reservations/getAll/2023-06-06`, {
    method: 'POST',
    headers: { ...SAME_ORIGIN, 'content-type': 'application/json' },
    body: `{"Limitation":{"Count":1},"x":"${'a'.repeat(64 * 1024)}"}`,
  });
  expect(huge.status).toBe(413);
});

it('refuses a call from another site before it reaches a simulator', async () => {
  const answer = await fetch(
    `${base}/api/dingtalk/v1.0/attendance/adjustments?pageNumber=1&pageSize=20`,
    { headers: { 'sec-fetch-site': 'cross-site' } },
  );
  expect(answer.status).toBe(403);
});
