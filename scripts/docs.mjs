// `pnpm run docs`: the documentation site, into docs-site/ —
//   docs-site/index.html      the README, every guide and vendor page, and the API reference
//                             (TypeDoc over the packages' public entries);
//   docs-site/storybook/      the stories (Storybook), live over the simulators.
// Fails on a TypeDoc warning (a broken link, a page that is not there, an export it cannot
// document) and on an option of the public API that does not say its default.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { optionsWithoutDefault } from './check-doc-defaults.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'docs-site');
const quiet = process.argv.includes('--quiet');
const run = (command, args) =>
  execFileSync(command, args, {
    cwd: root,
    stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
  });

rmSync(out, { recursive: true, force: true });
// TypeDoc reads the packages through their project references: their declarations first (a
// fresh clone after `install && build` has none; incremental when `pnpm test` just built them).
run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b']);
run(process.execPath, [
  join(root, 'node_modules/typedoc/bin/typedoc'),
  '--treatWarningsAsErrors',
  '--logLevel',
  quiet ? 'Warn' : 'Info',
]);
const missing = optionsWithoutDefault(JSON.parse(readFileSync(join(out, 'api.json'), 'utf8')));
if (missing.length) {
  console.error(`${missing.length} options without @defaultValue:\n  ${missing.join('\n  ')}`);
  process.exit(1);
}
run(process.execPath, [
  join(root, 'node_modules/storybook/dist/bin/dispatcher.js'),
  'build',
  '--disable-telemetry',
  ...(quiet ? ['--quiet'] : []),
  '-o',
  join(out, 'storybook'),
]);
// `npx serve` (it reads this file) would strip `.html` by redirects that drop the query Storybook's
// links carry (`iframe.html?id=…`) and the directory its scripts load from: every story would open
// blank. URLs are served as they are; the site's root and `storybook/` open their index (a folder
// without its trailing slash is sent to it first, so relative links stay inside).
const serveConfig = {
  cleanUrls: false,
  trailingSlash: true,
  rewrites: [
    { source: '/', destination: '/index.html' },
    { source: '/storybook', destination: '/storybook/index.html' },
  ],
};
writeFileSync(join(out, 'serve.json'), `${JSON.stringify(serveConfig, null, 2)}\n`);
const at = (path) => relative(process.cwd(), join(out, path)) || '.';
console.log(`Documentation site built:
  guides and API reference  ${at('index.html')}
  stories (Storybook)       ${at('storybook/index.html')}
Serve it with any static server, e.g. \`npx serve ${at('')}\`.`);
