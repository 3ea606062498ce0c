import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { chromium } from 'playwright';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../../chromium.js';

const root = new URL('../../', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'pagewise-packed-'));
let server: Server | undefined;
afterAll(() => {
  server?.close();
  if (!process.env.KEEP_PACKED_APP) rmSync(work, { recursive: true, force: true });
});

/** pnpm, as the test command was started with (it rewrites `workspace:` ranges when packing). */
function pnpm(args: string[], cwd: string) {
  const execpath = process.env.npm_execpath;
  if (execpath && /pnpm/.test(execpath)) {
    // pnpm is either a script run by node or a standalone executable.
    if (/\.[cm]?js$/.test(execpath))
      return execFileSync(process.execPath, [execpath, ...args], { cwd, encoding: 'utf8' });
    return execFileSync(execpath, args, { cwd, encoding: 'utf8' });
  }
  return execFileSync('npx', ['-y', 'pnpm@12.21.0', ...args], { cwd, encoding: 'utf8' });
}

/** The tarballs, packed once for every app. */
let packed: { core: string; react: string } | undefined;
function pack() {
  if (packed) return packed;
  for (const pkg of ['core', 'react'])
    pnpm(['pack', '--pack-destination', work], join(root, 'packages', pkg));
  const tarballs = readdirSync(work).filter((f) => f.endsWith('.tgz'));
  packed = {
    core: tarballs.find((f) => f.includes('core'))!,
    react: tarballs.find((f) => f.includes('react'))!,
  };
  return packed;
}

describe.each([
  ['19', { react: '^19.0.0', types: '^19.0.0' }],
  ['18', { react: '^18.2.0', types: '^18.3.0' }],
] as const)('the published packages in a fresh React %s app', (major, versions) => {
  it('install from their tarballs with a plain npm install, build with Vite, and render a paged table and an infinite list', async () => {
    const { core, react } = pack();
    // What the tarballs carry: the build, the types, README, LICENSE and CHANGELOG — no sources,
    // tests, source maps or API reports.
    for (const [tarball, entries] of [
      [
        core,
        [
          'dist/index.js',
          'dist/index.d.ts',
          'dist/define.js',
          'dist/define.d.ts',
          'dist/controllers.js',
          'dist/controllers.d.ts',
        ],
      ],
      [react, ['dist/index.js', 'dist/index.d.ts']],
    ] as const) {
      const files = execFileSync('tar', ['-tzf', join(work, tarball)], { encoding: 'utf8' })
        .split('\n')
        .filter(Boolean)
        .map((f) => f.replace(/^package\//, ''));
      for (const file of [...entries, 'package.json', 'README.md', 'LICENSE', 'CHANGELOG.md'])
        expect(files).toContain(file);
      expect(files.filter((f) => /(^src\/|\.test\.|\.map$|^api\/|tsbuildinfo)/.test(f))).toEqual(
        [],
      );
      expect(
        files.every((f) => /^(dist\/|package\.json$|README\.md$|LICENSE$|CHANGELOG\.md$)/.test(f)),
      ).toBe(true);
    }
    const app = join(work, `app-${major}`);
    cpSync(new URL('./app-template', import.meta.url).pathname, app, { recursive: true });
    writeFileSync(
      join(app, 'package.json'),
      JSON.stringify({
        name: 'fresh-app',
        private: true,
        type: 'module',
        dependencies: {
          '@pagewise/core': `file:../${core}`,
          '@pagewise/react': `file:../${react}`,
          '@tanstack/react-query': '^5.0.0',
          '@tanstack/react-table': '^9.0.0',
          react: versions.react,
          'react-dom': versions.react,
        },
        devDependencies: {
          vite: '^8.0.0',
          typescript: '~5.9.3',
          '@types/react': versions.types,
          '@types/react-dom': versions.types,
        },
        overrides: { '@pagewise/core': `file:../${core}` },
      }),
    );
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: app,
      stdio: 'pipe',
    });
    execFileSync(join(app, 'node_modules/.bin/vite'), ['build', '--logLevel', 'error'], {
      cwd: app,
      stdio: 'pipe',
    });
    // A strict TypeScript app over the tarballs' types: params, the provider, pageNumberSource,
    // useTableState and TanStack Table, with exactOptionalPropertyTypes on.
    execFileSync(join(app, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], {
      cwd: app,
      stdio: 'pipe',
    });

    const dist = join(app, 'dist');
    server = createServer(async (req, res) => {
      const path =
        req.url === '/' || !req.url || !extname(req.url.split('?')[0]!)
          ? '/index.html'
          : req.url.split('?')[0]!;
      try {
        const body = await readFile(join(dist, path));
        res.writeHead(200, {
          'content-type': path.endsWith('.js') ? 'text/javascript' : 'text/html',
        });
        res.end(body);
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const installed = JSON.parse(
      await readFile(join(app, 'node_modules/react/package.json'), 'utf8'),
    ) as { version: string };
    expect(installed.version.split('.')[0]).toBe(major);

    const browser = await chromium.launch(chromiumLaunchOptions);
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.goto(`http://127.0.0.1:${port}/`);
      const people = page.getByRole('list', { name: 'people' }).getByRole('listitem');
      await expect.poll(() => people.count()).toBe(20);
      expect(await people.first().textContent()).toBe('Person 1');
      await page.getByRole('button', { name: 'Page 3' }).click();
      await expect.poll(() => people.first().textContent()).toBe('Person 41');
      expect(await page.getByRole('button', { name: 'Page 3' }).getAttribute('aria-current')).toBe(
        'page',
      );
      await page.getByRole('button', { name: 'Page 5' }).click();
      await expect.poll(() => people.count()).toBe(15);
      expect(await page.getByRole('button', { name: 'Next page' }).isDisabled()).toBe(true);

      const feed = page.getByRole('list', { name: 'feed' }).getByRole('listitem');
      await expect.poll(() => feed.count()).toBe(30);
      for (const total of [60, 90, 95]) {
        await page.getByRole('button', { name: 'Load more' }).click();
        await expect.poll(() => feed.count()).toBe(total);
      }
      expect(await page.getByRole('button', { name: 'The end' }).isDisabled()).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      server?.close();
    }
  });
});
