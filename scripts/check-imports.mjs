// Layout check (part of `pnpm test`): no package imports another package's `src/` by a relative
// path — packages meet only at their public entry points — and core never references the
// simulators or the testkit outside its tests. Prints each violation and exits 1 when any.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SCANNED = ['packages', 'apps', 'examples', 'bench', '.storybook'];
const SKIP = new Set(['node_modules', 'dist', 'storybook-static', '.next', 'public']);
const SOURCE = /\.(ts|tsx|mts|js|mjs|jsx|mdx)$/;
const SPECIFIER =
  /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (SOURCE.test(name)) yield path;
  }
}

/** The directory of the package a file belongs to (the nearest package.json below the root). */
function packageOf(file) {
  for (let dir = dirname(file); dir.startsWith(root) && dir !== root; dir = dirname(dir))
    if (existsSync(join(dir, 'package.json'))) return dir;
  return root;
}

const isTest = (file) => /\.test(-d)?\.tsx?$|[\\/]test-support[\\/]/.test(file);
const problems = [];
for (const top of SCANNED) {
  const start = join(root, top);
  if (!existsSync(start)) continue;
  for (const file of files(start)) {
    const text = readFileSync(file, 'utf8');
    const own = packageOf(file);
    const where = relative(root, file);
    for (const m of text.matchAll(SPECIFIER)) {
      const spec = m[1] ?? m[2] ?? m[3];
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec);
        const theirs = packageOf(target);
        if (theirs !== own && relative(theirs, target).split(sep)[0] === 'src')
          problems.push(`${where}: imports ${spec} — another package's src/ (use its entry point)`);
      } else if (/^@pagewise\/[^/]+\/src(\/|$)/.test(spec)) {
        problems.push(`${where}: imports ${spec} — a package's src/ (use its entry point)`);
      }
      if (own === join(root, 'packages', 'core')) {
        if (spec.startsWith('@pagewise/simulators'))
          problems.push(
            `${where}: core references the simulators (${spec}); tests use @pagewise/testkit`,
          );
        if (spec.startsWith('@pagewise/testkit') && !isTest(file))
          problems.push(`${where}: core's own code imports the testkit (${spec})`);
      }
    }
  }
}
if (problems.length) {
  console.error(`Layout check failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('Layout check: packages meet only at their public entry points.');
