import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { type Browser, chromium } from 'playwright';
import serveHandler from 'serve-handler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../../chromium.js';

/**
 * The documentation site as `pnpm docs` lays it out (`docs-site/`, built by `pnpm test` before
 * this runs), served the way a Pages deployment serves it: a plain static server at its root,
 * Storybook under `/storybook/`.
 */
const site = new URL('../../docs-site/', import.meta.url).pathname;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

let server: Server;
let base: string;
let browser: Browser;
// The site as `npx serve docs-site` serves it: serve-handler with the site's own serve.json.
let served: Server;
let serveBase: string;

beforeAll(async () => {
  if (!existsSync(join(site, 'index.html')))
    throw new Error('docs-site/ is not built: run `pnpm docs` (pnpm test does) before this test');
  server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!));
    let file = join(site, path);
    if (!file.startsWith(site)) return void res.writeHead(403).end();
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config = JSON.parse(await readFile(join(site, 'serve.json'), 'utf8'));
  served = createServer((req, res) => serveHandler(req, res, { ...config, public: site }));
  await new Promise<void>((resolve) => served.listen(0, '127.0.0.1', resolve));
  serveBase = `http://127.0.0.1:${(served.address() as AddressInfo).port}`;
  browser = await chromium.launch(chromiumLaunchOptions);
});
afterAll(async () => {
  await browser?.close();
  server?.close();
  served?.close();
});

describe('the documentation site, served from a static server’s root', () => {
  it('names each page by its title, once, and lists each heading in full under "On this page"', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    await expect.poll(() => page.locator('h1').allTextContents()).toEqual(['Pagewise']);
    const documents = await page
      .locator('.tsd-navigation a[href*="documents/"]')
      .allTextContents();
    expect(documents).toEqual(expect.arrayContaining(['Getting started', 'Security']));
    expect(documents.filter((name) => /^[a-z]+(-[a-z]+)+$/.test(name))).toEqual([]);
    const headings = await page.locator('.tsd-page-navigation a').allTextContents();
    expect(headings.length).toBeGreaterThan(10);
    // Every entry says something: no empty names, no lone punctuation left by a heading's code.
    for (const heading of headings) expect(heading.trim()).toMatch(/[A-Za-z0-9]{2,}/);
    expect(headings).toContain('React hooks (@pagewise/react)');
    // A guide's page shows its title as its heading, once.
    await page.goto(`${base}/documents/Getting_started.html`);
    expect(await page.locator('h1').allTextContents()).toEqual(['Getting started']);
    await page.close();
  });

  it('documents every published package, the simulators too, and keeps its pages on GitHub Pages', async () => {
    for (const path of [
      '/modules/_pagewise_simulators._pagewise_simulators.html',
      '/functions/_pagewise_simulators._pagewise_simulators.createMewsSimulator.html',
      '/interfaces/_pagewise_simulators._pagewise_simulators.FaultConfig.html',
    ])
      expect((await fetch(`${base}${path}`)).status, path).toBe(200);
    // Each entry point is named as it is imported (not after its file, "index"), and says what
    // it is for.
    const page = await browser.newPage();
    for (const [path, name] of [
      ['/modules/_pagewise_core._pagewise_core_controllers.html', '@pagewise/core/controllers'],
      ['/modules/_pagewise_react._pagewise_react.html', '@pagewise/react'],
      ['/modules/_pagewise_simulators._pagewise_simulators_msw.html', '@pagewise/simulators/msw'],
    ]) {
      await page.goto(`${base}${path}`);
      expect(await page.locator('h1').textContent()).toContain(name);
      expect(await page.locator('.tsd-comment').first().textContent()).toMatch(/\w{3,}/);
    }
    await page.goto(`${base}/modules/_pagewise_core.html`);
    expect(await page.locator('.col-content a').allTextContents()).toEqual(
      expect.arrayContaining(['@pagewise/core', '@pagewise/core/controllers', '@pagewise/core/define']),
    );
    await page.close();
    // Jekyll (GitHub Pages' default build) drops files named `_…`: most API pages are.
    expect(existsSync(join(site, '.nojekyll'))).toBe(true);
  });

  it('links to the stories and to BENCHMARKS from every kind of page, nothing off-site by mistake', async () => {
    const page = await browser.newPage();
    for (const at of ['/', '/documents/Getting_started.html', '/functions/_pagewise_react._pagewise_react.usePagedTable.html']) {
      await page.goto(`${base}${at}`);
      const href = await page.getByRole('link', { name: 'Stories (Storybook)' }).first().getAttribute('href');
      const target = new URL(href!, page.url());
      expect((await fetch(target)).status, `${at} → ${target.pathname}`).toBe(200);
      expect(target.pathname).toBe('/storybook/index.html');
    }
    await page.goto(`${base}/`);
    const offsite = await page
      .locator('a[href^="http"]')
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    expect(offsite.filter((href) => /\/\/[A-Z_]+\.md\b/i.test(href))).toEqual([]);
    // The README's links to BENCHMARKS.md and the Next example open pages of the site, not raw files.
    for (const [name, title] of [
      ['BENCHMARKS.md', 'Benchmarks'],
      ['examples/next-app', 'Pagewise with Next.js (App Router)'],
    ]) {
      await page.goto(`${base}/`);
      await page.getByRole('link', { name, exact: true }).first().click();
      await expect.poll(() => page.title()).toBe(`${title} | Pagewise`);
    }
    await page.close();
  });

  it('renders every story under /storybook/, its simulators answering through MSW', async () => {
    const index = (await (await fetch(`${base}/storybook/index.json`)).json()) as {
      entries: Record<string, { id: string; type: string; title: string; name: string }>;
    };
    const stories = Object.values(index.entries).filter((e) => e.type === 'story');
    expect(stories.length).toBeGreaterThan(20);
    const failed: string[] = [];
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(String(e)));
    for (const story of stories) {
      problems.length = 0;
      await page.goto(`${base}/storybook/iframe.html?id=${story.id}&viewMode=story`);
      const rendered = await page
        .waitForFunction(
          () => {
            const root = document.querySelector('#storybook-root');
            const error = document.body.classList.contains('sb-show-errordisplay');
            return error ? 'error' : root && root.childElementCount > 0 ? 'ok' : false;
          },
          undefined,
          { timeout: 20_000 },
        )
        .then((handle) => handle.jsonValue())
        .catch(() => 'nothing');
      // The worker registered at /storybook/mockServiceWorker.js: the simulators answered.
      const worker = problems.filter((p) => /Service Worker|\[MSW\]/.test(p));
      if (rendered !== 'ok' || worker.length > 0)
        failed.push(`${story.title} / ${story.name}: ${rendered} ${worker.join(' ')}`);
    }
    await page.close();
    expect(failed).toEqual([]);
  });
});

describe('the documentation site by keyboard', () => {
  it('a skip link goes to the content; in a narrow window the menu opens and closes by keyboard', async () => {
    const page = await browser.newPage({ viewport: { width: 400, height: 800 } });
    await page.goto(`${base}/documents/Getting_started.html`);
    // The site's script (deferred) has put the skip link in, and TypeDoc's has run.
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await skip.waitFor({ state: 'attached' });
    await page.waitForLoadState('load');
    await page.keyboard.press('Tab');
    await expect.poll(() => skip.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('role')))
      .toBe('main');
    expect(await page.getByRole('main').getByRole('heading', { level: 1 }).textContent()).toBe(
      'Getting started',
    );
    // The menu button: Enter opens the menu, focus inside it; Escape closes it, back on the button.
    const menu = page.getByRole('button', { name: 'Menu' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await menu.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('true');
    expect(
      await page.evaluate(() => !!document.activeElement?.closest('.col-sidebar')),
    ).toBe(true);
    expect(await page.locator('.col-sidebar').getByRole('link', { name: 'Security' }).isVisible()).toBe(
      true,
    );
    await page.keyboard.press('Escape');
    await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('false');
    expect(await menu.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.close();
  });
});

describe('the documentation site, served by `npx serve docs-site`', () => {
  it('opens the stories and a story by its link, query and all', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    const missing: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) missing.push(`${r.status()} ${new URL(r.url()).pathname}`);
    });
    await page.goto(`${serveBase}/`);
    const href = await page
      .getByRole('link', { name: 'Stories (Storybook)' })
      .first()
      .getAttribute('href');
    await page.goto(new URL(href!, page.url()).href);
    // The manager loads its scripts next to index.html (a clean URL would lose the directory)
    // and opens the first story in its preview.
    await page.locator('iframe#storybook-preview-iframe').waitFor({ timeout: 30_000 });
    expect(missing.filter((m) => !m.endsWith('/favicon.ico'))).toEqual([]);
    const index = (await (await fetch(`${serveBase}/storybook/index.json`)).json()) as {
      entries: Record<string, { id: string; type: string }>;
    };
    const story = Object.values(index.entries).find((e) => e.type === 'story')!;
    await page.goto(`${serveBase}/storybook/iframe.html?id=${story.id}&viewMode=story`);
    await page.waitForFunction(
      () => (document.querySelector('#storybook-root')?.childElementCount ?? 0) > 0,
      undefined,
      { timeout: 20_000 },
    );
    expect(problems).toEqual([]);
    // The folder the README names opens the stories too, with or without its slash.
    for (const path of ['/storybook/', '/storybook']) {
      await page.goto(`${serveBase}${path}`);
      await page.locator('iframe#storybook-preview-iframe').waitFor({ timeout: 30_000 });
      expect(new URL(page.url()).pathname).toBe('/storybook/');
    }
    await page.close();
  });
});
