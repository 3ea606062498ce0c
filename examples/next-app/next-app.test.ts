import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createRequestRunner, mewsGetAll } from '@pagewise/core';
import { createMewsSimulator, MEWS_CREDENTIALS } from '@pagewise/simulators';
import { type RunningSimulator, serveSimulator } from '@pagewise/simulators/http-server';
import { type Browser, chromium, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../../chromium.js';

/**
 * The example as a user runs it: `next build`, `next start` against the Mews simulator, then
 * Chromium. Page 1 must be in the server's HTML, the browser must not fetch it again, hydration
 * must not warn, and no credential may reach the browser.
 */
const dir = fileURLToPath(new URL('.', import.meta.url));
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

let simulator: RunningSimulator;
let app: ChildProcess;
let base: string;
let browser: Browser;

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

beforeAll(async () => {
  await promisify(execFile)(process.execPath, [nextBin, 'build'], { cwd: dir, env });
  simulator = await serveSimulator(createMewsSimulator({ sizes: { customers: 95 } }));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  app = spawn(
    process.execPath,
    [nextBin, 'start', '--port', String(port), '--hostname', '127.0.0.1'],
    {
      cwd: dir,
      env: {
        ...env,
        MEWS_URL: simulator.url,
        MEWS_CLIENT_TOKEN: MEWS_CREDENTIALS.clientToken,
        MEWS_ACCESS_TOKEN: MEWS_CREDENTIALS.accessToken,
      },
      stdio: 'pipe',
    },
  );
  for (let i = 0; i < 200; i++) {
    if (
      await fetch(`${base}/api/health-check`).then(
        () => true,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 100));
  }
  browser = await chromium.launch(chromiumLaunchOptions);
});

afterAll(async () => {
  await browser?.close();
  app?.kill('SIGTERM');
  await simulator?.close();
});

/** What the simulator answers for page 1, asked directly. */
async function firstPage<T>(entity: 'customers' | 'reservations', size: number) {
  const source = mewsGetAll<T>({
    entity,
    items: entity === 'customers' ? 'Customers' : 'Reservations',
    ...(entity === 'reservations' ? { operation: 'reservations/getAll/2023-06-06' } : {}),
    credentials: MEWS_CREDENTIALS,
  });
  const runner = createRequestRunner({ baseUrl: simulator.url });
  return runner.fetchPage(source, { cursor: null, direction: 'after', size });
}

interface Visit {
  page: Page;
  html: string;
  /** The browser's calls to the Mews route, with their bodies. */
  calls: Array<{ Cursor: string | null; body: string }>;
  problems: string[];
  /** The URL the server redirected from, if it did. */
  redirectedFrom: string | undefined;
}

async function visit(path: string): Promise<Visit> {
  const page = await browser.newPage();
  const calls: Visit['calls'] = [];
  const problems: string[] = [];
  page.on('request', (r) => {
    if (!r.url().includes('/api/mews/')) return;
    const body = r.postData() ?? '';
    calls.push({ Cursor: JSON.parse(body).Limitation?.Cursor ?? null, body });
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  const response = await page.goto(base + path, { waitUntil: 'networkidle' });
  const html = (await response?.text()) ?? '';
  const redirectedFrom = response?.request().redirectedFrom()?.url();
  return { page, html, calls, problems, redirectedFrom };
}

describe('the Next.js App Router example', () => {
  it('server-renders page 1 of the table, hydrates it without fetching it again or a warning, and pages on through the route', async () => {
    const expected = await firstPage<{ Email: string }>('customers', 10);
    const { page, html, calls, problems } = await visit('/');
    // Page 1 is in the server's HTML, every row of it.
    for (const c of expected.items) expect(html).toContain(c.Email);
    expect(html).not.toContain(MEWS_CREDENTIALS.accessToken);
    expect(html).not.toContain(MEWS_CREDENTIALS.clientToken);
    await expect.poll(() => page.locator('tbody tr').count()).toBe(10);
    // The browser fetched page 2 ahead, never page 1, and sent no credential.
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((c) => c.Cursor !== null)).toBe(true);
    expect(calls.every((c) => !c.body.includes('Token'))).toBe(true);
    expect(problems).toEqual([]);
    await page.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => page.getByText('Page 2').count()).toBe(1);
    const emails = await page.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(emails).toHaveLength(10);
    expect(emails).not.toContain(expected.items[0]!.Email);
    expect(problems).toEqual([]);
    // The page and its cursor are in the URL: a reload is rendered on the server at page 2.
    const link = new URL(page.url());
    expect(link.searchParams.get('page')).toBe('2');
    // Written with the page size it was handed out at.
    const cursor = link.searchParams.get('cursor');
    expect(cursor).toBeTruthy();
    expect(link.searchParams.get('cursorSize')).toBe('10');
    await page.close();
    const reload = await visit(link.pathname + link.search);
    for (const email of emails) expect(reload.html).toContain(email);
    await expect.poll(() => reload.page.getByText('Page 2').count()).toBe(1);
    expect(reload.calls.map((c) => c.Cursor)).not.toContain(cursor);
    expect(reload.calls.map((c) => c.Cursor)).not.toContain(null);
    // Back to page 1 from the keyboard: Previous becomes disabled and focus stays in the pager.
    await reload.page.getByRole('button', { name: 'Previous' }).focus();
    await reload.page.keyboard.press('Enter');
    await expect.poll(() => reload.page.getByText('Page 1').count()).toBe(1);
    await expect
      .poll(() => reload.page.evaluate(() => document.activeElement?.closest('nav') !== null))
      .toBe(true);
    expect(reload.problems).toEqual([]);
    await reload.page.close();
  });

  it('redirects a URL holding what the table refuses on the server, before anything renders', async () => {
    const { page, html, problems, redirectedFrom } = await visit('/?page=abc&size=33&tab=2');
    // By the server (an HTTP redirect), not corrected by the browser after hydrating.
    expect(redirectedFrom).toContain('page=abc');
    expect(new URL(page.url()).search).toBe('?tab=2');
    await expect.poll(() => page.locator('tbody tr').count()).toBe(10);
    expect(html).toContain('Page 1');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('server-renders the infinite list’s first page, hydrates it without fetching it again, and loads more in the browser', async () => {
    const expected = await firstPage<{ Number: string }>('reservations', 20);
    const { page, html, calls, problems } = await visit('/feed');
    for (const r of expected.items) expect(html).toContain(`#${r.Number}`);
    await expect.poll(() => page.locator('li').count()).toBeGreaterThanOrEqual(20);
    expect(calls.every((c) => c.Cursor !== null)).toBe(true);
    const before = await page.locator('li').count();
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => page.locator('li').count()).toBeGreaterThan(before);
    expect(calls.every((c) => c.Cursor !== null && !c.body.includes('Token'))).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the table follows Next’s <Link> navigations: another size, back to the first page', async () => {
    const { page, problems } = await visit('/');
    await expect.poll(() => page.locator('tbody tr').count()).toBe(10);
    await page.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => page.getByText('Page 2').count()).toBe(1);
    await page.getByRole('link', { name: '20 per page' }).click();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(20);
    await expect.poll(() => page.getByText('Page 1').count()).toBe(1);
    expect(new URL(page.url()).search).toBe('?size=20');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => page.getByText('Page 2').count()).toBe(1);
    // The table's own write keeps what the router put there.
    expect(new URL(page.url()).searchParams.get('size')).toBe('20');
    await page.getByRole('link', { name: 'First page' }).click();
    await expect.poll(() => page.getByText('Page 1').count()).toBe(1);
    await expect.poll(() => page.locator('tbody tr').count()).toBe(10);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('its Mews route stops reading an upload past 64 KB: a chunked 300 MB body is 413 before it arrived', async () => {
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(32);
    const upload = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 300 * 1024 * 1024) return controller.close();
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const answer = await fetch(`${base}/api/mews/api/connector/v1/customers/getAll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: upload,
      duplex: 'half',
    } as RequestInit);
    expect(answer.status).toBe(413);
    expect(pulled).toBeLessThan(64 * 1024 * 1024);
  });

  it('its Mews route answers only this app’s pages, only the allowed operations, only JSON', async () => {
    const call = (path: string, headers: Record<string, string>, body = '{}') =>
      fetch(`${base}/api/mews/api/${path}`, { method: 'POST', headers, body });
    const json = { 'content-type': 'application/json' };
    expect(
      (await call('connector/v1/customers/getAll', { ...json, 'sec-fetch-site': 'cross-site' }))
        .status,
    ).toBe(403);
    expect(
      (await call('connector/v1/customers/getAll', { 'content-type': 'text/plain' })).status,
    ).toBe(415);
    expect((await call('connector/v1/customers/delete', json)).status).toBe(404);
    expect((await call('connector/v1/customers/getAll', json, '[1]')).status).toBe(400);
    const ok = await call(
      'connector/v1/customers/getAll',
      json,
      JSON.stringify({ Client: 'test', Limitation: { Count: 5 } }),
    );
    expect(ok.status).toBe(200);
    expect((await ok.json()).Customers).toHaveLength(5);
  });
});
